import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/defaults.js";
import {
  defectsAsOf,
  isCountingChargeback,
  isCountingClaim,
  isNegativeFeedback,
  unmatchedDefects,
} from "../../src/metrics/defects.js";
import { newCache } from "../../src/metrics/cache.js";
import type { Claim, Inputs } from "../../src/records.js";
import { MS_PER_DAY, parseDay } from "../../src/time.js";
import { at, chargeback, claim, context, feedback, input, order, orders } from "../helpers/records.js";

const D = "2026-11-20";
const asOf = parseDay(D)!;
const EOD = (asOf + 1) * MS_PER_DAY - 1; // 2026-11-20T23:59:59.999Z
const lastMs = { ms: EOD, day: asOf }; // the last millisecond of D
const nextMs = { ms: EOD + 1, day: asOf + 1 }; // 2026-11-21T00:00:00.000Z

describe("isNegativeFeedback (SPEC 2.2)", () => {
  it("rating 1 or 2 counts; 3, 4 and 5 do not", () => {
    const r = (rating: number) => isNegativeFeedback(feedback({ orderId: "a", rating, date: at(D) }), EOD);
    expect([1, 2, 3, 4, 5].map(r)).toEqual([true, true, false, false, false]);
  });
  it("removed feedback does not count", () => {
    expect(isNegativeFeedback(feedback({ orderId: "a", rating: 1, removed: true }), EOD)).toBe(false);
  });
  it("dated by the end of D counts, a millisecond later does not, undated counts (8.15)", () => {
    expect(isNegativeFeedback(feedback({ orderId: "a", rating: 1, date: lastMs }), EOD)).toBe(true);
    expect(isNegativeFeedback(feedback({ orderId: "a", rating: 1, date: nextMs }), EOD)).toBe(false);
    expect(isNegativeFeedback(feedback({ orderId: "a", rating: 2, date: null }), EOD)).toBe(true);
  });
});

describe("isCountingClaim (SPEC 2.2, 8.9)", () => {
  const c = (status: string, extra: Partial<Claim> = {}) =>
    claim({ orderId: "a", status, ...extra });
  it("granted and seller-refunded count, in any spelling", () => {
    for (const s of ["granted", "Granted", "sellerrefunded", "seller_refunded", "Seller Refunded", "SELLER-REFUNDED"]) {
      expect(isCountingClaim(c(s), EOD, false)).toBe(true);
    }
  });
  it("denied, withdrawn and unknown statuses do not", () => {
    for (const s of ["denied", "withdrawn", "escalated", "closed", ""]) expect(isCountingClaim(c(s), EOD, false)).toBe(false);
  });
  it("pending and open count only with countPendingClaims", () => {
    for (const s of ["pending", "open", "Open"]) {
      expect(isCountingClaim(c(s), EOD, false)).toBe(false);
      expect(isCountingClaim(c(s), EOD, true)).toBe(true);
    }
    // the flag does not make denied count
    expect(isCountingClaim(c("denied"), EOD, true)).toBe(false);
  });
  it("an Amazon-funded claim does not count, even granted", () => {
    expect(isCountingClaim(c("granted", { amazonFunded: true }), EOD, true)).toBe(false);
  });
  it("filed by the end of D counts, later does not, undated counts", () => {
    expect(isCountingClaim(c("granted", { filedAt: lastMs }), EOD, false)).toBe(true);
    expect(isCountingClaim(c("granted", { filedAt: nextMs }), EOD, false)).toBe(false);
    expect(isCountingClaim(c("granted", { filedAt: null }), EOD, false)).toBe(true);
  });
});

describe("isCountingChargeback (SPEC 2.2, 8.9)", () => {
  it("no type and no status counts; fraud does not", () => {
    expect(isCountingChargeback(chargeback({ orderId: "a" }), EOD)).toBe(true);
    expect(isCountingChargeback(chargeback({ orderId: "a", type: "fraud" }), EOD)).toBe(false);
    expect(isCountingChargeback(chargeback({ orderId: "a", type: "Fraud" }), EOD)).toBe(false);
    expect(isCountingChargeback(chargeback({ orderId: "a", type: "item not received" }), EOD)).toBe(true);
  });
  it("won, reversed and withdrawn are excluded; any other status counts", () => {
    const s = (status: string) => isCountingChargeback(chargeback({ orderId: "a", status }), EOD);
    expect(["won", "reversed", "withdrawn", "Won"].map(s)).toEqual([false, false, false, false]);
    expect(["lost", "open", "under review", "escalated"].map(s)).toEqual([true, true, true, true]);
  });
  it("filed by the end of D counts, later does not", () => {
    expect(isCountingChargeback(chargeback({ orderId: "a", filedAt: lastMs }), EOD)).toBe(true);
    expect(isCountingChargeback(chargeback({ orderId: "a", filedAt: nextMs }), EOD)).toBe(false);
  });
});

describe("defectsAsOf", () => {
  it("each order's defects: every kind flagged, words in input order without repeats", () => {
    const inputs: Inputs = {
      orders: orders(["A", "B", "C", "N"].map((id) => order({ orderId: id, purchase: at("2026-11-01") }))),
      feedback: input("feedback", [feedback({ orderId: "A", rating: 2 }), feedback({ orderId: "B", rating: 5 })], []),
      claims: input("claims", [claim({ orderId: "A", status: "granted" })], []),
      chargebacks: input("chargebacks", [chargeback({ orderId: "C" }), chargeback({ orderId: "C" })], []),
    };
    const of = defectsAsOf(context(D, inputs), inputs.orders!);
    // A (0): feedback + claim; B (1): 5 stars, no defect; C (2): two chargebacks -> one word; N (3): none
    expect(of(0)).toEqual({
      negativeFeedback: true,
      claims: true,
      chargebacks: false,
      words: ["2-star feedback", "A-to-z claim granted"],
    });
    expect([of(1), of(3)]).toEqual([undefined, undefined]);
    expect(of(2)).toEqual({ negativeFeedback: false, claims: false, chargebacks: true, words: ["chargeback"] });
  });
  it("a row dated after D is not yet a defect of its order; from its day on it is", () => {
    const inputs: Inputs = {
      orders: orders([order({ orderId: "A", purchase: at("2026-11-01") })]),
      feedback: input("feedback", [feedback({ orderId: "A", rating: 1, date: nextMs })], []),
      chargebacks: input("chargebacks", [chargeback({ orderId: "A", filedAt: lastMs })], []),
    };
    expect(defectsAsOf(context(D, inputs), inputs.orders!)(0)?.words).toEqual(["chargeback"]);
    expect(defectsAsOf(context("2026-11-21", inputs), inputs.orders!)(0)?.words).toEqual(["1-star feedback", "chargeback"]);
  });
});

describe("unmatchedDefects (SPEC 2.2, 8.10)", () => {
  const known = [
    order({ orderId: "K", purchase: at("2026-10-01") }),
    order({ orderId: "P", purchase: at("2026-10-01"), pending: true, status: "pending" }),
  ];
  const ordersInput = () => {
    const o = orders(known);
    return { ...o, outsideIds: new Set(["OLD"]) };
  };
  const inputs = (): Inputs => ({
    orders: ordersInput(),
    feedback: input(
      "feedback",
      [
        feedback({ orderId: "K", rating: 1 }), // known: matched
        feedback({ orderId: "P", rating: 1 }), // pending order: matched (8.10)
        feedback({ orderId: "OLD", rating: 1 }), // read but kept out as too old: matched
        feedback({ orderId: "U1", rating: 1 }), // unknown: unmatched
        feedback({ orderId: "U1", rating: 2 }), // unknown again: unmatched (rows are counted)
        feedback({ orderId: "U2", rating: 4 }), // unknown, but not a defect
        feedback({ orderId: "U3", rating: 1, removed: true }), // unknown, removed: not a defect
        feedback({ orderId: "U4", rating: 1, date: at("2026-11-21") }), // unknown, after D
      ],
      [],
    ),
    claims: input(
      "claims",
      [claim({ orderId: "U5", status: "granted" }), claim({ orderId: "U6", status: "denied" })],
      [],
    ),
    chargebacks: input("chargebacks", [chargeback({ orderId: "U7", type: "fraud" }), chargeback({ orderId: "K" })], []),
  });

  it("counts defect rows whose order is unknown, per input", () => {
    // feedback: U1 twice -> 2; claims: U5 granted -> 1 (U6 denied is no defect);
    // chargebacks: U7 is fraud (no defect), K is known -> 0
    expect(unmatchedDefects(context(D, inputs()))).toEqual({ feedback: 2, claims: 1, chargebacks: 0 });
  });

  it("a row that becomes a defect later is unmatched from that day on", () => {
    // as of 2026-11-21 the U4 feedback dated 11-21 exists: feedback 2 + 1 = 3
    expect(unmatchedDefects(context("2026-11-21", inputs()))).toEqual({ feedback: 3, claims: 1, chargebacks: 0 });
  });

  it("countPendingClaims makes an unknown order's pending claim unmatched too", () => {
    const cfg = defaultConfig();
    cfg.countPendingClaims = true;
    const i: Inputs = { orders: ordersInput(), claims: input("claims", [claim({ orderId: "U", status: "pending" })], []) };
    expect(unmatchedDefects(context(D, i)).claims).toBe(0);
    expect(unmatchedDefects(context(D, i, cfg)).claims).toBe(1);
  });

  it("with a cache shared by a trend's days, the defect rows are matched to the orders once", () => {
    const i = inputs();
    let reads = 0;
    i.orders!.records = i.orders!.records.map((o) =>
      Object.defineProperty({ ...o }, "orderId", {
        get: () => {
          reads++;
          return o.orderId;
        },
      }),
    );
    const cache = newCache();
    const days = [D, "2026-11-21"].map((d) => ({ ...context(d, i), cache }));
    // K (position 0) has 1-star feedback and a chargeback on both days; U4's feedback dated 11-21
    // is unmatched from 11-21 on.
    expect(days.map((ctx) => defectsAsOf(ctx, ctx.inputs.orders!)(0)?.words)).toEqual([
      ["1-star feedback", "chargeback"],
      ["1-star feedback", "chargeback"],
    ]);
    expect(days.map((ctx) => unmatchedDefects(ctx))).toEqual([
      { feedback: 2, claims: 1, chargebacks: 0 },
      { feedback: 3, claims: 1, chargebacks: 0 },
    ]);
    expect(reads).toBe(2); // one pass over the two orders (K, P) for both days
    // Without a cache each call walks the orders again.
    const plain = context(D, i);
    unmatchedDefects(plain);
    unmatchedDefects(plain);
    expect(reads).toBe(6);
  });

  it("a context of another day sharing the cache (a trend's) finds its own defects", () => {
    const i = inputs();
    const cache = newCache();
    const days = [D, "2026-11-21", D].map((d) => ({ ...context(d, i), cache }));
    // U4's feedback dated 11-21 is a defect as of 11-21 only.
    expect(days.map((ctx) => unmatchedDefects(ctx).feedback)).toEqual([2, 3, 2]);
  });

  it("without an orders input nothing is unmatched (odr is no_data and says why)", () => {
    const i = inputs();
    delete i.orders;
    expect(unmatchedDefects(context(D, i))).toEqual({ feedback: 0, claims: 0, chargebacks: 0 });
  });
});

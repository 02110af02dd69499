import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { defaultConfig, type ChannelScope, type ResolvedConfig } from "../../src/config/defaults.js";
import { isCountingChargeback, isCountingClaim, isNegativeFeedback, unmatchedDefects } from "../../src/metrics/defects.js";
import { odr } from "../../src/metrics/odr.js";
import { headroomOf, rateOf, statusOf } from "../../src/metrics/status.js";
import { windowDates, windowFor } from "../../src/metrics/window.js";
import type { Chargeback, Claim, Feedback, Inputs, Order, Stamp } from "../../src/records.js";
import { MS_PER_DAY, parseDay } from "../../src/time.js";
import { at, chargeback, claim, context, feedback, input, order, orders } from "../helpers/records.js";

const D = "2026-11-20";
const asOf = parseDay(D)!;
// W(60, 14): to = 11-20 - 14 = 11-06; from = 11-06 - 59 days = 09-08 (Oct has 31 days, Sep 30)
const W = windowFor(asOf, 60, 14);
const S = defaultConfig().metrics.odr; // target 0.01, warnAt 0.008

const fbInput = (list: Feedback[]) => input("feedback", list, ["order_id", "date", "rating", "removed"]);
const clInput = (list: Claim[]) => input("claims", list, ["order_id", "status", "filed_at", "amazon_funded"]);
const cbInput = (list: Chargeback[]) => input("chargebacks", list, ["order_id", "filed_at", "type", "status"]);

function run(
  list: Order[],
  defects: { feedback?: Feedback[]; claims?: Claim[]; chargebacks?: Chargeback[] },
  channel: ChannelScope = "mfn",
  config?: ResolvedConfig,
) {
  const inputs: Inputs = { orders: orders(list) };
  if (defects.feedback) inputs.feedback = fbInput(defects.feedback);
  if (defects.claims) inputs.claims = clInput(defects.claims);
  if (defects.chargebacks) inputs.chargebacks = cbInput(defects.chargebacks);
  return odr(context(D, inputs, config), W, channel);
}

const o = (id: string, purchase = "2026-10-01", extra: Partial<Order> = {}) =>
  order({ orderId: id, purchase: at(purchase), ...extra });
const all = { feedback: [] as Feedback[], claims: [] as Claim[], chargebacks: [] as Chargeback[] };

describe("odr window W(60, 14) on purchase date, per channel", () => {
  it("the window is 2026-09-08 .. 2026-11-06", () => {
    expect(windowDates(W)).toEqual({ from: "2026-09-08", to: "2026-11-06" });
  });

  it("first and last purchase day in, the day before and after out, for mfn and afn alike", () => {
    const list: Order[] = [];
    const fb: Feedback[] = [];
    for (const ch of ["mfn", "afn"] as const) {
      for (const [name, day] of [
        ["before", "2026-09-07"],
        ["first", "2026-09-08"],
        ["last", "2026-11-06"],
        ["after", "2026-11-07"],
      ] as const) {
        list.push(o(`${ch}-${name}`, day, { channel: ch }));
        fb.push(feedback({ orderId: `${ch}-${name}`, rating: 1, date: at("2026-11-10") }));
      }
    }
    for (const ch of ["mfn", "afn"] as const) {
      const t = run(list, { feedback: fb }, ch);
      // in: first, last of this channel -> 2 orders, both with 1-star feedback -> 2 of 2
      expect([t.numerator, t.denominator]).toEqual([2, 2]);
      expect(t.offenders.map((x) => x.orderId)).toEqual([`${ch}-first`, `${ch}-last`]);
      expect(t.offenders.map((x) => x.date)).toEqual(["2026-09-08", "2026-11-06"]);
      expect(t.basis).toBe("purchase date");
    }
  });

  it("pending orders are left out; a pending order's defect is matched, not unmatched (8.10)", () => {
    const list = [o("A"), o("P", "2026-10-01", { pending: true, status: "pending" })];
    const fb = [feedback({ orderId: "P", rating: 1 })];
    const t = run(list, { feedback: fb });
    // denominator: A only (P pending) -> 1; P's defect is not counted -> 0 of 1
    expect([t.numerator, t.denominator]).toEqual([0, 1]);
    const ctx = context(D, { orders: orders(list), feedback: fbInput(fb) });
    expect(unmatchedDefects(ctx).feedback).toBe(0);
  });

  it("an empty window is 0 of 0 (no_data by status, not by reason)", () => {
    const t = run([], all);
    expect(t).toMatchObject({ numerator: 0, denominator: 0, reason: null });
    expect(statusOf(t, "lt", S.target, S.warnAt)).toBe("no_data");
  });
});

describe("odr: each order once (issue 3)", () => {
  it("an order with negative feedback and a granted claim counts once, in both components", () => {
    const list = [o("A", "2026-10-01", { source: { file: "orders.txt", line: 7 } }), o("B")];
    const t = run(list, {
      feedback: [feedback({ orderId: "A", rating: 2, date: at("2026-10-10") })],
      claims: [claim({ orderId: "A", status: "granted", filedAt: at("2026-10-12") })],
      chargebacks: [],
    });
    // orders A, B -> 2; A defective (feedback + claim) -> numerator 1
    expect([t.numerator, t.denominator]).toEqual([1, 2]);
    // components are order counts per kind: 1 + 1 + 0 = 2 > numerator 1
    expect(t.components).toEqual({ negativeFeedback: 1, claims: 1, chargebacks: 0 });
    expect(t.offenders).toEqual([
      { orderId: "A", date: "2026-10-01", reason: "2-star feedback; A-to-z claim granted", source: "orders.txt:7" },
    ]);
  });

  it("several defect rows of one kind on one order: one order, one word", () => {
    const t = run([o("A")], {
      feedback: [feedback({ orderId: "A", rating: 1 }), feedback({ orderId: "A", rating: 1 })],
      chargebacks: [chargeback({ orderId: "A" }), chargeback({ orderId: "A" })],
    });
    // 1 order, defective -> 1 of 1; components 1 feedback order, 1 chargeback order
    expect([t.numerator, t.denominator]).toEqual([1, 1]);
    expect(t.components).toEqual({ negativeFeedback: 1, claims: 0, chargebacks: 1 });
    expect(t.offenders[0]!.reason).toBe("1-star feedback; chargeback");
  });

  it("reasons name the claim kind", () => {
    const t = run([o("A"), o("B")], {
      claims: [claim({ orderId: "A", status: "Seller Refunded" })],
      chargebacks: [chargeback({ orderId: "B", type: "item not received" })],
    });
    expect(t.offenders.map((x) => [x.orderId, x.reason])).toEqual([
      ["A", "A-to-z claim (seller refunded)"],
      ["B", "chargeback"],
    ]);
  });
});

describe("odr: which rows are defects (SPEC 2.2)", () => {
  it("a denied claim and a fraud chargeback do not count", () => {
    const t = run([o("A"), o("B")], {
      claims: [claim({ orderId: "A", status: "denied" })],
      chargebacks: [chargeback({ orderId: "B", type: "fraud" })],
    });
    // 2 orders, neither defective -> 0 of 2
    expect([t.numerator, t.denominator]).toEqual([0, 2]);
    expect(t.components).toEqual({ negativeFeedback: 0, claims: 0, chargebacks: 0 });
  });

  it("removed feedback does not count", () => {
    const t = run([o("A")], { feedback: [feedback({ orderId: "A", rating: 1, removed: true })] });
    expect([t.numerator, t.denominator]).toEqual([0, 1]);
  });

  it("a defect dated after D is ignored; an undated feedback counts", () => {
    const t = run([o("late"), o("undated")], {
      feedback: [
        feedback({ orderId: "late", rating: 1, date: at("2026-11-21") }), // after D
        feedback({ orderId: "undated", rating: 2, date: null }),
      ],
    });
    // late: not yet a defect; undated: counts -> 1 of 2
    expect([t.numerator, t.denominator]).toEqual([1, 2]);
    expect(t.offenders.map((x) => x.orderId)).toEqual(["undated"]);
  });

  it("a defect filed after the window (but by D) still counts: defects are placed by purchase date", () => {
    const t = run([o("A", "2026-11-01")], { claims: [claim({ orderId: "A", status: "granted", filedAt: at(D) })] });
    expect([t.numerator, t.denominator]).toEqual([1, 1]);
  });

  it("a cancelled order stays in, and its claim counts", () => {
    const t = run([o("C", "2026-10-01", { cancelled: true, status: "cancelled" }), o("B")], {
      claims: [claim({ orderId: "C", status: "granted" })],
    });
    // C and B in -> 2; C's claim -> 1 of 2
    expect([t.numerator, t.denominator]).toEqual([1, 2]);
  });

  it("an Amazon-funded claim does not count", () => {
    const t = run([o("A")], { claims: [claim({ orderId: "A", status: "granted", amazonFunded: true })] });
    expect([t.numerator, t.denominator]).toEqual([0, 1]);
  });

  it("countPendingClaims off: pending and open do not count; on: they do", () => {
    const list = [o("A"), o("B"), o("C")];
    const claims = [claim({ orderId: "A", status: "pending" }), claim({ orderId: "B", status: "Open" })];
    expect(run(list, { claims })).toMatchObject({ numerator: 0, denominator: 3 });
    const cfg = defaultConfig();
    cfg.countPendingClaims = true;
    const t = run(list, { claims }, "mfn", cfg);
    // A pending, B open -> 2 of 3
    expect([t.numerator, t.denominator]).toEqual([2, 3]);
    expect(t.components).toEqual({ negativeFeedback: 0, claims: 2, chargebacks: 0 });
    expect(t.offenders.map((x) => x.reason)).toEqual(["A-to-z claim pending", "A-to-z claim open"]);
  });

  it("a chargeback won, reversed or withdrawn does not count; lost does", () => {
    const list = [o("W"), o("R"), o("X"), o("L")];
    const t = run(list, {
      chargebacks: [
        chargeback({ orderId: "W", status: "won" }),
        chargeback({ orderId: "R", status: "reversed" }),
        chargeback({ orderId: "X", status: "withdrawn" }),
        chargeback({ orderId: "L", status: "lost" }),
      ],
    });
    // only L -> 1 of 4
    expect([t.numerator, t.denominator]).toEqual([1, 4]);
    expect(t.offenders.map((x) => x.orderId)).toEqual(["L"]);
  });

  it("a defect for an order the orders input does not have is unmatched, not in the rate", () => {
    const list = [o("A")];
    const fb = [feedback({ orderId: "ghost", rating: 1 })];
    expect(run(list, { feedback: fb })).toMatchObject({ numerator: 0, denominator: 1 });
    expect(unmatchedDefects(context(D, { orders: orders(list), feedback: fbInput(fb) })).feedback).toBe(1);
  });
});

describe("odr: inputs (SPEC 8.8)", () => {
  it("no feedback, claims or chargebacks input: no_data with the reason", () => {
    const t = odr(context(D, { orders: orders([o("A")]) }), W, "mfn");
    expect(t).toMatchObject({ numerator: null, denominator: null, reason: "needs a feedback, claims or chargebacks input" });
  });

  it("no orders input: no_data, needs an orders input", () => {
    const t = odr(context(D, { feedback: fbInput([feedback({ orderId: "A", rating: 1 })]) }), W, "afn");
    expect(t).toMatchObject({ numerator: null, denominator: null, reason: "needs an orders input" });
    expect(odr(context(D, {}), W, "mfn").reason).toBe("needs an orders input and a feedback, claims or chargebacks input");
  });

  it("with only some defect inputs it counts what is there and a note names the missing ones", () => {
    const t = run([o("A")], { feedback: [feedback({ orderId: "A", rating: 1 })] });
    expect([t.numerator, t.denominator]).toEqual([1, 1]);
    expect(t.notes).toEqual(["odr: no claims or chargebacks input; defects counted from feedback only"]);
    const u = run([o("A")], { feedback: [], claims: [] });
    expect(u.notes).toEqual(["odr: no chargebacks input; defects counted from feedback and claims only"]);
    expect(run([o("A")], all).notes).toEqual([]);
  });
});

describe("odr exactly at target (SPEC 2)", () => {
  const many = (n: number, defective: number) => {
    const list: Order[] = [];
    const fb: Feedback[] = [];
    for (let i = 0; i < n; i++) {
      list.push(o(`o${i}`));
      if (i < defective) fb.push(feedback({ orderId: `o${i}`, rating: 1 }));
    }
    return run(list, { feedback: fb });
  };
  it("1 defective of 100 is a breach of < 1%", () => {
    const t = many(100, 1);
    // 1/100 = 0.01 = target -> breach; headroom 0
    expect([t.numerator, t.denominator]).toEqual([1, 100]);
    expect(statusOf(t, "lt", S.target, S.warnAt)).toBe("breach");
    expect(headroomOf(t, "lt", S.target)).toBe(0);
  });
  it("8 of 1000 is at_risk (warnAt 0.008), 7 of 1000 good", () => {
    const t = many(1000, 8);
    // 8/1000 = 0.008 >= warnAt 0.008, < 0.01 -> at_risk; headroom: largest k with 8+k < 10 -> 1
    expect(statusOf(t, "lt", S.target, S.warnAt)).toBe("at_risk");
    expect(headroomOf(t, "lt", S.target)).toBe(1);
    expect(statusOf(many(1000, 7), "lt", S.target, S.warnAt)).toBe("good");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random orders and defect rows

const DAY = MS_PER_DAY;
const stampOn = (lo: number, hi: number) =>
  fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: DAY - 1 })).map(([day, off]): Stamp => ({ ms: day * DAY + off, day }));
const ids = ["a", "b", "c", "d", "e", "f", "g", "h", "ghost1", "ghost2"];

const orderArb = fc.record({
  channel: fc.constantFrom("mfn" as const, "afn" as const),
  purchase: stampOn(asOf - 80, asOf),
  pending: fc.boolean(),
  cancelled: fc.boolean(),
});
/** A defect row of any kind, on a known or unknown order, dated between lo and hi days from D. */
const defectArb = (lo: number, hi: number) =>
  fc.oneof(
    fc.record({
      kind: fc.constant("feedback" as const),
      orderId: fc.constantFrom(...ids),
      rating: fc.integer({ min: 1, max: 5 }),
      removed: fc.boolean(),
      date: fc.option(stampOn(asOf + lo, asOf + hi), { nil: null }),
    }),
    fc.record({
      kind: fc.constant("claims" as const),
      orderId: fc.constantFrom(...ids),
      status: fc.constantFrom("granted", "seller_refunded", "denied", "withdrawn", "pending", "open", "odd"),
      amazonFunded: fc.boolean(),
      filedAt: fc.option(stampOn(asOf + lo, asOf + hi), { nil: null }),
    }),
    fc.record({
      kind: fc.constant("chargebacks" as const),
      orderId: fc.constantFrom(...ids),
      type: fc.constantFrom(null, "fraud", "service"),
      status: fc.constantFrom(null, "won", "reversed", "withdrawn", "lost"),
      filedAt: fc.option(stampOn(asOf + lo, asOf + hi), { nil: null }),
    }),
  );
type DefectRow = typeof defectArb extends (lo: number, hi: number) => fc.Arbitrary<infer T> ? T : never;

function build(raw: { channel: "mfn" | "afn"; purchase: Stamp; pending: boolean; cancelled: boolean }[], rows: DefectRow[]): Inputs {
  // at most 8 orders with distinct ids a..h; ghost ids are never orders
  const list = raw.slice(0, 8).map((r, i) => order({ orderId: ids[i]!, ...r, status: r.pending ? "pending" : "shipped" }));
  const fb: Feedback[] = [];
  const cl: Claim[] = [];
  const cb: Chargeback[] = [];
  for (const r of rows) {
    if (r.kind === "feedback") fb.push(feedback({ orderId: r.orderId, rating: r.rating, removed: r.removed, date: r.date }));
    else if (r.kind === "claims") cl.push(claim({ orderId: r.orderId, status: r.status, amazonFunded: r.amazonFunded, filedAt: r.filedAt }));
    else cb.push(chargeback({ orderId: r.orderId, type: r.type, status: r.status, filedAt: r.filedAt }));
  }
  return { orders: orders(list), feedback: fbInput(fb), claims: clInput(cl), chargebacks: cbInput(cb) };
}

describe("odr properties", () => {
  it("each order at most once; numerator <= distinct orders with a counting defect, <= denominator; rate in 0..1", () => {
    fc.assert(
      fc.property(
        fc.array(orderArb, { maxLength: 8 }),
        fc.array(defectArb(-80, 10), { maxLength: 40 }),
        fc.boolean(),
        (raw, rows, countPending) => {
          const cfg = defaultConfig();
          cfg.countPendingClaims = countPending;
          const inputs = build(raw, rows);
          const ctx = context(D, inputs, cfg);
          const eod = ctx.endOfDay;
          const defective = new Set<string>();
          for (const f of inputs.feedback!.records) if (isNegativeFeedback(f, eod)) defective.add(f.orderId);
          for (const c of inputs.claims!.records) if (isCountingClaim(c, eod, countPending)) defective.add(c.orderId);
          for (const c of inputs.chargebacks!.records) if (isCountingChargeback(c, eod)) defective.add(c.orderId);
          for (const ch of ["mfn", "afn"] as const) {
            const t = odr(ctx, W, ch);
            const n = t.numerator!;
            const d = t.denominator!;
            expect(n).toBe(t.offenders.length);
            expect(new Set(t.offenders.map((x) => x.orderId)).size).toBe(n);
            expect(n).toBeLessThanOrEqual(defective.size);
            expect(n).toBeLessThanOrEqual(d);
            const c = t.components!;
            for (const k of [c.negativeFeedback, c.claims, c.chargebacks]) expect(k).toBeLessThanOrEqual(n);
            expect(c.negativeFeedback + c.claims + c.chargebacks).toBeGreaterThanOrEqual(n);
            const rate = rateOf(t);
            if (rate !== null) {
              expect(rate).toBeGreaterThanOrEqual(0);
              expect(rate).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("replay: defect rows and orders stamped after D change nothing as of D", () => {
    fc.assert(
      fc.property(
        fc.array(orderArb, { maxLength: 6 }),
        fc.array(defectArb(-80, 0), { maxLength: 30 }),
        fc.array(defectArb(1, 30), { maxLength: 20 }),
        fc.array(stampOn(asOf + 1, asOf + 30), { maxLength: 3 }),
        (raw, rows, later, laterOrders) => {
          const before = build(raw, rows);
          // later rows must be dated (an undated row counts whatever D is)
          const dated = later.map((r) =>
            r.kind === "feedback"
              ? { ...r, date: r.date ?? { ms: (asOf + 1) * DAY, day: asOf + 1 } }
              : { ...r, filedAt: r.filedAt ?? { ms: (asOf + 1) * DAY, day: asOf + 1 } },
          );
          const after = build(raw, [...rows, ...dated]);
          // orders purchased after D (ids of their own) appear in a later export too
          after.orders = orders([
            ...after.orders!.records,
            ...laterOrders.map((p, i) => order({ orderId: `later${i}`, purchase: p })),
          ]);
          // keep the source lines of the shared rows identical
          for (const k of ["feedback", "claims", "chargebacks"] as const) {
            const a = after[k]!.records as { source: unknown }[];
            const b = before[k]!.records as { source: unknown }[];
            b.forEach((r, i) => (a[i]!.source = r.source));
          }
          after.orders.records.forEach((r, i) => {
            const same = before.orders!.records[i];
            if (same) r.source = same.source;
          });
          for (const ch of ["mfn", "afn"] as const) {
            expect(odr(context(D, after), W, ch)).toEqual(odr(context(D, before), W, ch));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { defaultConfig } from "../../src/config/defaults.js";
import { rdr, unjudgedNote } from "../../src/metrics/rdr.js";
import { rateOf, statusOf } from "../../src/metrics/status.js";
import { windowDates, windowFor } from "../../src/metrics/window.js";
import type { ReturnRequest } from "../../src/records.js";
import { MS_PER_DAY, parseDay } from "../../src/time.js";
import { at, context, input, returnRequest } from "../helpers/records.js";

const D = "2026-11-20";
const asOf = parseDay(D)!;
// W(60, 0): 11-20 minus 59 days = 09-22 (20 days to 10-31, 31 to 09-30, 8 to 09-22)
const W = windowFor(asOf, 60, 0);
const S = defaultConfig().metrics.rdr; // target 0.1, warnAt 0.08
const ALL = ["order_id", "requested_at", "in_policy", "responded_at", "action", "buyer_resolved"];
/** What Amazon's seller-fulfilled returns report gives (no responded_at, no buyer_resolved). */
const AMAZON = ["order_id", "requested_at", "in_policy", "action"];

const run = (list: ReturnRequest[], columns = ALL) =>
  rdr(context(D, { returns: input("returns", list, columns) }), W, "all");
const req = (id: string, requested: string, extra: Partial<ReturnRequest> = {}) =>
  returnRequest({
    orderId: id,
    requestedAt: at(requested),
    respondedAt: at(`${requested.slice(0, 10)}T23:00`),
    inPolicy: true,
    action: "authorized",
    buyerResolved: true,
    ...extra,
  });

describe("rdr window W(60, 0) on the request day", () => {
  it("09-22 .. 11-20: first and last day in, the day before out", () => {
    expect(windowDates(W)).toEqual({ from: "2026-09-22", to: "2026-11-20" });
    const t = run([req("before", "2026-09-21"), req("first", "2026-09-22"), req("last", "2026-11-20")]);
    expect([t.numerator, t.denominator]).toEqual([0, 2]);
    expect(t.basis).toBe("return requested");
  });
});

describe("rdr: each part (SPEC 2.8, 8.6)", () => {
  it("buyer_resolved explicitly no is negative; yes and no answer are not", () => {
    const t = run([
      req("no", "2026-11-01", { buyerResolved: false }),
      req("yes", "2026-11-01", { buyerResolved: true }),
      req("blank", "2026-11-01", { buyerResolved: null }),
    ]);
    expect([t.numerator, t.denominator]).toEqual([1, 3]);
    expect(t.offenders.map((o) => [o.orderId, o.reason])).toEqual([["no", "buyer said not resolved"]]);
  });

  it("first response more than 48 h after the request is negative; exactly 48 h is not", () => {
    const t = run([
      req("48h", "2026-11-01T10:00", { respondedAt: at("2026-11-03T10:00") }),
      req("49h", "2026-11-01T10:00", { respondedAt: at("2026-11-03T11:00") }),
    ]);
    expect([t.numerator, t.denominator]).toEqual([1, 2]);
    expect(t.offenders[0]!.reason).toBe("first response after 49 hours");
  });

  it("no response: negative once more than 48 h have passed by the end of D", () => {
    const t = run([
      req("old", "2026-11-18T10:00", { respondedAt: null }), // 61 h 59 m 59.999 s by the end of D
      req("fresh", "2026-11-19T10:00", { respondedAt: null }), // 37 h 59 m 59.999 s: not yet
      req("edge", "2026-11-18T23:59:59.999", { respondedAt: null }), // exactly 48 h: not more
    ]);
    expect([t.numerator, t.denominator]).toEqual([1, 3]);
    // 61.99.. h rounds up to 62
    expect(t.offenders.map((o) => [o.orderId, o.reason])).toEqual([["old", "no response after 62 hours"]]);
  });

  it("a response after the end of D does not exist yet", () => {
    const t = run([req("x", "2026-11-18T10:00", { respondedAt: at("2026-11-21T09:00") })]);
    // as of D: no response, 62 h -> negative
    expect(t.offenders.map((o) => o.reason)).toEqual(["no response after 62 hours"]);
  });

  it("rejected while in policy is negative; rejected out of policy, and authorized in policy, are not", () => {
    const t = run([
      req("rej-in", "2026-11-01", { action: "rejected", inPolicy: true }),
      req("rej-out", "2026-11-01", { action: "rejected", inPolicy: false }),
      req("rej-unknown", "2026-11-01", { action: "rejected", inPolicy: null }),
      req("ok-in", "2026-11-01", { action: "authorized", inPolicy: true }),
    ]);
    expect([t.numerator, t.denominator]).toEqual([1, 4]);
    expect(t.offenders.map((o) => [o.orderId, o.reason])).toEqual([["rej-in", "rejected while in policy"]]);
  });

  it("a request negative in every part counts once, with every reason", () => {
    const t = run([
      req("all", "2026-11-01T00:00", { buyerResolved: false, respondedAt: at("2026-11-04T00:00"), action: "rejected", inPolicy: true }),
    ]);
    // 72 h to the first response
    expect([t.numerator, t.denominator]).toEqual([1, 1]);
    expect(t.offenders[0]!.reason).toBe("buyer said not resolved; first response after 72 hours; rejected while in policy");
  });
});

describe("rdr: missing columns (SPEC 2.8)", () => {
  it("Amazon's returns report: only invalid rejections are judged, and a note says what was not", () => {
    const t = run(
      [
        // no responded_at and no buyer_resolved in the file: both null in the records
        req("old", "2026-10-01", { respondedAt: null, buyerResolved: null }),
        req("rej", "2026-10-01", { respondedAt: null, buyerResolved: null, action: "rejected", inPolicy: true }),
      ],
      AMAZON,
    );
    // old: 50 days without a response, but responded_at cannot be judged -> not negative
    expect([t.numerator, t.denominator]).toEqual([1, 2]);
    expect(t.notes).toEqual([
      "rdr could not judge the buyer's answer (no buyer_resolved column) or the response time (no responded_at column); only in-policy rejections count",
    ]);
  });

  it("a missing column never makes a request negative, whatever the record holds", () => {
    const r = req("x", "2026-10-01", { buyerResolved: false, respondedAt: null, action: "rejected", inPolicy: true });
    expect(run([r], ["order_id", "requested_at"]).numerator).toBe(0);
    expect(run([r], ["order_id", "requested_at", "action"]).numerator).toBe(0);
    expect(run([r], ALL).numerator).toBe(1);
  });

  it("the note names each missing part; none when every column is there", () => {
    expect(unjudgedNote(new Set(ALL))).toBeNull();
    expect(run([], ALL).notes).toEqual([]);
    expect(unjudgedNote(new Set(["order_id", "requested_at", "in_policy", "action", "responded_at"]))).toBe(
      "rdr could not judge the buyer's answer (no buyer_resolved column); only the response time and in-policy rejections count",
    );
    expect(unjudgedNote(new Set(["order_id", "requested_at", "action"]))).toBe(
      "rdr could not judge the buyer's answer (no buyer_resolved column), the response time (no responded_at column) or in-policy rejections (no in_policy column); no return request can be judged negative",
    );
    expect(unjudgedNote(new Set(["order_id", "requested_at", "buyer_resolved", "responded_at"]))).toBe(
      "rdr could not judge in-policy rejections (no action and in_policy columns); only the buyer's answer and the response time count",
    );
  });

  it("no returns input: no_data", () => {
    expect(rdr(context(D, {}), W, "all")).toMatchObject({ numerator: null, denominator: null, reason: "no returns input" });
  });
});

describe("rdr status at target", () => {
  it("1 of 10 is a breach of < 10%; 4 of 50 at_risk (0.08)", () => {
    const list = (n: number, bad: number) =>
      Array.from({ length: n }, (_, i) => req(`r${i}`, "2026-11-01", i < bad ? { buyerResolved: false } : {}));
    expect(statusOf(run(list(10, 1)), "lt", S.target, S.warnAt)).toBe("breach");
    // 4/50 = 0.08 = warnAt -> at_risk; 3/50 = 0.06 -> good
    expect(statusOf(run(list(50, 4)), "lt", S.target, S.warnAt)).toBe("at_risk");
    expect(statusOf(run(list(50, 3)), "lt", S.target, S.warnAt)).toBe("good");
  });
});

describe("rdr properties", () => {
  const DAY = MS_PER_DAY;
  it("numerator <= denominator, offenders once each, rate within 0..1", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            requested: fc.integer({ min: (asOf - 70) * DAY, max: (asOf + 1) * DAY - 1 }),
            after: fc.option(fc.integer({ min: 0, max: 6 * DAY }), { nil: null }),
            inPolicy: fc.constantFrom(true, false, null),
            action: fc.constantFrom("rejected", "authorized", null),
            buyerResolved: fc.constantFrom(true, false, null),
          }),
          { maxLength: 30 },
        ),
        fc.subarray(ALL.slice(2)),
        (raw, optional) => {
          const list = raw.map((r, i) =>
            returnRequest({
              orderId: `o${i}`,
              requestedAt: { ms: r.requested, day: Math.floor(r.requested / DAY) },
              respondedAt: r.after === null ? null : { ms: r.requested + r.after, day: Math.floor((r.requested + r.after) / DAY) },
              inPolicy: r.inPolicy,
              action: r.action,
              buyerResolved: r.buyerResolved,
            }),
          );
          const t = run(list, ["order_id", "requested_at", ...optional]);
          expect(t.numerator!).toBeLessThanOrEqual(t.denominator!);
          expect(new Set(t.offenders.map((o) => o.orderId)).size).toBe(t.numerator);
          const rate = rateOf(t);
          if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

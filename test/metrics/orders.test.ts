import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lsr } from "../../src/metrics/lsr.js";
import { otdr } from "../../src/metrics/otdr.js";
import {
  dayText,
  hasValidTracking,
  latenessWords,
  missingColumns,
  ordersWith,
  sortOffenders,
  trackingProblem,
} from "../../src/metrics/orders.js";
import { pfcr } from "../../src/metrics/pfcr.js";
import { refundRate } from "../../src/metrics/refund-rate.js";
import type { MetricFn } from "../../src/metrics/types.js";
import { vtr } from "../../src/metrics/vtr.js";
import { windowFor, type Window } from "../../src/metrics/window.js";
import type { ChannelScope } from "../../src/config/defaults.js";
import type { CancelledBy, Order, Stamp } from "../../src/records.js";
import { MS_PER_DAY, parseDay } from "../../src/time.js";
import { ALL_ORDER_COLUMNS, at, context, endOf, order, orders } from "../helpers/records.js";

const D = "2026-11-20";
const asOf = parseDay(D)!;
const EOD = (asOf + 1) * MS_PER_DAY - 1; // end of 2026-11-20 in UTC

describe("what has happened by the end of D (replay, SPEC 8.1), through the metrics", () => {
  const stamp = (ms: number): Stamp => ({ ms, day: Math.floor(ms / MS_PER_DAY) });
  const ctxOf = (list: Order[]) => context(D, { orders: orders(list, ALL_ORDER_COLUMNS) });
  it("a refund at the last millisecond of D counts; a millisecond later it has not happened", () => {
    const w = windowFor(asOf, 30, 0);
    const tally = (ms: number) =>
      refundRate(ctxOf([order({ orderId: "r", purchase: at("2026-11-10"), refundedAt: stamp(ms) })]), w, "all");
    // 1 order in W(30, 0); refunded as of D: at EOD yes, at EOD + 1 no
    expect([tally(EOD).numerator, tally(EOD + 1).numerator]).toEqual([1, 0]);
  });
  it("a delivery promised for D at its last millisecond is on time; a millisecond later it is late", () => {
    const w = windowFor(asOf, 30, 0);
    const tally = (ms: number) =>
      otdr(
        ctxOf([
          order({
            orderId: "d",
            purchase: at("2026-11-15"),
            shippedAt: at("2026-11-16T10:00"),
            trackingNumber: "1Z999",
            trackingValid: true,
            promisedDelivery: at(D),
            deliveredAt: stamp(ms),
          }),
        ]),
        w,
        "mfn",
      );
    // promised on D (in W(30, 0)): delivered at EOD -> 1 on time of 1; at EOD + 1 -> not delivered by D, late
    expect([tally(EOD).numerator, tally(EOD + 1).numerator]).toEqual([1, 0]);
    expect([tally(EOD).denominator, tally(EOD + 1).denominator]).toEqual([1, 1]);
  });
  it("a shipment at the last millisecond of D is in lsr's denominator; a millisecond later it is not", () => {
    const w = windowFor(asOf, 30, 0);
    const tally = (ms: number) =>
      lsr(ctxOf([order({ orderId: "s", purchase: at("2026-11-17"), latestShip: endOf("2026-11-19"), shippedAt: stamp(ms) })]), w, "mfn");
    // due 11-19 (in the window); shipped at EOD of 11-20: shipped, late -> 1 of 1; at EOD + 1: not shipped yet -> 0 of 0
    expect([tally(EOD).numerator, tally(EOD).denominator]).toEqual([1, 1]);
    expect([tally(EOD + 1).numerator, tally(EOD + 1).denominator]).toEqual([0, 0]);
  });
});

describe("valid tracking (SPEC 2.5, 8.4)", () => {
  const withValid = new Set(["tracking_number", "tracking_valid"]);
  const numberOnly = new Set(["tracking_number"]);
  const validOnly = new Set(["tracking_valid"]);
  const o = (trackingNumber: string | null, trackingValid: boolean | null) =>
    order({ orderId: "x", purchase: at(D), trackingNumber, trackingValid });
  it("with a tracking_valid column, only true is valid (empty is not)", () => {
    expect([hasValidTracking(o("1Z", true), withValid), hasValidTracking(o("1Z", false), withValid), hasValidTracking(o("1Z", null), withValid)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(trackingProblem(o("1Z", null), withValid)).toBe("tracking not valid");
    expect(trackingProblem(o("", false), withValid)).toBe("no tracking number");
    // without a tracking_number column a missing number says nothing: the flag is the reason
    expect(trackingProblem(o(null, false), validOnly)).toBe("tracking not valid");
  });
  it("without it, a non-empty tracking number is valid", () => {
    expect([hasValidTracking(o("1Z", null), numberOnly), hasValidTracking(o(" ", null), numberOnly), hasValidTracking(o(null, null), numberOnly)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(trackingProblem(o(null, null), numberOnly)).toBe("no tracking number");
  });
});

describe("the columns a metric needs (SPEC 8.13)", () => {
  it("names every unmet need; alternatives joined with or", () => {
    expect(missingColumns(new Set(["shipped_at"]), ["shipped_at", ["tracking_number", "tracking_valid"]])).toEqual([
      "tracking_number or tracking_valid",
    ]);
    expect(missingColumns(new Set(["tracking_valid"]), ["shipped_at", ["tracking_number", "tracking_valid"]])).toEqual(["shipped_at"]);
  });
  it("ordersWith: the input, or the reason", () => {
    const ctx = context(D, { orders: orders([], ["order_id", "purchase_date", "fulfillment_channel"]) });
    expect(ordersWith(ctx, ["latest_ship_date", "shipped_at"]).reason).toBe("missing orders columns: latest_ship_date, shipped_at");
    expect(ordersWith(ctx, ["order_id"]).orders).toBe(ctx.inputs.orders);
    expect(ordersWith(context(D, {}), []).reason).toBe("no orders input");
  });
});

describe("words and order of offenders", () => {
  it("lateness: hours under a day, calendar days from one day up", () => {
    const due = endOf("2026-11-18"); // 23:59:59.999
    const then = (t: string) => at(t);
    expect(latenessWords(due, then("2026-11-19T00:30").ms, then("2026-11-19T00:30").day)).toBe("less than an hour");
    expect(latenessWords(due, then("2026-11-19T01:00").ms, then("2026-11-19T01:00").day)).toBe("1 hour");
    expect(latenessWords(due, then("2026-11-19T23:00").ms, then("2026-11-19T23:00").day)).toBe("23 hours");
    // end of 11-18 -> end of 11-19: exactly 24 h = 1 day
    expect(latenessWords(due, due.ms + MS_PER_DAY, due.day + 1)).toBe("1 day");
    // 11-18 -> 11-21 09:00: 57 h; calendar 21 - 18 = 3 days
    expect(latenessWords(due, then("2026-11-21T09:00").ms, then("2026-11-21T09:00").day)).toBe("3 days");
  });
  it("sorts by date, then order id", () => {
    const x = (orderId: string | null, date: string) => ({ orderId, date, reason: "r", source: "f:1" });
    expect(sortOffenders([x("b", "2026-11-02"), x("c", "2026-11-01"), x("a", "2026-11-02"), x(null, "2026-11-02")])).toEqual([
      x("c", "2026-11-01"),
      x(null, "2026-11-02"),
      x("a", "2026-11-02"),
      x("b", "2026-11-02"),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random order sets

const DAY = MS_PER_DAY;
const stampOn = (dayLo: number, dayHi: number) =>
  fc.tuple(fc.integer({ min: dayLo, max: dayHi }), fc.integer({ min: 0, max: DAY - 1 })).map(([day, off]): Stamp => ({ ms: day * DAY + off, day }));
const latestShipOn = (dayLo: number, dayHi: number) =>
  fc.tuple(fc.integer({ min: dayLo, max: dayHi }), fc.boolean(), fc.integer({ min: 0, max: DAY - 1 })).map(
    ([day, dateOnly, off]): Stamp => ({ ms: dateOnly ? (day + 1) * DAY - 1 : day * DAY + off, day }),
  );

/** Orders purchased between `lo` and `hi` days from D, every happened-stamp no later than `stampHi`. */
function orderArb(lo: number, hi: number, stampHi: number): fc.Arbitrary<Omit<Order, "orderId" | "source">> {
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  return fc.record({
    channel: fc.constantFrom("mfn" as const, "afn" as const),
    purchase: stampOn(asOf + lo, asOf + hi),
    status: fc.constantFrom("shipped", "pending", "cancelled", null),
    pending: fc.boolean(),
    cancelled: fc.boolean(),
    cancelledBy: fc.constantFrom<CancelledBy | null>("buyer", "seller", "amazon", "unknown", null),
    latestShip: opt(latestShipOn(asOf + lo, asOf + hi + 5)),
    shippedAt: opt(stampOn(asOf + lo, stampHi)),
    trackingNumber: fc.constantFrom("1Z999", "", "  ", null),
    trackingValid: fc.constantFrom(true, false, null),
    trackingExempt: fc.boolean(),
    promisedDelivery: opt(stampOn(asOf + lo, asOf + hi + 10)),
    deliveredAt: opt(stampOn(asOf + lo, stampHi)),
    refundedAt: opt(stampOn(asOf + lo, stampHi)),
    refundUndated: fc.boolean(),
    rows: fc.integer({ min: 1, max: 3 }),
  });
}

const withIds = (list: Omit<Order, "orderId" | "source">[], prefix: string): Order[] =>
  list.map((o, i) => ({ ...o, orderId: `${prefix}${i}`, source: { file: "orders.txt", line: i + 2 } }));

const cases: { name: string; fn: MetricFn; w: Window; channel: ChannelScope; gte: boolean }[] = [
  { name: "pfcr", fn: pfcr, w: windowFor(asOf, 7, 0), channel: "mfn", gte: false },
  { name: "lsr 10", fn: lsr, w: windowFor(asOf, 10, 0), channel: "mfn", gte: false },
  { name: "lsr 30", fn: lsr, w: windowFor(asOf, 30, 0), channel: "mfn", gte: false },
  { name: "vtr", fn: vtr, w: windowFor(asOf, 30, 0), channel: "mfn", gte: true },
  { name: "otdr", fn: otdr, w: windowFor(asOf, 30, 0), channel: "mfn", gte: true },
  { name: "refund_rate", fn: refundRate, w: windowFor(asOf, 30, 0), channel: "all", gte: false },
];

describe("properties", () => {
  it("0 <= numerator <= denominator for every metric; offenders are the bad ones, sorted", () => {
    fc.assert(
      fc.property(
        fc.array(orderArb(-45, 5, asOf + 8), { maxLength: 40 }),
        fc.subarray(ALL_ORDER_COLUMNS),
        (raw, columns) => {
          const ctx = context(D, { orders: orders(withIds(raw, "o"), columns) });
          for (const c of cases) {
            const t = c.fn(ctx, c.w, c.channel);
            if (t.numerator === null || t.denominator === null) {
              expect([t.numerator, t.denominator]).toEqual([null, null]);
              expect(t.reason).toMatch(/^missing orders columns?: /);
              continue;
            }
            expect(t.reason).toBeNull();
            expect(t.numerator).toBeGreaterThanOrEqual(0);
            expect(t.numerator).toBeLessThanOrEqual(t.denominator);
            const bad = c.gte ? t.denominator - t.numerator : t.numerator;
            expect(t.offenders.length).toBe(bad);
            expect(sortOffenders([...t.offenders])).toEqual(t.offenders);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("replay: orders purchased after D and stamps after D change nothing as of D", () => {
    fc.assert(
      fc.property(
        fc.array(orderArb(-45, 0, asOf), { maxLength: 30 }),
        fc.array(orderArb(1, 10, asOf + 15), { maxLength: 10 }),
        fc.array(fc.tuple(stampOn(asOf + 1, asOf + 10), stampOn(asOf + 1, asOf + 10), stampOn(asOf + 1, asOf + 10)), {
          minLength: 30,
          maxLength: 30,
        }),
        (raw, extraRaw, later) => {
          const base = withIds(raw, "o");
          // what a later export shows for the same orders: shipments, deliveries, refunds after D
          const grown = base.map((o, i) => {
            const [s, d, r] = later[i]!;
            return {
              ...o,
              shippedAt: o.shippedAt ?? s,
              deliveredAt: o.deliveredAt ?? d,
              refundedAt: o.refundedAt ?? r, // the earliest refund stays the earliest
            };
          });
          const extra = withIds(extraRaw, "x");
          const now = context(D, { orders: orders(base) });
          const then = context(D, { orders: orders([...grown, ...extra]) });
          for (const c of cases) expect(c.fn(then, c.w, c.channel)).toEqual(c.fn(now, c.w, c.channel));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("dayText", () => {
  it("is formatDay, memoised: the same text for a day read again, also past the memo's 4096 days", () => {
    expect(dayText(20454)).toBe("2026-01-01"); // 56 years of 365 days + 14 leap days after 1970-01-01
    expect(dayText(20454)).toBe("2026-01-01");
    expect(dayText(0)).toBe("1970-01-01");
    for (let d = 20000; d < 25000; d++) expect(dayText(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
    expect(dayText(20454)).toBe("2026-01-01");
  });
});

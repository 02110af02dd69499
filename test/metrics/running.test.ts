import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { METRIC_IDS, type MetricId } from "../../src/catalog.js";
import { defaultConfig, type ResolvedConfig } from "../../src/config/defaults.js";
import { METRIC_MODULES } from "../../src/metrics/index.js";
import { byEnd, fromDay, pastBy, replayDays, runningTotals } from "../../src/metrics/running.js";
import { buildTrend } from "../../src/report/trend.js";
import type { CancelledBy, Inputs, Order, Stamp } from "../../src/records.js";
import { parseDay, zone } from "../../src/time.js";
import { ALL_ORDER_COLUMNS, chargeback, claim, feedback, input, message, order, orders, returnRequest } from "../helpers/records.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const B = parseDay("2026-11-01")!;

describe("running totals", () => {
  // Days 100..102, ends at 100.5, 101.5, 102.5 days (in ms) for easy reading.
  const days = { first: 100, count: 3, endOfDay: Float64Array.from([100.5 * DAY, 101.5 * DAY, 102.5 * DAY]) };

  it("day helpers: the first replayed day something has happened by", () => {
    expect(byEnd(days, 100.5 * DAY)).toBe(0); // exactly the end of day 0
    expect(byEnd(days, 100.5 * DAY + 1)).toBe(1);
    expect(byEnd(days, -Infinity)).toBe(0); // undated: every day
    expect(byEnd(days, NaN)).toBe(3); // never
    expect(byEnd(days, 103 * DAY)).toBe(3);
    // 24 h past 99.5 days: the end of day 0 is exactly 24 h after (not more), day 1 is more.
    expect(pastBy(days, 99.5 * DAY, 24 * HOUR)).toBe(1);
    expect(fromDay(days, 90)).toBe(0);
    expect(fromDay(days, 101)).toBe(1);
    expect(fromDay(days, 200)).toBe(3);
  });

  it("sums each replayed day's window of basis days, counting each item from its day on", () => {
    // W(2, 0): day 100 holds basis days 99..100, day 101 100..101, day 102 101..102.
    // Items (basis, den from, num from): (99, 0, 0) (100, 1, 3) (101, 0, 2) (102, 2, 0) (98, 0, 0: in no window).
    // Day 100: basis 99 (den 1, num 1) + basis 100 (not yet) = 1/1.
    // Day 101: basis 100 (den from 1: 1, num never) + basis 101 (den 1, num from 2: 0) = 0/2.
    // Day 102: basis 101 (1, 1) + basis 102 (den from 2: 1, num max(2, 0) = 2: 1) = 2/2.
    const t = runningTotals(days, 2, 0, (steps) => {
      steps.add(99, 0, 0);
      steps.add(100, 1, 3);
      steps.add(101, 0, 2);
      steps.add(102, 2, 0);
      steps.add(98, 0, 0);
      return true;
    })!;
    expect([...t.numerator]).toEqual([1, 0, 2]);
    expect([...t.denominator]).toEqual([1, 2, 2]);
    expect(runningTotals(days, 2, 0, () => false)).toBeNull();
  });

  it("with a lag, the windows end lag days before each replayed day", () => {
    // W(1, 14) as of day 100 is day 86 alone; as of 102, day 88.
    const t = runningTotals(days, 1, 14, (steps) => {
      steps.add(86, 0, 0);
      steps.add(88, 0, 3);
      steps.add(100, 0, 0); // after every window
      return true;
    })!;
    expect([...t.numerator]).toEqual([1, 0, 0]);
    expect([...t.denominator]).toEqual([1, 0, 1]);
  });
});

// ------------------------------------------------------------------------------------------
// Property: a metric's running hook gives the counts its replay gives, for every metric.

const msIn = fc.oneof(fc.constant(0), fc.constant(DAY - 1), fc.constant(12 * HOUR), fc.integer({ min: 0, max: DAY - 1 }));
const stampArb = (lo: number, hi: number): fc.Arbitrary<Stamp> =>
  fc.tuple(fc.integer({ min: B + lo, max: B + hi }), msIn).map(([day, ms]) => ({ ms: day * DAY + ms, day }));
const after = (s: Stamp, ms: number): Stamp => ({ ms: s.ms + ms, day: Math.floor((s.ms + ms) / DAY) });
/** A delay: exactly 24 h or 48 h, a millisecond more, or anything up to 4 days. */
const delayArb = fc.oneof(
  fc.constantFrom(24 * HOUR, 24 * HOUR + 1, 48 * HOUR, 48 * HOUR + 1, 0),
  fc.integer({ min: 0, max: 4 * DAY }),
);

const orderArb = fc.record({
  purchase: stampArb(-30, 5),
  channel: fc.constantFrom("mfn", "afn", "mfn"),
  pending: fc.constantFrom(false, false, false, true),
  cancelled: fc.constantFrom(false, false, true),
  cancelledBy: fc.constantFrom<(CancelledBy | null)[]>("seller", "buyer", "amazon", null),
  ship: fc.option(fc.tuple(fc.integer({ min: -2, max: 6 }), msIn), { nil: null }),
  // Shipped up to a day before the purchase too (a file's odd dates): lsr and vtr then need both.
  shipped: fc.option(fc.oneof(delayArb, fc.integer({ min: -DAY, max: 0 })), { nil: null }),
  tracking: fc.constantFrom("1Z999", "", null),
  trackingValid: fc.constantFrom(true, false, null),
  trackingExempt: fc.boolean(),
  promised: fc.option(fc.integer({ min: -3, max: 10 }), { nil: null }),
  delivered: fc.option(delayArb, { nil: null }),
  refunded: fc.option(delayArb, { nil: null }),
  refundUndated: fc.boolean(),
});

type Gen<A> = A extends fc.Arbitrary<infer T> ? T : never;

function toOrder(g: Gen<typeof orderArb>, i: number): Order {
  const p = g.purchase;
  const latestShip = g.ship === null ? null : { ms: (p.day + g.ship[0]) * DAY + g.ship[1], day: p.day + g.ship[0] };
  const shippedAt = g.shipped === null ? null : after(p, g.shipped);
  return order({
    orderId: `o${i}`,
    purchase: p,
    channel: g.channel as Order["channel"],
    pending: g.pending,
    cancelled: g.cancelled,
    cancelledBy: g.cancelled ? g.cancelledBy : null,
    status: g.cancelled ? "cancelled" : "shipped",
    latestShip,
    shippedAt,
    trackingNumber: g.tracking,
    trackingValid: g.trackingValid,
    trackingExempt: g.trackingExempt,
    promisedDelivery: g.promised === null ? null : { ms: (p.day + g.promised) * DAY, day: p.day + g.promised },
    deliveredAt: g.delivered === null || shippedAt === null ? null : after(shippedAt, g.delivered),
    refundedAt: g.refunded === null ? null : after(p, g.refunded),
    refundUndated: g.refunded === null && g.refundUndated,
  });
}

const defectArb = fc.record({
  order: fc.nat(12),
  kind: fc.constantFrom("feedback", "claims", "chargebacks"),
  date: fc.option(stampArb(-60, 10), { nil: null }),
  rating: fc.integer({ min: 1, max: 5 }),
  status: fc.constantFrom("granted", "pending", "denied", "won", ""),
  flag: fc.boolean(),
});

const messageArb = fc.record({
  received: stampArb(-40, 5),
  delay: fc.option(delayArb, { nil: null }),
  noResponseNeeded: fc.boolean(),
});

const inputsArb = fc.record({
  orders: fc.option(fc.array(orderArb, { minLength: 1, maxLength: 60, size: "max" }), { nil: null, freq: 8 }),
  // Mostly every column; sometimes some (a metric without its columns has no data: replayed).
  columns: fc.oneof({ weight: 4, arbitrary: fc.constant(ALL_ORDER_COLUMNS) }, { weight: 1, arbitrary: fc.subarray(ALL_ORDER_COLUMNS) }),
  defects: fc.array(defectArb, { maxLength: 30, size: "max" }),
  defectKinds: fc.oneof({ weight: 2, arbitrary: fc.constant(["feedback", "claims", "chargebacks"]) }, { weight: 1, arbitrary: fc.subarray(["feedback", "claims", "chargebacks"]) }),
  messages: fc.option(fc.array(messageArb, { minLength: 1, maxLength: 40, size: "max" }), { nil: null, freq: 8 }),
  respondedColumn: fc.constantFrom(true, true, true, false),
  returns: fc.option(fc.array(fc.record({ requested: stampArb(-60, 5), delay: fc.option(delayArb, { nil: null }), resolved: fc.constantFrom(true, false, null) }), { maxLength: 10 }), { nil: null }),
});

function toInputs(g: Gen<typeof inputsArb>): Inputs {
  const inputs: Inputs = {};
  if (g.orders !== null) inputs.orders = orders(g.orders.map(toOrder), ["order_id", "purchase_date", ...g.columns]);
  const of = (kind: string) => g.defects.filter((d) => d.kind === kind);
  if (g.defectKinds.includes("feedback")) {
    const list = of("feedback").map((d) => feedback({ orderId: `o${d.order}`, rating: d.rating, date: d.date, removed: d.flag && d.rating === 2 }));
    inputs.feedback = input("feedback", list, ["order_id", "rating", "date"]);
  }
  if (g.defectKinds.includes("claims")) {
    const list = of("claims").map((d) => claim({ orderId: `o${d.order}`, status: d.status, filedAt: d.date, amazonFunded: d.flag && d.rating === 1 }));
    inputs.claims = input("claims", list, ["order_id", "status", "filed_at"]);
  }
  if (g.defectKinds.includes("chargebacks")) {
    const list = of("chargebacks").map((d) => chargeback({ orderId: `o${d.order}`, status: d.status, type: d.flag ? "fraud" : null, filedAt: d.date }));
    inputs.chargebacks = input("chargebacks", list, ["order_id", "status", "filed_at"]);
  }
  if (g.messages !== null) {
    const list = g.messages.map((m) =>
      message({ receivedAt: m.received, respondedAt: m.delay === null ? null : after(m.received, m.delay), noResponseNeeded: m.noResponseNeeded }),
    );
    inputs.messages = input("messages", list, g.respondedColumn ? ["received_at", "responded_at"] : ["received_at"]);
  }
  if (g.returns !== null) {
    const list = g.returns.map((r, i) =>
      returnRequest({ orderId: `o${i}`, requestedAt: r.requested, respondedAt: r.delay === null ? null : after(r.requested, r.delay), buyerResolved: r.resolved }),
    );
    inputs.returns = input("returns", list, ["order_id", "requested_at", "responded_at", "buyer_resolved"]);
  }
  return inputs;
}

describe("property: running totals equal the replay", () => {
  it("for every metric, random inputs, days, windows, lags and zones", () => {
    fc.assert(
      fc.property(
        inputsArb,
        fc.constantFrom<MetricId[]>(...METRIC_IDS),
        fc.integer({ min: -10, max: 25 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 45 }),
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom("UTC", "America/Los_Angeles", "Asia/Kolkata"),
        fc.boolean(),
        (g, metric, asOfShift, days, windowDays, lagDays, timeZone, countPendingClaims) => {
          const base = defaultConfig();
          const config: ResolvedConfig = {
            ...base,
            timeZone,
            countPendingClaims,
            metrics: { ...base.metrics, [metric]: { ...base.metrics[metric], lagDays } },
          };
          const inputs = toInputs(g);
          const options = { metric, asOf: B + asOfShift, days, windowDays, config, version: "test" };
          const mod = METRIC_MODULES[metric];
          const replayed = buildTrend(inputs, options, mod.compute);
          const running = buildTrend(inputs, options, mod.compute, mod.running);
          expect(running).toEqual(replayed);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("an order counts only from its purchase day, even shipped and due before it (odd dates)", () => {
    // Purchased Nov 5 noon, due Nov 3, shipped Nov 4 (after its latest ship time: late). lsr
    // W(10, 0) as of Nov 3, 4: not purchased yet, 0/0; as of Nov 5, 6: 1 late of 1.
    const day = (d: string) => parseDay(d)!;
    const o = order({
      orderId: "odd",
      purchase: { ms: day("2026-11-05") * DAY + 12 * HOUR, day: day("2026-11-05") },
      latestShip: { ms: (day("2026-11-03") + 1) * DAY - 1, day: day("2026-11-03") },
      shippedAt: { ms: day("2026-11-04") * DAY + HOUR, day: day("2026-11-04") },
      trackingNumber: "1Z",
    });
    const options = { metric: "lsr" as const, asOf: day("2026-11-06"), days: 4, windowDays: 10, config: defaultConfig(), version: "test" };
    const lsr = METRIC_MODULES.lsr;
    const replayed = buildTrend({ orders: orders([o]) }, options, lsr.compute);
    const running = buildTrend({ orders: orders([o]) }, options, lsr.compute, lsr.running);
    const counts = running.series[0]!.points.map((p) => [p.numerator, p.denominator]);
    expect(counts).toEqual([[0, 0], [0, 0], [1, 1], [1, 1]]);
    expect(running).toEqual(replayed);
  });

  it("every metric but rdr has a running hook", () => {
    // rdr reads returns only, a few records a day: replaying it is cheap.
    expect(METRIC_IDS.filter((id) => METRIC_MODULES[id].running === undefined)).toEqual(["rdr"]);
  });

  it("replayDays: the days ending at the as-of day, each with its end in the zone", () => {
    const z = zone("UTC");
    const d = replayDays(B, 3, (day) => z.endOfDay(day));
    // B - 2, B - 1, B; UTC: the end of day x is (x + 1) * DAY - 1.
    expect(d.first).toBe(B - 2);
    expect([...d.endOfDay]).toEqual([(B - 1) * DAY - 1, B * DAY - 1, (B + 1) * DAY - 1]);
  });
});

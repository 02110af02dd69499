/**
 * lsr, Late Shipment Rate, one Tally per window (SPEC 2.4, 8.1, 8.5, 8.13).
 *
 * - Denominator: MFN orders, not cancelled, shipped (by the end of D), whose latest ship date is
 *   in the window.
 * - Numerator: those shipped later than the latest ship date. A latest ship date without a time
 *   means the end of that day (the reader sets `latestShip.ms` so); the comparison is on instants.
 * - Overdue (8.5): unshipped as of D, not cancelled, non-pending MFN orders whose latest ship day
 *   is in the window and whose latest ship time is before the end of D. Not counted; listed.
 * - Needs `latest_ship_date` and `shipped_at`.
 */
import { at, visitDays } from "./day-index.js";
import { CANCELLED, channelBits, channelDayIndex, counts, factsOf, msAt, PENDING, type OrderFacts } from "./facts.js";
import { METRICS } from "../catalog.js";
import type { Metric, MetricFn, Offender } from "./types.js";
import { latenessWords, noData, offender, ordersWith, sortOffenders, tallied } from "./orders.js";
import { byEnd, fromDay, type RunningFn } from "./running.js";

const BASIS = "latest ship date";

/**
 * Whether order j waits on the seller's shipment as of D: it counts as of D for the channel bits
 * (not pending, purchased by D) and is not cancelled. lsr's population, and the report's
 * attention list's (attention.ts).
 */
export function awaitsShipment(f: OrderFacts, j: number, asOf: number, bits: number): boolean {
  return counts(f, j, asOf, bits) && (f.flags[j]! & CANCELLED) === 0;
}

/**
 * An order's shipment as of D, from its ship instant and latest ship time (ms; NaN: none):
 * `shipped` by the end of D; else `overdue` when the latest ship time is before the end of D
 * (SPEC 8.5); else `open` (it can still ship in time).
 */
export function shipmentState(shippedMs: number, dueMs: number, endOfDay: number): "shipped" | "overdue" | "open" {
  if (shippedMs <= endOfDay) return "shipped"; // NaN: not shipped
  return dueMs < endOfDay ? "overdue" : "open";
}

export const lsr: MetricFn = (ctx, window, channel) => {
  const got = ordersWith(ctx, ["latest_ship_date", "shipped_at"]);
  if (got.orders === null) return noData(BASIS, got.reason);

  let denominator = 0;
  let lateCount = 0;
  const list = ctx.countsOnly !== true;
  const late: Offender[] = [];
  const overdue: Offender[] = [];
  const f = factsOf(ctx, got.orders);
  const bits = channelBits(channel);
  const { from, to } = window;
  const { endOfDay } = ctx;
  // On a trend's days only the orders due to ship in the window (day-index.ts).
  const v = visitDays(channelDayIndex(ctx, f, "latestShip", f.latestShip.day, bits), f.records.length, from, to);
  for (let k = v.lo; k < v.hi; k++) {
    const j = at(v, k);
    if (!awaitsShipment(f, j, ctx.asOf, bits)) continue;
    const dueDay = f.latestShip.day[j]!; // NONE (no latest ship date) is before every window
    if (dueDay < from || dueDay > to) continue;
    const dueMs = msAt(f.latestShip, j);
    const shippedMs = msAt(f.shipped, j);
    const state = shipmentState(shippedMs, dueMs, endOfDay);
    if (state === "shipped") {
      denominator++;
      if (shippedMs > dueMs) {
        lateCount++;
        if (!list) continue;
        const by = latenessWords({ ms: dueMs, day: dueDay }, shippedMs, f.shipped.day[j]!);
        late.push(offender(f.records[j]!, dueDay, `shipped ${by} after the latest ship date`));
      }
    } else if (state === "overdue" && list) {
      const by = latenessWords({ ms: dueMs, day: dueDay }, endOfDay, ctx.asOf);
      overdue.push(offender(f.records[j]!, dueDay, `not shipped, ${by} past the latest ship date`));
    }
  }

  return { ...tallied(BASIS, denominator, late, [], lateCount), overdue: sortOffenders(overdue) };
};

/**
 * A trend's counts (running.ts): an order awaiting shipment, by its latest ship day, counts from
 * the day it is purchased and shipped by; late (shipped after its latest ship time) from then.
 */
export const lsrRunning: RunningFn = (ctx, days, channel, steps) => {
  const got = ordersWith(ctx, ["latest_ship_date", "shipped_at"]);
  if (got.orders === null) return false;
  const f = factsOf(ctx, got.orders);
  const bits = channelBits(channel);
  for (let j = 0; j < f.flags.length; j++) {
    // awaitsShipment without its purchase day, which `den` takes in.
    if ((f.flags[j]! & (PENDING | bits | CANCELLED)) !== bits) continue;
    const shippedMs = msAt(f.shipped, j);
    const den = Math.max(fromDay(days, f.purchaseDay[j]!), byEnd(days, shippedMs));
    steps.add(f.latestShip.day[j]!, den, shippedMs > msAt(f.latestShip, j) ? den : days.count);
  }
  return true;
};

export default { meta: METRICS.lsr, compute: lsr, running: lsrRunning } satisfies Metric;

/**
 * otdr, On-Time Delivery Rate (SPEC 2.6, 8.1, 8.4, 8.13).
 *
 * - Denominator: MFN orders shipped (by the end of D) with valid tracking (as in vtr, but
 *   `tracking_exempt` is ignored; cancelled orders that shipped stay in) whose promised delivery
 *   date is in W(30, 0).
 * - Numerator (the good ones): delivered by the end of D, on or before the promised delivery day
 *   (calendar days). Not delivered is not on time.
 * - Needs `promised_delivery_date`, `delivered_at`, `shipped_at` and tracking.
 */
import { at, visitDays } from "./day-index.js";
import { channelBits, channelDayIndex, counts, factsOf, msAt, PENDING, VALID_TRACKING } from "./facts.js";
import { METRICS } from "../catalog.js";
import type { Metric, MetricFn, Offender } from "./types.js";
import { daysWords, noData, offender, ordersWith, tallied } from "./orders.js";
import { byEnd, fromDay, type RunningFn } from "./running.js";

const BASIS = "promised delivery date";
const OTDR_NEEDS = ["promised_delivery_date", "delivered_at", "shipped_at", ["tracking_number", "tracking_valid"]] as const;

export const otdr: MetricFn = (ctx, window, channel) => {
  const got = ordersWith(ctx, OTDR_NEEDS);
  if (got.orders === null) return noData(BASIS, got.reason);

  let denominator = 0;
  let bad = 0;
  const list = ctx.countsOnly !== true;
  const offenders: Offender[] = [];
  const f = factsOf(ctx, got.orders);
  const bits = channelBits(channel);
  const { from, to } = window;
  const { endOfDay } = ctx;
  // On a trend's days only the orders promised in the window (day-index.ts).
  const v = visitDays(channelDayIndex(ctx, f, "promised", f.promisedDay, bits), f.records.length, from, to);
  for (let k = v.lo; k < v.hi; k++) {
    const j = at(v, k);
    if (!counts(f, j, ctx.asOf, bits)) continue;
    const promised = f.promisedDay[j]!; // NONE (no promised date) is before every window
    if (promised < from || promised > to) continue;
    // Shipped by the end of D (NaN: not shipped), with valid tracking.
    if (!(msAt(f.shipped, j) <= endOfDay) || (f.flags[j]! & VALID_TRACKING) === 0) continue;
    denominator++;
    if (!(msAt(f.delivered, j) <= endOfDay)) {
      bad++;
      if (list) offenders.push(offender(f.records[j]!, promised, "not delivered by the promised date"));
    } else if (f.delivered.day[j]! > promised) {
      bad++;
      if (!list) continue;
      const late = daysWords(f.delivered.day[j]! - promised);
      offenders.push(offender(f.records[j]!, promised, `delivered ${late} after the promised date`));
    }
  }

  return tallied(BASIS, denominator, offenders, [], denominator - bad);
};

/**
 * A trend's counts (running.ts): a shipped order with valid tracking, by its promised day, counts
 * from the day it is purchased and shipped by; on time (the numerator) from the day it is
 * delivered by, when delivered on or before the promised day.
 */
export const otdrRunning: RunningFn = (ctx, days, channel, steps) => {
  const got = ordersWith(ctx, OTDR_NEEDS);
  if (got.orders === null) return false;
  const f = factsOf(ctx, got.orders);
  const bits = channelBits(channel);
  for (let j = 0; j < f.flags.length; j++) {
    const flags = f.flags[j]!;
    if ((flags & (PENDING | bits)) !== bits || (flags & VALID_TRACKING) === 0) continue;
    const promised = f.promisedDay[j]!;
    const den = Math.max(fromDay(days, f.purchaseDay[j]!), byEnd(days, msAt(f.shipped, j)));
    steps.add(promised, den, f.delivered.day[j]! > promised ? days.count : byEnd(days, msAt(f.delivered, j)));
  }
  return true;
};

export default { meta: METRICS.otdr, compute: otdr, running: otdrRunning } satisfies Metric;

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
import { inWindow } from "./window.js";
import type { MetricFn, Offender } from "./types.js";
import {
  channelMatches,
  daysWords,
  existsAsOf,
  hasValidTracking,
  isDelivered,
  isShipped,
  noData,
  offender,
  ordersWith,
  sortOffenders,
} from "./orders.js";

const BASIS = "promised delivery date";

export const otdr: MetricFn = (ctx, window, channel) => {
  const got = ordersWith(ctx, [
    "promised_delivery_date",
    "delivered_at",
    "shipped_at",
    ["tracking_number", "tracking_valid"],
  ]);
  if (got.orders === null) return noData(BASIS, got.reason);
  const columns = got.orders.columns;

  let denominator = 0;
  const offenders: Offender[] = [];
  for (const o of got.orders.records) {
    if (!existsAsOf(o, ctx.asOf) || !channelMatches(o, channel)) continue;
    const promised = o.promisedDelivery;
    if (promised === null || !inWindow(promised.day, window)) continue;
    if (!isShipped(o, ctx.endOfDay) || !hasValidTracking(o, columns)) continue;
    denominator++;
    if (o.deliveredAt === null || !isDelivered(o, ctx.endOfDay)) {
      offenders.push(offender(o, promised.day, "not delivered by the promised date"));
    } else if (o.deliveredAt.day > promised.day) {
      const late = daysWords(o.deliveredAt.day - promised.day);
      offenders.push(offender(o, promised.day, `delivered ${late} after the promised date`));
    }
  }

  return {
    numerator: denominator - offenders.length,
    denominator,
    basis: BASIS,
    reason: null,
    offenders: sortOffenders(offenders),
    notes: [],
  };
};

/**
 * refund_rate (SPEC 2.9, 8.7, 8.13).
 *
 * - Denominator: non-pending orders of every channel whose purchase date is in W(30, 0).
 * - Numerator: those with a refund dated no later than the end of D: a `refunded_at` <= end of D,
 *   or a `refund_amount` > 0 on a row without a `refunded_at` (undated, it counts whatever D is).
 * - Needs `refunded_at` or `refund_amount`.
 */
import { inWindow } from "./window.js";
import type { MetricFn, Offender } from "./types.js";
import { channelMatches, existsAsOf, isRefunded, noData, offender, ordersWith, sortOffenders } from "./orders.js";

const BASIS = "purchase date";

export const refundRate: MetricFn = (ctx, window, channel) => {
  const got = ordersWith(ctx, [["refunded_at", "refund_amount"]]);
  if (got.orders === null) return noData(BASIS, got.reason);

  let denominator = 0;
  const offenders: Offender[] = [];
  for (const o of got.orders.records) {
    if (!existsAsOf(o, ctx.asOf) || !channelMatches(o, channel)) continue;
    if (!inWindow(o.purchase.day, window)) continue;
    denominator++;
    if (isRefunded(o, ctx.endOfDay)) offenders.push(offender(o, o.purchase.day, "refunded"));
  }

  return {
    numerator: offenders.length,
    denominator,
    basis: BASIS,
    reason: null,
    offenders: sortOffenders(offenders),
    notes: [],
  };
};

/**
 * refund_rate (SPEC 2.9, 8.7, 8.13).
 *
 * - Denominator: non-pending orders of every channel whose purchase date is in W(30, 0).
 * - Numerator: those with a refund dated no later than the end of D: a `refunded_at` <= end of D,
 *   or a `refund_amount` > 0 on a row without a `refunded_at` (undated, it counts whatever D is).
 * - Needs `refunded_at` or `refund_amount`.
 */
import { channelBits, factsOf, purchasedIn, REFUND_UNDATED } from "./facts.js";
import type { MetricFn, Offender } from "./types.js";
import { noData, offender, ordersWith, tallied } from "./orders.js";

const BASIS = "purchase date";

export const refundRate: MetricFn = (ctx, window, channel) => {
  const got = ordersWith(ctx, [["refunded_at", "refund_amount"]]);
  if (got.orders === null) return noData(BASIS, got.reason);

  let denominator = 0;
  const offenders: Offender[] = [];
  const f = factsOf(ctx, got.orders);
  const bits = channelBits(channel);
  const { from, to } = window;
  for (let j = 0; j < f.records.length; j++) {
    if (!purchasedIn(f, j, ctx.asOf, bits, from, to)) continue;
    denominator++;
    // Refunded (SPEC 8.7): an undated refund amount, or a refund dated by the end of D (NaN: none).
    if ((f.flags[j]! & REFUND_UNDATED) !== 0 || f.refundedMs[j]! <= ctx.endOfDay) {
      offenders.push(offender(f.records[j]!, f.purchaseDay[j]!, "refunded"));
    }
  }

  return tallied(BASIS, denominator, offenders);
};

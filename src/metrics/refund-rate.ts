/**
 * refund_rate (SPEC 2.9, 8.7, 8.13).
 *
 * - Denominator: non-pending orders of every channel whose purchase date is in W(30, 0).
 * - Numerator: those with a refund dated no later than the end of D: a `refunded_at` <= end of D,
 *   or a `refund_amount` > 0 on a row without a `refunded_at` (undated, it counts whatever D is).
 * - Needs `refunded_at` or `refund_amount`.
 */
import { factsOf, purchaseDated, REFUND_UNDATED } from "./facts.js";
import { byEnd, purchaseDatedSteps, type RunningFn } from "./running.js";
import { METRICS } from "../catalog.js";
import type { Metric, MetricFn } from "./types.js";
import { noData, ordersWith, tallied } from "./orders.js";

const BASIS = "purchase date";

export const refundRate: MetricFn = (ctx, window, channel) => {
  const got = ordersWith(ctx, [["refunded_at", "refund_amount"]]);
  if (got.orders === null) return noData(BASIS, got.reason);

  // Refunded (SPEC 8.7): an undated refund amount, or a refund dated by the end of D (NaN: none).
  const { denominator, bad, offenders } = purchaseDated(ctx, got.orders, window, channel, (f, j) =>
    (f.flags[j]! & REFUND_UNDATED) !== 0 || f.refundedMs[j]! <= ctx.endOfDay ? "refunded" : null,
  );
  return tallied(BASIS, denominator, offenders, [], bad);
};

/** A trend's counts (running.ts): refunded from the refund's date on (undated: every day). */
export const refundRateRunning: RunningFn = (ctx, days, channel, steps) => {
  const got = ordersWith(ctx, [["refunded_at", "refund_amount"]]);
  if (got.orders === null) return false;
  const f = factsOf(ctx, got.orders);
  purchaseDatedSteps(f, channel, steps, days, (j) => ((f.flags[j]! & REFUND_UNDATED) !== 0 ? 0 : byEnd(days, f.refundedMs[j]!)));
  return true;
};

export default { meta: METRICS.refund_rate, compute: refundRate, running: refundRateRunning } satisfies Metric;

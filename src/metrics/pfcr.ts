/**
 * pfcr, Pre-fulfillment Cancel Rate (SPEC 2.3, 8.9, 8.13).
 *
 * - Denominator: non-pending MFN orders whose purchase date is in W(7, 0).
 * - Numerator: those that are cancelled, unless the buyer asked for the cancellation
 *   (`cancelled_by` = buyer). seller, amazon and unknown all count. With no `cancelled_by` column,
 *   every cancellation counts and a note says so.
 * - Needs `order_status` or `item_status` (without both, nothing says an order was cancelled).
 */
import type { CancelledBy } from "../records.js";
import { factsOf, purchaseDated, SELLER_CANCEL } from "./facts.js";
import { purchaseDatedSteps, type RunningFn } from "./running.js";
import { METRICS } from "../catalog.js";
import type { Metric, MetricFn } from "./types.js";
import { noData, ordersWith, tallied } from "./orders.js";

const BASIS = "purchase date";

export const NO_INITIATOR_NOTE =
  "orders have no cancellation-initiator column (cancelled_by): every cancellation counts toward pfcr, buyer-requested ones included";

function cancelReason(by: CancelledBy | null): string {
  if (by === "seller") return "cancelled by the seller";
  if (by === "amazon") return "cancelled by Amazon";
  return "cancelled (initiator unknown)";
}

export const pfcr: MetricFn = (ctx, window, channel) => {
  const got = ordersWith(ctx, [["order_status", "item_status"]]);
  if (got.orders === null) return noData(BASIS, got.reason);

  const { denominator, bad, offenders } = purchaseDated(ctx, got.orders, window, channel, (f, j) =>
    (f.flags[j]! & SELLER_CANCEL) !== 0 ? cancelReason(f.records[j]!.cancelledBy) : null,
  );

  const notes = got.orders.columns.has("cancelled_by") ? [] : [NO_INITIATOR_NOTE];
  return tallied(BASIS, denominator, offenders, notes, bad);
};

/** A trend's counts (running.ts): a seller cancellation is bad on every day. */
export const pfcrRunning: RunningFn = (ctx, days, channel, steps) => {
  const got = ordersWith(ctx, [["order_status", "item_status"]]);
  if (got.orders === null) return false;
  const f = factsOf(ctx, got.orders);
  purchaseDatedSteps(f, channel, steps, days, (j) => ((f.flags[j]! & SELLER_CANCEL) !== 0 ? 0 : days.count));
  return true;
};

export default { meta: METRICS.pfcr, compute: pfcr, running: pfcrRunning } satisfies Metric;

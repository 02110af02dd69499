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
import { inWindow } from "./window.js";
import type { MetricFn, Offender } from "./types.js";
import {
  channelMatches,
  latenessWords,
  existsAsOf,
  isShipped,
  noData,
  offender,
  ordersWith,
  sortOffenders,
} from "./orders.js";

const BASIS = "latest ship date";

export const lsr: MetricFn = (ctx, window, channel) => {
  const got = ordersWith(ctx, ["latest_ship_date", "shipped_at"]);
  if (got.orders === null) return noData(BASIS, got.reason);

  let denominator = 0;
  const late: Offender[] = [];
  const overdue: Offender[] = [];
  for (const o of got.orders.records) {
    if (!existsAsOf(o, ctx.asOf) || !channelMatches(o, channel) || o.cancelled) continue;
    const due = o.latestShip;
    if (due === null || !inWindow(due.day, window)) continue;

    if (o.shippedAt !== null && isShipped(o, ctx.endOfDay)) {
      denominator++;
      if (o.shippedAt.ms > due.ms) {
        const by = latenessWords(due, o.shippedAt.ms, o.shippedAt.day);
        late.push(offender(o, due.day, `shipped ${by} after the latest ship date`));
      }
    } else if (due.ms < ctx.endOfDay) {
      const by = latenessWords(due, ctx.endOfDay, ctx.asOf);
      overdue.push(offender(o, due.day, `not shipped, ${by} past the latest ship date`));
    }
  }

  return {
    numerator: late.length,
    denominator,
    basis: BASIS,
    reason: null,
    offenders: sortOffenders(late),
    notes: [],
    overdue: sortOffenders(overdue),
  };
};

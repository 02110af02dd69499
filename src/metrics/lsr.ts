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
import { CANCELLED, channelBits, counts, factsOf, msAt } from "./facts.js";
import type { MetricFn, Offender } from "./types.js";
import { latenessWords, noData, offender, ordersWith, sortOffenders, tallied } from "./orders.js";

const BASIS = "latest ship date";

export const lsr: MetricFn = (ctx, window, channel) => {
  const got = ordersWith(ctx, ["latest_ship_date", "shipped_at"]);
  if (got.orders === null) return noData(BASIS, got.reason);

  let denominator = 0;
  const late: Offender[] = [];
  const overdue: Offender[] = [];
  const f = factsOf(ctx, got.orders);
  const bits = channelBits(channel);
  const { from, to } = window;
  const { endOfDay } = ctx;
  for (let j = 0; j < f.records.length; j++) {
    if (!counts(f, j, ctx.asOf, bits) || (f.flags[j]! & CANCELLED) !== 0) continue;
    const dueDay = f.latestShip.day[j]!; // NONE (no latest ship date) is before every window
    if (dueDay < from || dueDay > to) continue;
    const dueMs = msAt(f.latestShip, j);
    const shippedMs = msAt(f.shipped, j);
    if (shippedMs <= endOfDay) {
      // Shipped by the end of D (NaN: not shipped).
      denominator++;
      if (shippedMs > dueMs) {
        const by = latenessWords({ ms: dueMs, day: dueDay }, shippedMs, f.shipped.day[j]!);
        late.push(offender(f.records[j]!, dueDay, `shipped ${by} after the latest ship date`));
      }
    } else if (dueMs < endOfDay) {
      const by = latenessWords({ ms: dueMs, day: dueDay }, endOfDay, ctx.asOf);
      overdue.push(offender(f.records[j]!, dueDay, `not shipped, ${by} past the latest ship date`));
    }
  }

  return { ...tallied(BASIS, denominator, late), overdue: sortOffenders(overdue) };
};

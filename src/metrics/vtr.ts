/**
 * vtr, Valid Tracking Rate (SPEC 2.5, 8.4, 8.13).
 *
 * - Basis date: `promised_delivery_date` when the orders input has that column, else `shipped_at`
 *   (`basis` says which). With the column, an order whose promised date is empty has no basis date
 *   and is left out (no per-order fallback).
 * - Denominator: MFN orders that are shipped (by the end of D), not marked `tracking_exempt`, with
 *   the basis date in W(30, 0). Cancelled orders that shipped stay in.
 * - Numerator (the good ones): valid tracking: `tracking_valid` when that column exists (empty is
 *   not valid), else a non-empty `tracking_number`.
 * - Needs `shipped_at` and (`tracking_number` or `tracking_valid`).
 */
import { channelBits, counts, factsOf, msAt, NONE, TRACKING_EXEMPT, VALID_TRACKING } from "./facts.js";
import { METRICS } from "../catalog.js";
import type { Metric, MetricFn, Offender } from "./types.js";
import { noData, offender, ordersWith, tallied, trackingProblem } from "./orders.js";

const PROMISED = "promised delivery date";
const SHIPPED = "ship date";

export const SHIP_DATE_BASIS_NOTE =
  "orders have no promised delivery date column: vtr places shipments in its window by ship date";

export const vtr: MetricFn = (ctx, window, channel) => {
  const input = ctx.inputs.orders;
  const byPromise = input?.columns.has("promised_delivery_date") ?? false;
  const basis = byPromise ? PROMISED : SHIPPED;
  const got = ordersWith(ctx, ["shipped_at", ["tracking_number", "tracking_valid"]]);
  if (got.orders === null) return noData(basis, got.reason);
  const columns = got.orders.columns;

  let denominator = 0;
  let noPromise = 0;
  const offenders: Offender[] = [];
  const f = factsOf(ctx, got.orders);
  const bits = channelBits(channel);
  const { from, to } = window;
  const basisDays = byPromise ? f.promisedDay : f.shipped.day;
  for (let j = 0; j < f.records.length; j++) {
    if (!counts(f, j, ctx.asOf, bits)) continue;
    // Shipped by the end of D (NaN: not shipped), not exempt.
    if (!(msAt(f.shipped, j) <= ctx.endOfDay) || (f.flags[j]! & TRACKING_EXEMPT) !== 0) continue;
    const day = basisDays[j]!;
    if (day === NONE) {
      // Only reachable with the promised-date column: count the ones that shipped in the window.
      const shippedDay = f.shipped.day[j]!;
      if (shippedDay >= from && shippedDay <= to) noPromise++;
      continue;
    }
    if (day < from || day > to) continue;
    denominator++;
    if ((f.flags[j]! & VALID_TRACKING) === 0) {
      const o = f.records[j]!;
      offenders.push(offender(o, day, trackingProblem(o, columns)));
    }
  }

  const notes: string[] = [];
  if (!byPromise) notes.push(SHIP_DATE_BASIS_NOTE);
  if (noPromise > 0) {
    const what = noPromise === 1 ? "1 order shipped" : `${noPromise} orders shipped`;
    notes.push(`${what} in the vtr window without a promised delivery date: left out of vtr`);
  }
  return tallied(basis, denominator, offenders, notes, denominator - offenders.length);
};

export default { meta: METRICS.vtr, compute: vtr } satisfies Metric;

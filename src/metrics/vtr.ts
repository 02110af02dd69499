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
import { at, dayRange, visitDays } from "./day-index.js";
import { channelBits, channelDayIndex, counts, factsOf, msAt, NONE, PENDING, TRACKING_EXEMPT, VALID_TRACKING } from "./facts.js";
import { METRICS } from "../catalog.js";
import type { Metric, MetricFn, Offender } from "./types.js";
import { noData, offender, ordersWith, tallied, trackingProblem } from "./orders.js";
import { byEnd, fromDay, type RunningFn } from "./running.js";

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
  let bad = 0;
  const list = ctx.countsOnly !== true;
  const offenders: Offender[] = [];
  const f = factsOf(ctx, got.orders);
  const bits = channelBits(channel);
  const { from, to } = window;
  const basisDays = byPromise ? f.promisedDay : f.shipped.day;
  // On a trend's days (day-index.ts) only the orders whose basis day is in the window, then those
  // without one (listed first by the index), which only the promised-date basis has: the
  // shipped-in-window count below. A report visits every order.
  const ix = channelDayIndex(ctx, f, byPromise ? "promised" : "shipped", basisDays, bits);
  const v = visitDays(ix, f.records.length, from, to);
  const [noneLo, noneHi] = byPromise && ix !== null ? dayRange(ix, NONE, NONE) : [0, 0];
  const visit = (j: number): void => {
    if (!counts(f, j, ctx.asOf, bits)) return;
    // Shipped by the end of D (NaN: not shipped), not exempt.
    if (!(msAt(f.shipped, j) <= ctx.endOfDay) || (f.flags[j]! & TRACKING_EXEMPT) !== 0) return;
    const day = basisDays[j]!;
    if (day === NONE) {
      // Only reachable with the promised-date column: count the ones that shipped in the window.
      const shippedDay = f.shipped.day[j]!;
      if (shippedDay >= from && shippedDay <= to) noPromise++;
      return;
    }
    if (day < from || day > to) return;
    denominator++;
    if ((f.flags[j]! & VALID_TRACKING) === 0) {
      bad++;
      if (!list) return;
      const o = f.records[j]!;
      offenders.push(offender(o, day, trackingProblem(o, columns)));
    }
  };
  for (let k = noneLo; k < noneHi; k++) visit(ix!.positions[k]!);
  for (let k = v.lo; k < v.hi; k++) visit(at(v, k));

  const notes: string[] = [];
  if (!byPromise) notes.push(SHIP_DATE_BASIS_NOTE);
  if (noPromise > 0) {
    const what = noPromise === 1 ? "1 order shipped" : `${noPromise} orders shipped`;
    notes.push(`${what} in the vtr window without a promised delivery date: left out of vtr`);
  }
  return tallied(basis, denominator, offenders, notes, denominator - bad);
};

/**
 * A trend's counts (running.ts): a shipment not exempt, by its basis day, counts from the day it
 * is purchased and shipped by; valid tracking (the numerator) from then. An order without a
 * basis day is in no window (only the note counts those).
 */
export const vtrRunning: RunningFn = (ctx, days, channel, steps) => {
  const byPromise = ctx.inputs.orders?.columns.has("promised_delivery_date") ?? false;
  const got = ordersWith(ctx, ["shipped_at", ["tracking_number", "tracking_valid"]]);
  if (got.orders === null) return false;
  const f = factsOf(ctx, got.orders);
  const bits = channelBits(channel);
  const basisDays = byPromise ? f.promisedDay : f.shipped.day;
  for (let j = 0; j < f.flags.length; j++) {
    const flags = f.flags[j]!;
    if ((flags & (PENDING | bits)) !== bits || (flags & TRACKING_EXEMPT) !== 0) continue;
    const den = Math.max(fromDay(days, f.purchaseDay[j]!), byEnd(days, msAt(f.shipped, j)));
    steps.add(basisDays[j]!, den, (flags & VALID_TRACKING) !== 0 ? den : days.count);
  }
  return true;
};

export default { meta: METRICS.vtr, compute: vtr, running: vtrRunning } satisfies Metric;

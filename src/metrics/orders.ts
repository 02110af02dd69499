/**
 * What the order metrics share (SPEC 2.5, 8.4, 8.13): valid tracking, the no_data reason when
 * the orders input lacks a column a metric needs, and the offenders (their dates, words and
 * order). Which orders exist as of D and what has happened by its end are read from the orders'
 * columns (facts.ts).
 */
import type { Order, OrdersInput, Stamp } from "../records.js";
import { formatDay, MS_PER_DAY } from "../time.js";
import type { MetricContext, Offender, Tally } from "./types.js";

const HOUR = 3_600_000;

// ---------------------------------------------------------------------------------------------
// Valid tracking

function hasTrackingNumber(o: Order): boolean {
  const t = o.trackingNumber; // read once: the reader's orders build it on access
  return t !== null && t.trim() !== "";
}

/**
 * Valid tracking (SPEC 2.5, 8.4): `tracking_valid` when the orders input has that column (an
 * empty cell is not valid), else a non-empty `tracking_number`.
 */
export function hasValidTracking(o: Order, columns: ReadonlySet<string>): boolean {
  if (columns.has("tracking_valid")) return o.trackingValid === true;
  return hasTrackingNumber(o);
}

/** Why an order's tracking is not valid, in words. */
export function trackingProblem(o: Order, columns: ReadonlySet<string>): string {
  const numberKnown = columns.has("tracking_number");
  if (numberKnown && !hasTrackingNumber(o)) return "no tracking number";
  if (!columns.has("tracking_valid")) return "no tracking number";
  return "tracking not valid";
}

// ---------------------------------------------------------------------------------------------
// Inputs a metric needs (SPEC 8.13)

/** A canonical column, or a list of alternatives of which any one will do. */
export type ColumnNeed = string | readonly string[];

/** The needs the columns do not meet, in words ("shipped_at", "tracking_number or tracking_valid"). */
export function missingColumns(columns: ReadonlySet<string>, needs: readonly ColumnNeed[]): string[] {
  const missing: string[] = [];
  for (const need of needs) {
    const any = typeof need === "string" ? [need] : need;
    if (!any.some((c) => columns.has(c))) missing.push(any.join(" or "));
  }
  return missing;
}

export type OrdersOrReason = { orders: OrdersInput; reason: null } | { orders: null; reason: string };

/** The orders input if it has every needed column; else the no_data reason naming what is missing. */
export function ordersWith(ctx: MetricContext, needs: readonly ColumnNeed[]): OrdersOrReason {
  const orders = ctx.inputs.orders;
  if (orders === undefined) return { orders: null, reason: "no orders input" };
  const missing = missingColumns(orders.columns, needs);
  if (missing.length > 0) {
    const s = missing.length === 1 ? "" : "s";
    return { orders: null, reason: `missing orders column${s}: ${missing.join(", ")}` };
  }
  return { orders, reason: null };
}

/**
 * The Tally of a metric over `denominator` items of which `offenders` are the bad ones (sorted
 * here): the numerator counts them unless given (vtr, otdr and crt count the good ones).
 */
export function tallied(
  basis: string,
  denominator: number,
  offenders: Offender[],
  notes: string[] = [],
  numerator = offenders.length,
): Tally {
  return { numerator, denominator, basis, reason: null, offenders: sortOffenders(offenders), notes };
}

/** The Tally of a metric whose inputs lack what it needs: counts null, reason says what. */
export function noData(basis: string, reason: string): Tally {
  return { numerator: null, denominator: null, basis, reason, offenders: [], notes: [] };
}

// ---------------------------------------------------------------------------------------------
// Offenders

export function sourceOf(o: Order): string {
  return `${o.source.file}:${o.source.line}`;
}

const DAY_TEXTS = new Map<number, string>();

/**
 * formatDay, memoised (offenders of one report fall on a few hundred days; the memo is emptied
 * when it reaches 4096 entries): `YYYY-MM-DD` for a day number.
 */
export function dayText(day: number): string {
  let t = DAY_TEXTS.get(day);
  if (t === undefined) {
    t = formatDay(day);
    if (DAY_TEXTS.size >= 4096) DAY_TEXTS.clear();
    DAY_TEXTS.set(day, t);
  }
  return t;
}

/** An order behind a figure, dated by the metric's basis day. */
export function offender(o: Order, basisDay: number, reason: string): Offender {
  return { orderId: o.orderId, date: dayText(basisDay), reason, source: sourceOf(o) };
}

/** Offenders in a stable order: by date, then order id (sorts the list in place and returns it). */
export function sortOffenders(list: Offender[]): Offender[] {
  return list.sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    const x = a.orderId ?? "";
    const y = b.orderId ?? "";
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? "" : "s"}`;
}

/**
 * How late something is, from `due` to an instant `thenMs` on calendar day `thenDay`: whole hours
 * under a day ("5 hours", "less than an hour"), else calendar days ("2 days": due on the 12th,
 * done on the 14th), which is how a seller counts them.
 */
export function latenessWords(due: Stamp, thenMs: number, thenDay: number): string {
  const ms = thenMs - due.ms;
  if (ms >= MS_PER_DAY) return daysWords(Math.max(1, thenDay - due.day));
  if (ms >= HOUR) return plural(Math.floor(ms / HOUR), "hour");
  return "less than an hour";
}

/** A count of calendar days in words ("1 day", "3 days"). */
export function daysWords(days: number): string {
  return plural(days, "day");
}

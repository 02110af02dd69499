/**
 * The order fields the order metrics filter on, as columns (issue 6): read from each Order once
 * per report instead of once per metric, window and channel (an Order of the reader builds its
 * fields on access, a Stamp per date). The columns do not depend on the as-of day, so one set
 * serves every metric of a report and every replayed day of a trend (factsOf keeps them in the
 * context's cache, cache.ts). A metric reads the Order itself only for the orders it lists (its
 * offenders).
 *
 * Replay (SPEC 8.1): anything stamped after the end of D has not happened yet. A missing date is
 * NONE as a day and NaN as an instant (NaN compares false with everything, so
 * `msAt(f.shipped, j) <= endOfDay`, "shipped by the end of D", is false for an order never
 * shipped). An instant with a day is kept as its day and its milliseconds from the start of that
 * day in UTC (Instants: 8 bytes instead of 12, as the order store keeps them), the flags in a
 * byte: ~52 bytes an order instead of ~64.
 */
import type { ChannelScope } from "../catalog.js";
import type { Order, OrdersInput } from "../records.js";
import { cached } from "./cache.js";
import { at, dayIndexOf, visitDays, type DayIndex } from "./day-index.js";
import { hasValidTracking, offender } from "./orders.js";
import type { MetricContext, Offender } from "./types.js";
import type { Window } from "./window.js";

/** The day of a missing date. */
export const NONE = -2147483648;

// Bits of OrderFacts.flags.
export const PENDING = 1;
export const AFN = 2;
export const MFN = 4;
export const CANCELLED = 8;
/** Cancelled, not at the buyer's request (SPEC 2.3, 8.9: an unknown initiator counts). */
export const SELLER_CANCEL = 16;
export const TRACKING_EXEMPT = 32;
/** hasValidTracking with the input's columns. */
export const VALID_TRACKING = 64;
export const REFUND_UNDATED = 128;

/** The milliseconds in a day. */
const DAY_MS = 86_400_000;
/** Instants.off of an instant kept whole in Instants.wide. */
export const WIDE = -2147483648;

/**
 * The instants of a date field with their days: instant j is `day[j] * DAY_MS + off[j]`
 * (day NONE: no date), or exactly `wide.get(j)` when off[j] is WIDE (an offset that is not a
 * whole number of milliseconds within Int32 of its day, or NaN). Read with msAt.
 */
export interface Instants {
  readonly day: Int32Array;
  readonly off: Int32Array;
  readonly wide: Map<number, number>;
}

/** Instant j of `c` (NaN: no date). */
export function msAt(c: Instants, j: number): number {
  const day = c.day[j]!;
  if (day === NONE) return NaN;
  const off = c.off[j]!;
  return off === WIDE ? c.wide.get(j)! : day * DAY_MS + off;
}

function instants(n: number): Instants {
  return { day: new Int32Array(n), off: new Int32Array(n), wide: new Map() };
}

/** Sets instant j of `c` to the stamp (null: no date). */
function putInstant(c: Instants, j: number, st: { ms: number; day: number } | null): void {
  if (st === null) {
    c.day[j] = NONE;
    return;
  }
  const day = st.day;
  c.day[j] = day;
  const off = st.ms - day * DAY_MS;
  if ((off | 0) === off && off !== WIDE) c.off[j] = off;
  else {
    c.off[j] = WIDE;
    c.wide.set(j, st.ms);
  }
}

export interface OrderFacts {
  /** The orders, by index. */
  readonly records: readonly Order[];
  readonly flags: Uint8Array;
  readonly purchaseDay: Int32Array;
  readonly latestShip: Instants;
  readonly shipped: Instants;
  readonly promisedDay: Int32Array;
  readonly delivered: Instants;
  readonly refundedMs: Float64Array;
}

/**
 * The facts of an orders input, each field of each order read once: a column at a time, each
 * allocated just before its pass. At the start of a report the read's dead buffers (the merge's
 * id table and row hashes, ~26 MiB at 1M rows) are not yet freed; the Stamp garbage of the first
 * passes brings the collection that frees them, and the later columns reuse that memory instead
 * of new memory (bench check, in-process maxRSS: +26 MiB for this step when all were allocated
 * first, +11-19 MiB this way).
 */
export function orderFacts(input: OrdersInput): OrderFacts {
  const records = input.records;
  const n = records.length;
  const columns = input.columns;
  const flags = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const o = records[j]!;
    let bits = 0;
    if (o.pending) bits |= PENDING;
    const channel = o.channel;
    if (channel === "afn") bits |= AFN;
    else if (channel === "mfn") bits |= MFN;
    if (o.cancelled) {
      bits |= CANCELLED;
      if (o.cancelledBy !== "buyer") bits |= SELLER_CANCEL;
    }
    if (o.trackingExempt) bits |= TRACKING_EXEMPT;
    if (hasValidTracking(o, columns)) bits |= VALID_TRACKING;
    if (o.refundUndated) bits |= REFUND_UNDATED;
    flags[j] = bits;
  }
  const purchaseDay = new Int32Array(n);
  for (let j = 0; j < n; j++) purchaseDay[j] = records[j]!.purchase.day;
  const latestShip = instants(n);
  for (let j = 0; j < n; j++) putInstant(latestShip, j, records[j]!.latestShip);
  const shipped = instants(n);
  for (let j = 0; j < n; j++) putInstant(shipped, j, records[j]!.shippedAt);
  const promisedDay = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const pr = records[j]!.promisedDelivery;
    promisedDay[j] = pr === null ? NONE : pr.day;
  }
  const delivered = instants(n);
  for (let j = 0; j < n; j++) putInstant(delivered, j, records[j]!.deliveredAt);
  const refundedMs = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const rf = records[j]!.refundedAt;
    refundedMs[j] = rf === null ? NaN : rf.ms;
  }
  return { records, flags, purchaseDay, latestShip, shipped, promisedDay, delivered, refundedMs };
}

/**
 * The facts of `input` (the context's orders): read once per set of inputs when the context has a
 * cache (cache.ts: kept with these very records, so shared by a report's calls and a trend's
 * days), else read now.
 */
export function factsOf(ctx: MetricContext, input: OrdersInput): OrderFacts {
  return cached(ctx, "order facts", input.records, () => orderFacts(input));
}

/**
 * Whether order j exists as of D and is of the channel: not pending (SPEC 2.1, 8.3), purchased by
 * D, and of the channel's bits (channelBits; "all": every channel).
 */
export function counts(f: OrderFacts, j: number, asOf: number, channelBits: number): boolean {
  return (f.flags[j]! & (PENDING | channelBits)) === channelBits && f.purchaseDay[j]! <= asOf;
}

/**
 * counts, and order j's purchase day within from..to: an order a purchase-dated window (odr,
 * pfcr, refund_rate) holds.
 */
export function purchasedIn(
  f: OrderFacts,
  j: number,
  asOf: number,
  channelBits: number,
  from: number,
  to: number,
): boolean {
  if (!counts(f, j, asOf, channelBits)) return false;
  const day = f.purchaseDay[j]!;
  return day >= from && day <= to;
}

/**
 * A purchase-dated metric's pass over the orders (odr, pfcr, refund_rate): the orders the window
 * holds for `channel` (purchasedIn) are counted, and those `reason` gives a reason for (null: a
 * good order) are the offenders, dated by their purchase day.
 */
export function purchaseDated(
  ctx: MetricContext,
  orders: OrdersInput,
  window: Window,
  channel: ChannelScope,
  reason: (f: OrderFacts, j: number) => string | null,
): { denominator: number; bad: number; offenders: Offender[] } {
  const f = factsOf(ctx, orders);
  const bits = channelBits(channel);
  const { from, to } = window;
  let denominator = 0;
  let bad = 0;
  const offenders: Offender[] = [];
  const list = ctx.countsOnly !== true;
  // On a trend's days only the channel's orders purchased in the window (day-index.ts).
  const v = visitDays(channelDayIndex(ctx, f, "purchase", f.purchaseDay, bits), f.records.length, from, to);
  for (let k = v.lo; k < v.hi; k++) {
    const j = at(v, k);
    if (!purchasedIn(f, j, ctx.asOf, bits, from, to)) continue;
    denominator++;
    const why = reason(f, j);
    if (why === null) continue;
    bad++;
    if (list) offenders.push(offender(f.records[j]!, f.purchaseDay[j]!, why));
  }
  return { denominator, bad, offenders };
}

/**
 * The day index (day-index.ts) of one of the facts' day columns, of the orders with the channel
 * bits `bits` only (every order for "all"), kept in the context's cache; null when the context
 * visits without an index (a report).
 */
export function channelDayIndex(
  ctx: MetricContext,
  f: OrderFacts,
  name: string,
  column: Int32Array,
  bits: number,
): DayIndex | null {
  const include = bits === 0 ? undefined : (j: number): boolean => (f.flags[j]! & bits) === bits;
  return dayIndexOf(ctx, `orders.${name}.${bits}`, f.records, column, include);
}

/** The flag bits an order of `channel` has ("all": none required). */
export function channelBits(channel: string): number {
  if (channel === "all") return 0;
  return channel === "afn" ? AFN : channel === "mfn" ? MFN : 1 << 30; // no order has bit 30
}

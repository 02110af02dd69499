/**
 * The order fields the order metrics filter on, as columns (issue 6): read from each Order once
 * per report instead of once per metric, window and channel (an Order of the reader builds its
 * fields on access, a Stamp per date). The columns do not depend on the as-of day, so one set
 * serves every metric of a report and every replayed day of a trend. A metric reads the Order
 * itself only for the orders it lists (its offenders).
 *
 * A missing date is NONE as a day and NaN as an instant (NaN compares false with everything, so
 * `shippedMs[j] <= endOfDay` is isShipped).
 */
import type { Order, OrdersInput } from "../records.js";
import { hasValidTracking } from "./orders.js";
import type { MetricContext } from "./types.js";

/** The day of a missing date. */
export const NONE = -2147483648;

// Bits of OrderFacts.flags.
export const PENDING = 1;
export const AFN = 2;
export const MFN = 4;
export const CANCELLED = 8;
/** Cancelled, not at the buyer's request (isSellerSideCancel). */
export const SELLER_CANCEL = 16;
export const TRACKING_EXEMPT = 32;
/** hasValidTracking with the input's columns. */
export const VALID_TRACKING = 64;
export const REFUND_UNDATED = 128;

export interface OrderFacts {
  /** The orders, by index. */
  readonly records: readonly Order[];
  readonly flags: Int32Array;
  readonly purchaseDay: Int32Array;
  readonly latestShipDay: Int32Array;
  readonly latestShipMs: Float64Array;
  readonly shippedDay: Int32Array;
  readonly shippedMs: Float64Array;
  readonly promisedDay: Int32Array;
  readonly deliveredDay: Int32Array;
  readonly deliveredMs: Float64Array;
  readonly refundedMs: Float64Array;
}

/** The facts of an orders input: one pass, each field of each order read once. */
export function orderFacts(input: OrdersInput): OrderFacts {
  const records = input.records;
  const n = records.length;
  const f: OrderFacts = {
    records,
    flags: new Int32Array(n),
    purchaseDay: new Int32Array(n),
    latestShipDay: new Int32Array(n),
    latestShipMs: new Float64Array(n),
    shippedDay: new Int32Array(n),
    shippedMs: new Float64Array(n),
    promisedDay: new Int32Array(n),
    deliveredDay: new Int32Array(n),
    deliveredMs: new Float64Array(n),
    refundedMs: new Float64Array(n),
  };
  const columns = input.columns;
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
    f.flags[j] = bits;
    f.purchaseDay[j] = o.purchase.day;
    const ls = o.latestShip;
    f.latestShipDay[j] = ls === null ? NONE : ls.day;
    f.latestShipMs[j] = ls === null ? NaN : ls.ms;
    const sh = o.shippedAt;
    f.shippedDay[j] = sh === null ? NONE : sh.day;
    f.shippedMs[j] = sh === null ? NaN : sh.ms;
    const pr = o.promisedDelivery;
    f.promisedDay[j] = pr === null ? NONE : pr.day;
    const dl = o.deliveredAt;
    f.deliveredDay[j] = dl === null ? NONE : dl.day;
    f.deliveredMs[j] = dl === null ? NaN : dl.ms;
    const rf = o.refundedAt;
    f.refundedMs[j] = rf === null ? NaN : rf.ms;
  }
  return f;
}

/**
 * The facts of `input` (the context's orders): the ones the report or trend put in the context
 * when they are of these very records, else read now.
 */
export function factsOf(ctx: MetricContext, input: OrdersInput): OrderFacts {
  const f = ctx.orderFacts;
  if (f !== undefined && f.records === input.records && f.flags.length === input.records.length) return f;
  return orderFacts(input);
}

/** existsAsOf and channelMatches of order j (channel "all": every channel). */
export function counts(f: OrderFacts, j: number, asOf: number, channelBits: number): boolean {
  return (f.flags[j]! & (PENDING | channelBits)) === channelBits && f.purchaseDay[j]! <= asOf;
}

/** The flag bits an order of `channel` has ("all": none required). */
export function channelBits(channel: string): number {
  if (channel === "all") return 0;
  return channel === "afn" ? AFN : channel === "mfn" ? MFN : 1 << 30; // no order has bit 30
}

/**
 * Item rows -> Orders (SPEC 2.1, 8.2, 8.3, 8.7, 8.15).
 *
 * - Rows with the same order id are one order. Order-level fields come from the first row whose
 *   cell is not empty (files in the order given); `cancelled` if the order status is
 *   cancelled/canceled or ANY row's item status is; `pending` by order_status alone;
 *   `refundedAt` is the earliest over the rows; `refundUndated` if some row has refund_amount > 0
 *   and no refunded_at; with a tracking_valid column an empty cell is false.
 * - Duplicates: a row whose selected cells (with the file's field list) hash to the same 53-bit
 *   value as an earlier row of the same order is counted and ignored. A duplicate row can only
 *   change `rows` (every other merge rule is idempotent), so the hash alone decides and no row
 *   text is held; a collision (about 1 in 2^53) would under-count `rows` by one.
 * - keepFromDay: an order whose purchase day is before it is dropped as soon as its purchase date
 *   is known, keeping its id in `outsideIds` only if another input refers to it. Later rows of a
 *   dropped order are recognised by their own (old) purchase date; a later row with an EMPTY
 *   purchase date is recognised through a bounded list of the last RECENT dropped ids (Amazon
 *   writes an order's rows together), beyond which it would be reported as EMPTY_REQUIRED.
 * - Orders are kept compact: one object per order, no per-row arrays after merging (only the
 *   row hashes of multi-row orders while reading).
 */
import { AhrError } from "../errors.js";
import type { CancelledBy, Channel, Order, Source, Stamp } from "../records.js";
import type { OrderRow } from "./kinds.js";

const RECENT = 8192;

/** An order while its rows are merged; becomes the Order record itself. */
class OrderAcc {
  orderId: string;
  channel: Channel | null = null;
  purchase: Stamp | null = null;
  status: string | null = null;
  pending = false;
  cancelled = false;
  cancelledBy: CancelledBy | null = null;
  latestShip: Stamp | null = null;
  shippedAt: Stamp | null = null;
  trackingNumber: string | null = null;
  trackingValid: boolean | null = null;
  trackingExempt = false;
  promisedDelivery: Stamp | null = null;
  deliveredAt: Stamp | null = null;
  refundedAt: Stamp | null = null;
  refundUndated = false;
  rows = 0;
  source: Source;
  /**
   * Merge state (ES private fields: invisible to Object.keys, JSON and toEqual): row hash(es) for
   * duplicates; bit flags for fields set from a non-empty cell.
   */
  #h: number | number[];
  #m = 0;
  constructor(orderId: string, source: Source, hash: number) {
    this.orderId = orderId;
    this.source = source;
    this.#h = hash;
  }
  /** True (and remembers the hash) when no earlier row of this order had it. */
  fresh(hash: number): boolean {
    const h = this.#h;
    if (typeof h === "number") {
      if (h === hash) return false;
      this.#h = [h, hash];
      return true;
    }
    if (h.includes(hash)) return false;
    h.push(hash);
    return true;
  }
  merge(r: OrderRow): void {
    this.rows++;
    if (this.purchase === null) this.purchase = r.purchase;
    if (this.channel === null) this.channel = r.channel;
    if (this.status === null) this.status = r.status;
    if (r.itemCancelled) this.cancelled = true;
    if (this.cancelledBy === null) this.cancelledBy = r.cancelledBy;
    if (this.latestShip === null) this.latestShip = r.latestShip;
    if (this.shippedAt === null) this.shippedAt = r.shippedAt;
    if (this.trackingNumber === null) this.trackingNumber = r.trackingNumber;
    if (r.trackingValid !== undefined && (this.#m & 1) === 0) {
      if (r.trackingValid === null) this.trackingValid = false;
      else {
        this.trackingValid = r.trackingValid;
        this.#m |= 1;
      }
    }
    if (r.trackingExempt !== null && (this.#m & 2) === 0) {
      this.trackingExempt = r.trackingExempt;
      this.#m |= 2;
    }
    if (this.promisedDelivery === null) this.promisedDelivery = r.promisedDelivery;
    if (this.deliveredAt === null) this.deliveredAt = r.deliveredAt;
    if (r.refundedAt !== null) {
      if (this.refundedAt === null || r.refundedAt.ms < this.refundedAt.ms) this.refundedAt = r.refundedAt;
    } else if (r.refundAmountPositive) this.refundUndated = true;
  }
  settle(): void {
    const s = this.status;
    this.pending = s === "pending" || s === "pendingavailability";
    if (s === "cancelled" || s === "canceled") this.cancelled = true;
    this.#h = 0;
    this.#m = 0;
  }
}

export interface MergeOptions {
  /** Orders purchased before this day are dropped (see the module comment). */
  keepFromDay?: number;
  /** Order ids other inputs refer to: a dropped order's id is kept in outsideIds if listed. */
  referenced?: ReadonlySet<string>;
}

/** Where the purchase_date / fulfillment_channel header of an order's first file is, for errors. */
export interface ColumnNames {
  purchase: string;
  channel: string;
}

export type AddResult = "kept" | "duplicate" | "dropped";

export class OrderMerger {
  private readonly orders = new Map<string, OrderAcc>();
  private readonly recent = new Set<string>();
  private readonly recentQueue: string[] = [];
  private recentAt = 0;
  /** Per order (only those missing a purchase date or channel), the headers to name in the error. */
  private readonly names = new Map<string, ColumnNames>();
  readonly outsideIds = new Set<string>();
  duplicates = 0;

  constructor(private readonly options: MergeOptions = {}) {}

  private drop(id: string): void {
    if (this.options.referenced?.has(id)) this.outsideIds.add(id);
    if (this.recent.has(id)) return;
    if (this.recentQueue.length < RECENT) this.recentQueue.push(id);
    else {
      this.recent.delete(this.recentQueue[this.recentAt]!);
      this.recentQueue[this.recentAt] = id;
      this.recentAt = (this.recentAt + 1) % RECENT;
    }
    this.recent.add(id);
  }

  /** Merge one parsed row. `hash` covers the row's selected cells (see rowHash). */
  add(row: OrderRow, hash: number, file: string, line: number, names: ColumnNames): AddResult {
    const keep = this.options.keepFromDay;
    let acc = this.orders.get(row.orderId);
    if (acc === undefined) {
      if (keep !== undefined) {
        if (row.purchase !== null ? row.purchase.day < keep : this.recent.has(row.orderId)) {
          this.drop(row.orderId);
          return "dropped";
        }
      }
      acc = new OrderAcc(row.orderId, { file, line }, hash);
      this.orders.set(row.orderId, acc);
    } else {
      if (!acc.fresh(hash)) {
        this.duplicates++;
        return "duplicate";
      }
      if (keep !== undefined && acc.purchase === null && row.purchase !== null && row.purchase.day < keep) {
        this.orders.delete(row.orderId);
        this.names.delete(row.orderId);
        this.drop(row.orderId);
        return "dropped";
      }
    }
    acc.merge(row);
    if ((acc.purchase === null || acc.channel === null) && acc.rows === 1) this.names.set(row.orderId, names);
    return "kept";
  }

  /**
   * The merged orders, in order of first appearance. An order with no purchase date or no
   * channel on any row is EMPTY_REQUIRED naming its first line: thrown, or (skipInvalid) passed
   * to `skip` with the order's row count and left out.
   */
  finish(skip?: (error: AhrError, rows: number) => void): Order[] {
    const out: Order[] = [];
    for (const acc of this.orders.values()) {
      if (acc.purchase === null || acc.channel === null) {
        const names = this.names.get(acc.orderId);
        const purchase = acc.purchase === null;
        const error = new AhrError("EMPTY_REQUIRED", {
          file: acc.source.file,
          line: acc.source.line,
          column: purchase ? (names?.purchase ?? "purchase_date") : (names?.channel ?? "fulfillment_channel"),
          expected: purchase
            ? `a purchase date (on at least one row of order ${acc.orderId})`
            : `a fulfillment channel (on at least one row of order ${acc.orderId})`,
        });
        if (!skip) throw error;
        skip(error, acc.rows);
        continue;
      }
      acc.settle();
      out.push(acc as unknown as Order);
      if (this.outsideIds.has(acc.orderId)) this.outsideIds.delete(acc.orderId);
    }
    this.orders.clear();
    this.names.clear();
    this.recent.clear();
    return out;
  }
}

/**
 * A 53-bit hash of a row's cells (FNV-1a and a multiply-by-31 hash side by side, one pass),
 * seeded per file with its field list so rows of files with different columns never match.
 * Positions flagged in `skip` are left out (orders: the order id, equal within an order by
 * definition, and the dates, which orderRowHash mixes in as numbers instead).
 */
export function rowHash(cells: readonly string[], seed: number, skip?: Uint8Array): number {
  let a = 0x811c9dc5 ^ seed;
  let b = seed | 0;
  for (let i = 0; i < cells.length; i++) {
    if (skip !== undefined && skip[i] === 1) continue;
    const s = cells[i]!;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      a = Math.imul(a ^ c, 0x01000193);
      b = (Math.imul(b, 31) + c) | 0;
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = (Math.imul(b, 31) + 0x1f) | 0;
  }
  return (a >>> 0) * 0x200000 + ((b ^ (b >>> 11)) & 0x1fffff);
}

const TWO32 = 0x100000000;
let laneA = 0;
let laneB = 0;

/** Mixes a date's instant into the two lanes (ms below 2^53: `| 0` keeps its low 32 bits). */
function mixStamp(st: Stamp | null): void {
  const ms = st === null ? -1 : st.ms;
  const lo = ms | 0;
  const hi = (ms / TWO32) | 0;
  laneA = Math.imul(Math.imul(laneA ^ lo, 0x01000193) ^ hi, 0x01000193);
  laneB = (Math.imul(laneB, 31) + lo + Math.imul(hi, 7)) | 0;
}

/**
 * The duplicate hash of an orders row: the text cells except the order id and the dates, plus
 * the dates' instants (so two rows equal in every value are duplicates even if a date was
 * written differently). Hashing numbers instead of 25-character timestamps keeps this cheap;
 * both 32-bit lanes are carried through the whole row and joined into 53 bits once.
 */
export function orderRowHash(cells: readonly string[], row: OrderRow, seed: number, skip: Uint8Array): number {
  let a = 0x811c9dc5 ^ seed;
  let b = seed | 0;
  for (let i = 0; i < cells.length; i++) {
    if (skip[i] === 1) continue;
    const s = cells[i]!;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      a = Math.imul(a ^ c, 0x01000193);
      b = (Math.imul(b, 31) + c) | 0;
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = (Math.imul(b, 31) + 0x1f) | 0;
  }
  laneA = a;
  laneB = b;
  mixStamp(row.purchase);
  mixStamp(row.latestShip);
  mixStamp(row.shippedAt);
  mixStamp(row.promisedDelivery);
  mixStamp(row.deliveredAt);
  mixStamp(row.refundedAt);
  a = laneA;
  b = laneB;
  return (a >>> 0) * 0x200000 + ((b ^ (b >>> 11)) & 0x1fffff);
}

/** Which positions of an orders ColumnMap orderRowHash skips. */
export function orderHashSkip(fields: readonly string[]): Uint8Array {
  const skip = new Uint8Array(fields.length);
  const dates = new Set(["order_id", "purchase_date", "latest_ship_date", "shipped_at", "promised_delivery_date", "delivered_at", "refunded_at"]);
  fields.forEach((f, i) => (skip[i] = dates.has(f) ? 1 : 0));
  return skip;
}

/** A seed for rowHash from a file's field list. */
export function fieldSeed(fields: readonly string[]): number {
  return rowHash(fields, 0x2545f491) | 0;
}

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
 * - countOnly: a new order whose first row already shows that only the AHR estimate can use it
 *   (see MergeOptions.countOnly) is held in CountedOrders (id hash, purchase day, pending) and
 *   summed per purchase day in finish(); it is not an Order.
 * - Storage (issue 6): the kept orders are columns in pages of 65,536 (OrderStore, Page): dates
 *   as a 16-bit day offset and a 32-bit instant offset, flags, interned statuses, ids and
 *   tracking numbers as Latin-1 bytes; each Order is a small view whose getters read the
 *   columns. No per-row arrays after merging (only the row hashes of multi-row orders while
 *   reading).
 */
import { AhrError } from "../errors.js";
import type { CancelledBy, Channel, Order, Source, Stamp } from "../records.js";
import { StringColumn } from "./compact.js";
import type { OrderRow } from "./kinds.js";

const RECENT = 8192;

// The six dates of an order, as slots of the stamp columns.
const PURCHASE = 0;
const LATEST_SHIP = 1;
const SHIPPED = 2;
const PROMISED = 3;
const DELIVERED = 4;
const REFUNDED = 5;
const SLOTS = 6;

// Bits of the flags column.
const CHANNEL_SET = 1;
const AFN = 2;
const CANCELLED = 4;
const BY_SHIFT = 3; // 3 bits: 0 null, else 1 + index in BY
const BY_MASK = 7 << BY_SHIFT;
const TV_SET = 64; // trackingValid not null
const TV_TRUE = 128;
const TV_FIXED = 256; // trackingValid came from a non-empty cell
const EXEMPT = 512;
const EXEMPT_FIXED = 1024;
const REFUND_UNDATED = 2048;
const PENDING = 4096;
const DEAD = 8192; // dropped after its slot was taken
const MULTI = 16384; // a second row hash, in Page.hash2 (a third and more: Page.hashes)

const BY: readonly CancelledBy[] = ["buyer", "seller", "amazon", "unknown"];

/** Orders per page of the store: a global index i is page i >>> PAGE_BITS, slot i & PAGE_MASK. */
const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;

/** What the pages of one store share: interned status words and file names. */
interface Shared {
  readonly statuses: string[];
  readonly statusIndex: Map<string, number>;
  readonly files: string[];
  /** The day the 16-bit day column counts from (the first date stored; NaN: none yet). */
  baseDay: number;
}

const DAY_MS = 86_400_000;
/** msOff: no date. */
const NO_DATE = -0x80000000;
/** msOff: the date did not fit the narrow columns; it is in Page.wide. */
const WIDE = -0x7fffffff;

/**
 * The distinct row hashes an order has had (merge state): the first in `hash`, the second in
 * `hash2` (marked by the `multi` flag bit), any further ones in `hashes`.
 */
interface RowHashes {
  hash: Float64Array;
  hash2: Float64Array;
  readonly hashes: Map<number, number[]>;
  flags: Uint8Array | Uint16Array;
}

/** True (and remembers the hash) when no earlier row of order i had it. */
function freshRowHash(s: RowHashes, multi: number, i: number, hash: number): boolean {
  if (s.hash[i] === hash) return false;
  const f = s.flags[i]!;
  if ((f & multi) === 0) {
    s.hash2[i] = hash;
    s.flags[i] = f | multi;
    return true;
  }
  if (s.hash2[i] === hash) return false;
  const more = s.hashes.get(i);
  if (more === undefined) {
    s.hashes.set(i, [hash]);
    return true;
  }
  if (more.includes(hash)) return false;
  more.push(hash);
  return true;
}

/**
 * Up to PAGE merged orders as columns (issue 6): one slot per order in a few typed arrays, instead
 * of an object with a Stamp object per date. A date is its day and instant (see msOff); the
 * flags column holds the booleans, the channel and who cancelled. Pages are never copied once
 * full, so the store grows without a transient copy of everything read so far; only the first
 * page grows (by doubling), so that small inputs stay small.
 */
class Page {
  cap = 0;
  size = 0;
  /**
   * A date (slot k = order * SLOTS + date) is its day as an offset from shared.baseDay (16 bits)
   * and its instant as milliseconds from the start of that day in UTC (32 bits; NO_DATE: none),
   * 6 bytes instead of 12. A date that does not fit (a day more than 89 years from the base, an
   * instant more than 24 days from its day, a fractional one) is kept whole in `wide` (WIDE).
   */
  msOff = new Int32Array(0);
  day = new Int16Array(0);
  readonly wide = new Map<number, Stamp>();
  flags = new Uint16Array(0);
  status = new Int32Array(0);
  rows = new Int32Array(0);
  line = new Int32Array(0);
  file = new Int32Array(0);
  /** The first and second row hash of each order (merge state, released by release()). */
  hash = new Float64Array(0);
  hash2 = new Float64Array(0);
  /** The third and further row hashes of orders with more distinct rows (merge state). */
  readonly hashes = new Map<number, number[]>();
  /**
   * Tracking numbers: Latin-1 ones up to 255 characters as bytes in a pool (offset and length per
   * order; offset -1: none), any other in `trackingOther` (offset -2): a third of the memory of
   * a string each.
   */
  trackOff = new Int32Array(0);
  trackLen = new Uint8Array(0);
  /** The order ids (Latin-1 bytes; see StringColumn): a string is built per access. */
  readonly ids: StringColumn;
  private pool = Buffer.alloc(0);
  private poolUsed = 0;
  private readonly trackingOther = new Map<number, string>();

  constructor(
    readonly shared: Shared,
    cap: number,
  ) {
    this.ids = new StringColumn(0, cap * 20);
    this.grow(cap);
  }

  grow(cap: number): void {
    this.ids.grow(cap);
    const msOff = new Int32Array(cap * SLOTS);
    msOff.set(this.msOff);
    this.msOff = msOff;
    const day = new Int16Array(cap * SLOTS);
    day.set(this.day);
    this.day = day;
    const flags = new Uint16Array(cap);
    flags.set(this.flags);
    this.flags = flags;
    const hash = new Float64Array(cap);
    hash.set(this.hash);
    this.hash = hash;
    const hash2 = new Float64Array(cap);
    hash2.set(this.hash2);
    this.hash2 = hash2;
    const trackLen = new Uint8Array(cap);
    trackLen.set(this.trackLen);
    this.trackLen = trackLen;
    for (const k of ["status", "rows", "line", "file", "trackOff"] as const) {
      const a = new Int32Array(cap);
      a.set(this[k]);
      this[k] = a;
    }
    this.cap = cap;
  }

  /** A new order's slot (the page has room). */
  add(id: string, file: number, line: number, hash: number): number {
    if (this.size === this.cap) this.grow(Math.min(PAGE, this.cap * 2));
    const i = this.size++;
    this.ids.set(i, id);
    this.msOff.fill(NO_DATE, i * SLOTS, i * SLOTS + SLOTS);
    this.status[i] = -1;
    this.line[i] = line;
    this.file[i] = file;
    this.hash[i] = hash;
    this.trackOff[i] = -1;
    return i;
  }

  /** True (and remembers the hash) when no earlier row of order i had it. */
  fresh(i: number, hash: number): boolean {
    return freshRowHash(this, MULTI, i, hash);
  }

  hasPurchase(i: number): boolean {
    return this.msOff[i * SLOTS + PURCHASE] !== NO_DATE;
  }

  /** Stores date slot k (an instant NaN: no date, as before it was stored). */
  private put(k: number, st: Stamp): void {
    const ms = st.ms;
    if (ms !== ms) {
      this.msOff[k] = NO_DATE;
      return;
    }
    const shared = this.shared;
    if (shared.baseDay !== shared.baseDay) shared.baseDay = st.day;
    const d = st.day - shared.baseDay;
    const off = ms - st.day * DAY_MS;
    if ((d << 16) >> 16 === d && (off | 0) === off && off > WIDE) {
      this.day[k] = d;
      this.msOff[k] = off;
    } else {
      this.msOff[k] = WIDE;
      this.wide.set(k, { ms, day: st.day });
    }
  }

  /** The instant of date slot k (NaN: none). */
  private msAt(k: number): number {
    const off = this.msOff[k]!;
    if (off === NO_DATE) return NaN;
    if (off === WIDE) return this.wide.get(k)!.ms;
    return (this.shared.baseDay + this.day[k]!) * DAY_MS + off;
  }

  private setFirst(i: number, slot: number, st: Stamp | null): void {
    if (st === null) return;
    const k = i * SLOTS + slot;
    if (this.msOff[k] === NO_DATE) this.put(k, st);
  }

  /** Merges one row into order i (SPEC 8.2: the first non-empty cell wins, ...). */
  merge(i: number, r: OrderRow): void {
    this.rows[i]!++;
    this.setFirst(i, PURCHASE, r.purchase);
    let f = this.flags[i]!;
    if ((f & CHANNEL_SET) === 0 && r.channel !== null) f |= r.channel === "afn" ? CHANNEL_SET | AFN : CHANNEL_SET;
    if (this.status[i] === -1 && r.status !== null) this.status[i] = this.statusId(r.status);
    if (r.itemCancelled) f |= CANCELLED;
    if ((f & BY_MASK) === 0 && r.cancelledBy !== null) f |= (BY.indexOf(r.cancelledBy) + 1) << BY_SHIFT;
    this.setFirst(i, LATEST_SHIP, r.latestShip);
    this.setFirst(i, SHIPPED, r.shippedAt);
    if (this.trackOff[i] === -1 && r.trackingNumber !== null) this.setTracking(i, r.trackingNumber);
    if (r.trackingValid !== undefined && (f & TV_FIXED) === 0) {
      if (r.trackingValid === null) f = (f | TV_SET) & ~TV_TRUE;
      else f = (f | TV_SET | TV_FIXED | TV_TRUE) & (r.trackingValid ? ~0 : ~TV_TRUE);
    }
    if (r.trackingExempt !== null && (f & EXEMPT_FIXED) === 0) f |= r.trackingExempt ? EXEMPT | EXEMPT_FIXED : EXEMPT_FIXED;
    this.setFirst(i, PROMISED, r.promisedDelivery);
    this.setFirst(i, DELIVERED, r.deliveredAt);
    if (r.refundedAt !== null) {
      const k = i * SLOTS + REFUNDED;
      const ms = this.msAt(k);
      if (Number.isNaN(ms) || r.refundedAt.ms < ms) this.put(k, r.refundedAt);
    } else if (r.refundAmountPositive) f |= REFUND_UNDATED;
    this.flags[i] = f;
  }

  private setTracking(i: number, t: string): void {
    const n = t.length;
    let latin1 = n <= 255;
    for (let j = 0; latin1 && j < n; j++) if (t.charCodeAt(j) > 255) latin1 = false;
    if (!latin1) {
      this.trackOff[i] = -2;
      this.trackingOther.set(i, t);
      return;
    }
    if (this.poolUsed + n > this.pool.length) {
      const pool = Buffer.alloc(Math.max(4096, 2 * this.pool.length, this.poolUsed + n));
      this.pool.copy(pool, 0, 0, this.poolUsed);
      this.pool = pool;
    }
    this.pool.write(t, this.poolUsed, "latin1");
    this.trackOff[i] = this.poolUsed;
    this.trackLen[i] = n;
    this.poolUsed += n;
  }

  tracking(i: number): string | null {
    const off = this.trackOff[i]!;
    if (off === -1) return null;
    if (off === -2) return this.trackingOther.get(i)!;
    return this.pool.toString("latin1", off, off + this.trackLen[i]!);
  }

  private statusId(s: string): number {
    const shared = this.shared;
    let id = shared.statusIndex.get(s);
    if (id === undefined) {
      id = shared.statuses.push(s) - 1;
      shared.statusIndex.set(s, id);
    }
    return id;
  }

  settle(i: number): void {
    const s = this.status[i]! < 0 ? null : this.shared.statuses[this.status[i]!]!;
    let f = this.flags[i]! & ~MULTI;
    if (s === "pending" || s === "pendingavailability") f |= PENDING;
    if (s === "cancelled" || s === "canceled") f |= CANCELLED;
    this.flags[i] = f;
  }

  /** Frees the unused tails of the byte pools (when the page is full, and at the end). */
  trim(): void {
    this.ids.trim();
    if (this.pool.length > this.poolUsed) this.pool = Buffer.from(this.pool.subarray(0, this.poolUsed)); // a copy
  }

  /** Drops the merge state once every order is settled. */
  release(): void {
    this.hash = new Float64Array(0);
    this.hash2 = new Float64Array(0);
    this.hashes.clear();
    this.trim();
  }

  stamp(i: number, slot: number): Stamp | null {
    const k = i * SLOTS + slot;
    const off = this.msOff[k]!;
    if (off === NO_DATE) return null;
    if (off === WIDE) {
      const w = this.wide.get(k)!;
      return { ms: w.ms, day: w.day };
    }
    const day = this.shared.baseDay + this.day[k]!;
    return { ms: day * DAY_MS + off, day };
  }
}

/** The pages of the orders read, addressed by a global order index. */
class OrderStore {
  readonly pages: Page[] = [];
  private readonly shared: Shared = { statuses: [], statusIndex: new Map(), files: [], baseDay: NaN };
  private lastFile: string | null = null;
  private lastFileIndex = -1;

  page(i: number): Page {
    return this.pages[i >>> PAGE_BITS]!;
  }

  file(i: number): string {
    return this.shared.files[this.page(i).file[i & PAGE_MASK]!]!;
  }

  /** How many orders (slots) the store has. */
  size(): number {
    const n = this.pages.length;
    return n === 0 ? 0 : (n - 1) * PAGE + this.pages[n - 1]!.size;
  }

  /** Whether order i's id is `id` (compared in place). */
  idIs(i: number, id: string): boolean {
    return this.page(i).ids.equals(i & PAGE_MASK, id);
  }

  /** The id of order i. */
  id(i: number): string {
    return this.page(i).ids.get(i & PAGE_MASK)!;
  }

  add(id: string, file: string, line: number, hash: number): number {
    if (file !== this.lastFile) {
      let f = this.shared.files.indexOf(file);
      if (f === -1) f = this.shared.files.push(file) - 1;
      this.lastFile = file;
      this.lastFileIndex = f;
    }
    let last = this.pages[this.pages.length - 1];
    if (last === undefined || last.size === PAGE) {
      last?.trim();
      last = new Page(this.shared, this.pages.length === 0 ? 1024 : PAGE);
      this.pages.push(last);
    }
    return (this.pages.length - 1) * PAGE + last.add(id, this.lastFileIndex, line, hash);
  }

  release(): void {
    for (const p of this.pages) p.release();
  }
}

/**
 * The class of the Orders of one store: each holds its global index `i` (the store is the
 * class's, not each object's), its fields are read from the store on access (a Stamp or the
 * order id string is built per access); `toJSON` gives the plain record. 32 bytes an order.
 */
function orderViews(store: OrderStore): new (i: number) => Order {
  const pages = store.pages;
  const page = (i: number): Page => pages[i >>> PAGE_BITS]!;
  return class StoredOrder implements Order {
    constructor(private readonly i: number) {}
    get orderId(): string {
      return page(this.i).ids.get(this.i & PAGE_MASK)!;
    }
    get channel(): Channel {
      return (page(this.i).flags[this.i & PAGE_MASK]! & AFN) !== 0 ? "afn" : "mfn";
    }
    get purchase(): Stamp {
      return page(this.i).stamp(this.i & PAGE_MASK, PURCHASE)!;
    }
    get status(): string | null {
      const p = page(this.i);
      const id = p.status[this.i & PAGE_MASK]!;
      return id < 0 ? null : p.shared.statuses[id]!;
    }
    get pending(): boolean {
      return (page(this.i).flags[this.i & PAGE_MASK]! & PENDING) !== 0;
    }
    get cancelled(): boolean {
      return (page(this.i).flags[this.i & PAGE_MASK]! & CANCELLED) !== 0;
    }
    get cancelledBy(): CancelledBy | null {
      const by = (page(this.i).flags[this.i & PAGE_MASK]! & BY_MASK) >> BY_SHIFT;
      return by === 0 ? null : BY[by - 1]!;
    }
    get latestShip(): Stamp | null {
      return page(this.i).stamp(this.i & PAGE_MASK, LATEST_SHIP);
    }
    get shippedAt(): Stamp | null {
      return page(this.i).stamp(this.i & PAGE_MASK, SHIPPED);
    }
    get trackingNumber(): string | null {
      return page(this.i).tracking(this.i & PAGE_MASK);
    }
    get trackingValid(): boolean | null {
      const f = page(this.i).flags[this.i & PAGE_MASK]!;
      return (f & TV_SET) === 0 ? null : (f & TV_TRUE) !== 0;
    }
    get trackingExempt(): boolean {
      return (page(this.i).flags[this.i & PAGE_MASK]! & EXEMPT) !== 0;
    }
    get promisedDelivery(): Stamp | null {
      return page(this.i).stamp(this.i & PAGE_MASK, PROMISED);
    }
    get deliveredAt(): Stamp | null {
      return page(this.i).stamp(this.i & PAGE_MASK, DELIVERED);
    }
    get refundedAt(): Stamp | null {
      return page(this.i).stamp(this.i & PAGE_MASK, REFUNDED);
    }
    get refundUndated(): boolean {
      return (page(this.i).flags[this.i & PAGE_MASK]! & REFUND_UNDATED) !== 0;
    }
    get rows(): number {
      return page(this.i).rows[this.i & PAGE_MASK]!;
    }
    get source(): Source {
      const p = page(this.i);
      const k = this.i & PAGE_MASK;
      return { file: p.shared.files[p.file[k]!]!, line: p.line[k]! };
    }
    /** The plain record (the 18 Order fields). */
    toJSON(): Order {
      return {
        orderId: this.orderId,
        channel: this.channel,
        purchase: this.purchase,
        status: this.status,
        pending: this.pending,
        cancelled: this.cancelled,
        cancelledBy: this.cancelledBy,
        latestShip: this.latestShip,
        shippedAt: this.shippedAt,
        trackingNumber: this.trackingNumber,
        trackingValid: this.trackingValid,
        trackingExempt: this.trackingExempt,
        promisedDelivery: this.promisedDelivery,
        deliveredAt: this.deliveredAt,
        refundedAt: this.refundedAt,
        refundUndated: this.refundUndated,
        rows: this.rows,
        source: this.source,
      };
    }
  };
}

/**
 * Order id -> global order index: open addressing with linear probing over an Int32Array
 * (0: empty, -1: deleted, else index + 1); the ids themselves are the store's (its pages' id
 * columns, compared in place). A third of the memory of a Map of ~700,000 ids and no garbage
 * from its rehashing.
 */
class IdTable {
  private slots = new Int32Array(1024);
  /** Slots not empty (deleted ones included). */
  private used = 0;
  /** Each id's hash, by index: probes and rehashing never touch the ids of other orders. */
  private hashes = new Int32Array(1024);

  constructor(private readonly store: OrderStore) {}

  private static hash(id: string): number {
    let h = 0x811c9dc5;
    for (let j = 0; j < id.length; j++) h = Math.imul(h ^ id.charCodeAt(j), 0x01000193);
    return h ^ (h >>> 15);
  }

  /** The slot of id (hash h), or of the empty slot that ends its probe. */
  private slotOf(id: string, h: number): number {
    const slots = this.slots;
    const hashes = this.hashes;
    const mask = slots.length - 1;
    let k = h & mask;
    for (;;) {
      const v = slots[k]!;
      if (v === 0 || (v > 0 && hashes[v - 1] === h && this.store.idIs(v - 1, id))) return k;
      k = (k + 1) & mask;
    }
  }

  get(id: string): number | undefined {
    const v = this.slots[this.slotOf(id, IdTable.hash(id))]!;
    return v > 0 ? v - 1 : undefined;
  }

  /** Adds an id that is not in the table, for store index `index` (whose id it is). */
  set(id: string, index: number): void {
    if ((this.used + 1) * 2 > this.slots.length) this.rehash();
    if (index >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    const h = IdTable.hash(id);
    this.hashes[index] = h;
    this.slots[this.slotOf(id, h)] = index + 1;
    this.used++;
  }

  delete(id: string): void {
    const k = this.slotOf(id, IdTable.hash(id));
    if (this.slots[k]! > 0) this.slots[k] = -1;
  }

  private rehash(): void {
    const old = this.slots;
    let live = 0;
    for (let k = 0; k < old.length; k++) if (old[k]! > 0) live++;
    let size = old.length;
    while (live * 4 > size) size *= 2; // at most a quarter full after (one doubling from half full)
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < old.length; k++) {
      const v = old[k]!;
      if (v <= 0) continue;
      let j = this.hashes[v - 1]! & mask;
      while (slots[j] !== 0) j = (j + 1) & mask;
      slots[j] = v;
    }
    this.slots = slots;
    this.used = live;
  }
}


/** The 64-bit hash of an order id counted only (two 32-bit lanes, one pass), in idA / idB. */
let idA = 0;
let idB = 0;
function idHash(id: string): void {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let j = 0; j < id.length; j++) {
    const c = id.charCodeAt(j);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 31) + c) | 0;
  }
  idA = a ^ (a >>> 15);
  idB = b ^ (b >>> 13);
}

const C_STATUS = 1; // the status is known (the first non-empty one)
const C_PENDING = 2;
const C_MULTI = 4; // a second row hash, in hash2 (a third and more: hashes)

/**
 * Orders only counted for the AHR estimate (MergeOptions.countOnly): per order its id's 64-bit
 * hash (no id string: two orders would only be taken for one if both 32-bit lanes collided),
 * its purchase day, whether it is pending (by its first non-empty status, SPEC 8.3), and the
 * hashes of its distinct rows (duplicates are counted as for any order). About 40 bytes an
 * order, where a kept one takes some 200.
 */
class CountedOrders {
  size = 0;
  private cap = 1024;
  /** Open addressing over the id hashes: 0 empty, else index + 1. */
  private slots = new Int32Array(2048);
  private idA = new Int32Array(1024);
  private idB = new Int32Array(1024);
  private day = new Int32Array(1024);
  flags = new Uint8Array(1024);
  hash = new Float64Array(1024);
  hash2 = new Float64Array(1024);
  readonly hashes = new Map<number, number[]>();

  /** The index of the order whose id hashes to (a, b), or -1. */
  find(a: number, b: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let k = a & mask; ; k = (k + 1) & mask) {
      const v = slots[k]!;
      if (v === 0) return -1;
      if (this.idA[v - 1] === a && this.idB[v - 1] === b) return v - 1;
    }
  }

  /** A new order (its id hash is not in the table) with its first row. */
  add(a: number, b: number, day: number, status: string | null, hash: number): void {
    if (this.size === this.cap) this.grow();
    if ((this.size + 1) * 2 > this.slots.length) this.rehash();
    const j = this.size++;
    this.idA[j] = a;
    this.idB[j] = b;
    this.day[j] = day;
    this.hash[j] = hash;
    this.flags[j] = 0;
    this.setStatus(j, status);
    const slots = this.slots;
    const mask = slots.length - 1;
    let k = a & mask;
    while (slots[k] !== 0) k = (k + 1) & mask;
    slots[k] = j + 1;
  }

  /** True (and remembers the hash) when no earlier row of order j had it. */
  fresh(j: number, hash: number): boolean {
    return freshRowHash(this, C_MULTI, j, hash);
  }

  /** A row's status: the first non-empty one decides whether the order is pending. */
  setStatus(j: number, status: string | null): void {
    const f = this.flags[j]!;
    if ((f & C_STATUS) !== 0 || status === null) return;
    this.flags[j] = f | C_STATUS | (status === "pending" || status === "pendingavailability" ? C_PENDING : 0);
  }

  /** Purchase day -> how many of the orders are not pending. */
  nonPendingByDay(): Map<number, number> {
    const byDay = new Map<number, number>();
    for (let j = 0; j < this.size; j++) {
      if ((this.flags[j]! & C_PENDING) !== 0) continue;
      const d = this.day[j]!;
      byDay.set(d, (byDay.get(d) ?? 0) + 1);
    }
    return byDay;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const i32 = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const f64 = (a: Float64Array): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.idA = i32(this.idA);
    this.idB = i32(this.idB);
    this.day = i32(this.day);
    this.hash = f64(this.hash);
    this.hash2 = f64(this.hash2);
    const flags = new Uint8Array(cap);
    flags.set(this.flags);
    this.flags = flags;
    this.cap = cap;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let j = 0; j < this.size; j++) {
      let k = this.idA[j]! & mask;
      while (slots[k] !== 0) k = (k + 1) & mask;
      slots[k] = j + 1;
    }
    this.slots = slots;
  }
}

/** What finish() says of the orders only counted (MergeOptions.countOnly). */
export interface CountedSummary {
  /** How many orders were counted only. */
  orders: number;
  /** Purchase day -> how many of them are not pending. */
  nonPendingByDay: Map<number, number>;
}

export interface MergeOptions {
  /** Orders purchased before this day are dropped (see the module comment). */
  keepFromDay?: number;
  /** Order ids other inputs refer to: a dropped order's id is kept in outsideIds if listed. */
  referenced?: ReadonlySet<string>;
  /**
   * Orders that only the AHR estimate needs (a number of non-pending orders per purchase day) are
   * only counted (CountedOrders; finish()'s countedSummary), not kept, when the order's first
   * row already shows that no metric window and not the report's attention list can ever hold
   * it: purchased from keepFromDay on and before `beforeDay` (the purchase-dated windows start);
   * its channel known; each of its latest ship, promised delivery and ship dates before
   * `basisFrom` (where the windows dated by them start) or after `asOf`, or empty where no orders
   * file has the column (fileFields); and, with a latest ship date column, Amazon-fulfilled,
   * cancelled, pending, shipped by `endOfDay` or due after it. Each of these is decided by the
   * first non-empty cell (cancelled: by any row), so no later row can undo it. Its id goes to
   * outsideIds if another input refers to it.
   */
  countOnly?: { beforeDay: number; basisFrom: number; asOf: number; endOfDay: number };
}

/** Where the purchase_date / fulfillment_channel header of an order's first file is, for errors. */
export interface ColumnNames {
  purchase: string;
  channel: string;
}

export type AddResult = "kept" | "duplicate" | "dropped";

export class OrderMerger {
  private readonly store = new OrderStore();
  /** Order id -> its index in the store (indices in order of first appearance). */
  private orders = new IdTable(this.store);
  private readonly recent = new Set<string>();
  private readonly recentQueue: string[] = [];
  private recentAt = 0;
  /** Per order (only those missing a purchase date or channel), the headers to name in the error. */
  private readonly names = new Map<string, ColumnNames>();
  readonly outsideIds = new Set<string>();
  duplicates = 0;
  private counted: CountedOrders | null;
  /** The orders only counted, after finish() (null without MergeOptions.countOnly). */
  countedSummary: CountedSummary | null = null;

  constructor(private readonly options: MergeOptions = {}) {
    this.counted = options.countOnly !== undefined ? new CountedOrders() : null;
  }

  /**
   * The fields (canonical names) of every orders file, when known before the rows are merged
   * (a single file): a date whose column no file has is empty for good. Unknown (null): any
   * empty date may still come on a later row.
   */
  private fields: ReadonlySet<string> | null = null;

  fileFields(fields: ReadonlySet<string>): void {
    this.fields = fields;
  }

  /** Whether a new order's first row lets it be only counted (MergeOptions.countOnly). */
  private countOnly(row: OrderRow): boolean {
    const c = this.options.countOnly!;
    if (row.purchase === null || row.purchase.day >= c.beforeDay || row.channel === null) return false;
    const fields = this.fields;
    const outside = (st: Stamp | null, field: string): boolean =>
      st === null ? fields !== null && !fields.has(field) : st.day < c.basisFrom || st.day > c.asOf;
    if (!outside(row.latestShip, "latest_ship_date") || !outside(row.promisedDelivery, "promised_delivery_date")) return false;
    if (!outside(row.shippedAt, "shipped_at")) return false;
    if (row.latestShip === null) return true; // no attention list without the column
    if (row.channel === "afn" || row.itemCancelled) return true;
    const s = row.status;
    if (s === "pending" || s === "pendingavailability" || s === "cancelled" || s === "canceled") return true;
    if (row.shippedAt !== null && row.shippedAt.ms <= c.endOfDay) return true;
    const due = row.latestShip;
    return due !== null && due.ms >= c.endOfDay && due.day !== c.asOf;
  }

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

  /** Merge one parsed row. `hash` covers the row's selected cells (row-hash.ts orderRowHash). */
  add(row: OrderRow, hash: number, file: string, line: number, names: ColumnNames): AddResult {
    const keep = this.options.keepFromDay;
    const store = this.store;
    let i = this.orders.get(row.orderId);
    if (i === undefined) {
      const counted = this.counted;
      if (counted !== null) {
        idHash(row.orderId);
        const j = counted.find(idA, idB);
        if (j !== -1) {
          if (!counted.fresh(j, hash)) {
            this.duplicates++;
            return "duplicate";
          }
          counted.setStatus(j, row.status);
          return "kept";
        }
      }
      if (keep !== undefined) {
        if (row.purchase !== null ? row.purchase.day < keep : this.recent.has(row.orderId)) {
          this.drop(row.orderId);
          return "dropped";
        }
      }
      if (counted !== null && this.countOnly(row)) {
        counted.add(idA, idB, row.purchase!.day, row.status, hash);
        if (this.options.referenced?.has(row.orderId)) this.outsideIds.add(row.orderId);
        return "kept";
      }
      i = store.add(row.orderId, file, line, hash);
      this.orders.set(row.orderId, i);
    }
    const page = store.page(i);
    const k = i & PAGE_MASK;
    if (page.rows[k] !== 0) {
      if (!page.fresh(k, hash)) {
        this.duplicates++;
        return "duplicate";
      }
      if (keep !== undefined && row.purchase !== null && row.purchase.day < keep && !page.hasPurchase(k)) {
        this.orders.delete(row.orderId);
        this.names.delete(row.orderId);
        page.flags[k]! |= DEAD;
        page.hashes.delete(k);
        this.drop(row.orderId);
        return "dropped";
      }
    }
    page.merge(k, row);
    if ((!page.hasPurchase(k) || (page.flags[k]! & CHANNEL_SET) === 0) && page.rows[k] === 1) {
      this.names.set(row.orderId, names);
    }
    return "kept";
  }

  /**
   * The merged orders, in order of first appearance. An order with no purchase date or no
   * channel on any row is EMPTY_REQUIRED naming its first line: thrown, or (skipInvalid) passed
   * to `skip` with the order's row count and left out.
   */
  finish(skip?: (error: AhrError, rows: number) => void): Order[] {
    const store = this.store;
    const out: Order[] = [];
    const View = orderViews(store);
    // Ids both dropped (outsideIds) and kept later (a row with a later purchase date): by index.
    const alsoKept = new Map<number, string>();
    for (const id of this.outsideIds) {
      const i = this.orders.get(id);
      if (i !== undefined) alsoKept.set(i, id);
    }
    // The merge state goes first: the views below are the last big allocation of the read.
    store.release();
    this.orders = new IdTable(store);
    this.recent.clear();
    if (this.counted !== null) {
      this.countedSummary = { orders: this.counted.size, nonPendingByDay: this.counted.nonPendingByDay() };
      this.counted = null;
    }
    for (let i = 0, n = store.size(); i < n; i++) {
      const page = store.page(i);
      const k = i & PAGE_MASK;
      if ((page.flags[k]! & DEAD) !== 0) continue;
      const purchase = !page.hasPurchase(k);
      if (purchase || (page.flags[k]! & CHANNEL_SET) === 0) {
        const orderId = store.id(i);
        const names = this.names.get(orderId);
        const error = new AhrError("EMPTY_REQUIRED", {
          file: store.file(i),
          line: page.line[k]!,
          column: purchase ? (names?.purchase ?? "purchase_date") : (names?.channel ?? "fulfillment_channel"),
          expected: purchase
            ? `a purchase date (on at least one row of order ${orderId})`
            : `a fulfillment channel (on at least one row of order ${orderId})`,
        });
        if (!skip) throw error;
        skip(error, page.rows[k]!);
        continue;
      }
      page.settle(k);
      out.push(new View(i));
      const id = alsoKept.get(i);
      if (id !== undefined) this.outsideIds.delete(id);
    }
    this.names.clear();
    return out;
  }
}

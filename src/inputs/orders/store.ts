/**
 * The column store of the kept orders (issue 6), filled by OrderMerger (merge.ts).
 *
 * The kept orders are columns in pages of 65,536 (OrderStore, Page): dates as a 16-bit day
 * offset and a 32-bit instant offset, flags, interned statuses, ids and tracking numbers as
 * Latin-1 bytes; each Order is a small view whose getters read the columns (orderViews). No
 * per-row arrays after merging (only the row hashes of multi-row orders while reading). Order
 * id -> index: IdTable, over the ids in the pages.
 */
import type { CancelledBy, Channel, Order, Source, Stamp } from "../../records.js";
import { marketplaceName } from "../../marketplaces.js";
import { StringColumn, widened } from "../columns.js";
import { NO_TEXT, OTHER_TEXT, SAME_TEXT, type TextIs } from "../join.js";
import type { OrderRow } from "./reader.js";

// The six dates of an order, as slots of the stamp columns.
const PURCHASE = 0;
const LATEST_SHIP = 1;
const SHIPPED = 2;
const PROMISED = 3;
const DELIVERED = 4;
const REFUNDED = 5;
const SLOTS = 6;

/** The date slots a joined report can fill (join.ts StampField). */
export const JOIN_SLOT = { latest_ship_date: LATEST_SHIP, promised_delivery_date: PROMISED, shipped_at: SHIPPED } as const;

// Bits of the flags column.
export const CHANNEL_SET = 1;
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
export const DEAD = 8192; // dropped after its slot was taken
const MULTI = 16384; // a second row hash, in Page.hash2 (a third and more: Page.hashes)

const BY: readonly CancelledBy[] = ["buyer", "seller", "amazon", "unknown"];

/** Orders per page of the store: a global index i is page i >>> PAGE_BITS, slot i & PAGE_MASK. */
const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
export const PAGE_MASK = PAGE - 1;

/** What the pages of one store share: interned status words, marketplaces and file names. */
interface Shared {
  readonly statuses: string[];
  readonly statusIndex: Map<string, number>;
  /** Marketplace names (marketplaceName of the sales channel cell), by the cell as written. */
  readonly markets: string[];
  readonly marketIndex: Map<string, number>;
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
 * `hash2` (marked by the `multi` flag bit), any further ones in `hashes`. A Page's and
 * CountedOrders' (merge.ts), each with its own `multi` bit.
 */
interface RowHashes {
  hash: Float64Array;
  hash2: Float64Array;
  readonly hashes: Map<number, number[]>;
  flags: Uint8Array | Uint16Array;
}

/** True (and remembers the hash) when no earlier row of order i had it. */
export function freshRowHash(s: RowHashes, multi: number, i: number, hash: number): boolean {
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
  /** Index in shared.markets of the order's marketplace; -1: none (SPEC 9.3). */
  market = new Int16Array(0);
  rows = new Int32Array(0);
  line = new Int32Array(0);
  file = new Int32Array(0);
  /** The first and second row hash of each order (merge state, released by release()). */
  hash = new Float64Array(0);
  hash2 = new Float64Array(0);
  /** The third and further row hashes of orders with more distinct rows (merge state). */
  readonly hashes = new Map<number, number[]>();
  /** The order ids (Latin-1 bytes; see StringColumn): a string is built per access. */
  readonly ids: StringColumn;
  /** The tracking numbers, the same way (null: none yet). */
  readonly trackingNumbers = new StringColumn(0, 0);

  constructor(
    readonly shared: Shared,
    cap: number,
  ) {
    this.ids = new StringColumn(0, cap * 20);
    this.grow(cap);
  }

  grow(cap: number): void {
    this.ids.grow(cap);
    this.trackingNumbers.grow(cap);
    this.msOff = widened(this.msOff, cap * SLOTS);
    this.day = widened(this.day, cap * SLOTS);
    this.flags = widened(this.flags, cap);
    this.hash = widened(this.hash, cap);
    this.hash2 = widened(this.hash2, cap);
    this.status = widened(this.status, cap);
    this.market = widened(this.market, cap);
    this.rows = widened(this.rows, cap);
    this.line = widened(this.line, cap);
    this.file = widened(this.file, cap);
    this.cap = cap;
  }

  /** A new order's slot (the page has room). */
  add(id: string, file: number, line: number, hash: number): number {
    if (this.size === this.cap) this.grow(Math.min(PAGE, this.cap * 2));
    const i = this.size++;
    this.ids.set(i, id);
    this.msOff.fill(NO_DATE, i * SLOTS, i * SLOTS + SLOTS);
    this.status[i] = -1;
    this.market[i] = -1;
    this.line[i] = line;
    this.file[i] = file;
    this.hash[i] = hash;
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

  /** The calendar day of date slot k, or null when it has none. */
  private dayAt(k: number): number | null {
    const off = this.msOff[k]!;
    if (off === NO_DATE) return null;
    if (off === WIDE) return this.wide.get(k)!.day;
    return this.shared.baseDay + this.day[k]!;
  }

  /**
   * Merges one row into order i (SPEC 8.2: the first non-empty cell wins, ...). True when the row
   * disagrees with the order's earlier rows on the purchase day or the channel (issue 17: the
   * first row's value is kept, which the caller counts and notes).
   */
  merge(i: number, r: OrderRow): boolean {
    this.rows[i]!++;
    let f = this.flags[i]!;
    let disagrees = false;
    if (r.purchase !== null) {
      const day = this.dayAt(i * SLOTS + PURCHASE);
      if (day !== null && day !== r.purchase.day) disagrees = true;
    }
    if ((f & CHANNEL_SET) !== 0 && r.channel !== null && ((f & AFN) !== 0) !== (r.channel === "afn")) disagrees = true;
    this.setFirst(i, PURCHASE, r.purchase);
    if ((f & CHANNEL_SET) === 0 && r.channel !== null) f |= r.channel === "afn" ? CHANNEL_SET | AFN : CHANNEL_SET;
    if (this.status[i] === -1 && r.status !== null) this.status[i] = this.statusId(r.status);
    if (this.market[i] === -1 && r.salesChannel !== null) this.market[i] = marketId(this.shared, r.salesChannel);
    if (r.itemCancelled) f |= CANCELLED;
    if ((f & BY_MASK) === 0 && r.cancelledBy !== null) f |= (BY.indexOf(r.cancelledBy) + 1) << BY_SHIFT;
    this.setFirst(i, LATEST_SHIP, r.latestShip);
    this.setFirst(i, SHIPPED, r.shippedAt);
    if (r.trackingNumber !== null && !this.trackingNumbers.has(i)) this.trackingNumbers.set(i, r.trackingNumber);
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
    return disagrees;
  }

  tracking(i: number): string | null {
    return this.trackingNumbers.get(i);
  }

  // ---- the join (join.ts, through OrderMerger.joinTarget): fields set after the rows

  /** Date slot `slot` (JOIN_SLOT) of order i, or null. */
  joinedStamp(i: number, slot: number): Stamp | null {
    return this.stamp(i, slot);
  }

  /** joinedStamp()'s instant (NaN: none). */
  joinedMs(i: number, slot: number): number {
    return this.msAt(i * SLOTS + slot);
  }

  setJoinedStamp(i: number, slot: number, st: Stamp | null): void {
    const k = i * SLOTS + slot;
    this.wide.delete(k);
    if (st === null) this.msOff[k] = NO_DATE;
    else this.put(k, st);
  }

  /** Order i's tracking number against text[start, end), compared in place (join.ts TextIs). */
  trackingAt(i: number, text: string, start: number, end: number): TextIs {
    const t = this.trackingNumbers;
    if (!t.has(i)) return NO_TEXT;
    return t.equalsAt(i, text, start, end) ? SAME_TEXT : OTHER_TEXT;
  }

  setTracking(i: number, value: string | null): void {
    this.trackingNumbers.set(i, value);
  }

  cancelledByOf(i: number): CancelledBy | null {
    const by = (this.flags[i]! & BY_MASK) >> BY_SHIFT;
    return by === 0 ? null : BY[by - 1]!;
  }

  setCancelledBy(i: number, value: CancelledBy): void {
    this.flags[i] = (this.flags[i]! & ~BY_MASK) | ((BY.indexOf(value) + 1) << BY_SHIFT);
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
    this.trackingNumbers.trim();
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

/** The index of `text`'s marketplace in shared.markets (at most 32767 distinct cells). */
function marketId(shared: Shared, text: string): number {
  let id = shared.marketIndex.get(text);
  if (id === undefined) {
    const name = marketplaceName(text);
    id = shared.markets.indexOf(name);
    if (id === -1) id = shared.markets.length < 0x7fff ? shared.markets.push(name) - 1 : shared.markets.length - 1;
    shared.marketIndex.set(text, id);
  }
  return id;
}

/** The pages of the orders read, addressed by a global order index. */
export class OrderStore {
  readonly pages: Page[] = [];
  private readonly shared: Shared = {
    statuses: [],
    statusIndex: new Map(),
    markets: [],
    marketIndex: new Map(),
    files: [],
    baseDay: NaN,
  };
  private lastFile: string | null = null;
  private lastFileIndex = -1;

  page(i: number): Page {
    return this.pages[i >>> PAGE_BITS]!;
  }

  /** The index of a sales channel cell's marketplace (interned; shared with CountedOrders). */
  marketId(text: string): number {
    return marketId(this.shared, text);
  }

  /** The marketplace names by index. */
  get markets(): readonly string[] {
    return this.shared.markets;
  }

  /** The marketplace of order i, or null. */
  market(i: number): string | null {
    const m = this.page(i).market[i & PAGE_MASK]!;
    return m < 0 ? null : this.shared.markets[m]!;
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

  /** Whether order i's id is text[start, end) (compared in place). */
  idIsAt(i: number, text: string, start: number, end: number): boolean {
    return this.page(i).ids.equalsAt(i & PAGE_MASK, text, start, end);
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
export function orderViews(store: OrderStore): new (i: number) => Order {
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
    get marketplace(): string | null {
      const p = page(this.i);
      const m = p.market[this.i & PAGE_MASK]!;
      return m < 0 ? null : p.shared.markets[m]!;
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
export class IdTable {
  private slots = new Int32Array(1024);
  /** Slots not empty (deleted ones included). */
  private used = 0;
  /** Each id's hash, by index: probes and rehashing never touch the ids of other orders. */
  private hashes = new Int32Array(1024);

  constructor(private readonly store: OrderStore) {}

  /** The hash of text[start, end) (FNV-1a, mixed). */
  private static hashAt(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let j = start; j < end; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    return h ^ (h >>> 15);
  }

  private static hash(id: string): number {
    return IdTable.hashAt(id, 0, id.length);
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

  /** get() of the id text[start, end), hashed and compared in place (the join: no string per row). */
  getAt(text: string, start: number, end: number): number | undefined {
    const h = IdTable.hashAt(text, start, end);
    const slots = this.slots;
    const hashes = this.hashes;
    const mask = slots.length - 1;
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const v = slots[k]!;
      if (v === 0) return undefined;
      if (v > 0 && hashes[v - 1] === h && this.store.idIsAt(v - 1, text, start, end)) return v - 1;
    }
  }

  /** Adds an id that is not in the table, for store index `index` (whose id it is). */
  set(id: string, index: number): void {
    if ((this.used + 1) * 2 > this.slots.length) this.rehash();
    if (index >= this.hashes.length) {
      this.hashes = widened(this.hashes, this.hashes.length * 2);
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

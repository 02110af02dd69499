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
 * - Storage: the kept orders are columns in a paged store (store.ts, issue 6); finish()
 *   returns a view of each.
 */
import { AhrError } from "../../errors.js";
import { classifySalesChannel } from "../../marketplaces.js";
import type { Order, Stamp } from "../../records.js";
import { widened } from "../columns.js";
import type { OrderRow } from "./reader.js";
import { EXCLUDED, KNOWN, UNKNOWN, type JoinTarget } from "../join.js";
import { CHANNEL_SET, DEAD, freshRowHash, IdTable, JOIN_SLOT, OrderStore, orderViews, PAGE_MASK } from "./store.js";

const RECENT = 8192;

/** The 64-bit hash of an order id counted only (two 32-bit lanes, one pass), in idA / idB. */
let idA = 0;
let idB = 0;
function idHash(id: string): void {
  idHashAt(id, 0, id.length);
}

/** idHash of the id text[start, end), in place. */
function idHashAt(text: string, start: number, end: number): void {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 31) + c) | 0;
  }
  idA = a ^ (a >>> 15);
  idB = b ^ (b >>> 13);
}

const C_STATUS = 1; // the status is known (the first non-empty one)
const C_PENDING = 2;
const C_MULTI = 4; // a second row hash, in hash2 (a third and more: hashes)
const C_AFN = 8; // the channel of its first row is AFN

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
  /** The marketplace index (OrderStore.marketId), -1: none. */
  private market = new Int16Array(1024);
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
  add(a: number, b: number, day: number, status: string | null, hash: number, afn: boolean, market = -1): void {
    if (this.size === this.cap) this.grow();
    if ((this.size + 1) * 2 > this.slots.length) this.rehash();
    const j = this.size++;
    this.idA[j] = a;
    this.idB[j] = b;
    this.day[j] = day;
    this.market[j] = market;
    this.hash[j] = hash;
    this.flags[j] = afn ? C_AFN : 0;
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

  /** Whether a later row of order j disagrees with its first on the purchase day or the channel. */
  disagrees(j: number, row: OrderRow): boolean {
    if (row.purchase !== null && row.purchase.day !== this.day[j]) return true;
    return row.channel !== null && ((this.flags[j]! & C_AFN) !== 0) !== (row.channel === "afn");
  }

  /** A row's status: the first non-empty one decides whether the order is pending. */
  setStatus(j: number, status: string | null): void {
    const f = this.flags[j]!;
    if ((f & C_STATUS) !== 0 || status === null) return;
    this.flags[j] = f | C_STATUS | (status === "pending" || status === "pendingavailability" ? C_PENDING : 0);
  }

  /** Purchase day -> how many of the orders are not pending (of marketplace index `market` only, when given). */
  nonPendingByDay(market?: number): Map<number, number> {
    const byDay = new Map<number, number>();
    for (let j = 0; j < this.size; j++) {
      if ((this.flags[j]! & C_PENDING) !== 0) continue;
      if (market !== undefined && this.market[j] !== market) continue;
      const d = this.day[j]!;
      byDay.set(d, (byDay.get(d) ?? 0) + 1);
    }
    return byDay;
  }

  /** Per marketplace index (-1: none): how many orders. */
  perMarket(): Map<number, number> {
    const out = new Map<number, number>();
    for (let j = 0; j < this.size; j++) out.set(this.market[j]!, (out.get(this.market[j]!) ?? 0) + 1);
    return out;
  }

  private grow(): void {
    const cap = this.cap * 2;
    this.idA = widened(this.idA, cap);
    this.idB = widened(this.idB, cap);
    this.day = widened(this.day, cap);
    this.market = widened(this.market, cap);
    this.hash = widened(this.hash, cap);
    this.hash2 = widened(this.hash2, cap);
    this.flags = widened(this.flags, cap);
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

/** A set of 64-bit id hashes (two 32-bit lanes, idHash): open addressing, 0 marks empty. */
class IdHashes {
  private size = 0;
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private used = new Uint8Array(1024);

  has(x: number, y: number): boolean {
    const mask = this.a.length - 1;
    for (let k = x & mask; this.used[k] !== 0; k = (k + 1) & mask) if (this.a[k] === x && this.b[k] === y) return true;
    return false;
  }

  add(x: number, y: number): void {
    if (this.has(x, y)) return;
    if ((this.size + 1) * 2 > this.a.length) this.rehash();
    this.put(x, y);
    this.size++;
  }

  private put(x: number, y: number): void {
    const mask = this.a.length - 1;
    let k = x & mask;
    while (this.used[k] !== 0) k = (k + 1) & mask;
    this.a[k] = x;
    this.b[k] = y;
    this.used[k] = 1;
  }

  private rehash(): void {
    const { a, b, used } = this;
    this.a = new Int32Array(a.length * 2);
    this.b = new Int32Array(a.length * 2);
    this.used = new Uint8Array(a.length * 2);
    for (let k = 0; k < a.length; k++) if (used[k] !== 0) this.put(a[k]!, b[k]!);
  }
}

/** What finish() says of the orders only counted (MergeOptions.countOnly). */
export interface CountedSummary {
  /** How many orders were counted only. */
  orders: number;
  /** Purchase day -> how many of them are not pending. */
  nonPendingByDay: Map<number, number>;
  /**
   * The same per marketplace (SPEC 9.3), when the orders name one: marketplace -> how many
   * orders, and purchase day -> how many not pending. Absent when no counted order names one.
   */
  byMarketplace?: Map<string, { orders: number; nonPendingByDay: Map<number, number> }>;
}

export interface MergeOptions {
  /**
   * Kinds will join onto the orders (joinTarget()): the ids of dropped orders are remembered
   * (as 64-bit hashes), so that a joined row naming one is matched, not unmatched; and with
   * countOnly, only Amazon-fulfilled orders are only counted (a joined row adds nothing an
   * Amazon-fulfilled order's metrics read).
   */
  joins?: boolean;
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
  /** Orders of no marketplace (MCF, `Non-Amazon`, any sales channel not `Amazon.`...), after finish(). */
  readonly excludedIds = new Set<string>();
  duplicates = 0;
  /**
   * Orders whose rows disagree on the purchase day or the channel (the first row's value is
   * kept), and the first such row: counted and noted, never silently (issue 17).
   */
  readonly disagreeing = new Set<string>();
  firstDisagreement: { orderId: string; file: string; line: number } | null = null;
  private counted: CountedOrders | null;
  /** The orders only counted, after finish() (null without MergeOptions.countOnly). */
  countedSummary: CountedSummary | null = null;

  constructor(private readonly options: MergeOptions = {}) {
    this.counted = options.countOnly !== undefined ? new CountedOrders() : null;
    if (options.joins === true) this.dropped = new IdHashes();
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
    // An order that is no marketplace's (MCF) is kept, to be left out and counted in finish().
    if (row.salesChannel !== null && classifySalesChannel(row.salesChannel).kind === "excluded") return false;
    if (row.purchase === null || row.purchase.day >= c.beforeDay || row.channel === null) return false;
    // With joined reports (MergeOptions.joins) a seller-fulfilled order's ship-by, promised and
    // ship dates may come later, from them: only an Amazon-fulfilled one is decided by its row.
    if (this.options.joins === true && row.channel !== "afn") return false;
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

  /** The ids of the dropped orders (MergeOptions.joins), as hashes. */
  private dropped: IdHashes | null = null;

  /**
   * The ids of the dropped orders of no marketplace (MergeOptions.joins; SPEC 9.3: MCF), as
   * hashes: their joined rows are `excluded`, as those of a kept one are.
   */
  private droppedExcluded: IdHashes | null = null;

  private lastChannel = "";
  private lastChannelExcluded = false;
  private excludedChannel(text: string): boolean {
    if (text !== this.lastChannel) {
      this.lastChannel = text;
      this.lastChannelExcluded = classifySalesChannel(text).kind === "excluded";
    }
    return this.lastChannelExcluded;
  }

  private drop(id: string, salesChannel: string | null = null): void {
    if (this.options.referenced?.has(id)) this.outsideIds.add(id);
    if (this.dropped !== null) {
      idHash(id);
      this.dropped.add(idA, idB);
      if (salesChannel !== null && this.excludedChannel(salesChannel)) {
        (this.droppedExcluded ??= new IdHashes()).add(idA, idB);
      }
    }
    if (this.recent.has(id)) return;
    if (this.recentQueue.length < RECENT) this.recentQueue.push(id);
    else {
      this.recent.delete(this.recentQueue[this.recentAt]!);
      this.recentQueue[this.recentAt] = id;
      this.recentAt = (this.recentAt + 1) % RECENT;
    }
    this.recent.add(id);
  }

  private disagree(orderId: string, file: string, line: number): void {
    if (this.disagreeing.has(orderId)) return;
    this.disagreeing.add(orderId);
    this.firstDisagreement ??= { orderId, file, line };
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
          if (counted.disagrees(j, row)) this.disagree(row.orderId, file, line);
          counted.setStatus(j, row.status);
          return "kept";
        }
      }
      if (keep !== undefined) {
        if (row.purchase !== null ? row.purchase.day < keep : this.recent.has(row.orderId)) {
          this.drop(row.orderId, row.salesChannel);
          return "dropped";
        }
      }
      if (counted !== null && this.countOnly(row)) {
        const market = row.salesChannel === null ? -1 : store.marketId(row.salesChannel);
        counted.add(idA, idB, row.purchase!.day, row.status, hash, row.channel === "afn", market);
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
        this.drop(row.orderId, store.market(i) ?? row.salesChannel);
        return "dropped";
      }
    }
    if (page.merge(k, row)) this.disagree(row.orderId, file, line);
    if ((!page.hasPurchase(k) || (page.flags[k]! & CHANNEL_SET) === 0) && page.rows[k] === 1) {
      this.names.set(row.orderId, names);
    }
    return "kept";
  }

  /**
   * The orders as the join sees them (join.ts), between the last add() and finish(): an id kept
   * is its store index; dropped (MergeOptions.joins) or only counted is KNOWN; else UNKNOWN.
   * A joined field is written into the store, where the order's own rows put theirs.
   */
  joinTarget(): { target: JoinTarget; orderIdOf: (i: number) => string } {
    const store = this.store;
    const excludedMarket: boolean[] = [];
    /** find() of an id not kept, whose idHash is in idA / idB ("": not needed, no outsideIds). */
    const notKept = (id: string): number => {
      if (this.counted !== null && this.counted.find(idA, idB) !== -1) return KNOWN;
      if (this.droppedExcluded !== null && this.droppedExcluded.has(idA, idB)) return EXCLUDED;
      if (this.dropped !== null && this.dropped.has(idA, idB)) return KNOWN;
      return this.outsideIds.has(id) ? KNOWN : UNKNOWN;
    };
    const target: JoinTarget = {
      find: (id) => {
        const i = this.orders.get(id);
        if (i !== undefined) return (store.page(i).flags[i & PAGE_MASK]! & DEAD) !== 0 ? KNOWN : i;
        if (this.counted === null && this.dropped === null && this.outsideIds.size === 0) return UNKNOWN;
        idHash(id);
        return notKept(id);
      },
      findAt: (text, start, end) => {
        const i = this.orders.getAt(text, start, end);
        if (i !== undefined) return (store.page(i).flags[i & PAGE_MASK]! & DEAD) !== 0 ? KNOWN : i;
        if (this.counted === null && this.dropped === null && this.outsideIds.size === 0) return UNKNOWN;
        idHashAt(text, start, end);
        return notKept(this.outsideIds.size === 0 ? "" : text.slice(start, end));
      },
      size: () => store.size(),
      stamp: (i, field) => store.page(i).joinedStamp(i & PAGE_MASK, JOIN_SLOT[field]),
      stampMs: (i, field) => store.page(i).joinedMs(i & PAGE_MASK, JOIN_SLOT[field]),
      setStamp: (i, field, st) => store.page(i).setJoinedStamp(i & PAGE_MASK, JOIN_SLOT[field], st),
      // sales_channel: the order's marketplace (store.market, a marketplaceName); carrier: not kept.
      text: (i, field) =>
        field === "tracking_number" ? store.page(i).tracking(i & PAGE_MASK) : field === "sales_channel" ? store.market(i) : null,
      trackingAt: (i, text, start, end) => store.page(i).trackingAt(i & PAGE_MASK, text, start, end),
      setText: (i, field, value) => {
        if (field === "tracking_number") store.page(i).setTracking(i & PAGE_MASK, value);
        else if (field === "sales_channel" && value !== null) store.page(i).market[i & PAGE_MASK] = store.marketId(value);
      },
      excluded: (i) => {
        const m = store.page(i).market[i & PAGE_MASK]!;
        if (m < 0) return false;
        let e = excludedMarket[m];
        if (e === undefined) e = excludedMarket[m] = classifySalesChannel(store.markets[m]!).kind === "excluded";
        return e;
      },
      cancelledBy: (i) => store.page(i).cancelledByOf(i & PAGE_MASK),
      setCancelledBy: (i, value) => store.page(i).setCancelledBy(i & PAGE_MASK, value),
    };
    return { target, orderIdOf: (i) => store.id(i) };
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
      const counted = this.counted;
      this.countedSummary = { orders: counted.size, nonPendingByDay: counted.nonPendingByDay() };
      const per = counted.perMarket();
      if ([...per.keys()].some((m) => m >= 0)) {
        const byMarketplace = new Map<string, { orders: number; nonPendingByDay: Map<number, number> }>();
        for (const [m, orders] of per) {
          if (m < 0) continue;
          byMarketplace.set(store.markets[m]!, { orders, nonPendingByDay: counted.nonPendingByDay(m) });
        }
        this.countedSummary.byMarketplace = byMarketplace;
      }
      this.counted = null;
    }
    const excludedMarket = store.markets.map((name) => classifySalesChannel(name).kind === "excluded");
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
      const m = page.market[k]!;
      if (m >= 0 && excludedMarket[m] === true) {
        // Not a marketplace order (SPEC 9.3): left out of everything, counted, its id kept.
        this.excludedIds.add(store.id(i));
        continue;
      }
      out.push(new View(i));
      const id = alsoKept.get(i);
      if (id !== undefined) this.outsideIds.delete(id);
    }
    this.names.clear();
    return out;
  }
}

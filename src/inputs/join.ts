/**
 * The join of SPEC 9.1: the fields of the joined reports (order-report, unshipped, shipments)
 * onto the orders, matched by order id. Pure: it reads and writes the orders only through a
 * JoinTarget (the order store, or a plain map in tests) and keeps its own state in typed arrays
 * indexed by the order's index, so it streams: one joined row at a time, nothing per row kept.
 *
 * Rules:
 * - The orders input creates the orders; a joined row whose order id it does not hold is
 *   `unmatched` (counted per input, a few ids kept for the note) and changes nothing. An order
 *   read but not kept (too old for every window, only counted for the AHR, excluded) is matched
 *   and changes nothing either (JoinTarget.find gives KNOWN).
 * - A field comes from the orders input when the order has it there; otherwise from the joined
 *   inputs, the first one (in the order the inputs are added) that has it. A later source that
 *   disagrees with the value in use (the orders input's or an earlier joined input's) is a
 *   conflict: counted once per order and field, the first example kept. Rows of the same input
 *   disagreeing are not a conflict: as in the orders input, the first row wins (SPEC 8.2).
 * - Shipments (an input added with `shipments`): an order's `shipped_at` is the latest ship date
 *   among all its confirmation rows (it is shipped when its last package is), compared with the
 *   orders input's once every row is in (finish). Its tracking number is the first row's, and it
 *   has one only when every one of its rows has one (else it has none: no valid tracking);
 *   `carrier` comes from the first row. With a tracking number in the orders input, that one is
 *   used (a different first tracking number in the shipments is a conflict).
 * - Replay (SPEC 8.1) is the metrics' business: they see the combined value.
 */
import type { CancelledBy, Stamp } from "../records.js";
import { copyCell, type RowCursor } from "../read/rows.js";
import type { Cells } from "./cells.js";

/** The order fields a joined report can give (the orders kind's canonical names). */
export type JoinField =
  | "latest_ship_date"
  | "promised_delivery_date"
  | "cancelled_by"
  | "sales_channel"
  | "shipped_at"
  | "tracking_number"
  | "carrier";

export const JOIN_FIELDS: readonly JoinField[] = [
  "latest_ship_date",
  "promised_delivery_date",
  "cancelled_by",
  "sales_channel",
  "shipped_at",
  "tracking_number",
  "carrier",
];

export type StampField = "latest_ship_date" | "promised_delivery_date" | "shipped_at";
export type TextField = "sales_channel" | "tracking_number" | "carrier";

/** One row of a joined report, as its reader gives it (null: empty or no such column). */
export interface JoinRow {
  /** The order id; "" when it is given in place (idText). */
  orderId: string;
  /**
   * The order id in place (a row read from cell bounds): text[idStart, idEnd), matched by a hash
   * of the cell (JoinTarget.findAt) without a string per row; null: the id is orderId.
   */
  idText: string | null;
  idStart: number;
  idEnd: number;
  latestShip: Stamp | null;
  promisedDelivery: Stamp | null;
  cancelledBy: CancelledBy | null;
  salesChannel: string | null;
  shippedAt: Stamp | null;
  /** The tracking number as a string; null: none, or given in place (trackingText). */
  trackingNumber: string | null;
  /**
   * The tracking number in place (a row read from cell bounds): text[trackingStart,
   * trackingEnd), none when empty; compared with the order's in place (JoinTarget.trackingAt), a
   * string only when the order takes it. null: the tracking number is trackingNumber.
   */
  trackingText: string | null;
  trackingStart: number;
  trackingEnd: number;
  carrier: string | null;
}

/** A JoinRow with every field empty. */
export function blankJoinRow(): JoinRow {
  return {
    orderId: "",
    idText: null,
    idStart: 0,
    idEnd: 0,
    latestShip: null,
    promisedDelivery: null,
    cancelledBy: null,
    salesChannel: null,
    shippedAt: null,
    trackingNumber: null,
    trackingText: null,
    trackingStart: 0,
    trackingEnd: 0,
    carrier: null,
  };
}

/** JoinTarget.find: the order is in the orders input but not kept (its fields are not needed). */
export const KNOWN = -2;
/** JoinTarget.find: the orders input has no such order. */
export const UNKNOWN = -1;
/** JoinTarget.find: the order is in the orders input, not kept, and of no marketplace (SPEC 9.3: MCF). */
export const EXCLUDED = -3;

/** A row's order id as a string (built from the cell when given in place). */
export function joinRowId(row: JoinRow): string {
  return row.idText === null ? row.orderId : copyCell(row.idText, row.idStart, row.idEnd);
}

/**
 * The order id of a joined row into r: in place when the row is read from cell bounds, else as
 * a string. An empty one is EMPTY_REQUIRED (cells.ts).
 */
export function readJoinId(c: Cells, row: RowCursor, p: number, r: JoinRow): void {
  if (row.cells === null) {
    const k = row.base + 2 * p;
    const s = row.bounds[k]!;
    const e = row.bounds[k + 1]!;
    if (s === e) c.empty(p, row.line, "an order id");
    r.orderId = "";
    r.idText = row.text;
    r.idStart = s;
    r.idEnd = e;
  } else {
    r.orderId = c.required(row, p, row.line, "an order id");
    r.idText = null;
  }
}

/**
 * The tracking number of a joined row into r: in place when the row is read from cell bounds,
 * else as a string (null when empty or p < 0: no such column).
 */
export function readJoinTracking(c: Cells, row: RowCursor, p: number, r: JoinRow): void {
  if (row.cells === null && p >= 0) {
    const k = row.base + 2 * p;
    r.trackingNumber = null;
    r.trackingText = row.text;
    r.trackingStart = row.bounds[k]!;
    r.trackingEnd = row.bounds[k + 1]!;
  } else {
    r.trackingNumber = c.opt(row, p);
    r.trackingText = null;
  }
}

/** A row's tracking number as a string (built from the cell when given in place), or null. */
function joinRowTracking(row: JoinRow): string | null {
  const t = row.trackingText;
  if (t === null) return row.trackingNumber;
  return row.trackingStart === row.trackingEnd ? null : copyCell(t, row.trackingStart, row.trackingEnd);
}

/** JoinTarget.trackingAt: the order has no value; the same value; another value. */
export const NO_TEXT = 0;
export const SAME_TEXT = 1;
export const OTHER_TEXT = 2;
export type TextIs = typeof NO_TEXT | typeof SAME_TEXT | typeof OTHER_TEXT;

/** Whether a[as, ae) and b[bs, be) hold the same characters. */
function sameText(a: string, as: number, ae: number, b: string, bs: number, be: number): boolean {
  const n = ae - as;
  if (n !== be - bs) return false;
  for (let j = 0; j < n; j++) if (a.charCodeAt(as + j) !== b.charCodeAt(bs + j)) return false;
  return true;
}

/** The orders, as the join sees them. Indices are >= 0 and below size(). */
export interface JoinTarget {
  /** The order's index, or KNOWN / UNKNOWN / EXCLUDED. */
  find(orderId: string): number;
  /** find() of the id text[start, end), hashed and compared in place. Absent: find() of its string. */
  findAt?(text: string, start: number, end: number): number;
  /** One more than the largest index find() can give (may grow while rows are added). */
  size(): number;
  stamp(i: number, field: StampField): Stamp | null;
  /** stamp()'s instant (NaN: none), without a Stamp object. Absent: stamp() is read. */
  stampMs?(i: number, field: StampField): number;
  setStamp(i: number, field: StampField, value: Stamp | null): void;
  text(i: number, field: TextField): string | null;
  /** The order's tracking number compared with text[start, end) in place. Absent: text() is compared. */
  trackingAt?(i: number, text: string, start: number, end: number): TextIs;
  /** A target that does not keep a field (carrier) ignores it and gives null for it. */
  setText(i: number, field: TextField, value: string | null): void;
  cancelledBy(i: number): CancelledBy | null;
  setCancelledBy(i: number, value: CancelledBy): void;
  /**
   * Whether order i is of no marketplace (SPEC 9.3: MCF): its joined rows are counted as
   * `excluded` and change nothing. Absent: none is.
   */
  excluded?(i: number): boolean;
}

/** What the join found for one joined input. */
export interface JoinedInputSummary {
  label: string;
  /** Rows added. */
  rows: number;
  /** Rows naming an order the orders input does not hold. */
  unmatched: number;
  /** The first few of their order ids (distinct, in order of appearance). */
  unmatchedIds: string[];
  /** Rows naming an order of no marketplace (JoinTarget.excluded). */
  excluded: number;
}

/** Orders on which two sources disagreed about one field. */
export interface JoinConflict {
  field: JoinField;
  /** Orders affected (each counted once per field). */
  orders: number;
  /** The first one: its id, the source whose value is used, the one that disagreed. */
  example: { orderId: string; used: string; other: string };
}

export interface JoinSummary {
  inputs: JoinedInputSummary[];
  conflicts: JoinConflict[];
}

/** How many unmatched ids each input keeps for its note. */
export const UNMATCHED_SAMPLES = 3;


// Per-order bits of `flags`.
const SHIP_SEEN = 1; // a shipments row named the order
const TRACK_MISSING = 2; // one of its shipments rows had no tracking number
const TRACK_JOINED = 4; // its tracking number came from the shipments (not the orders input)

/** The conflict bit of each field in `conflicted`. */
const BIT: Record<JoinField, number> = {
  latest_ship_date: 1,
  promised_delivery_date: 2,
  cancelled_by: 4,
  sales_channel: 8,
  shipped_at: 16,
  tracking_number: 32,
  carrier: 64,
};

/** The fields joined "first source wins", with their slot in `source`. */
const FIRST: readonly JoinField[] = ["latest_ship_date", "promised_delivery_date", "cancelled_by", "sales_channel"];

/** One joined input, as added to a Joiner. */
export interface JoinedInput {
  /** Adds one row (the row object may be reused by the caller after the call). */
  add(row: JoinRow): void;
}

export class Joiner {
  private readonly inputs: (JoinedInputSummary & { shipments: boolean })[] = [];
  private readonly conflicts = new Map<JoinField, JoinConflict>();
  /** Per order: bits of the fields already counted as conflicts. */
  private conflicted = new Uint8Array(0);
  /** Per FIRST field, per order: 0 the value (if any) is the orders input's, else input index + 1. */
  private readonly source: Uint8Array[] = FIRST.map(() => new Uint8Array(0));
  /** Per order: SHIP_SEEN, TRACK_MISSING, TRACK_JOINED. */
  private flags = new Uint8Array(0);
  /** Per order: the latest ship date among its shipments rows (NaN: none) and its day. */
  private shipMs = new Float64Array(0);
  private shipDay = new Int32Array(0);
  /** Per order: the shipments input that first named it, + 1. */
  private shipSource = new Uint8Array(0);
  private cap = 0;

  /** `ordersLabel`: how notes name the input the orders come from (its kind). */
  constructor(
    private readonly target: JoinTarget,
    private readonly ordersLabel: string,
  ) {}

  /**
   * A joined input, in the order of precedence (the first added wins a disagreement). `label`
   * names it in notes (its kind, or its file). `shipments`: the rules of confirmation rows.
   */
  input(label: string, shipments: boolean): JoinedInput {
    if (this.inputs.length >= 254) throw new Error("Joiner: too many joined inputs");
    const k = this.inputs.length;
    const summary = { label, rows: 0, unmatched: 0, unmatchedIds: [] as string[], excluded: 0, shipments };
    this.inputs.push(summary);
    const t = this.target;
    const findAt = t.findAt?.bind(t);
    // The previous row's id in place and what find gave for it: Amazon writes an order's rows
    // together, so a row of the same order is matched without hashing its id again.
    let lastText: string | null = null;
    let lastStart = 0;
    let lastEnd = 0;
    let lastI = UNKNOWN;
    return {
      add: (row) => {
        summary.rows++;
        let i: number;
        const text = row.idText;
        if (text !== null && findAt !== undefined) {
          const s = row.idStart;
          const e = row.idEnd;
          if (lastText !== null && sameText(text, s, e, lastText, lastStart, lastEnd)) i = lastI;
          else {
            i = findAt(text, s, e);
            lastText = text;
            lastStart = s;
            lastEnd = e;
            lastI = i;
          }
        } else i = t.find(joinRowId(row));
        if (i === UNKNOWN) {
          summary.unmatched++;
          if (summary.unmatchedIds.length < UNMATCHED_SAMPLES) {
            const id = joinRowId(row);
            if (!summary.unmatchedIds.includes(id)) summary.unmatchedIds.push(id);
          }
          return;
        }
        if (i === EXCLUDED) {
          summary.excluded++;
          return;
        }
        if (i < 0) return;
        if (t.excluded?.(i) === true) {
          summary.excluded++;
          return;
        }
        this.ensure(i);
        this.first(i, k, row);
        if (shipments) this.shipment(i, k, row);
      },
    };
  }

  private ensure(i: number): void {
    if (i < this.cap) return;
    let cap = Math.max(1024, this.cap);
    while (cap <= i) cap *= 2;
    cap = Math.max(cap, this.target.size());
    const grow = <A extends Uint8Array | Int32Array | Float64Array>(a: A, fill?: number): A => {
      const b = new (a.constructor as new (n: number) => A)(cap);
      b.set(a);
      if (fill !== undefined) b.fill(fill, a.length);
      return b;
    };
    this.conflicted = grow(this.conflicted);
    for (let s = 0; s < this.source.length; s++) this.source[s] = grow(this.source[s]!);
    this.flags = grow(this.flags);
    this.shipMs = grow(this.shipMs, NaN);
    this.shipDay = grow(this.shipDay);
    this.shipSource = grow(this.shipSource);
    this.cap = cap;
  }

  /** `of`: the order's id, or the row naming it (its id is built only for the first example). */
  private conflict(i: number, field: JoinField, of: string | JoinRow, used: string, other: string): void {
    const bit = BIT[field];
    if ((this.conflicted[i]! & bit) !== 0) return;
    this.conflicted[i]! |= bit;
    const c = this.conflicts.get(field);
    if (c === undefined) {
      const orderId = typeof of === "string" ? of : joinRowId(of);
      this.conflicts.set(field, { field, orders: 1, example: { orderId, used, other } });
    } else c.orders++;
  }

  /** The instant of order i's date `field` (NaN: none). */
  private ms(i: number, field: StampField): number {
    const t = this.target;
    if (t.stampMs !== undefined) return t.stampMs(i, field);
    return t.stamp(i, field)?.ms ?? NaN;
  }

  /** Order i's tracking number against row's (which has one): NO_TEXT, SAME_TEXT or OTHER_TEXT. */
  private tracking(i: number, row: JoinRow): TextIs {
    const t = this.target;
    const text = row.trackingText;
    if (text !== null && t.trackingAt !== undefined) return t.trackingAt(i, text, row.trackingStart, row.trackingEnd);
    const cur = t.text(i, "tracking_number");
    if (cur === null) return NO_TEXT;
    return text === null
      ? cur === row.trackingNumber ? SAME_TEXT : OTHER_TEXT
      : sameText(cur, 0, cur.length, text, row.trackingStart, row.trackingEnd) ? SAME_TEXT : OTHER_TEXT;
  }

  private label(source: number): string {
    return source === 0 ? this.ordersLabel : this.inputs[source - 1]!.label;
  }

  /** The "first source wins" fields of one row of input k. */
  private first(i: number, k: number, row: JoinRow): void {
    const t = this.target;
    for (let s = 0; s < FIRST.length; s++) {
      const field = FIRST[s]!;
      let differs: boolean;
      if (field === "cancelled_by") {
        const v = row.cancelledBy;
        if (v === null) continue;
        const cur = t.cancelledBy(i);
        if (cur === null) {
          t.setCancelledBy(i, v);
          this.source[s]![i] = k + 1;
          continue;
        }
        differs = cur !== v;
      } else if (field === "sales_channel") {
        const v = row.salesChannel;
        if (v === null) continue;
        const cur = t.text(i, field);
        if (cur === null) {
          t.setText(i, field, v);
          this.source[s]![i] = k + 1;
          continue;
        }
        differs = cur !== v;
      } else {
        const sf: StampField = field === "latest_ship_date" ? field : "promised_delivery_date";
        const v = sf === "latest_ship_date" ? row.latestShip : row.promisedDelivery;
        if (v === null) continue;
        const cur = this.ms(i, sf);
        if (cur !== cur) {
          t.setStamp(i, sf, { ms: v.ms, day: v.day });
          this.source[s]![i] = k + 1;
          continue;
        }
        differs = cur !== v.ms;
      }
      const from = this.source[s]![i]!;
      if (differs && from !== k + 1) this.conflict(i, field, row, this.label(from), this.inputs[k]!.label);
    }
  }

  /** One confirmation row of shipments input k. */
  private shipment(i: number, k: number, row: JoinRow): void {
    const t = this.target;
    const f = this.flags[i]!;
    const firstRow = (f & SHIP_SEEN) === 0;
    let g = f | SHIP_SEEN;
    if (firstRow) this.shipSource[i] = k + 1;
    const st = row.shippedAt;
    if (st !== null && !(st.ms <= this.shipMs[i]!)) {
      this.shipMs[i] = st.ms;
      this.shipDay[i] = st.day;
    }
    const text = row.trackingText;
    const tracked = text !== null ? row.trackingStart < row.trackingEnd : row.trackingNumber !== null;
    if (!tracked) g |= TRACK_MISSING;
    if (firstRow && tracked) {
      const is = this.tracking(i, row);
      if (is === NO_TEXT) {
        t.setText(i, "tracking_number", joinRowTracking(row));
        g |= TRACK_JOINED;
      } else if (is === OTHER_TEXT) {
        this.conflict(i, "tracking_number", row, this.ordersLabel, this.inputs[k]!.label);
      }
    }
    if (firstRow) {
      if (row.carrier !== null) {
        const c = t.text(i, "carrier");
        if (c === null) t.setText(i, "carrier", row.carrier);
        else if (c !== row.carrier) this.conflict(i, "carrier", row, this.ordersLabel, this.inputs[k]!.label);
      }
    }
    this.flags[i] = g;
  }

  /**
   * Applies what needs every row (shipments: the latest ship date, tracking on every row) and
   * says what was found. Call once, after the last row.
   */
  finish(orderIdOf: (i: number) => string): JoinSummary {
    const t = this.target;
    for (let i = 0; i < this.cap; i++) {
      const f = this.flags[i]!;
      if ((f & SHIP_SEEN) === 0) continue;
      if ((f & (TRACK_MISSING | TRACK_JOINED)) === (TRACK_MISSING | TRACK_JOINED)) t.setText(i, "tracking_number", null);
      const ms = this.shipMs[i]!;
      if (ms !== ms) continue;
      const cur = this.ms(i, "shipped_at");
      if (cur !== cur) t.setStamp(i, "shipped_at", { ms, day: this.shipDay[i]! });
      else if (cur !== ms) this.conflict(i, "shipped_at", orderIdOf(i), this.ordersLabel, this.label(this.shipSource[i]!));
    }
    return {
      inputs: this.inputs.map(({ label, rows, unmatched, unmatchedIds, excluded }) => ({ label, rows, unmatched, unmatchedIds, excluded })),
      conflicts: JOIN_FIELDS.flatMap((field) => {
        const c = this.conflicts.get(field);
        return c === undefined ? [] : [c];
      }),
    };
  }
}

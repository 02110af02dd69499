/**
 * One data row (the cells a ColumnMap selected) -> one typed record, per input kind (SPEC
 * sections 3 and 8). Orders produce an OrderRow here; orders.ts merges rows into Orders.
 *
 * Every value that does not parse is AhrError VALUE (file:line, the column as written, the value,
 * what was expected, the option that helps); an empty required value is EMPTY_REQUIRED (8.15).
 */
import type { DateOrder } from "../config/defaults.js";
import { AhrError } from "../errors.js";
import type {
  CancelledBy,
  Channel,
  Chargeback,
  Claim,
  Feedback,
  InputKind,
  Message,
  ReturnRequest,
  Stamp,
  Violation,
} from "../records.js";
import type { Zone } from "../time.js";
import { position, type ColumnMap } from "./headers.js";
import { RowCursor } from "./rows.js";
import {
  BOOL_EXPECTED,
  CHANNEL_EXPECTED,
  ISO_INVALID,
  NUMBER_EXPECTED,
  SEVERITY_EXPECTED,
  dateExpected,
  dateHint,
  dateOnlyStamp,
  isoAt,
  normaliseWord,
  parseAction,
  parseBool,
  parseCancelledBy,
  parseCategory,
  parseChannel,
  parseNumber,
  parseRating,
  parseSeverity,
  parseStamp,
  slashDayAt,
  type DateContext,
} from "./values.js";

export interface RowContext {
  file: string;
  zone: Zone;
  dateOrder: DateOrder;
}

export type RowParser<R> = (cells: string[], line: number) => R;
/** A parser over a RowCursor (the rows of a file, string cells or cell bounds): the hot path. */
export type RowReader<R> = (row: RowCursor) => R;

/** A RowReader as a RowParser of string cells. */
function overCells<R>(read: RowReader<R>): RowParser<R> {
  const row = new RowCursor();
  return (cells, line) => {
    row.setCells(cells, line);
    return read(row);
  };
}

/** Field access and coded errors for one file. Positions are -1 when the column is absent. */
class Cells {
  readonly dctx: DateContext;
  readonly zone: Zone;
  constructor(
    readonly map: ColumnMap,
    readonly ctx: RowContext,
  ) {
    this.dctx = { zone: ctx.zone, dateOrder: ctx.dateOrder };
    this.zone = ctx.zone;
    this.dmy = ctx.dateOrder === "dmy";
  }
  readonly dmy: boolean;
  pos(field: string): number {
    return position(this.map, field);
  }
  fail(p: number, line: number, value: string, expected: string, hint?: string): never {
    throw new AhrError("VALUE", {
      file: this.ctx.file,
      line,
      column: this.map.headers[p] ?? "",
      value,
      expected,
      ...(hint !== undefined ? { hint } : {}),
    });
  }
  empty(p: number, line: number, expected: string): never {
    throw new AhrError("EMPTY_REQUIRED", { file: this.ctx.file, line, column: this.map.headers[p] ?? "", expected });
  }
  /** The cell, "" when the column is absent. */
  text(r: RowCursor, p: number): string {
    return p < 0 ? "" : r.str(p);
  }
  /** A non-empty cell, or null. */
  opt(r: RowCursor, p: number): string | null {
    const t = this.text(r, p);
    return t === "" ? null : t;
  }
  required(r: RowCursor, p: number, line: number, expected: string): string {
    const t = this.text(r, p);
    if (t === "") this.empty(p, line, expected);
    return t;
  }
  /** Last text and Stamp per position: item rows of one order repeat their dates. */
  private readonly lastText: string[] = [];
  private readonly lastStamp: Stamp[] = [];
  /** Last instant read in place per position (NaN: none), whose Stamp is lastStamp. */
  private readonly lastMs: number[] = [];
  /** Last day of an M/D/YY date read in place per position (NaN: none), whose Stamp is lastStamp. */
  private readonly lastDay: number[] = [];
  /** Per position, a bounded memo for columns whose values repeat across orders (ship-by dates). */
  private readonly memo = new Map<number, Map<string, Stamp>>();
  /**
   * Per position, a Stamp overwritten for each row (orders with `reuse`: the merger copies the
   * instants and days); null: a new Stamp per distinct value.
   */
  private scratch: Stamp[] | null = null;
  shareDates(p: number): void {
    if (p >= 0) this.memo.set(p, new Map());
  }
  reuseStamps(): void {
    this.scratch = [];
  }
  /**
   * A date; equal texts give the same (shared, never mutated) Stamp object, which saves both
   * parsing and memory for repeated values. In a row read in place, an ISO 8601 date-time of the
   * fixed shape is read without cutting the cell out of the line.
   */
  date(r: RowCursor, p: number, line: number, endOfDay = false): Stamp | null {
    if (p < 0) return null;
    if (r.cells === null) {
      const k = r.base + 2 * p;
      const s = r.bounds[k]!;
      const e = r.bounds[k + 1]!;
      if (s === e) return null;
      const ms = isoAt(r.text, s, e - s, this.zone);
      if (ms === ms && ms !== ISO_INVALID) {
        if (this.lastMs[p] === ms) return this.lastStamp[p]!;
        return this.inPlace(p, ms, this.zone.dayOf(ms), ms, NaN);
      }
      if (ms !== ms) {
        // M/D/YY and M/D/YYYY (feedback), read in place too.
        const day = slashDayAt(r.text, s, e - s, this.dmy);
        if (day === day) {
          if (this.lastDay[p] === day) return this.lastStamp[p]!;
          const st = dateOnlyStamp(day, this.zone, endOfDay);
          return this.inPlace(p, st.ms, st.day, NaN, day);
        }
      }
    }
    const t = r.str(p);
    if (t === "") return null;
    if (this.lastText[p] === t) return this.lastStamp[p]!;
    const memo = this.memo.get(p);
    let s = memo?.get(t) ?? null;
    if (s === null) {
      s = parseStamp(t, this.dctx, endOfDay);
      if (s === null) this.fail(p, line, t, dateExpected(this.ctx.dateOrder), dateHint(t, this.ctx.dateOrder));
      if (memo) {
        if (memo.size >= 4096) memo.clear();
        memo.set(t, s);
      }
    }
    this.lastText[p] = t;
    this.lastStamp[p] = s;
    this.lastMs[p] = NaN;
    this.lastDay[p] = NaN;
    return s;
  }
  /**
   * The Stamp of a date read in place at position p (the scratch one, overwritten, with
   * reuseStamps; else a new one), remembered as the position's last date by its instant (ISO)
   * or its day (M/D/YY): the other memo is NaN, so only a date read the same way matches.
   */
  private inPlace(p: number, ms: number, day: number, lastMs: number, lastDay: number): Stamp {
    const scratch = this.scratch;
    let st: Stamp;
    if (scratch === null) st = { ms, day };
    else {
      st = scratch[p] ?? (scratch[p] = { ms: 0, day: 0 });
      st.ms = ms;
      st.day = day;
    }
    this.lastText[p] = "";
    this.lastMs[p] = lastMs;
    this.lastDay[p] = lastDay;
    this.lastStamp[p] = st;
    return st;
  }
  requiredDate(r: RowCursor, p: number, line: number): Stamp {
    const s = this.date(r, p, line);
    if (s === null) this.empty(p, line, "a date");
    return s;
  }
  /** A boolean; an empty cell is `empty`. */
  bool<E extends boolean | null>(r: RowCursor, p: number, line: number, empty: E): boolean | E {
    const t = this.text(r, p);
    if (t === "") return empty;
    const b = parseBool(t);
    if (b === null) this.fail(p, line, t, BOOL_EXPECTED);
    return b;
  }
  number(r: RowCursor, p: number, line: number): number | null {
    const t = this.text(r, p);
    if (t === "") return null;
    const n = parseNumber(t);
    if (n === null) this.fail(p, line, t, NUMBER_EXPECTED);
    return n;
  }
}

// ---------------------------------------------------------------- orders (one item row)

/** One orders row, parsed; orders.ts merges rows with the same order id. */
export interface OrderRow {
  orderId: string;
  /** null: empty on this row (another row of the order may have it, SPEC 8.15). */
  purchase: Stamp | null;
  channel: Channel | null;
  status: string | null;
  itemCancelled: boolean;
  cancelledBy: CancelledBy | null;
  latestShip: Stamp | null;
  shippedAt: Stamp | null;
  trackingNumber: string | null;
  /** undefined: no such column in this file; null: empty cell. */
  trackingValid: boolean | null | undefined;
  trackingExempt: boolean | null;
  promisedDelivery: Stamp | null;
  deliveredAt: Stamp | null;
  refundedAt: Stamp | null;
  /** refund_amount > 0 on this row. */
  refundAmountPositive: boolean;
}

/** An OrderRow with every field empty (no order id, no dates, no trackingValid column). */
export function blankOrderRow(): OrderRow {
  return {
    orderId: "",
    purchase: null,
    channel: null,
    status: null,
    itemCancelled: false,
    cancelledBy: null,
    latestShip: null,
    shippedAt: null,
    trackingNumber: null,
    trackingValid: undefined,
    trackingExempt: null,
    promisedDelivery: null,
    deliveredAt: null,
    refundedAt: null,
    refundAmountPositive: false,
  };
}

const isCancelledWord = (w: string): boolean => w === "cancelled" || w === "canceled";

/**
 * The orders row parser. With `reuse`, every call returns the same object, overwritten (the
 * merger copies what it keeps): no allocation per row on the hot path.
 */
export function orderRowParser(map: ColumnMap, ctx: RowContext, reuse = false): RowParser<OrderRow> {
  return overCells(orderRowReader(map, ctx, reuse));
}

/**
 * orderRowParser over a RowCursor. With `reuse`, the same OrderRow is overwritten by every call,
 * and so are its Stamps (the merger copies the instants and days it keeps).
 */
export function orderRowReader(map: ColumnMap, ctx: RowContext, reuse = false): RowReader<OrderRow> {
  const c: Cells = new Cells(map, ctx);
  if (reuse) c.reuseStamps();
  const pId = c.pos("order_id");
  const pPurchase = c.pos("purchase_date");
  const pChannel = c.pos("fulfillment_channel");
  const pStatus = c.pos("order_status");
  const pItem = c.pos("item_status");
  const pBy = c.pos("cancelled_by");
  const pLatest = c.pos("latest_ship_date");
  const pShipped = c.pos("shipped_at");
  const pTracking = c.pos("tracking_number");
  const pValid = c.pos("tracking_valid");
  const pExempt = c.pos("tracking_exempt");
  const pPromised = c.pos("promised_delivery_date");
  const pDelivered = c.pos("delivered_at");
  const pRefunded = c.pos("refunded_at");
  const pAmount = c.pos("refund_amount");
  c.shareDates(pLatest);
  c.shareDates(pPromised);
  const channelHint = `fix the value, or map the right column with "columns": {"orders": {"fulfillment_channel": "..."}} in ahr.config.json, or pass --skip-invalid`;
  const scratch = blankOrderRow();
  return (row) => {
    const line = row.line;
    const r = reuse ? scratch : blankOrderRow();
    r.orderId = c.required(row, pId, line, "an order id");
    r.purchase = c.date(row, pPurchase, line);
    const channelText = c.text(row, pChannel);
    r.channel = null;
    if (channelText !== "") {
      r.channel = parseChannel(channelText);
      if (r.channel === null) c.fail(pChannel, line, channelText, CHANNEL_EXPECTED, channelHint);
    }
    const statusText = c.text(row, pStatus);
    r.status = statusText === "" ? null : normaliseWord(statusText);
    const itemText = c.text(row, pItem);
    r.itemCancelled = itemText !== "" && isCancelledWord(normaliseWord(itemText));
    r.cancelledBy = parseCancelledBy(c.text(row, pBy));
    r.latestShip = c.date(row, pLatest, line, true);
    r.shippedAt = c.date(row, pShipped, line);
    r.trackingNumber = c.opt(row, pTracking);
    r.trackingValid = pValid < 0 ? undefined : c.bool(row, pValid, line, null);
    r.trackingExempt = c.bool(row, pExempt, line, null);
    r.promisedDelivery = c.date(row, pPromised, line);
    r.deliveredAt = c.date(row, pDelivered, line);
    r.refundedAt = c.date(row, pRefunded, line);
    const amount = c.number(row, pAmount, line);
    r.refundAmountPositive = amount !== null && amount > 0;
    return r;
  };
}

// ---------------------------------------------------------------- the other kinds

function feedbackReader(map: ColumnMap, ctx: RowContext): RowReader<Feedback> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pDate = c.pos("date");
  const pRating = c.pos("rating");
  const pRemoved = c.pos("removed");
  const pComments = c.pos("comments");
  return (r) => {
    const line = r.line;
    const orderId = c.required(r, pId, line, "an order id");
    const date = c.date(r, pDate, line);
    const ratingText = c.required(r, pRating, line, "a rating from 1 to 5");
    const rating = parseRating(ratingText);
    if (rating === null) c.fail(pRating, line, ratingText, "a rating: a whole number from 1 to 5");
    return {
      orderId,
      date,
      rating,
      removed: c.bool(r, pRemoved, line, false),
      comments: c.opt(r, pComments),
      source: { file: ctx.file, line },
    };
  };
}

function claimReader(map: ColumnMap, ctx: RowContext): RowReader<Claim> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pStatus = c.pos("status");
  const pFiled = c.pos("filed_at");
  const pFunded = c.pos("amazon_funded");
  return (r) => {
    const line = r.line;
    const orderId = c.required(r, pId, line, "an order id");
    const status = normaliseWord(c.required(r, pStatus, line, "a claim status"));
    const filedAt = c.date(r, pFiled, line);
    // amazon_funded: a boolean, or funded-by: amazon -> true, seller/merchant -> false.
    const fundedText = c.text(r, pFunded);
    const w = normaliseWord(fundedText);
    let amazonFunded: boolean;
    if (w === "amazon") amazonFunded = true;
    else if (w === "seller" || w === "merchant") amazonFunded = false;
    else {
      const b = parseBool(fundedText);
      if (b === null) c.fail(pFunded, line, fundedText, "yes or no (or funded-by: amazon / seller)");
      amazonFunded = b;
    }
    return { orderId, status, filedAt, amazonFunded, source: { file: ctx.file, line } };
  };
}

function chargebackReader(map: ColumnMap, ctx: RowContext): RowReader<Chargeback> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pFiled = c.pos("filed_at");
  const pType = c.pos("type");
  const pStatus = c.pos("status");
  return (r) => {
    const line = r.line;
    const orderId = c.required(r, pId, line, "an order id");
    const type = c.opt(r, pType);
    const status = c.opt(r, pStatus);
    return {
      orderId,
      filedAt: c.date(r, pFiled, line),
      type: type === null ? null : normaliseWord(type),
      status: status === null ? null : normaliseWord(status),
      source: { file: ctx.file, line },
    };
  };
}

function messageReader(map: ColumnMap, ctx: RowContext): RowReader<Message> {
  const c: Cells = new Cells(map, ctx);
  const pReceived = c.pos("received_at");
  const pResponded = c.pos("responded_at");
  const pNo = c.pos("no_response_needed");
  const pOrder = c.pos("order_id");
  const pId = c.pos("message_id");
  return (r) => {
    const line = r.line;
    return {
      messageId: c.opt(r, pId),
      orderId: c.opt(r, pOrder),
      receivedAt: c.requiredDate(r, pReceived, line),
      respondedAt: c.date(r, pResponded, line),
      noResponseNeeded: c.bool(r, pNo, line, false),
      source: { file: ctx.file, line },
    };
  };
}

function returnReader(map: ColumnMap, ctx: RowContext): RowReader<ReturnRequest> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pRequested = c.pos("requested_at");
  const pPolicy = c.pos("in_policy");
  const pResponded = c.pos("responded_at");
  const pAction = c.pos("action");
  const pResolved = c.pos("buyer_resolved");
  return (r) => {
    const line = r.line;
    return {
      orderId: c.required(r, pId, line, "an order id"),
      requestedAt: c.requiredDate(r, pRequested, line),
      inPolicy: c.bool(r, pPolicy, line, null),
      respondedAt: c.date(r, pResponded, line),
      action: parseAction(c.text(r, pAction)),
      buyerResolved: c.bool(r, pResolved, line, null),
      source: { file: ctx.file, line },
    };
  };
}

function violationReader(map: ColumnMap, ctx: RowContext): RowReader<Violation> {
  const c: Cells = new Cells(map, ctx);
  const pPolicy = c.pos("policy");
  const pSeverity = c.pos("severity");
  const pDetected = c.pos("detected_at");
  const pCategory = c.pos("category");
  const pResolved = c.pos("resolved_at");
  const pId = c.pos("violation_id");
  const pAsin = c.pos("asin");
  return (r) => {
    const line = r.line;
    const policy = c.required(r, pPolicy, line, "a policy name");
    const sevText = c.required(r, pSeverity, line, "a severity (low, medium, high or critical)");
    const severity = parseSeverity(sevText);
    if (severity === null) c.fail(pSeverity, line, sevText, SEVERITY_EXPECTED);
    return {
      violationId: c.opt(r, pId),
      policy,
      severity,
      category: parseCategory(c.text(r, pCategory)),
      detectedAt: c.requiredDate(r, pDetected, line),
      resolvedAt: c.date(r, pResolved, line),
      asin: c.opt(r, pAsin),
      source: { file: ctx.file, line },
    };
  };
}

type NonOrderKind = Exclude<InputKind, "orders">;

/** The row parser of a kind other than orders. */
export function recordParser(kind: NonOrderKind, map: ColumnMap, ctx: RowContext): RowParser<unknown> {
  return overCells(recordReader(kind, map, ctx));
}

/** recordParser over a RowCursor. */
export function recordReader(kind: NonOrderKind, map: ColumnMap, ctx: RowContext): RowReader<unknown> {
  switch (kind) {
    case "feedback":
      return feedbackReader(map, ctx);
    case "claims":
      return claimReader(map, ctx);
    case "chargebacks":
      return chargebackReader(map, ctx);
    case "messages":
      return messageReader(map, ctx);
    case "returns":
      return returnReader(map, ctx);
    case "violations":
      return violationReader(map, ctx);
  }
}

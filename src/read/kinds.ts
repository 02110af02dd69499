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
import {
  BOOL_EXPECTED,
  CHANNEL_EXPECTED,
  NUMBER_EXPECTED,
  SEVERITY_EXPECTED,
  dateExpected,
  dateHint,
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
  type DateContext,
} from "./values.js";

export interface RowContext {
  file: string;
  zone: Zone;
  dateOrder: DateOrder;
}

export type RowParser<R> = (cells: string[], line: number) => R;

/** Field access and coded errors for one file. Positions are -1 when the column is absent. */
class Cells {
  readonly dctx: DateContext;
  constructor(
    readonly map: ColumnMap,
    readonly ctx: RowContext,
  ) {
    this.dctx = { zone: ctx.zone, dateOrder: ctx.dateOrder };
  }
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
  text(c: string[], p: number): string {
    return p < 0 ? "" : (c[p] ?? "");
  }
  /** A non-empty cell, or null. */
  opt(c: string[], p: number): string | null {
    const t = this.text(c, p);
    return t === "" ? null : t;
  }
  required(c: string[], p: number, line: number, expected: string): string {
    const t = this.text(c, p);
    if (t === "") this.empty(p, line, expected);
    return t;
  }
  /** Last text and Stamp per position: item rows of one order repeat their dates. */
  private readonly lastText: string[] = [];
  private readonly lastStamp: Stamp[] = [];
  /** Per position, a bounded memo for columns whose values repeat across orders (ship-by dates). */
  private readonly memo = new Map<number, Map<string, Stamp>>();
  shareDates(p: number): void {
    if (p >= 0) this.memo.set(p, new Map());
  }
  /**
   * A date; equal texts give the same (shared, never mutated) Stamp object, which saves both
   * parsing and memory for repeated values.
   */
  date(c: string[], p: number, line: number, endOfDay = false): Stamp | null {
    const t = this.text(c, p);
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
    return s;
  }
  requiredDate(c: string[], p: number, line: number): Stamp {
    const s = this.date(c, p, line);
    if (s === null) this.empty(p, line, "a date");
    return s;
  }
  /** A boolean; an empty cell is `empty`. */
  bool<E extends boolean | null>(c: string[], p: number, line: number, empty: E): boolean | E {
    const t = this.text(c, p);
    if (t === "") return empty;
    const b = parseBool(t);
    if (b === null) this.fail(p, line, t, BOOL_EXPECTED);
    return b;
  }
  number(c: string[], p: number, line: number): number | null {
    const t = this.text(c, p);
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

const isCancelledWord = (w: string): boolean => w === "cancelled" || w === "canceled";

/**
 * The orders row parser. With `reuse`, every call returns the same object, overwritten (the
 * merger copies what it keeps): no allocation per row on the hot path.
 */
export function orderRowParser(map: ColumnMap, ctx: RowContext, reuse = false): RowParser<OrderRow> {
  const c: Cells = new Cells(map, ctx);
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
  const fresh = (): OrderRow => ({
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
  });
  const scratch = fresh();
  return (cells, line) => {
    const r = reuse ? scratch : fresh();
    r.orderId = c.required(cells, pId, line, "an order id");
    r.purchase = c.date(cells, pPurchase, line);
    const channelText = c.text(cells, pChannel);
    r.channel = null;
    if (channelText !== "") {
      r.channel = parseChannel(channelText);
      if (r.channel === null) c.fail(pChannel, line, channelText, CHANNEL_EXPECTED, channelHint);
    }
    const statusText = c.text(cells, pStatus);
    r.status = statusText === "" ? null : normaliseWord(statusText);
    const itemText = c.text(cells, pItem);
    r.itemCancelled = itemText !== "" && isCancelledWord(normaliseWord(itemText));
    r.cancelledBy = parseCancelledBy(c.text(cells, pBy));
    r.latestShip = c.date(cells, pLatest, line, true);
    r.shippedAt = c.date(cells, pShipped, line);
    r.trackingNumber = c.opt(cells, pTracking);
    r.trackingValid = pValid < 0 ? undefined : c.bool(cells, pValid, line, null);
    r.trackingExempt = c.bool(cells, pExempt, line, null);
    r.promisedDelivery = c.date(cells, pPromised, line);
    r.deliveredAt = c.date(cells, pDelivered, line);
    r.refundedAt = c.date(cells, pRefunded, line);
    const amount = c.number(cells, pAmount, line);
    r.refundAmountPositive = amount !== null && amount > 0;
    return r;
  };
}

// ---------------------------------------------------------------- the other kinds

export function feedbackParser(map: ColumnMap, ctx: RowContext): RowParser<Feedback> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pDate = c.pos("date");
  const pRating = c.pos("rating");
  const pRemoved = c.pos("removed");
  const pComments = c.pos("comments");
  return (cells, line) => {
    const orderId = c.required(cells, pId, line, "an order id");
    const date = c.date(cells, pDate, line);
    const ratingText = c.required(cells, pRating, line, "a rating from 1 to 5");
    const rating = parseRating(ratingText);
    if (rating === null) c.fail(pRating, line, ratingText, "a rating: a whole number from 1 to 5");
    return {
      orderId,
      date,
      rating,
      removed: c.bool(cells, pRemoved, line, false),
      comments: c.opt(cells, pComments),
      source: { file: ctx.file, line },
    };
  };
}

export function claimParser(map: ColumnMap, ctx: RowContext): RowParser<Claim> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pStatus = c.pos("status");
  const pFiled = c.pos("filed_at");
  const pFunded = c.pos("amazon_funded");
  return (cells, line) => {
    const orderId = c.required(cells, pId, line, "an order id");
    const status = normaliseWord(c.required(cells, pStatus, line, "a claim status"));
    const filedAt = c.date(cells, pFiled, line);
    // amazon_funded: a boolean, or funded-by: amazon -> true, seller/merchant -> false.
    const fundedText = c.text(cells, pFunded);
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

export function chargebackParser(map: ColumnMap, ctx: RowContext): RowParser<Chargeback> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pFiled = c.pos("filed_at");
  const pType = c.pos("type");
  const pStatus = c.pos("status");
  return (cells, line) => {
    const orderId = c.required(cells, pId, line, "an order id");
    const type = c.opt(cells, pType);
    const status = c.opt(cells, pStatus);
    return {
      orderId,
      filedAt: c.date(cells, pFiled, line),
      type: type === null ? null : normaliseWord(type),
      status: status === null ? null : normaliseWord(status),
      source: { file: ctx.file, line },
    };
  };
}

export function messageParser(map: ColumnMap, ctx: RowContext): RowParser<Message> {
  const c: Cells = new Cells(map, ctx);
  const pReceived = c.pos("received_at");
  const pResponded = c.pos("responded_at");
  const pNo = c.pos("no_response_needed");
  const pOrder = c.pos("order_id");
  const pId = c.pos("message_id");
  return (cells, line) => ({
    messageId: c.opt(cells, pId),
    orderId: c.opt(cells, pOrder),
    receivedAt: c.requiredDate(cells, pReceived, line),
    respondedAt: c.date(cells, pResponded, line),
    noResponseNeeded: c.bool(cells, pNo, line, false),
    source: { file: ctx.file, line },
  });
}

export function returnParser(map: ColumnMap, ctx: RowContext): RowParser<ReturnRequest> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pRequested = c.pos("requested_at");
  const pPolicy = c.pos("in_policy");
  const pResponded = c.pos("responded_at");
  const pAction = c.pos("action");
  const pResolved = c.pos("buyer_resolved");
  return (cells, line) => ({
    orderId: c.required(cells, pId, line, "an order id"),
    requestedAt: c.requiredDate(cells, pRequested, line),
    inPolicy: c.bool(cells, pPolicy, line, null),
    respondedAt: c.date(cells, pResponded, line),
    action: parseAction(c.text(cells, pAction)),
    buyerResolved: c.bool(cells, pResolved, line, null),
    source: { file: ctx.file, line },
  });
}

export function violationParser(map: ColumnMap, ctx: RowContext): RowParser<Violation> {
  const c: Cells = new Cells(map, ctx);
  const pPolicy = c.pos("policy");
  const pSeverity = c.pos("severity");
  const pDetected = c.pos("detected_at");
  const pCategory = c.pos("category");
  const pResolved = c.pos("resolved_at");
  const pId = c.pos("violation_id");
  const pAsin = c.pos("asin");
  return (cells, line) => {
    const policy = c.required(cells, pPolicy, line, "a policy name");
    const sevText = c.required(cells, pSeverity, line, "a severity (low, medium, high or critical)");
    const severity = parseSeverity(sevText);
    if (severity === null) c.fail(pSeverity, line, sevText, SEVERITY_EXPECTED);
    return {
      violationId: c.opt(cells, pId),
      policy,
      severity,
      category: parseCategory(c.text(cells, pCategory)),
      detectedAt: c.requiredDate(cells, pDetected, line),
      resolvedAt: c.date(cells, pResolved, line),
      asin: c.opt(cells, pAsin),
      source: { file: ctx.file, line },
    };
  };
}

type NonOrderKind = Exclude<InputKind, "orders">;

/** The row parser of a kind other than orders. */
export function recordParser(kind: NonOrderKind, map: ColumnMap, ctx: RowContext): RowParser<unknown> {
  switch (kind) {
    case "feedback":
      return feedbackParser(map, ctx);
    case "claims":
      return claimParser(map, ctx);
    case "chargebacks":
      return chargebackParser(map, ctx);
    case "messages":
      return messageParser(map, ctx);
    case "returns":
      return returnParser(map, ctx);
    case "violations":
      return violationParser(map, ctx);
  }
}

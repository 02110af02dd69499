/**
 * One orders row (the cells a ColumnMap selected) -> one OrderRow (SPEC sections 3 and 8);
 * merge.ts merges the rows of an order. A value that does not parse is AhrError VALUE, an empty
 * required one EMPTY_REQUIRED (cells.ts).
 */
import type { CancelledBy, Channel, Stamp } from "../../records.js";
import { Cells, overCells, type RowContext, type RowParser, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { normaliseWord } from "../values.js";
import { CHANNEL_EXPECTED, isCancelledWord, parseCancelledBy, parseChannel } from "./vocabulary.js";

/** One orders row, parsed; merge.ts merges rows with the same order id. */
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
  /** The sales channel (marketplace) cell as written; null: empty or no such column. */
  salesChannel: string | null;
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
    salesChannel: null,
  };
}

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
  const pSales = c.pos("sales_channel");
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
    r.salesChannel = pSales < 0 ? null : c.opt(row, pSales);
    return r;
  };
}

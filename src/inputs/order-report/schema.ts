/**
 * The Order Report's fields (SPEC 9.1): GET_FLAT_FILE_ORDER_REPORT_DATA_SHIPPING (and its
 * _INVOICING / _TAX variants). Seller-fulfilled orders only, one row per item, columns chosen by
 * the seller: every field but the order id may be missing.
 */
import { schemaOf } from "../fields.js";
import type { ColumnMap } from "../headers.js";

export const schema = schemaOf("order-report", {
  order_id: [true, ["order-id", "amazon-order-id"]],
  latest_ship_date: [false, ["latest-ship-date"]],
  earliest_ship_date: [false, ["earliest-ship-date"]],
  promised_delivery_date: [false, ["latest-delivery-date"]],
  cancelled_by: [false, ["is-buyer-requested-cancellation", "buyer-requested-cancel"]],
  sales_channel: [false, ["sales-channel"]],
});

/**
 * Kind detection (detect.ts): the order id and a ship window column (`latest-ship-date` or
 * `earliest-ship-date`), and not the orders kind's channel column (a canonical orders file with a
 * ship-by column is an orders file).
 */
export const signature = (m: ColumnMap, norm: ReadonlySet<string>): boolean =>
  (m.fields.includes("latest_ship_date") || m.fields.includes("earliest_ship_date")) &&
  !norm.has("fulfillment-channel");

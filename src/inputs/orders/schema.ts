/**
 * The orders export's fields (SPEC section 3): per canonical field (names and meanings in
 * records.ts INPUT_FIELDS), whether it is required and the headers accepted beyond its name.
 */
import { schemaOf } from "../fields.js";
import type { ColumnMap } from "../headers.js";

export const schema = schemaOf("orders", {
  order_id: [true, ["amazon-order-id", "order-id", "Order ID"]],
  purchase_date: [true, ["purchase-date", "order-date", "Order Date"]],
  fulfillment_channel: [true, ["fulfillment-channel", "channel"]],
  order_status: [false, ["order-status"]],
  item_status: [false, ["item-status"]],
  cancelled_by: [false, ["cancellation-initiator", "cancelled-by", "is-buyer-requested-cancellation", "buyer-requested-cancel"]],
  latest_ship_date: [false, ["latest-ship-date", "expected-ship-date", "ship-by-date"]],
  shipped_at: [false, ["ship-date", "shipment-date", "ship-confirmed-at", "confirm-date"]],
  tracking_number: [false, ["tracking-number", "tracking-id"]],
  tracking_valid: [false, ["valid-tracking"]],
  tracking_exempt: [false, ["vtr-exempt"]],
  carrier: [false, ["carrier-name"]],
  promised_delivery_date: [false, ["latest-delivery-date", "promise-date", "promised-delivery-date", "deliver-by-date"]],
  delivered_at: [false, ["delivery-date", "delivered-date"]],
  refunded_at: [false, ["refund-date"]],
  refund_amount: [false, ["refunded-amount"]],
  sales_channel: [false, ["sales-channel", "marketplace"]],
  sku: [false, ["seller-sku"]],
  asin: [false, []],
  quantity: [false, ["quantity-purchased"]],
});

/**
 * Kind detection (detect.ts): a header whose required fields are present is a orders export
 * when it has purchase_date and fulfillment_channel (required anyway), and no `shipment-id`:
 * Amazon's FBA shipments report has purchase-date and fulfillment-channel too, and is a
 * shipments export (SPEC 9.1).
 */
export const signature = (m: ColumnMap, norm: ReadonlySet<string>): boolean =>
  m.fields.includes("purchase_date") && m.fields.includes("fulfillment_channel") && !norm.has("shipment-id");

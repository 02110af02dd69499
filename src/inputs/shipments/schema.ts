/**
 * The shipment confirmations' fields (SPEC 9.1), one row per package (or item):
 * - the shipping-confirmation file a seller uploads (Flat.File.ShippingConfirm): `order-id
 *   order-item-id quantity ship-date carrier-code carrier-name tracking-number ship-method`; the
 *   newer 18-column template (the same names, then `ship_from_address_...` with underscores);
 *   the JP template (its `TemplateType=` and label rows above the header are skipped);
 * - Amazon's FBA shipments report (GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL): `amazon-order-id
 *   shipment-id ... shipment-date ... carrier tracking-number ...`;
 * - a shipping tool's CSV: order number, ship date, carrier, tracking number.
 */
import { schemaOf } from "../fields.js";
import type { ColumnMap } from "../headers.js";

export const schema = schemaOf("shipments", {
  order_id: [true, ["order-id", "amazon-order-id", "order-number", "Order #", "order-no"]],
  shipped_at: [false, ["ship-date", "shipment-date", "shipped-date", "date-shipped", "shipped-at"]],
  carrier_code: [false, ["carrier-code", "carrier"]],
  carrier_name: [false, ["carrier-name", "shipping-carrier"]],
  tracking_number: [false, ["tracking-number", "tracking-id", "tracking-no", "tracking"]],
  shipment_id: [false, ["shipment-id"]],
});

/**
 * Kind detection (detect.ts): `shipment-id` with a ship date (the FBA shipments report, which
 * has purchase-date and fulfillment-channel too: it is not an orders file); or the order id, a
 * ship date and a carrier or tracking column, without the orders kind's purchase date and
 * channel columns (an orders file with ship dates and tracking is an orders file).
 */
export const signature = (m: ColumnMap, norm: ReadonlySet<string>): boolean => {
  if (!m.fields.includes("shipped_at")) return false;
  if (m.fields.includes("shipment_id")) return true;
  const carrierOrTracking =
    m.fields.includes("carrier_code") || m.fields.includes("carrier_name") || m.fields.includes("tracking_number");
  const ordersFile =
    (norm.has("purchase-date") || norm.has("order-date")) && (norm.has("fulfillment-channel") || norm.has("channel"));
  return carrierOrTracking && !ordersFile;
};

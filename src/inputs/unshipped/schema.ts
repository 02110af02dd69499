/**
 * The Unshipped Orders report's fields (SPEC 9.1): GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING,
 * only orders not yet confirmed shipped.
 */
import { schemaOf } from "../fields.js";
import type { ColumnMap } from "../headers.js";

export const schema = schemaOf("unshipped", {
  order_id: [true, ["order-id", "amazon-order-id"]],
  promised_delivery_date: [false, ["promise-date"]],
  quantity_to_ship: [false, ["quantity-to-ship"]],
});

/** Kind detection (detect.ts): the order id, `promise-date` and `quantity-to-ship`. */
export const signature = (m: ColumnMap): boolean =>
  m.fields.includes("promised_delivery_date") && m.fields.includes("quantity_to_ship");

/** The order-report input kind (kind.ts): its rows add fields to the orders (join.ts). */
import type { JoinedKind } from "../kind.js";
import orders from "../orders/index.js";
import { orderReportReader } from "./reader.js";
import { schema, signature } from "./schema.js";

export default {
  kind: "order-report",
  schema,
  signature,
  joins: orders.kind,
  gives: { latest_ship_date: "latest_ship_date", promised_delivery_date: "promised_delivery_date", cancelled_by: "cancelled_by", sales_channel: "sales_channel" },
  shipments: false,
  reader: orderReportReader,
} satisfies JoinedKind<"order-report">;

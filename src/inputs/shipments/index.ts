/** The shipments input kind (kind.ts): confirmation rows that add ship dates and tracking to the orders (join.ts). */
import type { JoinedKind } from "../kind.js";
import orders from "../orders/index.js";
import { shipmentReader } from "./reader.js";
import { schema, signature } from "./schema.js";

export default {
  kind: "shipments",
  schema,
  signature,
  joins: orders.kind,
  gives: { shipped_at: "shipped_at", tracking_number: "tracking_number", carrier_code: "carrier", carrier_name: "carrier" },
  shipments: true,
  reader: shipmentReader,
} satisfies JoinedKind<"shipments">;

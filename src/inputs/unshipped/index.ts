/** The unshipped input kind (kind.ts): its rows add the promise date to the orders (join.ts). */
import type { JoinedKind } from "../kind.js";
import orders from "../orders/index.js";
import { unshippedReader } from "./reader.js";
import { schema, signature } from "./schema.js";

export default {
  kind: "unshipped",
  schema,
  signature,
  joins: orders.kind,
  gives: { promised_delivery_date: "promised_delivery_date" },
  shipments: false,
  reader: unshippedReader,
} satisfies JoinedKind<"unshipped">;

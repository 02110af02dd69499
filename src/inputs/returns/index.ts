/** The returns input kind (kind.ts): one record per row. */
import type { ReturnRequest } from "../../records.js";
import type { RecordKind } from "../kind.js";
import { returnReader } from "./reader.js";
import { schema, signature } from "./schema.js";

export default {
  kind: "returns",
  schema,
  signature,
  reader: returnReader,
  orderId: (r) => r.orderId,
  keep: { day: (r) => r.requestedAt.day },
} satisfies RecordKind<"returns", ReturnRequest>;

/** The claims input kind (kind.ts): one record per row. */
import type { Claim } from "../../records.js";
import type { RecordKind } from "../kind.js";
import { claimReader } from "./reader.js";
import { schema, signature } from "./schema.js";

export default {
  kind: "claims",
  schema,
  signature,
  reader: claimReader,
  orderId: (r) => r.orderId,
  dropOutside: true,
} satisfies RecordKind<"claims", Claim>;

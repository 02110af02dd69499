/** The chargebacks input kind (kind.ts): one record per row. */
import type { Chargeback } from "../../records.js";
import type { RecordKind } from "../kind.js";
import { chargebackReader } from "./reader.js";
import { schema, signature } from "./schema.js";

export default {
  kind: "chargebacks",
  schema,
  signature,
  reader: chargebackReader,
  orderId: (r) => r.orderId,
  dropOutside: true,
} satisfies RecordKind<"chargebacks", Chargeback>;

/** The violations input kind (kind.ts): one record per row. */
import type { Violation } from "../../records.js";
import type { RecordKind } from "../kind.js";
import { violationReader } from "./reader.js";
import { schema, signature } from "./schema.js";

export default {
  kind: "violations",
  schema,
  signature,
  reader: violationReader,
} satisfies RecordKind<"violations", Violation>;

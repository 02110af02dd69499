/** The messages input kind (kind.ts): one record per row. */
import type { Message } from "../../records.js";
import type { RecordKind } from "../kind.js";
import { messageCompactor } from "./compact.js";
import { messageReader } from "./reader.js";
import { schema, signature } from "./schema.js";

export default {
  kind: "messages",
  schema,
  signature,
  reader: messageReader,
  keep: { day: (r) => r.receivedAt.day },
  compact: messageCompactor,
} satisfies RecordKind<"messages", Message>;

/** The feedback input kind (kind.ts): one record per row. */
import type { Feedback } from "../../records.js";
import type { RecordKind } from "../kind.js";
import { feedbackCompactor } from "./compact.js";
import { feedbackReader } from "./reader.js";
import { byPosition, byPositionLayout, schema, signature } from "./schema.js";

export default {
  kind: "feedback",
  schema,
  signature,
  byPosition,
  byPositionLayout,
  reader: feedbackReader,
  orderId: (r) => r.orderId,
  dropOutside: true,
  // Only feedback rated 1 or 2 and not removed can be a defect (odr's negative feedback).
  keep: { defect: (r) => (r.rating === 1 || r.rating === 2) && !r.removed },
  compact: feedbackCompactor,
} satisfies RecordKind<"feedback", Feedback>;

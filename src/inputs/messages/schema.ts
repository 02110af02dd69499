/**
 * The messages export's fields (SPEC section 3): per canonical field (names and meanings in
 * records.ts INPUT_FIELDS), whether it is required and the headers accepted beyond its name.
 */
import { schemaOf } from "../fields.js";
import type { ColumnMap } from "../headers.js";

export const schema = schemaOf("messages", {
  received_at: [true, ["received-date"]],
  responded_at: [false, ["response-date", "replied-at"]],
  no_response_needed: [false, ["no-response-needed"]],
  order_id: [false, []],
  message_id: [false, []],
});

/**
 * Kind detection (detect.ts): a header whose required fields are present is a messages export
 * when it has received_at (required anyway).
 */
export const signature = (m: ColumnMap): boolean => m.fields.includes("received_at");

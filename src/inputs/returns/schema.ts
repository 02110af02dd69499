/**
 * The returns export's fields (SPEC section 3): per canonical field (names and meanings in
 * records.ts INPUT_FIELDS), whether it is required and the headers accepted beyond its name.
 */
import { schemaOf } from "../fields.js";
import type { ColumnMap } from "../headers.js";

export const schema = schemaOf("returns", {
  order_id: [true, ["Order ID"]],
  requested_at: [true, ["Return request date"]],
  in_policy: [false, ["In policy"]],
  responded_at: [false, ["first-response-at"]],
  action: [false, ["Return request status", "Resolution"]],
  buyer_resolved: [false, []],
});

/**
 * Kind detection (detect.ts): a header whose required fields are present is a returns export
 * when it has requested_at (required anyway).
 */
export const signature = (m: ColumnMap): boolean => m.fields.includes("requested_at");

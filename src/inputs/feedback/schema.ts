/**
 * The feedback export's fields (SPEC section 3): per canonical field (names and meanings in
 * records.ts INPUT_FIELDS), whether it is required and the headers accepted beyond its name.
 */
import { schemaOf } from "../fields.js";
import type { ColumnMap } from "../headers.js";

export const schema = schemaOf("feedback", {
  order_id: [true, ["Order ID"]],
  date: [true, ["feedback-date", "Date"]],
  rating: [true, ["Rating"]],
  removed: [false, ["struck-through"]],
  comments: [false, ["Comments"]],
});

/**
 * Kind detection (detect.ts): a header whose required fields are present is a feedback export
 * when it has rating and date (required anyway).
 */
export const signature = (m: ColumnMap): boolean => m.fields.includes("rating") && m.fields.includes("date");

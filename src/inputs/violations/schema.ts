/**
 * The violations export's fields (SPEC section 3): per canonical field (names and meanings in
 * records.ts INPUT_FIELDS), whether it is required and the headers accepted beyond its name.
 */
import { schemaOf } from "../fields.js";
import type { ColumnMap } from "../headers.js";

export const schema = schemaOf("violations", {
  policy: [true, ["policy-name"]],
  severity: [true, []],
  detected_at: [true, ["date", "violation-date"]],
  category: [false, []],
  resolved_at: [false, []],
  violation_id: [false, []],
  asin: [false, []],
  marketplace: [false, ["marketplace-id", "marketplace-name", "sales-channel"]],
});

/**
 * Kind detection (detect.ts): a header whose required fields are present is a violations export
 * when it has policy, severity and detected_at (required anyway).
 */
export const signature = (m: ColumnMap): boolean => ["policy", "severity", "detected_at"].every((x) => m.fields.includes(x));

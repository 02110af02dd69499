/**
 * The chargebacks export's fields (SPEC section 3): per canonical field (names and meanings in
 * records.ts INPUT_FIELDS), whether it is required and the headers accepted beyond its name.
 */
import { schemaOf } from "../fields.js";
import type { ColumnMap } from "../headers.js";

export const schema = schemaOf("chargebacks", {
  order_id: [true, []],
  filed_at: [false, ["chargeback-date", "date"]],
  type: [false, ["reason-type"]],
  status: [false, []],
});

const CHARGEBACK_MARKS = new Set([
  "type",
  "reason-type",
  "chargeback-date",
  "chargeback-id",
  "chargeback-type",
  "chargeback-status",
  "chargeback-amount",
]);

/**
 * Kind detection (detect.ts): a header whose required fields are present is a chargebacks export
 * when it has a chargeback-specific column: `type` / `reason-type` / chargeback-date /
 * chargeback-id / chargeback-type / chargeback-status / chargeback-amount, or any configured
 * chargebacks column; or the file name contains "chargeback" (chargebacks need only order_id,
 * so without a signature almost any file would fit).
 */
export const signature = (m: ColumnMap, norm: ReadonlySet<string>, base: string): boolean => {
  if (m.configured.size > 0) return true;
  for (const h of norm) if (CHARGEBACK_MARKS.has(h)) return true;
  return base.includes("chargeback");
};

/**
 * The claims export's fields (SPEC section 3): per canonical field (names and meanings in
 * records.ts INPUT_FIELDS), whether it is required and the headers accepted beyond its name.
 */
import { schemaOf } from "../fields.js";
import { normaliseHeader, type ColumnMap } from "../headers.js";

export const schema = schemaOf("claims", {
  order_id: [true, []],
  status: [true, ["claim-status"]],
  filed_at: [false, ["claim-date", "date"]],
  amazon_funded: [false, ["funded-by"]],
});

const CLAIM_MARKS = new Set(["claim-status", "amazon-funded", "funded-by", "claim-date", "claim-id", "claim-amount", "claim-reason", "claim-type"]);

/**
 * Kind detection (detect.ts): a header whose required fields are present is a claims export
 * when it has a claim-specific column: the status column is not the bare `status` (e.g.
 * `claim-status`, or a configured header), or one of amazon_funded / funded-by / claim-date /
 * claim-id / claim-amount / claim-reason / claim-type; or the file name contains "claim"
 * (claims need only order_id + status, so without a signature almost any file would fit).
 */
export const signature = (m: ColumnMap, norm: ReadonlySet<string>, base: string): boolean => {
  const s = m.fields.indexOf("status");
  if (s >= 0 && normaliseHeader(m.headers[s]!) !== "status") return true;
  if (m.configured.size > 0) return true;
  for (const h of norm) if (CLAIM_MARKS.has(h)) return true;
  return base.includes("claim");
};

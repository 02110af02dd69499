/**
 * `--format json`: exactly one JSON document and a newline, two-space indent. The key order is
 * the order buildReport builds each object in, which is the order of SPEC section 4.
 */
import type { Report } from "../report/types.js";

export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

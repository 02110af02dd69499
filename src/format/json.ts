/**
 * `--format json`: exactly one JSON document and a newline, two-space indent. The key order is
 * the order buildReport builds each object in, which is the order of SPEC section 4.
 *
 * Values from files are kept as they were (it is data), but JSON.stringify leaves DEL, the C1
 * controls (U+0080..U+009F, among them the 8-bit CSI U+009B), the bidirectional controls and the
 * line/paragraph separators raw; they are written as \u escapes here, so the same document is
 * safe to print on a terminal and parses to the same values.
 */
import type { Report } from "../report/types.js";

// Outside string values JSON.stringify writes only ASCII, so these can only occur inside strings.
const UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function formatJson(report: Report): string {
  const text = JSON.stringify(report, null, 2).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `${text}\n`;
}

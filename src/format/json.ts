/**
 * `--format json`: exactly one JSON document and a newline, two-space indent. The key order is
 * the order buildReport builds each object in, which is the order of SPEC section 4.
 *
 * Values from files are kept as they were (it is data), but JSON.stringify leaves DEL, the C1
 * controls (U+0080..U+009F, among them the 8-bit CSI U+009B), the invisible format characters
 * (Unicode Cf: zero-width space and joiners, the bidirectional controls, tags; issue 17) and the
 * line/paragraph separators raw; they are written as \u escapes here (a character beyond U+FFFF
 * as its two surrogates), so the same document is safe to print on a terminal, shows what a
 * spoofed id holds, and parses to the same values.
 */
import type { Report } from "../report/types.js";

// Outside string values JSON.stringify writes only ASCII, so these can only occur inside strings.
const UNSAFE = /[\u007f-\u009f\u2028\u2029]|\p{Cf}/gu;

/** `c` as JSON \u escapes, one per UTF-16 code unit. */
function escapeUnits(c: string): string {
  let out = "";
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}

/** Any value as such a document (the roll-up uses it too). */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(UNSAFE, escapeUnits);
  return `${text}\n`;
}

export function formatJson(report: Report): string {
  return jsonText(report);
}

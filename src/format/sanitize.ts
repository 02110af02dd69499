/**
 * Untrusted text (order ids, buyer comments, policy names, file names: anything that came from a
 * file) on its way to a terminal or into Markdown (SPEC section 4, issue 7).
 *
 * cleanText: what a terminal may see. Removes escape sequences whole (CSI, OSC up to BEL or ST,
 * DCS/SOS/PM/APC strings, two-byte ESC sequences, and their 8-bit C1 forms), then every C0
 * control (tab, newline and carriage return become a space so words stay apart), DEL, every C1
 * control (U+0080..U+009F). Line and paragraph separators (U+2028, U+2029) become a space.
 * Invisible format characters (the Unicode Cf category: zero-width space and joiners, the
 * bidirectional controls that can reorder what a reader sees, soft hyphen, BOM, tag characters)
 * are shown visibly escaped, `\u200b`, so that `111-\u200b0000001` cannot pass for
 * `111-0000001` (issue 17).
 *
 * showName: a file name or a config key, which the user must be able to find again: nothing is
 * removed, every control, escape and invisible character is shown escaped (`nope\u001b]0;T.csv`,
 * not `nope.csv`).
 *
 * escapeMarkdown: cleanText, then every character GitHub-flavoured Markdown gives a meaning in a
 * table cell or a line of text is escaped, and `<`, `>`, `&` become entities, so data can neither
 * break a table nor inject HTML.
 */

// String terminators: BEL, ESC \, or the 8-bit ST (U+009C).
const ST = "(?:\\u0007|\\u001b\\\\|\\u009c)";
const SEQUENCES = new RegExp(
  [
    // OSC, DCS, SOS, PM, APC (7-bit ESC ] P X ^ _ or 8-bit U+009D U+0090 U+0098 U+009E U+009F):
    // everything up to the terminator, or up to the next ESC / end when unterminated.
    `(?:\\u001b[\\]PX^_]|[\\u009d\\u0090\\u0098\\u009e\\u009f])[^\\u0007\\u001b\\u009c]*${ST}?`,
    // CSI (ESC [ or U+009B): parameter bytes, intermediate bytes, one final byte.
    "(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?",
    // Any other ESC sequence: intermediates then one final byte (ESC c, ESC ( B, ESC 7 ...).
    "\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]?",
  ].join("|"),
  "g",
);
const SPACES = /[\t\n\r\u2028\u2029]/g;
// C0 (after tab/newline handling), DEL, C1.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Invisible format characters (Unicode Cf), bidirectional controls among them. */
export const INVISIBLE = /\p{Cf}/gu;

/** `\u200b` for a BMP character, `\u{e0001}` beyond it. */
export function escapeChar(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, "0")}`;
}

/**
 * Text safe to print on a terminal: no escape sequences, no controls; invisible format characters
 * (bidi overrides among them) shown as `\u` escapes.
 */
export function cleanText(s: string): string {
  return s.replace(SEQUENCES, "").replace(SPACES, " ").replace(CONTROLS, "").replace(INVISIBLE, escapeChar);
}

/**
 * A file name or config key as the user can find it again: every control, escape and invisible
 * character shown escaped (defined with the error messages, which show names too).
 */
export { showName } from "../errors.js";

const MARKDOWN_SPECIAL = /[\\|`*_~[\]<>&#!]/g;
const MARKDOWN_ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };

/** cleanText, then escaped for a GitHub-flavoured Markdown table cell or line. */
export function escapeMarkdown(s: string): string {
  return cleanText(s).replace(MARKDOWN_SPECIAL, (c) => MARKDOWN_ENTITY[c] ?? `\\${c}`);
}

/** At most `max` characters (code points), with "…" when cut. Keeps output bounded. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  return `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

const HTML_ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" };

/**
 * cleanText, then escaped for HTML text and for a double- or single-quoted attribute value: `<`,
 * `>`, `&`, `"` and `'` become entities, so file text can neither open a tag nor leave an
 * attribute (an order id `<script>` is shown as the text `<script>`).
 */
export function escapeHtml(s: string): string {
  return cleanText(s).replace(/[<>&"']/g, (c) => HTML_ENTITY[c]!);
}

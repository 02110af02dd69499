/**
 * The TSV fast path (issue 6). Amazon's flat files are tab-delimited and never quote: a record is
 * a line (LF or CRLF) and a field is the text between two tabs; a `"` is an ordinary character.
 * Text is walked with indexOf, and only the selected columns are cut out of each line.
 */
import { AhrError } from "../errors.js";
import { chunkText, type TextChunk } from "./encoding.js";
import { BATCH_ROWS, MAX_COLUMNS, MAX_RECORD } from "./limits.js";
import type { RawRow } from "./table.js";

/** Header cells of a tab-delimited header line, trimmed; TOO_MANY_COLUMNS past the limit. */
export function tsvHeader(line: string, file: string, lineNo: number): string[] {
  const cells = line.split("\t");
  if (cells.length > MAX_COLUMNS) {
    throw new AhrError("TOO_MANY_COLUMNS", { file, line: lineNo, limit: MAX_COLUMNS });
  }
  return cells.map((c) => c.trim());
}

/**
 * A trimmed cell as a string of its own. A plain slice would be a view that keeps the whole
 * chunk (a megabyte) alive for as long as the cell is kept (an order id in a map). V8 copies
 * slices shorter than 13 characters; a longer cell up to 48 is joined from such copies and
 * flattened (charCodeAt), which the garbage collector then reduces to the flat string alone
 * (40 bytes for an order id, where a view of a flattened copy costs 72). Longer cells: the
 * concatenation is flattened into a copy before the slice is taken, so only the copy is kept.
 */
function cell(text: string, start: number, end: number): string {
  let c: number;
  while (start < end && ((c = text.charCodeAt(start)) === 32 || (c >= 9 && c <= 13))) start++;
  while (end > start && ((c = text.charCodeAt(end - 1)) === 32 || (c >= 9 && c <= 13))) end--;
  if (start === end) return "";
  let s = text.slice(start, end);
  // Other (Unicode) white space at either end, as String.prototype.trim sees it.
  if (text.charCodeAt(start) > 127 || text.charCodeAt(end - 1) > 127) s = s.trim();
  const n = s.length;
  if (n < 13) return s; // V8 copies short slices anyway
  if (n <= 48) {
    let j = 12;
    let joined = s.slice(0, 12);
    for (; j + 12 < n; j += 12) joined += s.slice(j, j + 12);
    joined += s.slice(j);
    joined.charCodeAt(0);
    return joined;
  }
  return (" " + s).slice(1);
}

function isBlank(text: string, start: number, end: number): boolean {
  return text.slice(start, end).trim().length === 0;
}

/**
 * Data rows from `rest` (the text after the header line, which starts at physical line
 * `firstLine`) and then from `more`, in batches. Blank lines (empty, white space and tabs only)
 * are skipped but counted.
 */
export async function* tsvRows(
  rest: string,
  firstLine: number,
  more: AsyncIterator<TextChunk>,
  columns: readonly number[],
  file: string,
): AsyncGenerator<RawRow[]> {
  const n = columns.length;
  let maxCol = -1;
  for (const c of columns) if (Number.isInteger(c) && c > maxCol) maxCol = c;
  const width = maxCol + 1;
  const starts = new Int32Array(width);
  const ends = new Int32Array(width);

  let text = rest;
  let pos = 0;
  let line = firstLine;
  let nextTab = -1;
  let eof = false;
  let batch: RawRow[] = [];
  /** A chunk whose first line is being read joined to the previous chunk's last; from nextPos on. */
  let next: string | null = null;
  let nextPos = 0;

  for (;;) {
    const len = text.length;
    for (;;) {
      let nl = text.indexOf("\n", pos);
      if (nl === -1) {
        if (!eof) break;
        if (pos >= len) break;
        nl = len; // the last line has no newline
      }
      let end = nl;
      if (end > pos && text.charCodeAt(end - 1) === 13) end--;
      if (end - pos > MAX_RECORD) {
        throw new AhrError("RECORD_TOO_LONG", { file, line, limit: MAX_RECORD });
      }
      if (end > pos) {
        // Cell bounds of columns 0..maxCol; `have` of them are present on this line.
        let have = 0;
        let s = pos;
        while (have < width) {
          if (nextTab < s) {
            nextTab = text.indexOf("\t", s);
            if (nextTab === -1) nextTab = len;
          }
          starts[have] = s;
          if (nextTab < end) {
            ends[have] = nextTab;
            have++;
            s = nextTab + 1;
          } else {
            ends[have] = end;
            have++;
            break;
          }
        }
        const cells = new Array<string>(n);
        let empty = true;
        for (let k = 0; k < n; k++) {
          const c = columns[k] as number;
          if (c >= 0 && c < have) {
            const v = cell(text, starts[c] as number, ends[c] as number);
            if (v.length > 0) empty = false;
            cells[k] = v;
          } else {
            cells[k] = "";
          }
        }
        if (!empty || !isBlank(text, pos, end)) {
          batch.push({ line, cells });
          if (batch.length >= BATCH_ROWS) {
            yield batch;
            batch = [];
          }
        }
      }
      line++;
      pos = nl + 1;
    }
    if (eof) break;
    nextTab = -1;
    if (next !== null) {
      // The line across the chunk boundary is done: on with the rest of the chunk.
      text = next;
      pos = nextPos;
      next = null;
      continue;
    }
    if (len - pos > MAX_RECORD) {
      throw new AhrError("RECORD_TOO_LONG", { file, line, limit: MAX_RECORD });
    }
    const r = await more.next();
    if (r.done === true) {
      eof = true;
      text = text.slice(pos);
    } else {
      const chunk = chunkText(r.value);
      const nl = pos < len ? chunk.indexOf("\n") : -1;
      if (nl !== -1) {
        // Only the line across the boundary is joined (a copy of one line, not of the chunk).
        text = text.slice(pos) + chunk.slice(0, nl + 1);
        next = chunk;
        nextPos = nl + 1;
      } else {
        text = pos < len ? text.slice(pos) + chunk : chunk;
      }
    }
    pos = 0;
  }
  if (batch.length > 0) yield batch;
}

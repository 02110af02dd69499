/**
 * The TSV fast path (issue 6). Amazon's flat files are tab-delimited and never quote: a record is
 * a line (LF, CRLF, or a lone CR as old Mac files have, in any mix: LoneCr turns a lone CR into
 * an LF as the text arrives) and a field is the text between two tabs; a `"` is an ordinary
 * character.
 * Text is walked with indexOf, and only the bounds of the selected columns are noted; a cell
 * becomes a string only when the record layer asks for it (rows.ts).
 */
import { AhrError } from "../errors.js";
import { chunkText, type TextChunk } from "./encoding.js";
import { isAscii } from "node:buffer";
import { BATCH_READS, BATCH_ROWS, MAX_COLUMNS, MAX_RECORD } from "./limits.js";
import { RowCursor } from "./rows.js";
import type { CellBatch, RawRow } from "./table.js";

/** Header cells of a tab-delimited header line, trimmed; TOO_MANY_COLUMNS past the limit. */
export function tsvHeader(line: string, file: string, lineNo: number): string[] {
  const cells = line.split("\t");
  if (cells.length > MAX_COLUMNS) {
    throw new AhrError("TOO_MANY_COLUMNS", { file, line: lineNo, limit: MAX_COLUMNS });
  }
  return cells.map((c) => c.trim());
}

const LONE_CR = /\r(?!\n)/;
const LONE_CRS = /\r(?!\n)/g;

/**
 * Lone CRs as LFs, across chunk boundaries (issue 17: a CR-only TSV read as 0 rows). Text without
 * a CR, the usual case, costs one indexOf per chunk and is passed on as it is; a CR at the end of
 * a piece is held back until the next piece says whether an LF follows it.
 */
export class LoneCr {
  /** A CR held back from the end of the last piece (push puts it before the next one). */
  held = false;
  push(piece: string): string {
    let t = piece;
    if (this.held) {
      this.held = false;
      t = "\r" + t;
    }
    if (t.indexOf("\r") === -1) return t;
    if (t.charCodeAt(t.length - 1) === 13) {
      this.held = true;
      t = t.slice(0, -1);
    }
    return LONE_CR.test(t) ? t.replace(LONE_CRS, "\n") : t;
  }
  /** What is left at the end of the text: a held CR is a line end. */
  end(): string {
    const r = this.held ? "\n" : "";
    this.held = false;
    return r;
  }
}

/** Space, tab, LF, VT, FF, CR: the white space trimmed before looking further. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * Data rows from `rest` (the text after the header line, which starts at physical line
 * `firstLine`) and then from `more`, as cell bounds in batches of up to BATCH_ROWS rows (one
 * CellBatch object, overwritten for each batch). Blank lines (empty, white space and tabs only)
 * are skipped but counted. Cells are trimmed as String.prototype.trim does. `more` is closed
 * when the rows end or the caller stops.
 *
 * A row of a chunk that is ASCII bytes, and whose text is those bytes one for one, has the chunk
 * in CellBatch.bufs (else null): the record layer reads its dates and hashes from the bytes.
 * A batch then spans at most BATCH_READS reads, so that no read has reused those bytes' buffer.
 *
 * A run of at least `minSkip` unselected columns before the last selected one is passed with one
 * sticky regex test instead of one indexOf per cell (issue 13: Amazon's Order Report has 47
 * columns and the joins read six of them). `minSkip` changes the speed only, never the result:
 * Infinity reads every cell (the tests' reference).
 */
export async function* tsvBatches(
  rest: string,
  firstLine: number,
  more: AsyncIterator<TextChunk>,
  columns: readonly number[],
  file: string,
  minSkip = MIN_SKIP,
): AsyncGenerator<CellBatch> {
  const n = columns.length;
  let maxCol = -1;
  for (const c of columns) if (Number.isInteger(c) && c > maxCol) maxCol = c;
  const width = maxCol + 1;
  const starts = new Int32Array(width);
  const ends = new Int32Array(width);
  const { skip, skipRe, next: skipNext } = skipPlan(columns, width, minSkip);
  let skipFirst = skip.findIndex((k) => k !== 0);
  let skipTries = 0;
  let skipFails = 0;
  const batch: CellBatch = {
    count: 0,
    width: n,
    lines: new Int32Array(BATCH_ROWS),
    texts: new Array<string>(BATCH_ROWS).fill(""),
    bufs: new Array<Uint8Array | null>(BATCH_ROWS).fill(null),
    bounds: new Int32Array(BATCH_ROWS * n * 2),
  };
  const { lines, texts, bounds } = batch;
  const bufs = batch.bufs!;

  const cr = new LoneCr();
  let text = cr.push(rest);
  /** The bytes of `text` one for one, or null. */
  let buf: Uint8Array | null = null;
  /** Reads since the batch began. */
  let reads = 0;
  let pos = 0;
  let line = firstLine;
  let nextTab = -1;
  let eof = false;
  /** A chunk whose first line is being read joined to the previous chunk's last; from nextPos on. */
  let next: string | null = null;
  let nextBuf: Uint8Array | null = null;
  let nextPos = 0;
  /**
   * An error past the rows read so far (an over-long line, a chunk that cannot be read or
   * decoded): thrown once those rows have been yielded, so that a bad value on an earlier line is
   * reported first, as it would be without batching.
   */
  let failure: unknown = null;

  try {
    scan: for (;;) {
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
          failure = new AhrError("RECORD_TOO_LONG", { file, line, limit: MAX_RECORD });
          break scan;
        }
        if (end > pos) {
          // Cell bounds of columns 0..maxCol; `have` of them are present on this line.
          let have = 0;
          let s = pos;
          /** The column where the next run to skip starts; -1: none. */
          let at = skipFirst;
          if (at === -1) {
            // Without a plan, the walk alone: a loop with the plan's test in it is ~5% slower.
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
          } else {
            while (have < width) {
              if (have === at) {
                // k unselected fields, each ending in a tab, passed at once. Every tab it passes is
                // before `end`: [^\t\n] stops at the LF (or, on a last line without one, the regex
                // at the text's end), and a CR before the LF is no tab. When the line has fewer
                // fields the test fails and the cells are walked one by one from here, as without
                // the plan (nextTab stays right: the first tab at or after a point at or before s);
                // the line ends inside this run, so no later run is tried.
                const re = skipRe[at] as RegExp;
                re.lastIndex = s;
                skipTries++;
                if (re.test(text)) {
                  s = re.lastIndex;
                  have += skip[at] as number;
                  at = skipNext[at] as number;
                  continue;
                }
                at = -1;
                // A failed test costs more than the walk (the regex backtracks over the fields it
                // passed): when rows are often shorter than the plan, the plan is dropped.
                if (++skipFails * SKIP_FAILS > skipTries && skipTries >= SKIP_TRIES) skipFirst = -1;
              }
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
          }
          const row = batch.count;
          let b = 2 * row * n;
          let empty = true;
          for (let k = 0; k < n; k++, b += 2) {
            const c = columns[k] as number;
            let cs = 0;
            let ce = 0;
            if (c >= 0 && c < have) {
              cs = starts[c] as number;
              ce = ends[c] as number;
              while (cs < ce && isSpace(text.charCodeAt(cs))) cs++;
              while (ce > cs && isSpace(text.charCodeAt(ce - 1))) ce--;
              // Other (Unicode) white space at either end, as String.prototype.trim sees it.
              if (cs < ce && (text.charCodeAt(cs) > 127 || text.charCodeAt(ce - 1) > 127)) {
                const t = text.slice(cs, ce);
                const trimmed = t.trim();
                if (trimmed.length === 0) ce = cs;
                else {
                  cs += t.length - t.trimStart().length;
                  ce = cs + trimmed.length;
                }
              }
              if (cs < ce) empty = false;
            }
            bounds[b] = cs;
            bounds[b + 1] = ce;
          }
          if (!empty || !isBlank(text, pos, end)) {
            lines[row] = line;
            texts[row] = text;
            bufs[row] = buf;
            batch.count = row + 1;
            if (row + 1 >= BATCH_ROWS) {
              yield batch;
              batch.count = 0;
              reads = 0;
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
        buf = nextBuf;
        pos = nextPos;
        next = null;
        nextBuf = null;
        continue;
      }
      if (len - pos > MAX_RECORD) {
        failure = new AhrError("RECORD_TOO_LONG", { file, line, limit: MAX_RECORD });
        break;
      }
      if (reads >= BATCH_READS && batch.count > 0) {
        yield batch; // before the read that could reuse the buffer of its first rows
        batch.count = 0;
        reads = 0;
      }
      let r: IteratorResult<TextChunk>;
      try {
        reads++;
        r = await more.next();
      } catch (e) {
        failure = e;
        break;
      }
      buf = null;
      if (r.done === true) {
        eof = true;
        text = text.slice(pos) + cr.end();
      } else {
        const raw = r.value;
        const piece = chunkText(raw);
        const held = cr.held;
        const chunk = cr.push(piece);
        // One character per byte, at the same place: ASCII, and no held CR moved in or out.
        const bytes = typeof raw !== "string" && !held && chunk.length === raw.length && isAscii(raw) ? raw : null;
        const nl = pos < len ? chunk.indexOf("\n") : -1;
        if (nl !== -1) {
          // Only the line across the boundary is joined (a copy of one line, not of the chunk).
          text = text.slice(pos) + chunk.slice(0, nl + 1);
          next = chunk;
          nextBuf = bytes;
          nextPos = nl + 1;
        } else if (pos < len) {
          text = text.slice(pos) + chunk;
        } else {
          text = chunk;
          buf = bytes;
        }
      }
      pos = 0;
    }
    if (batch.count > 0) yield batch;
    if (failure !== null) throw failure;
  } finally {
    texts.fill("");
    bufs.fill(null);
    await more.return?.(undefined);
  }
}

/**
 * Shortest run of unselected columns passed with a regex; a shorter one is walked cell by cell.
 * Measured in tsvBatches on the 1M-row bench files (node 20): skipping All Orders' run of 13
 * (columns 13-25) made its read ~5% slower, skipping the Order Report's run of 35 (1-35) made
 * its read ~8% faster; runs of 5 or fewer gained nothing. A bare loop favours the regex sooner
 * (it costs a call per run and more per character, indexOf a call per cell), but not in place.
 */
export const MIN_SKIP = 24;

/**
 * The plan is dropped for the rest of the rows once more than 1 in SKIP_FAILS of at least
 * SKIP_TRIES skips failed (rows shorter than the selected columns): on rows of 20 fields with
 * column 46 selected, a failed {35} test made the scan 2.5 times as slow as the walk.
 */
const SKIP_FAILS = 16;
const SKIP_TRIES = 256;

/**
 * The plan of one tsvBatches call over columns 0..width-1: skip[c] = k > 0 where a run of k
 * unselected columns (k >= minSkip) starts at column c and a selected column follows it, with its
 * sticky regex in skipRe[c] and the start of the next such run in next[c] (-1: none); elsewhere
 * skip[c] is 0 and next[c] -1.
 * One regex per distinct run length.
 */
export function skipPlan(
  columns: readonly number[],
  width: number,
  minSkip: number,
): { skip: Int32Array; skipRe: (RegExp | undefined)[]; next: Int32Array } {
  const skip = new Int32Array(width);
  const skipRe = new Array<RegExp | undefined>(width).fill(undefined);
  const next = new Int32Array(width).fill(-1);
  const selected = new Uint8Array(width);
  for (const c of columns) if (Number.isInteger(c) && c >= 0 && c < width) selected[c] = 1;
  const byLength = new Map<number, RegExp>();
  let last = -1;
  let c = 0;
  while (c < width) {
    if (selected[c] === 1) {
      c++;
      continue;
    }
    let e = c;
    while (e < width && selected[e] === 0) e++;
    // e < width always: the last column (width - 1) is selected.
    const k = e - c;
    if (k >= minSkip) {
      let re = byLength.get(k);
      if (re === undefined) {
        re = new RegExp(`(?:[^\\t\\n]*\\t){${k}}`, "y");
        byLength.set(k, re);
      }
      skip[c] = k;
      skipRe[c] = re;
      if (last !== -1) next[last] = c;
      last = c;
    }
    c = e;
  }
  return { skip, skipRe, next };
}

function isBlank(text: string, start: number, end: number): boolean {
  return text.slice(start, end).trim().length === 0;
}

/** tsvBatches as RawRows: each cell a string of its own. */
export async function* tsvRows(
  rest: string,
  firstLine: number,
  more: AsyncIterator<TextChunk>,
  columns: readonly number[],
  file: string,
): AsyncGenerator<RawRow[]> {
  const n = columns.length;
  const row = new RowCursor();
  for await (const batch of tsvBatches(rest, firstLine, more, columns, file)) {
    const out: RawRow[] = new Array<RawRow>(batch.count);
    for (let k = 0; k < batch.count; k++) {
      row.at(batch, k);
      const cells = new Array<string>(n);
      for (let i = 0; i < n; i++) cells[i] = row.str(i);
      out[k] = { line: row.line, cells };
    }
    yield out;
  }
}

/**
 * Comma and semicolon files: RFC 4180 quoting (delimiters, `""` and newlines inside quotes) by
 * csv-parse's streaming parser, with relaxed column counts, trimmed cells, blank lines skipped,
 * and csv-parse's errors turned into coded errors that name the line.
 *
 * Records are taken from the parser as it emits them (its `push`, called synchronously while it
 * parses a chunk), so each one is seen together with the parser's live counters (`parser.info`)
 * and is turned into a RawRow of the selected cells at once: no per-record info object
 * (csv-parse's `info: true` builds two), no queue of whole records, no readable-side buffering.
 *
 * Line numbers: when csv-parse emits a record, `info.lines` is the line where the record ends;
 * a record starts on the line after the previous record ended, plus the blank lines skipped in
 * between (`info.empty_lines`). csv-parse counts a CRLF inside a quoted field as two lines;
 * that is corrected here.
 *
 * Line ends: CRLF, LF and a lone CR each end a record, in any mix (issue 17). csv-parse's own
 * discovery takes the first line end it meets as the only one, so a Windows export followed by
 * Linux rows (`cat a.csv b.csv`) glued every later LF row into one record's cells, and a CRLF
 * row in an LF file was counted as two lines. The three are given explicitly instead; csv-parse
 * matches CRLF first.
 */
import type { CsvError, Info, Parser } from "csv-parse";
import { AhrError, isAhrError } from "../errors.js";
import type { TextChunk } from "./encoding.js";
import { BATCH_ROWS, MAX_COLUMNS, MAX_RECORD } from "./limits.js";
import type { RawRow } from "./table.js";

/**
 * Most bytes handed to csv-parse per write. Parsed in 64 KiB slices (~170 rows), the rows reach
 * the caller before the next young-generation GC has to copy them (GC time 2.0 s -> 0.7 s on the
 * 1M-row bench file when file reads were 1 MiB). File reads are now CHUNK_BYTES (64 KiB) anyway;
 * the slicing still bounds larger chunks: gunzip output and standard input.
 */
const SLICE = 64 * 1024;

interface Parsed {
  line: number;
  record: string[];
}

function countCrlf(record: readonly string[]): number {
  let n = 0;
  for (const field of record) {
    let at = field.indexOf("\r\n");
    while (at !== -1) {
      n++;
      at = field.indexOf("\r\n", at + 2);
    }
  }
  return n;
}

function allEmpty(record: readonly string[]): boolean {
  for (const field of record) if (field.trim().length > 0) return false;
  return true;
}

export interface CsvTable {
  header: string[];
  rows(columns: readonly number[]): AsyncGenerator<RawRow[]>;
}

/**
 * Parse `first` (the text read so far, from the start of the file) and then `more`; the first
 * record with a non-empty cell is the header.
 */
export async function openCsv(
  delimiter: "," | ";",
  first: string,
  more: AsyncIterator<TextChunk>,
  file: string,
  /** Physical lines before `first` (blank lines before the header that were not kept). */
  lineOffset = 0,
): Promise<CsvTable> {
  const { parse } = await import("csv-parse");
  const parser: Parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
    skip_empty_lines: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: MAX_RECORD,
    bom: false,
  });
  const info: Info = parser.info;

  let failure: AhrError | null = null;
  let ended = false;
  let inputDone = first.length === 0;

  // Line bookkeeping (see the module comment).
  // (`extra`: lines csv-parse counts that are not there, less the lines before `first`.)
  let prevEnd = lineOffset;
  let prevEmpty = 0;
  let extra = -lineOffset;

  // Where records go: `early` until rows() gives the columns (the header is looked for there),
  // then straight into `batch` as RawRows; full batches wait in `ready`.
  let early: Parsed[] = [];
  let columns: readonly number[] | null = null;
  let batch: RawRow[] = [];
  let ready: RawRow[][] = [];

  function take(record: readonly string[], line: number, cols: readonly number[]): void {
    const n = cols.length;
    const cells = new Array<string>(n);
    let empty = true;
    for (let k = 0; k < n; k++) {
      const v = record[cols[k] as number];
      const t = v === undefined ? "" : v.trim();
      if (t.length > 0) empty = false;
      cells[k] = t;
    }
    if (empty && allEmpty(record)) return;
    batch.push({ line, cells });
    if (batch.length >= BATCH_ROWS) {
      ready.push(batch);
      batch = [];
    }
  }

  function onRecord(record: string[]): void {
    const start = prevEnd + 1 + (info.empty_lines - prevEmpty);
    let end = info.lines - extra;
    if (end > start) {
      const crlf = countCrlf(record);
      extra += crlf;
      end -= crlf;
    }
    prevEnd = end;
    prevEmpty = info.empty_lines;
    if (columns !== null) take(record, start, columns);
    else early.push({ line: start, record });
  }

  // csv-parse hands each record to the stream's push() while it parses (and null at the end):
  // take them there instead of through the readable side.
  parser.push = (record: unknown): boolean => {
    if (record === null) ended = true;
    else onRecord(record as string[]);
    return true;
  };

  const onError = (e: CsvError | Error): void => {
    if (failure !== null) return;
    failure = mapError(e);
  };
  parser.on("error", onError);

  function mapError(e: CsvError | Error): AhrError {
    if (isAhrError(e)) return e;
    const ctx = e as Partial<Info> & { code?: string };
    const empties = typeof ctx.empty_lines === "number" ? ctx.empty_lines : prevEmpty;
    const recordStart = prevEnd + 1 + (empties - prevEmpty);
    const here = typeof ctx.lines === "number" ? ctx.lines - extra : recordStart;
    switch (ctx.code) {
      case "CSV_QUOTE_NOT_CLOSED":
        return new AhrError("UNCLOSED_QUOTE", { file, line: recordStart });
      case "CSV_MAX_RECORD_SIZE":
        // A record can only run over several lines inside a quoted field: an unclosed quote.
        return here > recordStart
          ? new AhrError("UNCLOSED_QUOTE", { file, line: recordStart })
          : new AhrError("RECORD_TOO_LONG", { file, line: recordStart, limit: MAX_RECORD });
      default:
        return new AhrError("CSV_SYNTAX", {
          file,
          line: Math.max(here, recordStart),
          // the line is already in front of the message
          detail: e.message.replace(/ at line \d+$/, ""),
          hint: 'a field that starts with " must end with " right before the delimiter; inside it, write a quote as ""',
        });
    }
  }

  const write = (chunk: TextChunk): Promise<void> =>
    new Promise<void>((resolve) => {
      parser.write(chunk, (e) => {
        if (e) onError(e);
        resolve();
      });
    });
  const finish = (): Promise<void> =>
    new Promise<void>((resolve) => {
      parser.once("close", resolve);
      parser.end((e?: Error | null) => {
        if (e) onError(e);
        resolve();
      });
    });

  // The chunk being fed to the parser (strings whole, Buffers in SLICE pieces) and where the
  // next piece starts.
  let current: TextChunk | null = first.length > 0 ? first : null;
  let at = 0;

  /**
   * Feed one more piece of input (or the end); false when everything has been parsed. Throws the
   * failure of an earlier piece.
   */
  async function pump(): Promise<boolean> {
    if (failure !== null) throw failure;
    if (ended) return false;
    if (current === null && !inputDone) {
      let r: IteratorResult<TextChunk>;
      try {
        r = await more.next();
      } catch (e) {
        parser.destroy();
        throw e;
      }
      if (r.done === true) inputDone = true;
      else {
        current = r.value;
        at = 0;
      }
    }
    if (current !== null) {
      const c = current;
      if (typeof c === "string") {
        current = null;
        await write(c);
      } else if (c.length - at <= SLICE) {
        current = null;
        await write(at === 0 ? c : c.subarray(at));
      } else {
        at += SLICE;
        await write(c.subarray(at - SLICE, at));
      }
    } else {
      await finish();
      ended = true;
    }
    // A failure in this piece is thrown by the next call: the records parsed before it go to the
    // caller first, so that a bad value on an earlier line is reported first.
    return true;
  }

  // The header: the first record with a non-empty cell.
  let header: string[] = [];
  for (;;) {
    const found = early.findIndex((p) => !allEmpty(p.record));
    if (found !== -1) {
      const h = early[found] as Parsed;
      early = early.slice(found + 1);
      if (h.record.length > MAX_COLUMNS) {
        parser.destroy();
        throw new AhrError("TOO_MANY_COLUMNS", { file, line: h.line, limit: MAX_COLUMNS });
      }
      header = h.record.map((c) => c.trim());
      break;
    }
    early = [];
    if (!(await pump())) break;
  }

  async function* rows(cols: readonly number[]): AsyncGenerator<RawRow[]> {
    try {
      for (const { line, record } of early) take(record, line, cols);
      early = [];
      columns = cols;
      for (;;) {
        // What the last write gave, at once (see SLICE).
        if (batch.length > 0) {
          ready.push(batch);
          batch = [];
        }
        while (ready.length > 0) {
          const b = ready;
          ready = [];
          yield* b;
        }
        if (!(await pump())) break;
      }
    } finally {
      if (!ended) parser.destroy();
    }
  }

  return { header, rows };
}

/**
 * Comma and semicolon files: RFC 4180 quoting (delimiters, `""` and newlines inside quotes) by
 * csv-parse's streaming parser, with relaxed column counts, trimmed cells, blank lines skipped,
 * and csv-parse's errors turned into coded errors that name the line.
 *
 * Line numbers: csv-parse reports the line where a record ends (info.lines); a record starts on
 * the line after the previous record ended, plus the blank lines skipped in between. csv-parse
 * counts a CRLF inside a quoted field as two lines; that is corrected here.
 */
import type { CsvError, Info, Parser } from "csv-parse";
import { AhrError, isAhrError } from "../errors.js";
import type { TextChunk } from "./encoding.js";
import { BATCH_ROWS, MAX_COLUMNS, MAX_RECORD } from "./limits.js";
import type { RawRow } from "./table.js";

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
): Promise<CsvTable> {
  const { parse } = await import("csv-parse");
  const parser: Parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD,
    bom: false,
  });

  let queue: Parsed[] = [];
  let failure: AhrError | null = null;
  let ended = false;
  let inputDone = first.length === 0;
  let pendingFirst: string | null = first.length > 0 ? first : null;

  // Line bookkeeping (see the module comment).
  let prevEnd = 0;
  let prevEmpty = 0;
  let extra = 0;

  parser.on("data", (data: { record: string[]; info: Info }) => {
    const { record, info } = data;
    const start = prevEnd + 1 + (info.empty_lines - prevEmpty);
    let end = info.lines - extra;
    if (end > start) {
      const crlf = countCrlf(record);
      extra += crlf;
      end -= crlf;
    }
    prevEnd = end;
    prevEmpty = info.empty_lines;
    queue.push({ line: start, record });
  });
  const onError = (e: CsvError | Error): void => {
    if (failure !== null) return;
    failure = mapError(e);
  };
  parser.on("error", onError);
  const endPromise = new Promise<void>((resolve) => {
    parser.on("end", () => {
      ended = true;
      resolve();
    });
    parser.on("close", () => resolve());
  });

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
      parser.write(chunk, () => resolve());
    });

  /** Feed one more chunk (or the end); false when everything has been parsed. */
  async function pump(): Promise<boolean> {
    if (failure !== null) throw failure;
    if (ended) return false;
    if (pendingFirst !== null) {
      const text = pendingFirst;
      pendingFirst = null;
      await write(text);
    } else if (!inputDone) {
      let r: IteratorResult<TextChunk>;
      try {
        r = await more.next();
      } catch (e) {
        parser.destroy();
        throw e;
      }
      if (r.done === true) inputDone = true;
      else await write(r.value);
    } else {
      parser.end();
      await endPromise;
      ended = true;
    }
    if (failure !== null) throw failure;
    return true;
  }

  // The header: the first record with a non-empty cell.
  let header: string[] = [];
  for (;;) {
    const found = queue.findIndex((p) => !allEmpty(p.record));
    if (found !== -1) {
      const h = queue[found] as Parsed;
      queue = queue.slice(found + 1);
      if (h.record.length > MAX_COLUMNS) {
        parser.destroy();
        throw new AhrError("TOO_MANY_COLUMNS", { file, line: h.line, limit: MAX_COLUMNS });
      }
      header = h.record.map((c) => c.trim());
      break;
    }
    queue = [];
    if (!(await pump())) break;
  }

  async function* rows(columns: readonly number[]): AsyncGenerator<RawRow[]> {
    const n = columns.length;
    let batch: RawRow[] = [];
    try {
      for (;;) {
        for (const { line, record } of queue) {
          const cells = new Array<string>(n);
          let empty = true;
          for (let k = 0; k < n; k++) {
            const v = record[columns[k] as number];
            const t = v === undefined ? "" : v.trim();
            if (t.length > 0) empty = false;
            cells[k] = t;
          }
          if (empty && allEmpty(record)) continue;
          batch.push({ line, cells });
          if (batch.length >= BATCH_ROWS) {
            yield batch;
            batch = [];
          }
        }
        queue = [];
        if (!(await pump())) break;
      }
      if (batch.length > 0) yield batch;
    } finally {
      if (!ended) parser.destroy();
    }
  }

  return { header, rows };
}

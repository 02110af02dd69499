/**
 * openTable: a file (or standard input) to a Table. The byte layer in order:
 * source (file/stdin) -> gunzip when the bytes are gzip -> binary sniffing -> text decoding
 * (BOM, UTF-16, UTF-8 with the Windows-1252 fallback) -> header line and delimiter ->
 * the TSV fast path or the CSV scan (csv-scan.ts; csv-parse, csv.ts, behind an internal option).
 */
import { AhrError } from "../errors.js";
import { openCsv } from "./csv.js";
import { openCsvScan } from "./csv-scan.js";
import { detectDelimiter, type Delimiter } from "./delimiter.js";
import { chunkText, decodeText, namesAmazonJapan, type LegacyEncoding, type TextChunk } from "./encoding.js";
import { MAX_BLANK_PREFIX, MAX_RECORD, READ_RING, SNIFF_BYTES } from "./limits.js";
import { detectBom, isGzip, sniffBinary } from "./sniff.js";
import { gunzip, openFileSource, peek, streamSource, type ByteSource } from "./source.js";
import type { CellBatch, RawRow, Table } from "./table.js";
import { tsvBatches, tsvHeader, tsvRows } from "./tsv.js";

export interface OpenOptions {
  /** Read this stream instead of a file (the file name is then `-`). */
  stdin?: NodeJS.ReadableStream;
  /** Told when opening a named pipe waits for a writer for a few seconds (source.ts). */
  onWait?: (file: string, what: string) => void;
  /**
   * What bytes that are not UTF-8 are read as. Default: Shift_JIS when the first bytes name
   * amazon.co.jp (a rater e-mail, a sales channel: SPEC 9.2), else Windows-1252.
   */
  legacyEncoding?: LegacyEncoding;
  /**
   * Whether a line (its cells, split at the line's own delimiter, trimmed, outer quotes removed)
   * can be the header. Without it the first line with something on it is the header; with it,
   * rows above the header (a template's `TemplateType=...` row, a translated label row) are
   * skipped: the header is the first of the first LEADING_MAX non-blank lines it accepts, else
   * the first non-blank line as before. The caller knows the kinds' columns; this layer does not.
   */
  isHeader?: (cells: string[]) => boolean;
  /**
   * Internal: the reader of comma and semicolon files. "scan" (the default) is csv-scan.ts;
   * "csv-parse" is csv.ts, the reference the property test holds the scan to.
   */
  csvReader?: "scan" | "csv-parse";
}

/** How many non-blank lines are looked at for the header (OpenOptions.isHeader). */
export const LEADING_MAX = 10;

/** The text from the first line with something on it, and where it stands. */
interface FirstLine {
  /** The text read so far from the start of the header line (blank lines before it dropped). */
  text: string;
  /** The header line (without its line break); null when the file has none. */
  header: string | null;
  /** Its 1-based physical line number. */
  line: number;
  /** Offset in `text` just past the header line's line break. */
  after: number;
  /** Non-blank lines above the header that were skipped (OpenOptions.isHeader). */
  skipped: number;
}

/** A line's cells for OpenOptions.isHeader. */
function headerCells(line: string): string[] {
  return line.split(detectDelimiter(line)).map((c) => c.trim().replace(/^"(.*)"$/, "$1").trim());
}

const BLANK = /^[\s,;]*$/;
const LINE_BREAK = /[\r\n]/g;

/** How many data rows Table.sample holds at most. */
export const SAMPLE_ROWS = 5;

/** Table.sample: the complete lines of `text` (what was read after the header), split. */
export function sampleRows(text: string, delimiter: Delimiter): string[][] {
  const out: string[][] = [];
  let pos = 0;
  while (out.length < SAMPLE_ROWS) {
    const nl = text.indexOf("\n", pos);
    if (nl === -1) break;
    const line = text.slice(pos, nl).replace(/\r$/, "");
    pos = nl + 1;
    if (BLANK.test(line)) continue;
    if (delimiter !== "\t" && line.includes('"')) break;
    out.push(line.split(delimiter).map((c) => c.trim()));
  }
  return out;
}


/**
 * Read until the first line that is not blank (blank: white space, tabs, commas, semicolons),
 * or with `isHeader`, the first of the first LEADING_MAX such lines it accepts (see OpenOptions).
 * A line ends at LF, CRLF or a lone CR (old Mac files). Blank lines are dropped as they are
 * passed, so the time is linear and the memory one chunk; more than MAX_BLANK_PREFIX characters
 * of them stop the read (issue 17: 40 MB of newlines took 10 s and 340 MiB, a 2 MB gzip of
 * newlines ran for minutes). Once `isHeader` has refused a line, the text is kept from that line
 * on (at most LEADING_MAX lines of MAX_RECORD), as it is the header if no later line is accepted.
 */
async function readFirstLine(
  it: AsyncIterator<TextChunk>,
  file: string,
  isHeader?: (cells: string[]) => boolean,
): Promise<FirstLine> {
  let text = "";
  let line = 1;
  let blank = 0;
  let eof = false;
  let pos = 0;
  /** The first non-blank line isHeader refused: it starts `text`. */
  let fallback: { header: string; line: number; after: number } | null = null;
  let refused = 0;
  /** Whether the non-blank line from `pos` (its text `cells`) is the header. */
  const accepted = (cells: string): boolean => isHeader === undefined || isHeader(headerCells(cells));
  const header = (cells: string, next: number): FirstLine => ({
    text: text.slice(pos),
    header: cells,
    line,
    after: next - pos,
    skipped: fallback === null ? 0 : refused,
  });
  /** The line at `pos` was refused: keep the text from the first refused line; null to read on. */
  const refuse = (cells: string, next: number): FirstLine | null => {
    if (fallback === null) {
      text = text.slice(pos);
      fallback = { header: cells, line, after: next - pos };
      pos = 0;
    }
    refused++;
    return refused >= LEADING_MAX ? fromFallback() : null;
  };
  const fromFallback = (): FirstLine => ({ text, header: fallback!.header, line: fallback!.line, after: fallback!.after, skipped: 0 });
  for (;;) {
    for (;;) {
      LINE_BREAK.lastIndex = pos;
      const found = LINE_BREAK.exec(text);
      if (found === null) break;
      const nl = found.index;
      const cr = text.charCodeAt(nl) === 13;
      // A CR at the end of what was read may be the first half of a CRLF.
      if (cr && nl + 1 === text.length && !eof) break;
      const cells = text.slice(pos, nl);
      if (cells.length > MAX_RECORD) throw new AhrError("RECORD_TOO_LONG", { file, line, limit: MAX_RECORD });
      let next = nl + (cr && text.charCodeAt(nl + 1) === 10 ? 2 : 1);
      if (!BLANK.test(cells)) {
        if (accepted(cells)) return header(cells, next);
        const at = pos;
        const r = refuse(cells, next);
        if (r !== null) return r;
        next -= at - pos; // refuse() may have cut the text at this line
      } else {
        blank += next - pos;
        if (blank > MAX_BLANK_PREFIX) {
          throw new AhrError("BLANK_BEFORE_HEADER", { file, line, limit: MAX_BLANK_PREFIX });
        }
      }
      line++;
      pos = next;
    }
    if (fallback === null) {
      text = pos === 0 ? text : text.slice(pos);
      pos = 0;
    }
    if (text.length - pos > MAX_RECORD) throw new AhrError("RECORD_TOO_LONG", { file, line, limit: MAX_RECORD });
    if (eof) {
      const last = text.slice(pos);
      if (!BLANK.test(last)) {
        if (accepted(last)) return header(last, text.length);
        const r = refuse(last, text.length);
        if (r !== null) return r;
      }
      if (fallback !== null) return fromFallback();
      return { text, header: null, line, after: text.length, skipped: 0 };
    }
    const r = await it.next();
    if (r.done === true) eof = true;
    else text += chunkText(r.value);
  }
}

/**
 * Open `file` (or `options.stdin`, named `-`) and read its header. Errors: FILE_NOT_FOUND,
 * FILE_UNREADABLE, BINARY_FILE, BLANK_BEFORE_HEADER, RECORD_TOO_LONG, TOO_MANY_COLUMNS, UNCLOSED_QUOTE, CSV_SYNTAX.
 */
export async function openTable(file: string, options: OpenOptions = {}): Promise<Table> {
  const name = options.stdin !== undefined ? "-" : file;
  const source: ByteSource =
    options.stdin !== undefined
      ? streamSource(options.stdin, name)
      : await openFileSource(file, options.onWait ? { onWait: options.onWait } : {});
  const notes: string[] = [];
  let texts: AsyncGenerator<TextChunk> | null = null;
  try {
    let { head, chunks } = await peek(source.chunks, SNIFF_BYTES);
    if (isGzip(head)) ({ head, chunks } = await peek(gunzip(chunks, name), SNIFF_BYTES));
    // Without gzip (which holds on to its input while it inflates), every reader of the raw chunks
    // lets go of one before it asks for the one after next: decodeText passes a chunk (or a view of
    // it) on and reads the next only when asked, copying a split UTF-8 sequence it carries over and
    // making strings of transcoded text; the header and the TSV path make a string of each chunk
    // at once; the CSV path feeds a chunk to csv-parse piece by piece before asking for the next,
    // and csv-parse keeps a view of an unparsed tail only until its next write. So reading goes
    // into a ring of buffers (READ_RING), enough for the chunks a TSV batch keeps (BATCH_READS).
    else source.reuseBuffers(READ_RING);
    const binary = sniffBinary(head);
    if (binary !== null) {
      throw new AhrError("BINARY_FILE", { file: name, what: binary.what, ...(binary.hint ? { hint: binary.hint } : {}) });
    }
    const legacy = options.legacyEncoding ?? (namesAmazonJapan(head) ? "shift_jis" : "windows-1252");
    texts = decodeText(chunks, detectBom(head), name, notes, legacy);
    const first = await readFirstLine(texts, name, options.isHeader);
    if (first.skipped > 0) {
      notes.push(`the header is on line ${first.line}: ${first.skipped === 1 ? "the row" : `the ${first.skipped} rows`} above it skipped (a template's TemplateType= or label row)`);
    }
    const delimiter: Delimiter = detectDelimiter(first.header ?? "");

    let header: string[];
    let rowsOf: (columns: readonly number[]) => AsyncGenerator<RawRow[]>;
    let batchesOf: ((columns: readonly number[]) => AsyncGenerator<CellBatch>) | null = null;
    if (first.header === null) {
      header = [];
      rowsOf = async function* () {};
    } else if (delimiter === "\t") {
      header = tsvHeader(first.header, name, first.line);
      const it = texts;
      const rest = first.text.slice(first.after);
      const line = first.line + 1;
      rowsOf = (columns) => tsvRows(rest, line, it, columns, name);
      batchesOf = (columns) => tsvBatches(rest, line, it, columns, name);
    } else if (options.csvReader === "csv-parse") {
      const csv = await openCsv(delimiter, first.text, texts, name, first.line - 1);
      header = csv.header;
      rowsOf = csv.rows;
    } else {
      const csv = await openCsvScan(delimiter, first.text, texts, name, first.line - 1);
      header = csv.header;
      rowsOf = csv.rows;
      batchesOf = csv.batches;
    }

    await source.suspend();
    let used = false;
    /** A table's rows (as strings or as cell bounds) can be read once: this starts the reading. */
    const claim = (): void => {
      if (used) throw new Error(`Table: the rows of ${name} can be read only once`);
      used = true;
      source.resume();
    };
    const generator = texts;
    const table: Table = {
      file: name,
      header,
      delimiter,
      notes,
      sample: first.header === null ? [] : sampleRows(first.text.slice(first.after), delimiter),
      size: source.size,
      bytesRead: () => source.bytesRead(),
      rows(columns: number[]): AsyncIterable<RawRow[]> {
        claim();
        const inner = rowsOf(columns);
        return (async function* () {
          try {
            yield* inner;
          } finally {
            await generator.return(undefined);
          }
        })();
      },
    };
    const batches = batchesOf;
    if (batches !== null) {
      // No wrapper generator: tsvBatches and the CSV scan close the text source themselves.
      table.cellBatches = (columns: number[]): AsyncIterable<CellBatch> => {
        claim();
        return batches(columns);
      };
    }
    return table;
  } catch (e) {
    if (texts !== null) await texts.return(undefined).catch(() => undefined);
    await source.suspend();
    throw e;
  }
}

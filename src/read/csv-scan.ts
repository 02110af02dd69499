/**
 * The fast reader of comma and semicolon files (issue 18): RFC 4180 quoting read from the text's
 * character codes, without csv-parse. It gives what the csv-parse path (csv.ts, kept as the
 * reference) gives: the same records, the same lines, the same coded errors on the same lines
 * (test/read/csv-scan.test.ts feeds both the same generated files). So it follows csv-parse's
 * rules for its options there (relaxed quotes and column counts, trimmed cells, blank lines
 * skipped, CRLF, LF and a lone CR as record ends, max_record_size), including their corners:
 *
 * - a field is quoted when its first character after spaces, tabs and form feeds is `"`; a `"`
 *   later in an unquoted field is an ordinary character;
 * - inside quotes `""` is a quote; a `"` followed by the delimiter, a line end, white space or
 *   the end of the input closes the field; any other character after it, or after the white
 *   space that may follow it, is CSV_SYNTAX ("Invalid Closing Quote");
 * - a line of spaces, tabs and form feeds only is blank: skipped, but counted;
 * - a record over MAX_RECORD (csv-parse counts the finished fields in characters and the field
 *   being read in UTF-8 bytes) is RECORD_TOO_LONG, or UNCLOSED_QUOTE when it already spans lines.
 *
 * Like the TSV path it yields cell bounds (CellBatch): a cell becomes a string only when the record
 * layer asks for it. A record is read in one pass over its characters (a quoted field's end found
 * with indexOf); a row whose selected cells hold `""` gets a text of its own with those cells
 * unescaped. Whatever the fast pass does not know (a quote closed by something else, a quote
 * reopened, a record long enough to reach the limit) is read again by `Slow`, a character by
 * character transcription of csv-parse's state machine for these options.
 *
 * Lines are counted as csv.ts counts them from csv-parse's counters (csv-parse counts each CR and
 * LF it reads, a CRLF record end once; csv.ts takes back a CRLF inside a quoted field), so that the
 * two agree to the line, whatever the file holds.
 */
import { AhrError } from "../errors.js";
import { chunkText, type TextChunk } from "./encoding.js";
import { BATCH_ROWS, MAX_COLUMNS, MAX_RECORD } from "./limits.js";
import { RowCursor } from "./rows.js";
import type { CellBatch, RawRow } from "./table.js";

const QUOTE = 34;
const CR = 13;
const LF = 10;
const FF = 12;
const SP = 32;
const TAB = 9;

/**
 * A record spanning at most this many characters cannot reach MAX_RECORD as csv-parse counts it
 * (at most 3 UTF-8 bytes per UTF-16 unit), so the fast pass does not count.
 */
const SAFE_SPAN = Math.floor(MAX_RECORD / 3);

const NEED = 0;
const RECORD = 1;
const END = 2;

/** How a field of the record just read is held (Scanner.flags). */
const IN_TEXT = 0;
/** In the text, between quotes, with `""` to unescape. */
const ESCAPED = 1;
/** A string of its own (Scanner.strs), as csv-parse gave it. */
const STRING = 2;

const HINT = 'a field that starts with " must end with " right before the delimiter; inside it, write a quote as ""';
const CLOSING_QUOTE = "Invalid Closing Quote: found non trimable byte after quote";

/** csv-parse's trimmable characters: CR, LF, form feed, space, tab. */
const trimmable = (c: number): boolean => c === SP || c === TAB || c === FF || c === CR || c === LF;

/** UTF-8 bytes of a UTF-16 unit (a surrogate pair's 4 bytes are 2 + 2). */
const utf8Bytes = (c: number): number => (c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3);

/** Whether text[s, e) holds something String.prototype.trim keeps. */
function hasContent(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === SP || (c >= 9 && c <= 13)) continue;
    if (c < 128) return true;
    return text.slice(i, e).trim().length > 0;
  }
  return false;
}

/** The state of a record being read by `Slow` (kept across chunks). */
interface Slow {
  quoting: boolean;
  wasQuoting: boolean;
  escaping: boolean;
  /** The field so far, less the run being read (`run`: where it started in the text, or -1). */
  field: string;
  run: number;
  /** csv-parse's state.field.length: the field's UTF-8 bytes. */
  fieldBytes: number;
  /** The fields kept (the first `keep`), how many there are, csv-parse's record_length. */
  record: string[];
  count: number;
  recLen: number;
  nonEmpty: boolean;
  /** CR and LF read in this record so far; CRLF pairs inside fields. */
  events: number;
  crlf: number;
}

const unescape = (s: string): string => s.replace(/""/g, '"');

class Scanner {
  text: string;
  pos = 0;
  eof = false;
  /** A chunk whose first line was joined to the previous text at `joinAt` (see feed). */
  private pending: string | null = null;
  private pendingCut = 0;
  private joinAt = 0;
  private slow: Slow | null = null;

  /** csv-parse's info.lines and info.empty_lines. */
  private lines = 1;
  private emptyLines = 0;
  /** csv.ts's bookkeeping (see its onRecord). */
  private prevEnd: number;
  private prevEmpty = 0;
  private extra: number;

  /** The record just read: its first line, field count, whether a cell is not blank. */
  line = 0;
  count = 0;
  nonEmpty = false;
  /** Its text (the bounds of IN_TEXT and ESCAPED fields are in it) and its first `keep` fields. */
  recText = "";
  keep: number;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  strs: string[];

  constructor(
    readonly delim: number,
    first: string,
    private readonly more: AsyncIterator<TextChunk>,
    readonly file: string,
    lineOffset: number,
    keep: number,
  ) {
    this.text = first;
    this.prevEnd = lineOffset;
    this.extra = -lineOffset;
    this.keep = keep;
    this.starts = new Int32Array(keep);
    this.ends = new Int32Array(keep);
    this.flags = new Uint8Array(keep);
    this.strs = new Array<string>(keep).fill("");
  }

  setKeep(keep: number): void {
    if (keep > this.starts.length) {
      this.starts = new Int32Array(keep);
      this.ends = new Int32Array(keep);
      this.flags = new Uint8Array(keep);
      this.strs = new Array<string>(keep).fill("");
    }
    this.keep = keep;
  }

  /** Field i (< count, < keep) as csv-parse gives it, untrimmed. */
  value(i: number): string {
    const f = this.flags[i];
    if (f === STRING) return this.strs[i] as string;
    const s = this.recText.slice(this.starts[i], this.ends[i]);
    return f === ESCAPED ? unescape(s) : s;
  }

  /** The next record: RECORD, END, or NEED (call feed, then scan again). Throws coded errors. */
  scan(): number {
    if (this.slow !== null) return this.scanSlow();
    // Blank lines: spaces, tabs and form feeds, then a line end.
    for (;;) {
      if (this.pending !== null && this.pos >= this.joinAt) {
        // The record across the chunk boundary is done: on with the rest of the chunk.
        this.pos -= this.joinAt;
        this.text = this.pending;
        this.pending = null;
      }
      const text = this.text;
      const len = text.length;
      let p = this.pos;
      let c = 0;
      while (p < len && ((c = text.charCodeAt(p)) === SP || c === TAB || c === FF)) p++;
      if (p >= len) {
        if (!this.eof) return NEED;
        this.pos = p;
        return END;
      }
      if (c === CR) {
        if (p + 1 >= len && !this.eof) return NEED;
        this.pos = p + (text.charCodeAt(p + 1) === LF ? 2 : 1);
      } else if (c === LF) this.pos = p + 1;
      else break;
      this.lines++;
      this.emptyLines++;
    }
    return this.scanRecord();
  }

  /** The fast pass over one record from this.pos (not blank). */
  private scanRecord(): number {
    const text = this.text;
    const len = text.length;
    const eof = this.eof;
    const d = this.delim;
    const keep = this.keep;
    const { starts, ends, flags } = this;
    const rs = this.pos;
    let p = rs;
    let nf = 0;
    let events = 0;
    let crlf = 0;
    let nonEmpty = false;
    let c = 0;
    /** What ended the record: a line end at p (true) or the end of the input. */
    let eol = false;
    for (;;) {
      while (p < len && ((c = text.charCodeAt(p)) === SP || c === TAB || c === FF)) p++;
      let vs: number;
      let ve: number;
      let flag = IN_TEXT;
      /** Whether the field ended at a delimiter (at p). */
      let more = false;
      if (p >= len) {
        if (!eof) return this.needFast(rs);
        vs = ve = p;
      } else if (c === QUOTE) {
        vs = p + 1;
        let k = vs;
        for (;;) {
          const j = text.indexOf('"', k);
          if (j === -1) return eof ? this.toSlow(rs) : this.needFast(rs);
          if (j + 1 >= len) {
            if (!eof) return this.needFast(rs);
            ve = j;
            break;
          }
          const n = text.charCodeAt(j + 1);
          if (n === QUOTE) {
            flag = ESCAPED;
            k = j + 2;
            continue;
          }
          if (n === d || n === CR || n === LF || n === SP || n === TAB || n === FF || n === 0) {
            ve = j;
            break;
          }
          return this.toSlow(rs);
        }
        for (let i = vs; i < ve; i++) {
          const x = text.charCodeAt(i);
          if (x === LF) events++;
          else if (x === CR) {
            events++;
            if (text.charCodeAt(i + 1) === LF) crlf++;
          }
        }
        if (!nonEmpty) nonEmpty = flag === ESCAPED || hasContent(text, vs, ve);
        p = ve + 1;
        while (p < len && ((c = text.charCodeAt(p)) === SP || c === TAB || c === FF)) p++;
        if (p >= len) {
          if (!eof) return this.needFast(rs);
        } else if (c === d) more = true;
        else if (c === CR || c === LF) eol = true;
        else return this.toSlow(rs);
      } else {
        vs = p;
        while (p < len) {
          c = text.charCodeAt(p);
          if (c === d || c === CR || c === LF) break;
          p++;
        }
        if (p >= len) {
          if (!eof) return this.needFast(rs);
        } else if (c === d) more = true;
        else eol = true;
        ve = p;
        if (!nonEmpty) nonEmpty = hasContent(text, vs, ve);
      }
      if (nf < keep) {
        starts[nf] = vs;
        ends[nf] = ve;
        flags[nf] = flag;
      }
      nf++;
      if (!more) break;
      p++;
    }
    let next = p;
    if (eol) {
      if (c === CR) {
        if (p + 1 >= len && !eof) return this.needFast(rs);
        next = p + (text.charCodeAt(p + 1) === LF ? 2 : 1);
      } else next = p + 1;
    }
    if (next - rs > SAFE_SPAN) return this.toSlow(rs);
    this.recText = text;
    this.count = nf;
    this.nonEmpty = nonEmpty;
    this.commit(events, crlf, eol);
    this.pos = next;
    return RECORD;
  }

  /** The record from rs needs more text; a long one is read on by Slow (no reading it again). */
  private needFast(rs: number): number {
    this.pos = rs;
    return this.text.length - rs > SAFE_SPAN ? this.toSlow(rs) : NEED;
  }

  private toSlow(rs: number): number {
    this.pos = rs;
    this.slow = {
      quoting: false,
      wasQuoting: false,
      escaping: false,
      field: "",
      run: -1,
      fieldBytes: 0,
      record: [],
      count: 0,
      recLen: 0,
      nonEmpty: false,
      events: 0,
      crlf: 0,
    };
    return this.scanSlow();
  }

  /** csv.ts's line bookkeeping for a record read (events: CR and LF inside it). */
  private commit(events: number, crlf: number, terminated: boolean): void {
    const start = this.prevEnd + 1 + (this.emptyLines - this.prevEmpty);
    let end = this.lines + events - this.extra;
    if (end > start) {
      this.extra += crlf;
      end -= crlf;
    }
    this.prevEnd = end;
    this.prevEmpty = this.emptyLines;
    this.line = start;
    this.lines += events + (terminated ? 1 : 0);
  }

  private recordStart(): number {
    return this.prevEnd + 1 + (this.emptyLines - this.prevEmpty);
  }

  /** csv-parse's CSV_MAX_RECORD_SIZE, as csv.ts words it. */
  private tooLong(events: number): AhrError {
    const start = this.recordStart();
    const here = this.lines + events - this.extra;
    return here > start
      ? new AhrError("UNCLOSED_QUOTE", { file: this.file, line: start })
      : new AhrError("RECORD_TOO_LONG", { file: this.file, line: start, limit: MAX_RECORD });
  }

  /**
   * csv-parse's state machine (lib/api/index.js, parse()) for ahr's options, one character at a
   * time, from this.pos: the branches in its order (escape, quote, record delimiter, delimiter,
   * the size limit, trimming).
   */
  private scanSlow(): number {
    const s = this.slow as Slow;
    const text = this.text;
    const len = text.length;
    const eof = this.eof;
    const d = this.delim;
    let p = this.pos;
    const flush = (): void => {
      if (s.run !== -1) {
        s.field += text.slice(s.run, p);
        s.run = -1;
      }
    };
    const onField = (): void => {
      flush();
      let v = s.field;
      if (!s.wasQuoting) v = v.trimEnd();
      if (s.count < this.keep) s.record.push(v);
      s.count++;
      s.recLen += v.length;
      if (!s.nonEmpty && v.trim().length > 0) s.nonEmpty = true;
      if (s.events > 0) {
        let at = v.indexOf("\r\n");
        while (at !== -1) {
          s.crlf++;
          at = v.indexOf("\r\n", at + 2);
        }
      }
      s.field = "";
      s.fieldBytes = 0;
      s.wasQuoting = false;
    };
    for (;;) {
      if (p >= len) {
        if (!eof) {
          flush();
          this.pos = p;
          return NEED;
        }
        if (s.quoting) throw new AhrError("UNCLOSED_QUOTE", { file: this.file, line: this.recordStart() });
        if (s.wasQuoting || s.count !== 0 || s.fieldBytes !== 0) {
          onField();
          return this.commitSlow(p, false);
        }
        this.slow = null;
        this.pos = p;
        return END;
      }
      // Every branch looks at most one character ahead.
      if (p + 1 >= len && !eof) {
        flush();
        this.pos = p;
        return NEED;
      }
      const c = text.charCodeAt(p);
      const n = p + 1 < len ? text.charCodeAt(p + 1) : -1;
      let plain = false;
      if (s.escaping) {
        s.escaping = false;
        plain = true;
      } else if (s.quoting && c === QUOTE && n === QUOTE) {
        flush();
        s.escaping = true;
        p++;
        continue;
      } else if (c === QUOTE) {
        if (s.quoting) {
          flush();
          s.quoting = false;
          s.wasQuoting = true;
          if (n === -1 || n === 0 || n === d || trimmable(n)) {
            p++;
            continue;
          }
          // relax_quotes: the quote goes in front of the field, and this one is read on (below)
          s.field = '"' + s.field;
          s.fieldBytes++;
        } else if (s.fieldBytes === 0) {
          s.quoting = true;
          p++;
          continue;
        }
      }
      if (!plain && !s.quoting) {
        if (c === CR || c === LF) {
          const dl = c === CR && n === LF ? 2 : 1;
          if (s.count === 0 && s.fieldBytes === 0 && !s.wasQuoting) {
            this.emptyLines++;
            this.lines++;
            p += dl;
            continue;
          }
          onField();
          return this.commitSlow(p + dl, true);
        }
        if (c === d) {
          onField();
          p++;
          continue;
        }
      }
      if (s.recLen + s.fieldBytes > MAX_RECORD) throw this.tooLong(s.events);
      const trim = trimmable(c);
      if ((s.quoting || s.fieldBytes !== 0 || !trim) && !s.wasQuoting) {
        if (s.run === -1) s.run = p;
        s.fieldBytes += utf8Bytes(c);
      } else if (!trim) {
        const here = this.lines + s.events - this.extra;
        throw new AhrError("CSV_SYNTAX", {
          file: this.file,
          line: Math.max(here, this.recordStart()),
          detail: CLOSING_QUOTE,
          hint: HINT,
        });
      } else flush();
      if (c === CR || c === LF) s.events++;
      p++;
    }
  }

  private commitSlow(next: number, terminated: boolean): number {
    const s = this.slow as Slow;
    this.slow = null;
    const n = Math.min(s.count, this.keep);
    for (let i = 0; i < n; i++) {
      this.strs[i] = s.record[i] as string;
      this.flags[i] = STRING;
    }
    this.recText = "";
    this.count = s.count;
    this.nonEmpty = s.nonEmpty;
    this.commit(s.events, s.crlf, terminated);
    this.pos = next;
    return RECORD;
  }

  /**
   * More text after a NEED. A chunk is joined to what is left of the text only up to its first
   * LF (a copy of the record across the boundary, not of the chunk); once past that, scanning
   * goes on in the chunk itself. Read errors are thrown.
   */
  async feed(): Promise<void> {
    const tail = this.text.slice(this.pos);
    this.pos = 0;
    if (this.pending !== null) {
      this.text = tail + this.pending.slice(this.pendingCut);
      this.pending = null;
      return;
    }
    const r = await this.more.next();
    if (r.done === true) {
      this.eof = true;
      this.text = tail;
      return;
    }
    const chunk = chunkText(r.value);
    if (tail.length === 0) {
      this.text = chunk;
      return;
    }
    if (this.slow === null) {
      const nl = chunk.indexOf("\n");
      if (nl !== -1 && nl + 1 < chunk.length) {
        this.text = tail + chunk.slice(0, nl + 1);
        this.pending = chunk;
        this.pendingCut = nl + 1;
        this.joinAt = tail.length;
        return;
      }
    }
    this.text = tail + chunk;
  }

  async close(): Promise<void> {
    this.text = "";
    this.recText = "";
    this.pending = null;
    await this.more.return?.(undefined);
  }
}

export interface CsvScanTable {
  header: string[];
  batches(columns: readonly number[]): AsyncGenerator<CellBatch>;
  rows(columns: readonly number[]): AsyncGenerator<RawRow[]>;
}

/** Space, tab, LF, VT, FF, CR: the white space trimmed before looking further. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * Read the header of a comma or semicolon file from `first` (the text read so far, from the start
 * of the header line) and then `more`: the first record with a non-empty cell, as openCsv does.
 */
export async function openCsvScan(
  delimiter: "," | ";",
  first: string,
  more: AsyncIterator<TextChunk>,
  file: string,
  /** Physical lines before `first` (blank lines before the header that were not kept). */
  lineOffset = 0,
): Promise<CsvScanTable> {
  const sc = new Scanner(delimiter.charCodeAt(0), first, more, file, lineOffset, MAX_COLUMNS + 1);
  let header: string[] = [];
  try {
    for (;;) {
      const r = sc.scan();
      if (r === NEED) {
        await sc.feed();
        continue;
      }
      if (r === END) break;
      if (!sc.nonEmpty) continue;
      if (sc.count > MAX_COLUMNS) throw new AhrError("TOO_MANY_COLUMNS", { file, line: sc.line, limit: MAX_COLUMNS });
      header = Array.from({ length: sc.count }, (_, i) => sc.value(i).trim());
      break;
    }
  } catch (e) {
    await sc.close();
    throw e;
  }
  let used = false;

  async function* batches(columns: readonly number[]): AsyncGenerator<CellBatch> {
    if (used) throw new Error("csv-scan: rows can be read once");
    used = true;
    const n = columns.length;
    let maxCol = -1;
    for (const c of columns) if (Number.isInteger(c) && c > maxCol) maxCol = c;
    sc.setKeep(maxCol + 1);
    const batch: CellBatch = {
      count: 0,
      width: n,
      lines: new Int32Array(BATCH_ROWS),
      texts: new Array<string>(BATCH_ROWS).fill(""),
      bounds: new Int32Array(BATCH_ROWS * n * 2),
    };
    const { lines, texts, bounds } = batch;
    const cells = new Array<string>(n).fill("");
    /** An error past the rows read so far: thrown once those rows have been yielded. */
    let failure: unknown = null;
    try {
      for (;;) {
        let r: number;
        try {
          r = sc.scan();
          if (r === NEED) {
            await sc.feed();
            continue;
          }
        } catch (e) {
          failure = e;
          break;
        }
        if (r === END) break;
        const row = batch.count;
        const count = sc.count;
        const text = sc.recText;
        const { starts, ends, flags } = sc;
        let b = 2 * row * n;
        let empty = true;
        let own = false;
        for (let k = 0; k < n; k++, b += 2) {
          const c = columns[k] as number;
          let cs = 0;
          let ce = 0;
          if (c >= 0 && c < count) {
            if (flags[c] !== IN_TEXT) {
              own = true;
              break;
            }
            cs = starts[c] as number;
            ce = ends[c] as number;
            while (cs < ce && isSpace(text.charCodeAt(cs))) cs++;
            while (ce > cs && isSpace(text.charCodeAt(ce - 1))) ce--;
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
        let rowText = text;
        if (own) {
          // A cell with `""` or read by Slow: the row's cells joined in a text of their own.
          rowText = "";
          empty = true;
          for (let k = 0; k < n; k++) {
            const c = columns[k] as number;
            const v = c >= 0 && c < count ? sc.value(c).trim() : "";
            cells[k] = v;
            if (v.length > 0) empty = false;
          }
          let at = 0;
          b = 2 * row * n;
          for (let k = 0; k < n; k++, b += 2) {
            const v = cells[k] as string;
            rowText += v;
            bounds[b] = at;
            at += v.length;
            bounds[b + 1] = at;
          }
        }
        if (empty && !sc.nonEmpty) continue;
        lines[row] = sc.line;
        texts[row] = rowText;
        batch.count = row + 1;
        if (row + 1 >= BATCH_ROWS) {
          yield batch;
          batch.count = 0;
        }
      }
      if (batch.count > 0) yield batch;
      if (failure !== null) throw failure;
    } finally {
      texts.fill("");
      await sc.close();
    }
  }

  async function* rows(columns: readonly number[]): AsyncGenerator<RawRow[]> {
    const n = columns.length;
    const row = new RowCursor();
    for await (const batch of batches(columns)) {
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

  return { header, batches, rows };
}

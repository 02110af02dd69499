/**
 * The CSV scan (src/read/csv-scan.ts) against csv-parse (src/read/csv.ts, the reference): the same
 * generated files through both, cut into chunks anywhere, must give the same header, the same
 * rows on the same lines, and the same coded error (code, line, words) after the same rows.
 * The files are built to reach the corners: quoted and unquoted cells, `""`, delimiters and line
 * breaks inside quotes, white space around quotes, stray and unclosed quotes, text after a
 * closing quote, CRLF, LF and lone CR line ends in any mix, blank lines, ragged rows, a final
 * line end or none, a BOM (through openTable), semicolons.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AhrError } from "../../src/errors.js";
import { openCsv } from "../../src/read/csv.js";
import { openCsvScan } from "../../src/read/csv-scan.js";
import type { TextChunk } from "../../src/read/encoding.js";
import { MAX_RECORD } from "../../src/read/limits.js";
import { openTable } from "../../src/read/open.js";
import { RowCursor, rowBatches } from "../../src/read/rows.js";
import type { RawRow } from "../../src/read/table.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-csv-scan-"));
let counter = 0;
function put(content: string | Buffer): string {
  const file = join(dir, `s${counter++}.csv`);
  writeFileSync(file, content);
  return file;
}

interface Outcome {
  header: string[] | null;
  rows: RawRow[];
  error: { code: string; params: unknown; message: string } | null;
}

function caught(e: unknown): Outcome["error"] {
  if (e instanceof AhrError) return { code: e.code, params: e.params, message: e.message };
  throw e;
}

async function* chunks(parts: TextChunk[]): AsyncGenerator<TextChunk> {
  for (const p of parts) yield p;
}

/**
 * `text` cut as open.ts hands it over: the first `firstChars` characters as the text read so far,
 * the rest in pieces of about `size` characters (never inside a surrogate pair), as UTF-8 bytes
 * or, when `asStrings`, as strings (transcoded text).
 */
function cut(text: string, firstChars: number, size: number, asStrings: boolean): { first: string; parts: TextChunk[] } {
  const fix = (at: number): number => (at > 0 && at < text.length && /[\ud800-\udbff]/.test(text.charAt(at - 1)) ? at + 1 : at);
  const f = fix(Math.max(1, Math.min(firstChars, text.length)));
  const parts: TextChunk[] = [];
  for (let at = f; at < text.length; ) {
    const to = fix(Math.min(text.length, at + size));
    const piece = text.slice(at, to);
    parts.push(asStrings ? piece : Buffer.from(piece));
    at = to;
  }
  return { first: text.slice(0, f), parts };
}

async function viaReader(
  reader: "scan" | "csv-parse",
  delimiter: "," | ";",
  text: string,
  firstChars: number,
  size: number,
  asStrings: boolean,
  columns: number[] | null,
  /** Physical lines before the text (blank lines open.ts dropped before the header). */
  lineOffset = 3,
): Promise<Outcome> {
  const { first, parts } = cut(text, firstChars, size, asStrings);
  const out: Outcome = { header: null, rows: [], error: null };
  try {
    const open = reader === "scan" ? openCsvScan : openCsv;
    const table = await open(delimiter, first, chunks(parts), "t.csv", lineOffset);
    out.header = table.header;
    for await (const batch of table.rows(columns ?? table.header.map((_, i) => i))) out.rows.push(...batch);
  } catch (e) {
    out.error = caught(e);
  }
  return out;
}

/** A file through openTable with either reader; the scan's rows through its cell bounds. */
async function viaTable(reader: "scan" | "csv-parse", file: string, columns: number[] | null): Promise<Outcome> {
  const out: Outcome = { header: null, rows: [], error: null };
  try {
    const table = await openTable(file, { csvReader: reader });
    out.header = table.header;
    const cols = columns ?? table.header.map((_, i) => i);
    if (reader === "scan") {
      expect(table.cellBatches).toBeDefined();
      const cur = new RowCursor();
      for await (const batch of rowBatches(table, cols)) {
        const n = Array.isArray(batch) ? batch.length : batch.count;
        for (let k = 0; k < n; k++) {
          cur.at(batch, k);
          out.rows.push({ line: cur.line, cells: cols.map((_, i) => cur.str(i)) });
          for (let i = 0; i < cols.length; i++) expect(cur.isEmpty(i)).toBe(cur.str(i) === "");
        }
      }
    } else {
      for await (const batch of table.rows(cols)) out.rows.push(...batch);
    }
  } catch (e) {
    out.error = caught(e);
  }
  return out;
}

// ------------------------------------------------------------------ generated files

const EOLS = ["\n", "\r\n", "\r"] as const;
const eolArb = fc.constantFrom(...EOLS);
/** Characters that matter to the grammar, and a few that matter to trimming and UTF-8. */
const charArb = fc.constantFrom("a", "b", "7", " ", "\t", ",", ";", '"', '"', "\n", "\r", "\r\n", "\f", "\v", "é", "😀", "\u00a0", "\ufeff", "\u2028");
const textArb = (max: number) => fc.array(charArb, { maxLength: max }).map((cs) => cs.join(""));
const spaceArb = fc.constantFrom("", "", "", " ", "  ", "\t", " \f");

/** A cell: plain, quoted as a writer would quote it (with white space around, sometimes), or raw. */
const cellArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("", "x", "12.50", "2026-11-02T10:00:00+00:00", "Pan, cast iron", " pad ", "é€😀") },
  {
    weight: 3,
    arbitrary: fc
      .tuple(spaceArb, textArb(6), spaceArb)
      .map(([l, t, r]) => `${l}"${t.replace(/"/g, '""')}"${r}`),
  },
  { weight: 2, arbitrary: textArb(6) },
);

interface Sample {
  text: string;
  delimiter: "," | ";";
}

/** Records of 0-5 cells (ragged), joined by the delimiter, each with its line end; blank lines between. */
const fileArb: fc.Arbitrary<Sample> = fc
  .record({
    delimiter: fc.constantFrom<"," | ";">(",", ",", ";"),
    header: fc.array(fc.constantFrom("id", "date", "name", " qty ", '"note"', '"a,b"', "x;y"), { minLength: 1, maxLength: 5 }),
    records: fc.array(
      fc.record({
        blank: fc.constantFrom("", "", "", " ", "\t", ""),
        blankEol: eolArb,
        cells: fc.array(cellArb, { maxLength: 5 }),
        eol: eolArb,
      }),
      { maxLength: 10 },
    ),
    last: fc.boolean(),
  })
  .map(({ delimiter, header, records, last }) => {
    let text = header.join(delimiter) + "\n";
    records.forEach((r, i) => {
      if (r.blank !== "" || i % 4 === 3) text += r.blank + r.blankEol;
      text += r.cells.join(delimiter);
      if (i < records.length - 1 || last) text += r.eol;
    });
    return { text, delimiter };
  });

/** Columns to ask for: all of them, or a few (out of range ones included). */
const columnsArb = fc.option(fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 1, maxLength: 4 }), { nil: null });

describe("csv-scan gives what csv-parse gives", () => {
  it("the same header, rows, lines and coded error, for any file cut anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(
        fileArb,
        columnsArb,
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        async ({ text, delimiter }, columns, firstChars, size, asStrings) => {
          const ref = await viaReader("csv-parse", delimiter, text, firstChars % (text.length + 1), size, asStrings, columns);
          const got = await viaReader("scan", delimiter, text, firstChars % (text.length + 1), size, asStrings, columns);
          expect(got).toEqual(ref);
        },
      ),
      { numRuns: 600 },
    );
  }, 120_000);

  it("arbitrary text of the grammar's characters (mostly malformed)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<"," | ";">(",", ";"),
        textArb(40),
        fc.nat(),
        fc.integer({ min: 1, max: 20 }),
        async (delimiter, body, firstChars, size) => {
          const text = "h1,h2;h3\n" + body;
          const ref = await viaReader("csv-parse", delimiter, text, firstChars % (text.length + 1), size, false, null);
          const got = await viaReader("scan", delimiter, text, firstChars % (text.length + 1), size, false, null);
          expect(got).toEqual(ref);
        },
      ),
      { numRuns: 600 },
    );
  }, 120_000);

  it("through openTable (BOM, blank lines before the header, the cell bounds the records read)", async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, columnsArb, fc.boolean(), fc.constantFrom("", "\n", "\r\n\r\n", " ,\n"), async ({ text }, columns, bom, before) => {
        const content = (bom ? "\ufeff" : "") + before + text;
        const file = put(content);
        const ref = await viaTable("csv-parse", file, columns);
        const got = await viaTable("scan", file, columns);
        expect(got).toEqual(ref);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

describe("csv-scan: hand-checked corners (the same as csv-parse)", () => {
  const both = async (text: string, columns: number[] | null = null) => {
    const ref = await viaReader("csv-parse", ",", text, text.length, 1 << 16, false, columns, 0);
    const got = await viaReader("scan", ",", text, text.length, 1 << 16, false, columns, 0);
    expect(got).toEqual(ref);
    return got;
  };

  it('quoted cells: "" is a quote, commas and line breaks inside, white space around the quotes', async () => {
    const r = await both('a,b\n  "x ""y"", z" ,"p\r\nq"\n"",""""\n');
    // line 2: the cells x "y", z and p\r\nq; line 4 (after the two lines of record 2): "" and "
    expect(r.rows).toEqual([
      { line: 2, cells: ['x "y", z', "p\r\nq"] },
      { line: 4, cells: ["", '"'] },
    ]);
  });
  it("a quote inside an unquoted cell is a character (12\" pan)", async () => {
    const r = await both('a,b\n12" pan,x"y"\n');
    expect(r.rows).toEqual([{ line: 2, cells: ['12" pan', 'x"y"'] }]);
  });
  it("text after a closing quote is CSV_SYNTAX on its line", async () => {
    const r = await both('a,b\n1,2\n"x" y,3\n');
    expect(r.rows).toEqual([{ line: 2, cells: ["1", "2"] }]);
    expect(r.error?.code).toBe("CSV_SYNTAX");
    expect((r.error?.params as { line: number }).line).toBe(3);
  });
  it("a quote closed by a letter is CSV_SYNTAX too", async () => {
    const r = await both('a,b\n"x"y,3\n');
    expect(r.error?.code).toBe("CSV_SYNTAX");
  });
  it("an empty quoted cell, white space, then a quoted cell: csv-parse reopens the quote", async () => {
    const r = await both('a,b\n"" " ",1\n');
    expect(r.rows).toEqual([{ line: 2, cells: ["", "1"] }]);
  });
  it("an unclosed quote names the line its record starts on", async () => {
    const r = await both('a,b\n1,2\n\n3,"open\nstill\n');
    expect(r.error?.code).toBe("UNCLOSED_QUOTE");
    expect((r.error?.params as { line: number }).line).toBe(4);
  });
  it("ragged rows: missing cells are empty, extra cells ignored", async () => {
    const r = await both("a,b,c\n1\n1,2,3,4,5\n", [0, 2]);
    expect(r.rows).toEqual([
      { line: 2, cells: ["1", ""] },
      { line: 3, cells: ["1", "3"] },
    ]);
  });
  it("lone CR, CRLF and LF in one file", async () => {
    const r = await both('a,b\r1,2\r\n3,"4\r5"\n6,7');
    expect(r.rows).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["3", "4\r5"] },
      { line: 5, cells: ["6", "7"] },
    ]);
  });
});

describe("csv-scan: records near and past MAX_RECORD (csv-parse counts UTF-8 bytes)", () => {
  const both = async (text: string) => {
    const refs: Outcome[] = [];
    for (const reader of ["csv-parse", "scan"] as const) {
      const o = await viaReader(reader, ",", text, 10, 64 * 1024, false, [0], 0);
      refs.push({ ...o, rows: o.rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => String(c.length)) })) });
    }
    expect(refs[1]).toEqual(refs[0]);
    return refs[1] as Outcome;
  };
  it("a long unquoted cell at the limit, exactly", async () => {
    // csv-parse checks the size before it appends a character: a cell of n characters is checked
    // at most at n - 1, so MAX_RECORD + 1 characters pass and MAX_RECORD + 2 do not
    expect((await both("a,b\n1,2\n" + "z".repeat(MAX_RECORD + 1) + "\n3,4\n")).error).toBeNull();
    const over = await both("a,b\n1,2\n" + "z".repeat(MAX_RECORD + 2) + "\n");
    expect(over.error?.code).toBe("RECORD_TOO_LONG");
    expect((over.error?.params as { line: number }).line).toBe(3);
  }, 60_000);
  it("three-byte characters: the limit is reached in a third of the characters", async () => {
    const n = Math.floor(MAX_RECORD / 3);
    const under = await both('a,b\n"' + "€".repeat(n - 2) + '",1\n');
    expect(under.error).toBeNull();
    const over = await both('a,b\n"' + "€".repeat(n + 2) + '",1\n');
    expect(over.error?.code).toBe("RECORD_TOO_LONG");
  }, 60_000);
  it("a long quoted cell over several lines is UNCLOSED_QUOTE (the record already spans lines)", async () => {
    const r = await both('a,b\n1,"' + "line\n".repeat(MAX_RECORD / 4) + '"\n');
    expect(r.error?.code).toBe("UNCLOSED_QUOTE");
    expect((r.error?.params as { line: number }).line).toBe(2);
  }, 60_000);
  it("a long record of many cells (finished fields count in characters)", async () => {
    expect((await both("a,b\n" + "éé,".repeat(MAX_RECORD / 5) + "\n")).error).toBeNull();
    expect((await both("a,b\n" + "éé,".repeat(MAX_RECORD / 2 + 10) + "\n")).error?.code).toBe("RECORD_TOO_LONG");
  }, 60_000);
});

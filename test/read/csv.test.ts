/**
 * The csv-parse path (src/read/csv.ts): the line each record starts on, with quoted line breaks
 * (LF and CRLF), blank and white-space lines, a BOM, and input cut anywhere (the first chunk as
 * text, later chunks as bytes fed to csv-parse in 64 KiB slices); the coded errors' lines.
 * Expected lines are counted while the files are built: a record's line is 1 + the line breaks
 * before it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AhrError } from "../../src/errors.js";
import { openCsv } from "../../src/read/csv.js";
import type { TextChunk } from "../../src/read/encoding.js";
import { BATCH_ROWS } from "../../src/read/limits.js";
import { openTable } from "../../src/read/open.js";
import type { RawRow } from "../../src/read/table.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-csv-"));
let counter = 0;
function put(content: string | Buffer): string {
  const file = join(dir, `c${counter++}.csv`);
  writeFileSync(file, content);
  return file;
}

async function* chunks(parts: TextChunk[]): AsyncGenerator<TextChunk> {
  for (const p of parts) yield p;
}

/**
 * openCsv on `text` cut into pieces: the first `firstChars` characters as the text read so far,
 * the rest as UTF-8 bytes in chunks of `chunkBytes`.
 */
async function viaOpenCsv(text: string, firstChars: number, chunkBytes: number, columns?: number[]) {
  // never between the two halves of a surrogate pair (the text read so far is whole characters)
  if (/[\ud800-\udbff]/.test(text.charAt(firstChars - 1))) firstChars++;
  const rest = Buffer.from(text.slice(firstChars));
  const parts: Buffer[] = [];
  for (let at = 0; at < rest.length; at += chunkBytes) parts.push(rest.subarray(at, at + chunkBytes));
  const table = await openCsv(",", text.slice(0, firstChars), chunks(parts), "t.csv");
  const rows: RawRow[] = [];
  const sizes: number[] = [];
  for await (const batch of table.rows(columns ?? table.header.map((_, i) => i))) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { header: table.header, rows, sizes };
}

async function viaFile(content: string | Buffer, columns?: number[]) {
  const table = await openTable(put(content));
  const rows: RawRow[] = [];
  for await (const batch of table.rows(columns ?? table.header.map((_, i) => i))) rows.push(...batch);
  return { header: table.header, rows };
}

async function failure(run: () => Promise<unknown>): Promise<AhrError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof AhrError) return e;
    throw e;
  }
  throw new Error("no error");
}

function quote(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}

/** A CSV text and the rows it must give; cells with a line break, comma or quote are quoted. */
interface Built {
  text: string;
  expected: RawRow[];
}

/**
 * Lay out `records` (the header first) with line end `eol`; before record i come `blanks[i]`
 * blank lines (empty, or spaces and tabs). Expected lines are counted from the line breaks
 * written: a line break inside a quoted cell is one line, whether LF or CRLF.
 */
function build(records: string[][], eol: "\n" | "\r\n", blanks: string[][]): Built {
  let text = "";
  let line = 1;
  const expected: RawRow[] = [];
  records.forEach((cells, i) => {
    for (const b of blanks[i] ?? []) {
      text += b + eol;
      line++;
    }
    const start = line;
    text += cells.map((c) => (/[\r\n,"]/.test(c) ? quote(c) : c)).join(",") + eol;
    for (const c of cells) line += c.split(/\r\n|\n/).length - 1;
    line++;
    if (i > 0 && cells.some((c) => c.trim() !== "")) expected.push({ line: start, cells: cells.map((c) => c.trim()) });
  });
  return { text, expected };
}

const cellArb = fc.oneof(
  fc.constantFrom("", "a", "Pan, cast iron", '12" pan', "two\nlines", "three\r\nCRLF\r\nlines", "\n", "x\n\ny", " pad ", "é€😀"),
  fc.string({ unit: fc.constantFrom("a", "b", " ", ",", '"', "\n", "é"), maxLength: 8 }),
);
const blankArb = fc.array(fc.constantFrom("", " ", "\t", "  \t "), { maxLength: 2 });

describe("csv: the line each record starts on", () => {
  it("quoted line breaks (LF and CRLF), blank lines, LF or CRLF line ends, any cut of the input", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(blankArb, { maxLength: 13 }),
        fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
        fc.nat(),
        fc.integer({ min: 1, max: 40 }),
        async (data, blanks, eol, cut, chunkBytes) => {
          const built = build([["h1", "h2", "h3"], ...data], eol, [[], ...blanks]);
          // the header line must be in the text read so far (open.ts reads up to it)
          const firstChars = Math.max("h1,h2,h3".length + eol.length, cut % (built.text.length + 1));
          const r = await viaOpenCsv(built.text, firstChars, chunkBytes);
          expect(r.header).toEqual(["h1", "h2", "h3"]);
          expect(r.rows).toEqual(built.expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("hand-checked: CRLF file, quoted CRLF and LF, blank lines between", async () => {
    const text = 'a,b\r\n\r\n"x\r\ny",1\r\n  \r\n"p\nq\nr",2\r\n3,"s"\r\n';
    // line 1 header, 2 blank, 3-4 "x\r\ny",1, 5 blank (spaces), 6-8 "p\nq\nr",2, 9 3,"s"
    const expected = [
      { line: 3, cells: ["x\r\ny", "1"] },
      { line: 6, cells: ["p\nq\nr", "2"] },
      { line: 9, cells: ["3", "s"] },
    ];
    expect((await viaFile(text)).rows).toEqual(expected);
    for (const chunkBytes of [1, 2, 3, 7]) expect((await viaOpenCsv(text, 5, chunkBytes)).rows).toEqual(expected);
  });

  it("with a UTF-8 BOM, the lines are the same", async () => {
    const text = 'id,name\n"1\n2",Café\n\n3,"€\r\n"\n';
    const expected = [
      { line: 2, cells: ["1\n2", "Café"] },
      { line: 5, cells: ["3", "€"] },
    ];
    expect(await viaFile(text)).toEqual({ header: ["id", "name"], rows: expected });
    expect(await viaFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({
      header: ["id", "name"],
      rows: expected,
    });
  });

  it("a 3 MB file: every record's line across the 1 MiB reads and the 64 KiB slices", async () => {
    // 6000 records; every 7th has a quoted cell with i % 3 + 1 line breaks (LF and CRLF mixed),
    // every 11th is followed by a blank line; multi-byte characters everywhere, so that slices
    // cut inside them.
    const records: string[][] = [["id", "note", "pad"]];
    const blanks: string[][] = [[]];
    for (let i = 0; i < 6000; i++) {
      const note = i % 7 === 0 ? Array.from({ length: (i % 3) + 2 }, (_, k) => `n${k}€`).join(i % 2 === 0 ? "\n" : "\r\n") : `note ${i}`;
      records.push([String(i), note, "é😀".repeat(150 + (i % 50))]);
      blanks.push(i % 11 === 5 ? [""] : []);
    }
    const built = build(records, "\n", blanks);
    expect(Buffer.byteLength(built.text)).toBeGreaterThan(3 * 1024 * 1024);
    const { rows } = await viaFile(built.text);
    expect(rows.length).toBe(6000);
    expect(rows).toEqual(built.expected);
    // spot checks of the layout: the first record is on line 2; record 0 has two lines, so 1 is on 4
    expect(rows[0]?.line).toBe(2);
    expect(rows[1]?.line).toBe(4);
    // odd chunk sizes for the bytes after the first 100,000 characters
    const odd = await viaOpenCsv(built.text, 100_001, 99_991);
    expect(odd.rows).toEqual(built.expected);
    expect(Math.max(...odd.sizes)).toBeLessThanOrEqual(BATCH_ROWS);
  });
});

describe("csv: rows", () => {
  it("only the selected columns, trimmed; missing cells empty; rows with only empty cells skipped", async () => {
    const text = 'a,b,c\n1, " x " ,3\n,,\n" ",""\n4\n';
    const { rows } = await viaFile(text, [2, 1, 5]);
    expect(rows).toEqual([
      { line: 2, cells: ["3", "x", ""] },
      { line: 5, cells: ["", "", ""] },
    ]);
  });
  it("a row whose selected cells are empty but another cell is not is kept", async () => {
    const { rows } = await viaFile("a,b\n,z\n", [0]);
    expect(rows).toEqual([{ line: 2, cells: [""] }]);
  });
  it("rows come in batches of at most BATCH_ROWS", async () => {
    const lines = ["n,m"];
    for (let i = 1; i <= 5000; i++) lines.push(`${i},x`);
    const r = await viaOpenCsv(lines.join("\n"), 4, 1024 * 1024);
    expect(r.rows.length).toBe(5000);
    expect(r.rows[4999]).toEqual({ line: 5001, cells: ["5000", "x"] });
    expect(r.sizes.reduce((s, n) => s + n, 0)).toBe(5000);
    expect(Math.max(...r.sizes)).toBeLessThanOrEqual(BATCH_ROWS);
  });
});

describe("csv: errors name the line where the record starts", () => {
  it("UNCLOSED_QUOTE after quoted line breaks and blank lines (CRLF)", async () => {
    const text = 'a,b\r\n"1\r\n2",x\r\n\r\n3,"never\r\nclosed\r\n4,5\r\n';
    // header 1, record on 2-3, blank 4, the quote opens on line 5
    const e = await failure(() => viaFile(text));
    expect(e.code).toBe("UNCLOSED_QUOTE");
    expect(e.params.line).toBe(5);
  });
  it("UNCLOSED_QUOTE far into a big file, past the first 1 MiB read and several slices", async () => {
    const built = build(
      [["a", "b"], ...Array.from({ length: 3000 }, (_, i) => [String(i), i % 5 === 0 ? "p\nq" : "v".repeat(600)])],
      "\n",
      [],
    );
    const line = (built.expected[built.expected.length - 1] as RawRow).line + 1;
    expect(line).toBe(2 + 3000 + 600); // 3000 records, 600 of them on two lines
    const text = built.text + 'x,"oops\n' + "1,2\n".repeat(10);
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024 + 3 * 64 * 1024);
    for (const run of [() => viaFile(text), () => viaOpenCsv(text, 4, 300_000)]) {
      const e = await failure(run);
      expect(e.code).toBe("UNCLOSED_QUOTE");
      expect(e.params.line).toBe(line);
    }
  });
  it("CSV_SYNTAX (text after a closing quote) on the right line after multi-line records", async () => {
    const text = 'a,b\n"x\ny",1\n\n2,"z" w\n';
    // header 1, record 2-3, blank 4, bad record on 5
    const e = await failure(() => viaFile(text));
    expect(e.code).toBe("CSV_SYNTAX");
    expect(e.params.line).toBe(5);
    expect(String(e.params.detail)).toContain("Invalid Closing Quote");
  });
  it("CSV_SYNTAX inside the second line of a multi-line record names that line", async () => {
    // the record opens on line 2; its quoted cell closes on line 3 and is followed by text
    const e = await failure(() => viaFile('a,b\n1,"x\ny" z\n'));
    expect(e.code).toBe("CSV_SYNTAX");
    expect(e.params.line).toBe(3);
  });
});

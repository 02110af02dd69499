/**
 * Line ends (issue 17): CRLF, LF and a lone CR (old Mac) end a line in any mix, in comma CSV and
 * in TSV; the line numbers after a CRLF row in an LF file are right; blank lines before the
 * header are dropped as they are passed and bounded (BLANK_BEFORE_HEADER).
 *
 * Expected lines are counted while the files are built: a row's line is 1 + the line ends
 * before it (CRLF is one line end).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AhrError } from "../../src/errors.js";
import { MAX_BLANK_PREFIX } from "../../src/read/limits.js";
import { openTable } from "../../src/read/open.js";
import type { RawRow } from "../../src/read/table.js";
import { LoneCr } from "../../src/read/tsv.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-eol-"));
let counter = 0;

async function read(content: string | Buffer, name = "t.txt"): Promise<{ header: string[]; rows: RawRow[] }> {
  const file = join(dir, `${counter++}-${name}`);
  writeFileSync(file, content);
  const table = await openTable(file);
  const rows: RawRow[] = [];
  for await (const batch of table.rows(table.header.map((_, i) => i))) rows.push(...batch);
  return { header: table.header, rows };
}

async function failure(content: string | Buffer): Promise<AhrError> {
  try {
    await read(content);
  } catch (e) {
    expect(e).toBeInstanceOf(AhrError);
    return e as AhrError;
  }
  throw new Error("expected an AhrError");
}

describe("mixed line ends in a comma CSV", () => {
  it("CRLF rows then LF rows (cat windows.csv linux-rows.csv): every row is read, on its line", async () => {
    // 1,000 CRLF rows and 5,000 LF rows: the file is ~60 KB, so the change of line end falls
    // inside the first 64 KiB read and the LF rows run on into the second.
    const crlf = Array.from({ length: 1000 }, (_, i) => `w${i},${i}`);
    const lf = Array.from({ length: 5000 }, (_, i) => `l${i},${i}`);
    const text = `id,n\r\n${crlf.join("\r\n")}\r\n${lf.join("\n")}\n`;
    const { rows } = await read(text, "mixed.csv");
    // before the fix: 1,001 rows (the LF rows glued into row 1,000's last cell)
    expect(rows.length).toBe(6000);
    // header on line 1, w0 on line 2, w999 on line 1001, l0 on line 1002, l4999 on line 6001
    expect(rows[999]).toEqual({ line: 1001, cells: ["w999", "999"] });
    expect(rows[1000]).toEqual({ line: 1002, cells: ["l0", "0"] });
    expect(rows[5999]).toEqual({ line: 6001, cells: ["l4999", "4999"] });
  });

  it("a lone CR ends a record too (old Mac CSV)", async () => {
    const { header, rows } = await read("a,b\r1,2\r3,4\r", "mac.csv");
    expect(header).toEqual(["a", "b"]);
    expect(rows).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["3", "4"] },
    ]);
  });

  it("a quoted CRLF is still one line break inside the field, and lines after it are right", async () => {
    // line 1 header, lines 2-3 the quoted record, line 4 "3,4" (CRLF), line 5 "5,6"
    const { rows } = await read('a,b\n1,"x\r\ny"\n3,4\r\n5,6\n', "q.csv");
    expect(rows).toEqual([
      { line: 2, cells: ["1", "x\r\ny"] },
      { line: 4, cells: ["3", "4"] },
      { line: 5, cells: ["5", "6"] },
    ]);
  });
});

describe("line numbers after a CRLF row in an LF file", () => {
  // header line 1; "1,2" line 2 ends in CRLF; "3,4" is on line 3, "5,6" on line 4
  it("comma CSV", async () => {
    const { rows } = await read("a,b\n1,2\r\n3,4\n5,6\n", "one-crlf.csv");
    // before the fix: lines 2, 4, 5
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows.map((r) => r.cells)).toEqual([["1", "2"], ["3", "4"], ["5", "6"]]);
  });

  it("semicolon CSV", async () => {
    const { rows } = await read("a;b\n1;2\r\n3;4\n5;6\n", "one-crlf-semi.csv");
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it("TSV", async () => {
    const { rows } = await read("a\tb\n1\t2\r\n3\t4\n5\t6\n", "one-crlf.txt");
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });
});

describe("CR-only TSV (old Mac)", () => {
  it("every row is read, on its line", async () => {
    const { header, rows } = await read("order-id\tpurchase-date\r111-1\t2026-03-01\r111-2\t2026-03-02\r", "mac.txt");
    // before the fix: the whole file was one header line and 0 rows
    expect(header).toEqual(["order-id", "purchase-date"]);
    expect(rows).toEqual([
      { line: 2, cells: ["111-1", "2026-03-01"] },
      { line: 3, cells: ["111-2", "2026-03-02"] },
    ]);
  });

  it("a CR-only file longer than one read (64 KiB) and without a final line end", async () => {
    const n = 10_000; // ~150 KB
    const body = Array.from({ length: n }, (_, i) => `id-${i}\t${i}`).join("\r");
    const { rows } = await read(`id\tn\r${body}`, "mac-big.txt");
    expect(rows.length).toBe(n);
    expect(rows[n - 1]).toEqual({ line: n + 1, cells: [`id-${n - 1}`, String(n - 1)] });
  });

  it("CR, LF and CRLF mixed: CR then CRLF is a blank line and a line end", async () => {
    // line 1 header (CR), line 2 "1 2" (LF), line 3 "3 4" (CR), line 4 empty (CRLF), line 5 "5 6"
    const { rows } = await read("a\tb\r1\t2\n3\t4\r\r\n5\t6", "mix.txt");
    expect(rows).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["3", "4"] },
      { line: 5, cells: ["5", "6"] },
    ]);
  });
});

describe("LoneCr: lone CRs become LFs wherever the text is cut", () => {
  it("for arbitrary text of CR, LF and letters cut anywhere", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("\r", "\n", "a", "\t"), maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, cuts) => {
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
          const pieces: string[] = [];
          let prev = 0;
          for (const c of at) {
            pieces.push(text.slice(prev, c));
            prev = c;
          }
          pieces.push(text.slice(prev));
          const cr = new LoneCr();
          const out = pieces.map((p) => cr.push(p)).join("") + cr.end();
          expect(out).toBe(text.replace(/\r(?!\n)/g, "\n"));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("blank lines before the header", () => {
  it("are skipped and counted: the header and rows keep their physical lines (CSV, TSV, CR)", async () => {
    const blanks = 200_000; // 200,000 blank lines (~400 KB with CRLF), under the 1 MiB bound
    for (const [eol, delim, name] of [
      ["\r\n", ",", "b.csv"],
      ["\n", "\t", "b.txt"],
      ["\r", "\t", "b-cr.txt"],
      ["\n", ";", "b-semi.csv"],
    ] as const) {
      const text = `${eol.repeat(blanks)}a${delim}b${eol}1${delim}2${eol}`;
      const { header, rows } = await read(text, name);
      expect(header).toEqual(["a", "b"]);
      // the header on line 200,001, the row on line 200,002
      expect(rows).toEqual([{ line: blanks + 2, cells: ["1", "2"] }]);
    }
  });

  it("blank lines of white space, commas and semicolons count too; a file of them only is empty", async () => {
    const { header, rows } = await read(" ,;\n\t\n", "blank.csv");
    expect(header).toEqual([]);
    expect(rows).toEqual([]);
  });

  it(`more than ${MAX_BLANK_PREFIX} characters of them: BLANK_BEFORE_HEADER`, async () => {
    const e = await failure("\n".repeat(MAX_BLANK_PREFIX + 10) + "a,b\n1,2\n");
    expect(e.code).toBe("BLANK_BEFORE_HEADER");
    // the line that went past the bound: 1,048,577 newlines, one character each
    expect(e.message).toContain(`:${MAX_BLANK_PREFIX + 1}: more than ${MAX_BLANK_PREFIX} bytes of blank lines`);
  });

  it("a gzip of 8 MiB of newlines stops at the bound (it used to be read whole, quadratically)", async () => {
    const e = await failure(gzipSync(Buffer.alloc(8 * 1024 * 1024, 10)));
    expect(e.code).toBe("BLANK_BEFORE_HEADER");
  });
});

// ---------------------------------------------------------------------------------------------
// The property: two exports with different line ends, concatenated, give the rows of both.

/** Any text without tab, CR, LF, NUL, quote, comma or semicolon, trimmed. */
const cellArb = fc
  .string({ unit: "grapheme", maxLength: 10 })
  .filter((s) => !/[\t\r\n\u0000",;]/.test(s) && s === s.trim());
const headerCellArb = cellArb.filter((s) => s.length > 0);
const eolArb = fc.constantFrom("\n", "\r\n", "\r");
const rowsArb = (width: number) =>
  fc.array(
    fc.array(cellArb, { minLength: width, maxLength: width }).filter((r) => r.some((c) => c !== "")),
    { maxLength: 20 },
  );

describe("property: concatenated exports with different line ends read as the two files", () => {
  it("TSV and comma CSV, with LF, CRLF and CR in either file", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((w) =>
          fc.record({
            header: fc.array(headerCellArb, { minLength: w, maxLength: w }),
            a: rowsArb(w),
            b: rowsArb(w),
            eolA: eolArb,
            eolB: eolArb,
            delim: fc.constantFrom("\t", ","),
            finalEol: fc.boolean(),
          }),
        ),
        async ({ header, a, b, eolA, eolB, delim, finalEol }) => {
          const fileA = [header, ...a].map((r) => r.join(delim) + eolA).join("");
          // the second file as `tail -n +2`: its rows only (the same header)
          const fileB = b.map((r) => r.join(delim)).join(eolB) + (finalEol && b.length > 0 ? eolB : "");
          const joined = await read(fileA + fileB, delim === "\t" ? "j.txt" : "j.csv");
          const alone = await read(fileA, delim === "\t" ? "a.txt" : "a.csv");
          const bAlone = await read([header.join(delim), fileB].join(eolB), delim === "\t" ? "b.txt" : "b.csv");
          // The rows of A, then those of B moved down by A's lines (its header is line 1 in both).
          const expected = [...alone.rows, ...bAlone.rows.map((r) => ({ line: r.line + a.length, cells: r.cells }))];
          expect(joined.header).toEqual(header.map((h) => h.trim()));
          expect(joined.rows).toEqual(expected);
          // and those are the tables themselves: row i of A on line i + 2
          expect(alone.rows).toEqual(a.map((cells, i) => ({ line: i + 2, cells })));
          expect(bAlone.rows).toEqual(b.map((cells, i) => ({ line: i + 2, cells })));
        },
      ),
      { numRuns: 200 },
    );
  });
});

/**
 * Issue 13: tsvBatches passes runs of unselected columns with one sticky regex (the plan) instead
 * of one indexOf per cell. The plan changes the speed only: the batches (counts, lines, texts,
 * bytes, cell bounds) are those of the cell-by-cell walk (minSkip = Infinity) for any text, and
 * the cells are those of a plain split of the text into lines and fields.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TextChunk } from "../../src/read/encoding.js";
import { BATCH_ROWS } from "../../src/read/limits.js";
import { MIN_SKIP, skipPlan, tsvBatches } from "../../src/read/tsv.js";

interface Read {
  /** Rows per batch, in order. */
  counts: number[];
  lines: number[];
  /** Per row: [start, end] of each selected cell. */
  bounds: number[][];
  /** Per row: the selected cells as strings. */
  cells: string[][];
  texts: string[];
  bufs: (Uint8Array | null)[];
}

async function read(rest: string, chunks: TextChunk[], columns: number[], minSkip?: number): Promise<Read> {
  async function* more(): AsyncGenerator<TextChunk> {
    for (const c of chunks) yield c;
  }
  const out: Read = { counts: [], lines: [], bounds: [], cells: [], texts: [], bufs: [] };
  const n = columns.length;
  for await (const b of tsvBatches(rest, 2, more(), columns, "t.txt", minSkip)) {
    out.counts.push(b.count);
    for (let r = 0; r < b.count; r++) {
      const text = b.texts[r] as string;
      const bounds: number[] = [];
      const cells: string[] = [];
      for (let i = 0; i < n; i++) {
        const cs = b.bounds[2 * (r * n + i)] as number;
        const ce = b.bounds[2 * (r * n + i) + 1] as number;
        bounds.push(cs, ce);
        cells.push(text.slice(cs, ce));
      }
      out.lines.push(b.lines[r] as number);
      out.bounds.push(bounds);
      out.cells.push(cells);
      out.texts.push(text);
      out.bufs.push(b.bufs?.[r] ?? null);
    }
  }
  return out;
}

/** The reference: lines split at LF, CRLF or a lone CR, blank ones left out, fields at tabs, trimmed. */
function split(text: string, columns: number[]): { lines: number[]; cells: string[][] } {
  const pieces = text.split(/\r\n|\r|\n/);
  if (pieces[pieces.length - 1] === "") pieces.pop(); // the text ended with a line end
  const lines: number[] = [];
  const cells: string[][] = [];
  pieces.forEach((line, i) => {
    if (line.trim() === "") return;
    const fields = line.split("\t");
    lines.push(2 + i);
    cells.push(columns.map((c) => (fields[c] ?? "").trim()));
  });
  return { lines, cells };
}

/** `text` cut at `cuts` (sorted offsets): the first piece is `rest`, the others the chunks. */
function cut(text: string, cuts: number[], asBytes: boolean[]): { rest: string; chunks: TextChunk[] } {
  const at = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let p = 0;
  for (const c of at) {
    pieces.push(text.slice(p, c));
    p = c;
  }
  pieces.push(text.slice(p));
  const [rest = "", ...others] = pieces;
  // ASCII pieces may come as bytes (the file path: CellBatch.bufs), the others as text.
  const chunks = others.map((s, i) =>
    asBytes[i % asBytes.length] === true && /^[\x00-\x7f]*$/.test(s) ? Buffer.from(s, "latin1") : s,
  );
  return { rest, chunks };
}

async function expectSameAsWalk(rest: string, chunks: TextChunk[], columns: number[], minSkip?: number): Promise<Read> {
  const got = await read(rest, chunks, columns, minSkip);
  const walk = await read(rest, chunks, columns, Infinity);
  expect(got.counts).toEqual(walk.counts);
  expect(got.lines).toEqual(walk.lines);
  expect(got.bounds).toEqual(walk.bounds);
  expect(got.texts).toEqual(walk.texts);
  expect(got.bufs.length).toBe(walk.bufs.length);
  got.bufs.forEach((b, i) => expect(b).toBe(walk.bufs[i]));
  return got;
}

const fieldArb = fc.constantFrom("", "", "a", "bc", " d ", "e f", "  ", "\u00a0g\u00a0", "\u3000", '"h', "é", "1234567890123");
const blankArb = fc.constantFrom("", " ", "\t", " \t \t", "\u00a0");
const endArb = fc.constantFrom("\n", "\r\n", "\r");

/** A selection over `width` columns, the last one selected, with runs of unselected columns. */
const selectionArb = fc.integer({ min: 1, max: 30 }).chain((width) =>
  fc
    .record({
      picked: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: width, maxLength: width }),
      order: fc.constantFrom("asc", "desc", "dup"),
      stray: fc.boolean(),
    })
    .map(({ picked, order, stray }) => {
      const cols: number[] = [];
      picked.forEach((p, c) => {
        if (p === 0 || c === width - 1) cols.push(c); // about 1 in 6 selected
      });
      if (order === "desc") cols.reverse();
      if (order === "dup") cols.push(cols[0] as number);
      if (stray) cols.push(-1); // a column no row has: always empty
      return { width, columns: cols };
    }),
);

const caseArb = selectionArb.chain(({ width, columns }) =>
  fc.record({
    columns: fc.constant(columns),
    lines: fc.array(
      fc.oneof(
        { weight: 1, arbitrary: blankArb },
        // field counts below, at and above the plan's width
        { weight: 5, arbitrary: fc.array(fieldArb, { minLength: 1, maxLength: width + 3 }).map((f) => f.join("\t")) },
      ),
      { maxLength: 12 },
    ),
    ends: fc.array(endArb, { minLength: 1, maxLength: 12 }),
    lastEnd: fc.boolean(),
    cuts: fc.array(fc.nat({ max: 400 }), { maxLength: 6 }),
    asBytes: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
    minSkip: fc.constantFrom(undefined, 1, 2, 3),
  }),
);

describe("the skip plan", () => {
  it("for the Order Report's joined columns: the run 1-35 skipped, 39 and 41-45 walked", () => {
    // 47 columns, selected 0, 36, 37, 38, 40, 46: unselected runs 1..35 (35 columns), 39 (1) and
    // 41..45 (5); with MIN_SKIP = 24 only the run of 35 is skipped, with 3 the run of 5 too.
    expect(MIN_SKIP).toBe(24);
    const runsOf = (minSkip: number): [number, number][] => {
      const { skip } = skipPlan([0, 36, 37, 38, 40, 46], 47, minSkip);
      const runs: [number, number][] = [];
      skip.forEach((k, c) => {
        if (k > 0) runs.push([c, k]);
      });
      return runs;
    };
    expect(runsOf(MIN_SKIP)).toEqual([[1, 35]]);
    expect(runsOf(3)).toEqual([
      [1, 35],
      [41, 5],
    ]);
    const { skipRe, next } = skipPlan([0, 36, 37, 38, 40, 46], 47, 3);
    expect(skipRe[1]?.source).toBe("(?:[^\\t\\n]*\\t){35}");
    expect(skipRe[1]?.sticky).toBe(true);
    expect(skipRe[41]?.source).toBe("(?:[^\\t\\n]*\\t){5}");
    expect(next[1]).toBe(41); // after the run at 1, the run at 41
    expect(next[41]).toBe(-1);
  });
  it("one regex per run length; a run before the first selected column; nothing with Infinity", () => {
    // width 12, selected 3, 7, 11: runs 0..2, 4..6, 8..10, all of length 3 (one regex)
    const { skip, skipRe } = skipPlan([11, 7, 3], 12, 3);
    expect([...skip]).toEqual([3, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0]);
    expect(skipRe[0]).toBe(skipRe[4]);
    expect(skipRe[4]).toBe(skipRe[8]);
    expect([...skipPlan([11, 7, 3], 12, Infinity).skip]).toEqual(new Array(12).fill(0));
  });
});

describe("tsvBatches with the skip plan", () => {
  const selection = [0, 36, 37, 38, 40, 46];
  const row47 = (tag: string): string => Array.from({ length: 47 }, (_, i) => (i % 3 === 0 ? ` ${tag}${i} ` : `${tag}${i}`)).join("\t");

  it("a 47-column row, CRLF, a 10-field row, a 37-field row, a blank line, the last line without newline", async () => {
    const text = [
      row47("a"), // line 2
      Array.from({ length: 10 }, (_, i) => `s${i}`).join("\t"), // line 3: 10 fields
      Array.from({ length: 37 }, (_, i) => `m${i}`).join("\t"), // line 4: 37 fields, 36 its last
      Array.from({ length: 36 }, (_, i) => `t${i}`).join("\t"), // line 5: 36 fields, the skip of 35 fails
      " \t \t ", // line 6: blank, counted, not a row
      row47("b"), // line 7, no newline after it
    ];
    const got = await expectSameAsWalk("", [text.slice(0, 2).join("\r\n") + "\r\n" + text.slice(2).join("\n")], selection);
    // cells 0, 36 ... 46 of each row; i % 3 === 0 (0, 36) were written with a space either side
    expect(got.lines).toEqual([2, 3, 4, 5, 7]);
    expect(got.cells).toEqual([
      ["a0", "a36", "a37", "a38", "a40", "a46"],
      ["s0", "", "", "", "", ""],
      ["m0", "m36", "", "", "", ""],
      ["t0", "", "", "", "", ""],
      ["b0", "b36", "b37", "b38", "b40", "b46"],
    ]);
  });

  it("a short last line without newline: the skip stops at the text's end", async () => {
    // "x0\tx1\tx2": 3 fields, the skip of columns 1..35 fails at the end of the text
    const got = await expectSameAsWalk("y0\ty1\n", ["x0\tx1\t", "x2"], selection);
    expect(got.lines).toEqual([2, 3]);
    expect(got.cells).toEqual([
      ["y0", "", "", "", "", ""],
      ["x0", "", "", "", "", ""],
    ]);
  });

  it("rows cut by chunk boundaries inside and around the skipped run, lone CRs", async () => {
    const text = `${row47("a")}\r${row47("b")}\r\n${row47("c")}\r`;
    const want = [
      ["a0", "a36", "a37", "a38", "a40", "a46"],
      ["b0", "b36", "b37", "b38", "b40", "b46"],
      ["c0", "c36", "c37", "c38", "c40", "c46"],
    ];
    for (let a = 0; a <= text.length; a += 7) {
      for (let b = a; b <= text.length; b += 61) {
        const got = await expectSameAsWalk(text.slice(0, a), [text.slice(a, b), text.slice(b)], selection);
        expect(got.lines).toEqual([2, 3, 4]);
        expect(got.cells).toEqual(want);
      }
    }
  });

  it("a run of 1,998 columns between columns 0 and 1999", async () => {
    const wide = Array.from({ length: 2000 }, (_, i) => `w${i}`).join("\t");
    const half = Array.from({ length: 1000 }, (_, i) => `h${i}`).join("\t");
    const got = await expectSameAsWalk(`${wide}\n${half}\n`, [], [0, 1999]);
    expect(got.cells).toEqual([
      ["w0", "w1999"],
      ["h0", ""],
    ]);
  });

  it("rows mostly shorter than the plan: the plan is dropped on the way, the rows are the same", async () => {
    // 400 rows of 10 fields (each fails the skip of 1..35), then 200 of 47 fields
    const rows = [
      ...Array.from({ length: 400 }, (_, i) => Array.from({ length: 10 }, (_, j) => `${i}.${j}`).join("\t")),
      ...Array.from({ length: 200 }, (_, i) => row47(`z${i}-`)),
    ];
    const got = await expectSameAsWalk("", [rows.join("\n")], selection);
    expect(got.lines.length).toBe(600);
    expect(got.cells[399]).toEqual(["399.0", "", "", "", "", ""]);
    expect(got.cells[599]).toEqual(["z199-0", "z199-36", "z199-37", "z199-38", "z199-40", "z199-46"]);
  });

  it("many rows over many reads: the same batches (early yields, BATCH_ROWS) as the walk", async () => {
    // 3,000 rows of 47, 10 and 40 fields in turn, read in 4 KiB chunks as bytes
    const fields = (i: number, count: number): string => Array.from({ length: count }, (_, j) => `${i}.${j}`).join("\t");
    const rows = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? row47(`r${i}-`) : fields(i, i % 3 === 1 ? 10 : 40)));
    const text = rows.join("\n") + "\n";
    const chunks: TextChunk[] = [];
    for (let p = 0; p < text.length; p += 4096) chunks.push(Buffer.from(text.slice(p, p + 4096), "latin1"));
    const got = await expectSameAsWalk("", chunks, selection);
    expect(got.lines.length).toBe(3000);
    expect(Math.max(...got.counts)).toBeLessThanOrEqual(BATCH_ROWS);
    expect(got.cells[2999]).toEqual(["2999.0", "2999.36", "2999.37", "2999.38", "", ""]); // 40 fields: 0..39
    expect(got.cells[1]).toEqual(["1.0", "", "", "", "", ""]);
  });

  it("property: the same batches as the cell-by-cell walk, the same cells as a plain split", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ columns, lines, ends, lastEnd, cuts, asBytes, minSkip }) => {
        let text = "";
        lines.forEach((l, i) => {
          text += l;
          if (i < lines.length - 1 || lastEnd) text += ends[i % ends.length] as string;
        });
        const { rest, chunks } = cut(text, cuts, asBytes);
        const got = await expectSameAsWalk(rest, chunks, columns, minSkip);
        const want = split(text, columns);
        expect(got.lines).toEqual(want.lines);
        expect(got.cells).toEqual(want.cells);
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * Issue 6's invariant: the TSV fast path and the csv-parse path give identical RawRows for the
 * same table, written once as a tab-delimited flat file and once as RFC 4180 quoted CSV. Both
 * also equal the table itself (blank rows dropped, missing cells "").
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openTable } from "../../src/read/open.js";
import type { RawRow } from "../../src/read/table.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-prop-"));
let counter = 0;

/** Any text without tab, CR, LF or NUL and without white space at either end. */
const cellArb = fc
  .string({ unit: "grapheme", maxLength: 12 })
  .filter((s) => !/[\t\r\n\u0000]/.test(s) && s === s.trim());
/** Header cells: also non-empty and without comma or semicolon, so both files sniff right. */
const headerCellArb = cellArb.filter((s) => s.length > 0 && !/[,;]/.test(s));

const tableArb = fc.integer({ min: 2, max: 6 }).chain((width) =>
  fc.record({
    header: fc.array(headerCellArb, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cellArb, { minLength: 1, maxLength: width + 1 }), { maxLength: 25 }),
    columns: fc.array(fc.integer({ min: 0, max: width + 1 }), { maxLength: width + 2 }),
    quoteAll: fc.boolean(),
  }),
);

function csvCell(cell: string, quoteAll: boolean): string {
  return quoteAll || /[",;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

async function readRows(content: string, columns: number[]): Promise<{ header: string[]; rows: RawRow[] }> {
  const file = join(dir, `t${counter++}.txt`);
  writeFileSync(file, content);
  const table = await openTable(file);
  const rows: RawRow[] = [];
  for await (const batch of table.rows(columns)) rows.push(...batch);
  return { header: table.header, rows };
}

describe("TSV and CSV give the same rows", () => {
  it("for arbitrary tables of cells", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async ({ header, rows, columns, quoteAll }) => {
        const tsv = [header, ...rows].map((r) => r.join("\t")).join("\n") + "\n";
        const csv = [header, ...rows].map((r) => r.map((c) => csvCell(c, quoteAll)).join(",")).join("\r\n");
        const a = await readRows(tsv, columns);
        const b = await readRows(csv, columns);
        // The table itself: row i (0-based) is on line i + 2; rows with only empty cells are blank.
        const expected: RawRow[] = [];
        rows.forEach((r, i) => {
          if (r.every((c) => c === "")) return;
          expected.push({ line: i + 2, cells: columns.map((c) => r[c] ?? "") });
        });
        expect(a.header).toEqual(header);
        expect(b.header).toEqual(header);
        expect(a.rows).toEqual(expected);
        expect(b.rows).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

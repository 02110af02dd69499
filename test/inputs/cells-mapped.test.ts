/**
 * Cells.mapped (inputs/cells.ts): f of a cell, the last result reused for a cell holding the same
 * characters, compared in place. Whatever the sequence of cells, it must give what f gives, read
 * from string cells or from cell bounds inside a longer text, and null for an empty cell.
 */
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { Cells } from "../../src/inputs/cells.js";
import type { ColumnMap } from "../../src/inputs/headers.js";
import { RowCursor } from "../../src/read/rows.js";
import { zone } from "../../src/time.js";

const map: ColumnMap = { kind: "shipments", fields: ["carrier_code", "order_id"], columns: [0, 1], headers: ["carrier-code", "order-id"], configured: new Set() };
const cellsOf = () => new Cells(map, { file: "f.txt", zone: zone("UTC"), dateOrder: "mdy" });

/** Moves `row` to a row whose cell 0 is `cell`, as string cells or as bounds in a TSV line. */
function at(row: RowCursor, cell: string, inPlace: boolean, line: number): void {
  if (!inPlace) {
    row.setCells([cell, "111-1"], line);
    return;
  }
  const text = `pad\t${cell}\t111-1\n`;
  row.at({ count: 1, width: 2, lines: Int32Array.of(line), texts: [text], bounds: Int32Array.of(4, 4 + cell.length, 5 + cell.length, 10 + cell.length) }, 0);
}

describe("Cells.mapped", () => {
  it("gives f(cell) for every cell of any sequence, null for an empty one, in both row modes", () => {
    // Cells from a tiny alphabet: many share a length and differ in one character, many repeat.
    const cell = fc.string({ unit: fc.constantFrom("U", "P", "S", "x"), maxLength: 3 });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), fc.boolean(), (seq, inPlace) => {
        const c = cellsOf();
        const row = new RowCursor();
        const calls: string[] = [];
        const f = (t: string) => {
          calls.push(t);
          return `<${t}>`;
        };
        seq.forEach((t, k) => {
          at(row, t, inPlace, k + 2);
          expect(c.mapped(row, 0, f)).toBe(t === "" ? null : `<${t}>`);
        });
        // f runs only when the cell differs from the last non-empty one: UPS, UPS, "", UPS -> once.
        const changes = seq.filter((t) => t !== "").filter((t, k, a) => k === 0 || a[k - 1] !== t);
        expect(calls).toEqual(changes);
      }),
      { numRuns: 300 },
    );
  });

  it("gives null for a column the file does not have, and remembers nothing when f throws", () => {
    const c = cellsOf();
    const row = new RowCursor();
    at(row, "UPS", true, 2);
    expect(c.mapped(row, -1, (t) => t)).toBeNull();
    expect(() => c.mapped(row, 0, () => { throw new Error("bad"); })).toThrow("bad");
    // Not remembered: the same cell is passed to f again.
    expect(c.mapped(row, 0, (t) => t.toLowerCase())).toBe("ups");
  });
});

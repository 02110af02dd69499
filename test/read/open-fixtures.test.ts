/** The byte-layer scenarios in fixtures/read/ (see its README), each read with openTable. */
import { describe, expect, it } from "vitest";
import { AhrError } from "../../src/errors.js";
import { openTable } from "../../src/read/open.js";
import type { RawRow } from "../../src/read/table.js";

const at = (path: string): string => new URL(`../../fixtures/read/${path}`, import.meta.url).pathname;

async function read(path: string): Promise<{ header: string[]; rows: RawRow[]; notes: string[] }> {
  const table = await openTable(at(path));
  const rows: RawRow[] = [];
  for await (const batch of table.rows(table.header.map((_, i) => i))) rows.push(...batch);
  return { header: table.header, rows, notes: table.notes };
}

async function code(path: string): Promise<[string, number | undefined, string | undefined]> {
  try {
    await read(path);
  } catch (e) {
    if (e instanceof AhrError) return [e.code, e.params.line, e.params.what];
    throw e;
  }
  return ["none", undefined, undefined];
}

describe("fixtures/read", () => {
  it("tsv-literal-quotes", async () => {
    expect(await read("tsv-literal-quotes/orders.txt")).toEqual({
      header: ["amazon-order-id", "product-name", "quantity"],
      rows: [
        { line: 2, cells: ["111-1", '12" Pizza Pan', "1"] },
        { line: 3, cells: ["111-2", '"Best" mug', "2"] },
      ],
      notes: [],
    });
  });
  it("csv-quoted-newline", async () => {
    expect((await read("csv-quoted-newline/orders.csv")).rows).toEqual([
      { line: 2, cells: ["1", "Pan, cast iron", "2"] },
      { line: 3, cells: ["2", "two\nlines", "1"] },
      { line: 5, cells: ["3", 'said "hi"', "4"] },
    ]);
  });
  it("windows-1252", async () => {
    const { rows, notes } = await read("windows-1252/orders.txt");
    expect(rows).toEqual([{ line: 2, cells: ["1", "Köln", "€12"] }]);
    expect(notes).toEqual(["read as Windows-1252 (the file is not valid UTF-8)"]);
  });
  it("utf16le-bom", async () => {
    const { header, rows } = await read("utf16le-bom/orders.txt");
    expect(header).toEqual(["order-id", "ship-city"]);
    expect(rows).toEqual([{ line: 2, cells: ["1", "München"] }]);
  });
  it("gzip-no-suffix", async () => {
    const { header, rows } = await read("gzip-no-suffix/orders.txt");
    expect(header).toEqual(["order-id", "quantity"]);
    expect(rows).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["2", "3"] },
    ]);
  });
  it("xlsx", async () => {
    expect(await code("xlsx/orders.xlsx")).toEqual(["BINARY_FILE", undefined, "an Excel workbook or zip archive"]);
  });
  it("unclosed-quote", async () => {
    expect(await code("unclosed-quote/orders.csv")).toEqual(["UNCLOSED_QUOTE", 3, undefined]);
  });
});

/**
 * Rows above the header (SPEC 9.1): a template's `TemplateType=` row and a translated label row
 * are skipped when the caller says which line can be a header (OpenOptions.isHeader); line
 * numbers stay physical. Expected values written out from the bytes.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEADING_MAX, openTable } from "../../src/read/open.js";
import type { RawRow, Table } from "../../src/read/table.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-leading-"));
let counter = 0;
const put = (content: string): string => {
  const file = join(dir, `f${counter++}.txt`);
  writeFileSync(file, content);
  return file;
};
async function all(table: Table): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const batch of table.rows(table.header.map((_, i) => i))) out.push(...batch);
  return out;
}
const known = (cells: string[]): boolean => cells.some((c) => c === "order-id" || c === "ship-date");

// The JP ship-confirm template: a TemplateType row, a Japanese label row, then the header.
const JP = [
  "TemplateType=OrderFulfillment\tVersion=2011.1102\tこの行はAmazonが使用しますので変更や削除しないでください。",
  "注文番号\t注文商品番号\t出荷数\t出荷日\t配送業者コード\t配送業者名\tお問い合わせ伝票番号\t配送方法",
  "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method",
  "503-1234567-1234567\t12345678901234\t1\t2026-05-06\tYamato Transport\t\t123456789012\t宅急便",
].join("\r\n");

describe("rows above the header (OpenOptions.isHeader)", () => {
  it("the JP template: two rows skipped, the header on line 3, the data row on line 4, a note", async () => {
    const table = await openTable(put(JP), { isHeader: known });
    expect(table.header.slice(0, 4)).toEqual(["order-id", "order-item-id", "quantity", "ship-date"]);
    expect(table.delimiter).toBe("\t");
    const rows = await all(table);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.line).toBe(4);
    expect(rows[0]!.cells[0]).toBe("503-1234567-1234567");
    expect(table.notes).toEqual(["the header is on line 3: the 2 rows above it skipped (a template's TemplateType= or label row)"]);
  });

  it("without isHeader the first line is the header, as before", async () => {
    const table = await openTable(put(JP));
    expect(table.header[0]).toBe("TemplateType=OrderFulfillment");
    expect(table.notes).toEqual([]);
  });

  it("a comma file with a title row and a blank line: the header on line 3, quoted cells, line numbers kept", async () => {
    const text = 'Shipments export,,\n\n"order-id","ship-date",carrier\nA,2026-05-05,"UPS, Ground"\n\nB,2026-05-06,USPS\n';
    const table = await openTable(put(text), { isHeader: known });
    expect(table.header).toEqual(["order-id", "ship-date", "carrier"]);
    const rows = await all(table);
    expect(rows.map((r) => [r.line, ...r.cells])).toEqual([
      [4, "A", "2026-05-05", "UPS, Ground"],
      [6, "B", "2026-05-06", "USPS"],
    ]);
  });

  it("when no line within the first LEADING_MAX is accepted, the first non-blank line is the header", async () => {
    const lines = ["x\ty", ...Array.from({ length: LEADING_MAX + 2 }, (_, k) => `${k}\t${k}`), "order-id\tship-date"];
    const table = await openTable(put(lines.join("\n")), { isHeader: known });
    expect(table.header).toEqual(["x", "y"]);
    const rows = await all(table);
    expect(rows[0]!.line).toBe(2);
    expect(rows).toHaveLength(LEADING_MAX + 3);
    expect(table.notes).toEqual([]);
  });

  it("a header-only file and an accepted first line skip nothing", async () => {
    const table = await openTable(put("order-id\tship-date\n"), { isHeader: known });
    expect(table.header).toEqual(["order-id", "ship-date"]);
    expect(await all(table)).toEqual([]);
    expect(table.notes).toEqual([]);
  });
});

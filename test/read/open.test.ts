/**
 * openTable: formats of SPEC section 3 (delimiters, quoting, line ends, encodings, gzip) read to
 * header cells and RawRows. Every expected value below is written out by hand from the bytes.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { openTable } from "../../src/read/open.js";
import type { RawRow, Table } from "../../src/read/table.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-open-"));
let counter = 0;
function put(content: string | Buffer, name = `f${counter++}.txt`): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function all(table: Table, columns?: number[]): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const batch of table.rows(columns ?? table.header.map((_, i) => i))) out.push(...batch);
  return out;
}

async function read(content: string | Buffer, columns?: number[]) {
  const table = await openTable(put(content));
  const rows = await all(table, columns);
  return { table, header: table.header, rows };
}

describe("delimiter from the header line (SPEC 8.14)", () => {
  it("comma, tab and semicolon files", async () => {
    expect((await read("a,b\n1,2\n")).table.delimiter).toBe(",");
    expect((await read("a\tb\n1\t2\n")).table.delimiter).toBe("\t");
    expect((await read("a;b\n1;2\n")).table.delimiter).toBe(";");
  });
  it("the most frequent wins: 2 semicolons beat 1 comma", async () => {
    const { table, header, rows } = await read("a,x;b;c\n1,y;2;3\n");
    expect(table.delimiter).toBe(";");
    expect(header).toEqual(["a,x", "b", "c"]);
    expect(rows).toEqual([{ line: 2, cells: ["1,y", "2", "3"] }]);
  });
  it("ties go to tab, then comma", async () => {
    // one tab, one comma, one semicolon: tab
    expect((await read("a\tb,c;d\n")).table.delimiter).toBe("\t");
    // one comma, one semicolon: comma
    expect((await read("a,b;c\n")).table.delimiter).toBe(",");
    // none at all (one column): tab
    expect((await read("order-id\n1\n")).table.delimiter).toBe("\t");
  });
});

describe("tab files never quote", () => {
  it("a double quote is a literal character", async () => {
    const { header, rows } = await read('name\tsku\n12" Pizza Pan\tP1\n"Best" mug\tM1\n"open\tX\n');
    expect(header).toEqual(["name", "sku"]);
    expect(rows).toEqual([
      { line: 2, cells: ['12" Pizza Pan', "P1"] },
      { line: 3, cells: ['"Best" mug', "M1"] },
      { line: 4, cells: ['"open', "X"] },
    ]);
  });
  it("CRLF and LF line ends, and a last line without one", async () => {
    const { header, rows } = await read("a\tb\r\n1\t2\r\n3\t4\n5\t6");
    expect(header).toEqual(["a", "b"]);
    expect(rows).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["3", "4"] },
      { line: 4, cells: ["5", "6"] },
    ]);
  });
});

describe("comma files: RFC 4180", () => {
  it("quoted delimiters, doubled quotes, and a quoted newline; the next rows keep their line", async () => {
    const text = 'id,name,qty\n1,"Pan, cast iron",2\n2,"12"" pan",1\n3,"two\nlines",4\n4,plain,5\n';
    const { rows } = await read(text);
    // line 1 header; 2 and 3 single-line; record 3 spans lines 4-5; record 4 is on line 6
    expect(rows).toEqual([
      { line: 2, cells: ["1", "Pan, cast iron", "2"] },
      { line: 3, cells: ["2", '12" pan', "1"] },
      { line: 4, cells: ["3", "two\nlines", "4"] },
      { line: 6, cells: ["4", "plain", "5"] },
    ]);
  });
  it("CRLF file with a quoted CRLF: the CRLF counts as one line", async () => {
    const text = 'a,b\r\n"x\r\ny",2\r\n\r\n3,4\r\n';
    const { rows } = await read(text);
    // line 1 header; record "x\r\ny",2 on lines 2-3; line 4 blank; 3,4 on line 5
    expect(rows).toEqual([
      { line: 2, cells: ["x\r\ny", "2"] },
      { line: 5, cells: ["3", "4"] },
    ]);
  });
  it("semicolon files quote the same way", async () => {
    const { header, rows } = await read('"Order ID";"Amount"\n"A-1";"1.234,50"\n');
    expect(header).toEqual(["Order ID", "Amount"]);
    expect(rows).toEqual([{ line: 2, cells: ["A-1", "1.234,50"] }]);
  });
  it("a quote inside an unquoted field is literal", async () => {
    const { rows } = await read('name,sku\n12" pan,P1\n');
    expect(rows).toEqual([{ line: 2, cells: ['12" pan', "P1"] }]);
  });
});

describe("cells, blank lines, short and long rows", () => {
  for (const [kind, d] of [["tab", "\t"], ["comma", ","]] as const) {
    it(`${kind}: cells are trimmed, blank lines skipped but counted`, async () => {
      const text = [` a ${d} b `, ` 1 ${d}  2`, "", "   ", `${d}`, `3${d}4  `, ""].join("\n");
      const { header, rows } = await read(text);
      expect(header).toEqual(["a", "b"]);
      // line 3 empty, line 4 spaces, line 5 only a delimiter (all cells empty): skipped
      expect(rows).toEqual([
        { line: 2, cells: ["1", "2"] },
        { line: 6, cells: ["3", "4"] },
      ]);
    });
    it(`${kind}: a short row gives "" for missing cells, a long row is fine`, async () => {
      const text = [`a${d}b${d}c`, `1`, `1${d}2${d}3${d}4${d}5`].join("\n");
      const { rows } = await read(text);
      expect(rows).toEqual([
        { line: 2, cells: ["1", "", ""] },
        { line: 3, cells: ["1", "2", "3"] },
      ]);
    });
    it(`${kind}: only the selected columns, in the selected order`, async () => {
      const text = [`a${d}b${d}c${d}d`, `1${d}2${d}3${d}4`, `5${d}6`].join("\n");
      const { rows } = await read(text, [3, 0, 2, 0, 9]);
      expect(rows).toEqual([
        { line: 2, cells: ["4", "1", "3", "1", ""] },
        { line: 3, cells: ["", "5", "", "5", ""] },
      ]);
    });
  }
  it("leading blank lines: the header is the first line with something on it", async () => {
    const { header, rows } = await read("\n\na,b\n1,2\n");
    expect(header).toEqual(["a", "b"]);
    expect(rows).toEqual([{ line: 4, cells: ["1", "2"] }]);
  });
  it("an empty file has no header and no rows; a header-only file has no rows", async () => {
    const empty = await read("");
    expect(empty.header).toEqual([]);
    expect(empty.rows).toEqual([]);
    const blank = await read("\n \n");
    expect(blank.header).toEqual([]);
    expect(blank.rows).toEqual([]);
    const headerOnly = await read("a\tb\n");
    expect(headerOnly.header).toEqual(["a", "b"]);
    expect(headerOnly.rows).toEqual([]);
    const headerOnlyCsv = await read("a,b");
    expect(headerOnlyCsv.header).toEqual(["a", "b"]);
    expect(headerOnlyCsv.rows).toEqual([]);
  });
  it("rows come in batches of at most 1024", async () => {
    // 2500 data rows: batches of 1024, 1024 and 452 (2500 - 2048)
    const lines = ["n"];
    for (let i = 1; i <= 2500; i++) lines.push(String(i));
    const table = await openTable(put(lines.join("\n")));
    const sizes: number[] = [];
    let last: RawRow | undefined;
    for await (const batch of table.rows([0])) {
      sizes.push(batch.length);
      last = batch[batch.length - 1];
    }
    expect(sizes).toEqual([1024, 1024, 452]);
    expect(last).toEqual({ line: 2501, cells: ["2500"] });
  });
});

describe("encodings", () => {
  it("a UTF-8 BOM is removed from the first header cell", async () => {
    const { header, rows } = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("id,name\n1,Café\n")]));
    expect(header).toEqual(["id", "name"]);
    expect(rows).toEqual([{ line: 2, cells: ["1", "Café"] }]);
  });
  it("UTF-16LE and UTF-16BE with a BOM", async () => {
    const text = "id\tname\n1\tCafé €\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le); // swap each byte pair of the LE bytes (BOM included) to get BE
    for (let i = 0; i + 1 < be.length; i += 2) {
      const t = be[i] as number;
      be[i] = be[i + 1] as number;
      be[i + 1] = t;
    }
    expect(be.subarray(0, 4)).toEqual(Buffer.from([0xfe, 0xff, 0x00, 0x69])); // FE FF, then "i" = 00 69
    for (const bytes of [le, be]) {
      const { table, header, rows } = await read(bytes);
      expect(header).toEqual(["id", "name"]);
      expect(rows).toEqual([{ line: 2, cells: ["1", "Café €"] }]);
      expect(table.notes).toEqual([]);
    }
  });
  it("bytes that are not UTF-8 are read as Windows-1252, with a note", async () => {
    // 0xE9 is é and 0x80 is € in Windows-1252; neither is valid UTF-8 here
    const bytes = Buffer.concat([Buffer.from("id\tname\n1\tCaf"), Buffer.from([0xe9]), Buffer.from(" 5"), Buffer.from([0x80]), Buffer.from("\n")]);
    const { table, rows } = await read(bytes);
    expect(rows).toEqual([{ line: 2, cells: ["1", "Café 5€"] }]);
    expect(table.notes).toEqual(["read as Windows-1252 (the file is not valid UTF-8)"]);
  });
  it("valid UTF-8 gives no note", async () => {
    const { table, rows } = await read("id\tname\n1\tCafé 5€\n");
    expect(rows).toEqual([{ line: 2, cells: ["1", "Café 5€"] }]);
    expect(table.notes).toEqual([]);
  });
  it("the first invalid byte after the first 64 KiB (and after the first read chunk)", async () => {
    // 1200 rows of "r<i>\tok\n"; then a row with 0xE9; the prefix is far past 64 KiB
    const lines = ["id\tname"];
    for (let i = 0; i < 30000; i++) lines.push(`r${i}\tok`);
    const prefix = Buffer.from(lines.join("\n") + "\n");
    expect(prefix.length).toBeGreaterThan(64 * 1024);
    const bytes = Buffer.concat([prefix, Buffer.from("last\tCaf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    const { table, rows } = await read(bytes);
    expect(rows.length).toBe(30001);
    expect(rows[0]).toEqual({ line: 2, cells: ["r0", "ok"] });
    // 1 header line + 30000 rows: the last row is on line 30002
    expect(rows[30000]).toEqual({ line: 30002, cells: ["last", "Café"] });
    expect(table.notes).toEqual(["read as Windows-1252 (the file is not valid UTF-8)"]);
  });
  it("a UTF-8 character split across the 1 MiB read boundary stays one character", async () => {
    // "é" is C3 A9; put C3 as the last byte of the first 1 MiB read and A9 as the first of the next
    const head = "id\tname\n";
    const fill = 1024 * 1024 - head.length - 1 - "\n".length; // bytes before C3 on the row
    const row = "x".repeat(fill - 2) + "\tA";
    const bytes = Buffer.concat([Buffer.from(head + row + "\n").subarray(0, 1024 * 1024 - 1), Buffer.from("é\n")]);
    expect(bytes[1024 * 1024 - 1]).toBe(0xc3);
    const { table, rows } = await read(bytes);
    expect(table.notes).toEqual([]);
    expect(rows.length).toBe(2);
    expect(rows[1]).toEqual({ line: 3, cells: ["é", ""] });
  });
});

describe("gzip", () => {
  it("a .gz file and gzip content without the name read the same as the plain file", async () => {
    const text = "id,name\n1,Pan\n\n2,Mug\n";
    const gz = gzipSync(Buffer.from(text));
    for (const file of [put(gz, "orders.csv.gz"), put(gz, "orders.txt")]) {
      const table = await openTable(file);
      expect(table.header).toEqual(["id", "name"]);
      expect(await all(table)).toEqual([
        { line: 2, cells: ["1", "Pan"] },
        { line: 4, cells: ["2", "Mug"] },
      ]);
      expect(table.size).toBe(gz.length);
      expect(table.bytesRead()).toBe(gz.length);
    }
  });
  it("gzip of a UTF-16LE file with a BOM", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a\tb\n1\t2\n", "utf16le")]);
    const { header, rows } = await read(gzipSync(le));
    expect(header).toEqual(["a", "b"]);
    expect(rows).toEqual([{ line: 2, cells: ["1", "2"] }]);
  });
});

describe("size, progress and standard input", () => {
  it("size is the file size; bytesRead reaches it", async () => {
    const text = "a\tb\n1\t2\n"; // 8 bytes
    const table = await openTable(put(text));
    expect(table.size).toBe(8);
    await all(table);
    expect(table.bytesRead()).toBe(8);
    expect(table.file.endsWith(".txt")).toBe(true);
  });
  it("standard input: file '-', size null", async () => {
    const stream = Readable.from([Buffer.from("a,b\n1,"), Buffer.from("2\n3,4\n")]);
    const table = await openTable("-", { stdin: stream });
    expect(table.file).toBe("-");
    expect(table.size).toBeNull();
    expect(table.header).toEqual(["a", "b"]);
    expect(await all(table)).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["3", "4"] },
    ]);
    expect(table.bytesRead()).toBe(12); // "a,b\n1," is 6 bytes and "2\n3,4\n" is 6
  });
  it("rows can be read once", async () => {
    const table = await openTable(put("a\n1\n"));
    await all(table);
    expect(() => table.rows([0])).toThrow();
  });
});

describe("the shared samples of Amazon's layouts", () => {
  // byte-for-byte copies of shared/samples, kept in the repo so a clone tests them on its own
  const samples = fileURLToPath(new URL("../../fixtures/records/amazon-samples", import.meta.url));
  it("all-orders.txt: 5 data rows, the pizza pan name intact", async () => {
    const table = await openTable(`${samples}/all-orders.txt`);
    expect(table.delimiter).toBe("\t");
    expect(table.header.slice(0, 6)).toEqual([
      "amazon-order-id",
      "merchant-order-id",
      "purchase-date",
      "last-updated-date",
      "order-status",
      "fulfillment-channel",
    ]);
    const name = table.header.indexOf("product-name");
    expect(name).toBe(10);
    const rows = await all(table, [0, name, 5]);
    expect(rows.length).toBe(5);
    expect(rows[0]).toEqual({ line: 2, cells: ["113-4820185-1029384", '12" Cast Iron Pizza Pan, Pre-Seasoned', "Merchant"] });
    expect(rows[2]).toEqual({ line: 4, cells: ["114-0093716-5561120", '"Chef\'s Choice" Knife Sharpener', "Merchant"] });
    expect(table.notes).toEqual([]);
  });
  it("seller-feedback.txt: 3 data rows", async () => {
    const table = await openTable(`${samples}/seller-feedback.txt`);
    expect(table.header).toEqual(["Date", "Rating", "Comments", "Response", "Order ID", "Rater Email"]);
    const rows = await all(table, [0, 1, 2]);
    expect(rows).toEqual([
      { line: 2, cells: ["10/9/26", "1", "Arrived cracked. Box was crushed."] },
      { line: 3, cells: ["10/12/26", "3", "ok but slow"] },
      { line: 4, cells: ["10/14/26", "2", 'Says "pre-seasoned", it is not'] },
    ]);
  });
  it("mfn-returns.txt: 1 data row", async () => {
    const table = await openTable(`${samples}/mfn-returns.txt`);
    expect(table.header.slice(0, 4)).toEqual(["Order ID", "Order date", "Return request date", "Return request status"]);
    const item = table.header.indexOf("Item Name");
    const rows = await all(table, [0, 2, item]);
    expect(rows).toEqual([{ line: 2, cells: ["113-4820185-1029384", "10-Oct-2026", '12" Cast Iron Pizza Pan, Pre-Seasoned'] }]);
  });
});

describe("Table.sample: the first data rows, from the text read with the header", () => {
  it("up to five rows, blank lines skipped, cells trimmed, CRLF", async () => {
    const lines = ["a\tb", "1\t x ", "", "2\ty", "3\tz", "4\tw", "5\tv", "6\tu"];
    const table = await openTable(put(lines.join("\r\n")));
    expect(table.sample).toEqual([["1", "x"], ["2", "y"], ["3", "z"], ["4", "w"], ["5", "v"]]);
    expect((await all(table)).map((r) => r.cells[0])).toEqual(["1", "2", "3", "4", "5", "6"]);
  });
  it("a tab file keeps its quotes; a comma file stops at a line with a quote; the last line needs its line break", async () => {
    expect((await openTable(put('a\tb\n12" pan\t1\n'))).sample).toEqual([['12" pan', "1"]]);
    expect((await openTable(put('a,b\n1,2\n"x,y",3\n4,5\n'))).sample).toEqual([["1", "2"]]);
    expect((await openTable(put("a,b\n1,2\n3,4"))).sample).toEqual([["1", "2"]]);
    expect((await openTable(put(""))).sample).toEqual([]);
  });
});

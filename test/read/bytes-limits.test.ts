/**
 * Hostile and broken input at the byte layer (issue 7): every case gives its coded AhrError.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AhrError } from "../../src/errors.js";
import { MAX_COLUMNS, MAX_RECORD } from "../../src/read/limits.js";
import { openTable } from "../../src/read/open.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-limits-"));
let counter = 0;
function put(content: string | Buffer, name = `f${counter++}.txt`): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Open and read every row; the AhrError thrown on the way (or fail). */
async function failure(file: string): Promise<AhrError> {
  try {
    const table = await openTable(file);
    for await (const batch of table.rows(table.header.map((_, i) => i))) void batch;
  } catch (e) {
    if (e instanceof AhrError) return e;
    throw e;
  }
  throw new Error(`no error for ${file}`);
}

describe("missing and unreadable files", () => {
  it("a missing file is FILE_NOT_FOUND", async () => {
    const e = await failure(join(dir, "nope.txt"));
    expect(e.code).toBe("FILE_NOT_FOUND");
    expect(e.params.file).toBe(join(dir, "nope.txt"));
  });
  it("a directory is FILE_UNREADABLE", async () => {
    const sub = join(dir, "sub");
    mkdirSync(sub);
    const e = await failure(sub);
    expect(e.code).toBe("FILE_UNREADABLE");
    expect(e.message).toContain("directory");
  });
  it.skipIf(process.getuid?.() === 0)("a file without read permission is FILE_UNREADABLE", async () => {
    const file = put("a\n1\n");
    chmodSync(file, 0o000);
    expect((await failure(file)).code).toBe("FILE_UNREADABLE");
  });
  it("damaged gzip data is FILE_UNREADABLE", async () => {
    const gz = gzipSync(Buffer.from("a,b\n".repeat(1000)));
    const cut = gz.subarray(0, gz.length - 10); // the end of the deflate data and the trailer gone
    const e = await failure(put(cut, "cut.csv.gz"));
    expect(e.code).toBe("FILE_UNREADABLE");
    expect(e.message).toContain("gzip");
  });
});

describe("binary files are named", () => {
  const cases: [string, Buffer, string][] = [
    ["xlsx / zip", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(100, 1)]), "an Excel workbook or zip archive"],
    ["old .xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100, 1)]), "an old Excel workbook (.xls)"],
    ["PDF", Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"), "a PDF document"],
    ["UTF-16LE without a BOM", Buffer.from("order-id\tdate\n1\t2026-01-02\n", "utf16le"), "UTF-16 text without a byte-order mark"],
    ["NUL bytes", Buffer.from("abc\tdef\n\u0000\u0001\u0002\u0003\n"), "a binary file (it contains NUL bytes)"],
  ];
  for (const [name, bytes, what] of cases) {
    it(name, async () => {
      const e = await failure(put(bytes));
      expect(e.code).toBe("BINARY_FILE");
      expect(e.params.what).toBe(what);
    });
  }
  it("UTF-16 without a BOM suggests re-saving as UTF-8", async () => {
    const e = await failure(put(Buffer.from("a\tb\n1\t2\n", "utf16le")));
    expect(e.params.hint).toBe("re-save it as UTF-8");
  });
  it("UTF-16BE without a BOM (NULs on the even side)", async () => {
    const le = Buffer.from("a\tb\n1\t2\n", "utf16le");
    const be = Buffer.from(le);
    for (let i = 0; i + 1 < be.length; i += 2) {
      be[i] = le[i + 1] as number;
      be[i + 1] = le[i] as number;
    }
    expect((await failure(put(be))).params.what).toBe("UTF-16 text without a byte-order mark");
  });
  it("a zip inside gzip content is still named", async () => {
    const e = await failure(put(gzipSync(Buffer.from("PK\u0003\u0004rest")), "x.txt"));
    expect(e.params.what).toBe("an Excel workbook or zip archive");
  });
  it("a NUL far past the first bytes", async () => {
    const text = "a\tb\n" + "1\t2\n".repeat(300_000) + "x\u0000y\n"; // 1.2 MB before the NUL
    const e = await failure(put(text));
    expect(e.code).toBe("BINARY_FILE");
    expect(e.params.what).toBe("a binary file (it contains NUL bytes)");
  });
});

describe("limits", () => {
  it(`a TSV line longer than ${MAX_RECORD} characters is RECORD_TOO_LONG at its line`, async () => {
    const text = "a\tb\n1\t2\n" + "x".repeat(MAX_RECORD + 1) + "\n3\t4\n";
    const e = await failure(put(text));
    expect(e.code).toBe("RECORD_TOO_LONG");
    expect(e.params.line).toBe(3);
    expect(e.params.limit).toBe(1048576);
  });
  it("a TSV file whose last 'line' grows past the limit without a newline", async () => {
    const text = "a\tb\n1\t2\n" + "y".repeat(3 * MAX_RECORD);
    const e = await failure(put(text));
    expect(e.code).toBe("RECORD_TOO_LONG");
    expect(e.params.line).toBe(3);
  });
  it("a header line past the limit", async () => {
    const e = await failure(put("h".repeat(MAX_RECORD + 10)));
    expect(e.code).toBe("RECORD_TOO_LONG");
    expect(e.params.line).toBe(1);
  });
  it("a CSV record longer than the limit on one line is RECORD_TOO_LONG", async () => {
    const text = "a,b\n1,2\n3," + "z".repeat(MAX_RECORD + 1) + "\n";
    const e = await failure(put(text));
    expect(e.code).toBe("RECORD_TOO_LONG");
    expect(e.params.line).toBe(3);
  });
  it(`more than ${MAX_COLUMNS} header columns is TOO_MANY_COLUMNS (tab and comma)`, async () => {
    const cols = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`);
    for (const d of ["\t", ","]) {
      const e = await failure(put(cols.join(d) + "\n"));
      expect(e.code).toBe("TOO_MANY_COLUMNS");
      expect(e.params.limit).toBe(2000);
    }
    // exactly 2000 is fine
    const ok = await openTable(put(cols.slice(0, MAX_COLUMNS).join("\t") + "\n"));
    expect(ok.header.length).toBe(2000);
  });
  it("an unclosed quote at the end of a small comma file names the line where its record starts", async () => {
    const text = 'a,b\n1,2\n3,"never closed\n4,5\n6,7\n';
    const e = await failure(put(text));
    expect(e.code).toBe("UNCLOSED_QUOTE");
    expect(e.params.line).toBe(3);
  });
  it("an unclosed quote swallowing the rest of a big comma file is UNCLOSED_QUOTE, not a huge record", async () => {
    const text = 'a,b\n1,2\n3,"oops\n' + "4,5\n".repeat(400_000); // 1.6 MB after the quote
    const e = await failure(put(text));
    expect(e.code).toBe("UNCLOSED_QUOTE");
    expect(e.params.line).toBe(3);
  });
  it("other csv-parse errors are CSV_SYNTAX with the line", async () => {
    const text = 'a,b\n1,2\n3,"x" y\n';
    const e = await failure(put(text));
    expect(e.code).toBe("CSV_SYNTAX");
    expect(e.params.line).toBe(3);
    expect(e.params.detail).toContain("Invalid Closing Quote");
  });
});

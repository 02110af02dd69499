/**
 * A plain file is read into a ring of reused buffers (src/read/source.ts reuseBuffers, enabled in
 * openTable): every path that reads its chunks must have let go of a chunk before its bytes are
 * overwritten. Each file here spans several reads (CHUNK_BYTES) and every row is different, so a chunk
 * overwritten too early shows as wrong cells.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { openTable } from "../../src/read/open.js";
import { CHUNK_BYTES } from "../../src/read/limits.js";
import { openFileSource } from "../../src/read/source.js";
import type { CellBatch, RawRow } from "../../src/read/table.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-reuse-"));
let counter = 0;
function put(content: Buffer, name = `f${counter++}.txt`): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function readAll(file: string): Promise<{ header: string[]; rows: RawRow[]; notes: string[] }> {
  const table = await openTable(file);
  const rows: RawRow[] = [];
  for await (const batch of table.rows(table.header.map((_, i) => i))) rows.push(...batch);
  return { header: table.header, rows, notes: table.notes };
}

/** Deterministic cells that differ from row to row (a small LCG, so no two rows are alike). */
function cellsOf(i: number): string[] {
  const x = (Math.imul(i, 2654435761) >>> 0).toString(36);
  return [`r${i}`, `${x}-${i % 977}`, "y".repeat(i % 41) + x];
}

/** Rows enough for `bytes` of text; the header is a\tb\tc (line 1), row i on line i + 2. */
function rowsFor(bytes: number): string[][] {
  const out: string[][] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const cells = cellsOf(i);
    out.push(cells);
    size += cells.join("\t").length + 1;
  }
  return out;
}

const expected = (rows: string[][]): RawRow[] => rows.map((cells, i) => ({ line: i + 2, cells }));

describe("reading through reused buffers gives the same records", () => {
  it("the file source hands out each read's bytes, also when its buffers are reused", async () => {
    const bytes = Buffer.alloc(3 * CHUNK_BYTES + 12345);
    let seed = 7; // pseudo-random bytes: no two reads alike
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    const file = put(bytes);
    for (const ring of [0, 2, 3]) {
      const source = await openFileSource(file);
      if (ring > 0) source.reuseBuffers(ring);
      const copies: Buffer[] = [];
      const seen: Buffer[] = [];
      for await (const chunk of source.chunks) {
        seen.push(chunk);
        copies.push(Buffer.from(chunk));
      }
      expect(copies.map((c) => c.length)).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES, 12345]);
      expect(Buffer.concat(copies).equals(bytes)).toBe(true);
      // with a ring of 2 the third read goes into the first read's buffer
      const shared = seen[0]!.buffer === seen[2]!.buffer;
      expect(shared).toBe(ring === 2);
      expect(seen[0]!.buffer === seen[3]!.buffer).toBe(ring === 3);
      // the last `ring` chunks handed out are still intact after the last read; an earlier one is not
      if (ring > 0) {
        for (let k = 4 - ring; k < 4; k++) expect(seen[k]!.equals(copies[k]!)).toBe(true);
        expect(seen[3 - ring]!.equals(copies[3 - ring]!)).toBe(false);
      }
    }
  });

  it("reads only when asked: while chunk k is held, chunks k - 1 and k - 2 are intact (a ring of 3)", async () => {
    const size = 5 * CHUNK_BYTES + 100;
    const bytes = Buffer.alloc(size);
    let seed = 11;
    for (let i = 0; i < size; i++) bytes[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    const source = await openFileSource(put(bytes));
    source.reuseBuffers(3);
    const it = source.chunks[Symbol.asyncIterator]();
    const held: Buffer[] = [];
    const copies: Buffer[] = [];
    for (let k = 0; ; k++) {
      const r = await it.next();
      if (r.done === true) break;
      held.push(r.value);
      copies.push(Buffer.from(r.value));
      await new Promise((w) => setTimeout(w, 5)); // time for a read nobody asked for (there is none)
      expect(source.bytesRead()).toBe(Math.min(size, (k + 1) * CHUNK_BYTES));
      for (let j = Math.max(0, k - 2); j <= k; j++) expect(held[j]!.equals(copies[j]!)).toBe(true);
      if (k >= 3) expect(held[k - 3]!.equals(copies[k - 3]!)).toBe(false); // chunk k is in its buffer
    }
    expect(Buffer.concat(copies).equals(bytes)).toBe(true);
  });

  it("a TSV file of several reads", async () => {
    const rows = rowsFor(3.5 * CHUNK_BYTES);
    const text = ["a\tb\tc", ...rows.map((r) => r.join("\t"))].join("\n") + "\n";
    const got = await readAll(put(Buffer.from(text)));
    expect(got.header).toEqual(["a", "b", "c"]);
    expect(got.rows.length).toBe(rows.length);
    expect(got.rows).toEqual(expected(rows));
  });

  it("a CSV file of several reads, with quoted fields that hold commas and line breaks", async () => {
    // every 50th row has a field with a comma, a doubled quote and a line break in it
    const rows = rowsFor(3.5 * CHUNK_BYTES).map((r, i) => (i % 50 === 7 ? [r[0]!, `q,"${i}"\nx`, r[2]!] : r));
    const quote = (c: string): string => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const lines = ["a,b,c", ...rows.map((r) => r.map(quote).join(","))];
    const got = await readAll(put(Buffer.from(lines.join("\n") + "\n")));
    expect(got.header).toEqual(["a", "b", "c"]);
    expect(got.rows.length).toBe(rows.length);
    // a record starts on the line after the previous record's last line
    let line = 2;
    const want = rows.map((cells) => {
      const at = line;
      line += 1 + cells.filter((c) => c.includes("\n")).length;
      return { line: at, cells };
    });
    expect(got.rows).toEqual(want);
  });

  it("gzip of a file several reads long, compressed (gzip is read without reuse)", async () => {
    // cells of pseudo-random base64 barely compress: the .gz itself spans several reads
    let seed = 12345;
    const noise = (): string => {
      const b = Buffer.alloc(30);
      for (let k = 0; k < b.length; k++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        b[k] = seed >>> 24;
      }
      return b.toString("base64");
    };
    const rows = rowsFor(4.5 * CHUNK_BYTES).map((r) => [r[0]!, noise(), r[2]!]);
    const text = ["a\tb\tc", ...rows.map((r) => r.join("\t"))].join("\n") + "\n";
    const gz = gzipSync(Buffer.from(text));
    expect(gz.length).toBeGreaterThan(2.5 * CHUNK_BYTES);
    const got = await readAll(put(gz, "big.txt.gz"));
    expect(got.rows.length).toBe(rows.length);
    expect(got.rows).toEqual(expected(rows));
  });

  it("UTF-16LE of several reads, with characters outside ASCII and outside the BMP", async () => {
    const rows = rowsFor(2 * CHUNK_BYTES).map((r, i) => (i % 3 === 0 ? [r[0]!, `Café € ${i} 😀`, r[2]!] : r));
    const text = ["a\tb\tc", ...rows.map((r) => r.join("\t"))].join("\n") + "\n";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(bytes.length).toBeGreaterThan(3 * CHUNK_BYTES);
    const got = await readAll(put(bytes));
    expect(got.notes).toEqual([]);
    expect(got.rows).toEqual(expected(rows));
  });

  for (const delimiter of ["\t", ","]) {
    it(`a Windows-1252 byte after the first read (${delimiter === "\t" ? "TSV" : "CSV"}): UTF-8 before it, Windows-1252 from it on`, async () => {
      // UTF-8 "é" in every 10th row up to about 2.5 reads in; there a row with 0xE9 (é in
      // Windows-1252); after it rows with 0x80 (€ in Windows-1252)
      const before = rowsFor(2.5 * CHUNK_BYTES).map((r, i) => (i % 10 === 0 ? [r[0]!, `é${i}`, r[2]!] : r));
      const after = rowsFor(1.2 * CHUNK_BYTES).map((r, i) => [`s${i}`, r[1]!, r[2]!]);
      const parts: Buffer[] = [Buffer.from(["a", "b", "c"].join(delimiter) + "\n")];
      for (const r of before) parts.push(Buffer.from(r.join(delimiter) + "\n", "utf8"));
      parts.push(Buffer.from(`bad${delimiter}Caf`), Buffer.from([0xe9]), Buffer.from(`${delimiter}z\n`));
      after.forEach((r, i) => {
        parts.push(Buffer.from(r[0]! + delimiter + r[1]!), ...(i % 10 === 0 ? [Buffer.from([0x80])] : []));
        parts.push(Buffer.from(delimiter + r[2]! + "\n"));
      });
      const bytes = Buffer.concat(parts);
      const badAt = bytes.indexOf(Buffer.from([0xe9]));
      expect(badAt).toBeGreaterThan(2 * CHUNK_BYTES);
      const got = await readAll(put(bytes));
      expect(got.notes).toEqual(["read as Windows-1252 (the file is not valid UTF-8)"]);
      const want = [
        ...before,
        ["bad", "Café", "z"],
        ...after.map((r, i) => [r[0]!, r[1]! + (i % 10 === 0 ? "€" : ""), r[2]!]),
      ];
      expect(got.rows.length).toBe(want.length);
      expect(got.rows).toEqual(expected(want));
    });
  }
});

describe("the bytes a TSV batch keeps for its rows (CellBatch.bufs, issue 18)", () => {
  // A file of about 21 reads: ASCII rows with LF and CRLF line ends, and UTF-8 "é" in the rows of
  // one stretch (those chunks have no bytes: a character is not a byte there). Every cell of a
  // row with bytes must read the same from the bytes as from the text: a ring buffer reused while
  // a batch still pointed at it would show other rows' bytes.
  it("are the bytes of the row's text, one per character, also after many reads", async () => {
    // Rows of ~700 bytes: a batch of 1024 rows would span 11 reads, more than the ring holds.
    const rows = rowsFor(CHUNK_BYTES).slice(0, 2000).map((r, i) => [r[0]!, r[1]!, r[2]! + String(i).repeat(700 / String(i).length)]);
    const lines = rows.map((r, i) => {
      const cells = i > 1000 && i < 1200 ? [r[0]!, `é${r[1]!}`, r[2]!] : r;
      return cells.join("\t") + (i % 7 === 0 ? "\r\n" : "\n");
    });
    const table = await openTable(put(Buffer.from("a\tb\tc\n" + lines.join(""), "utf8")));
    let withBytes = 0;
    let without = 0;
    let seen = 0;
    for await (const batch of table.cellBatches!([0, 1, 2]) as AsyncIterable<CellBatch>) {
      for (let k = 0; k < batch.count; k++, seen++) {
        const buf = batch.bufs![k]!;
        const text = batch.texts[k]!;
        if (buf === null) {
          without++;
          continue;
        }
        withBytes++;
        for (let c = 0; c < 3; c++) {
          const s = batch.bounds[2 * (k * 3 + c)]!;
          const e = batch.bounds[2 * (k * 3 + c) + 1]!;
          expect(Buffer.from(buf.subarray(s, e)).toString("latin1")).toBe(text.slice(s, e));
        }
        expect(text.slice(batch.bounds[2 * k * 3]!, batch.bounds[2 * k * 3 + 1]!)).toBe(rows[seen]![0]);
      }
    }
    expect(seen).toBe(rows.length);
    // Most rows have their bytes; those of the chunks holding é rows (~4 of ~16 reads) and the
    // lines across a chunk boundary do not.
    expect(withBytes).toBeGreaterThan(rows.length * 0.7);
    expect(without).toBeGreaterThanOrEqual(199);
  });
});

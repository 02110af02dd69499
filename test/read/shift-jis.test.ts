/**
 * Shift_JIS for files from Amazon.co.jp (SPEC 9.2): bytes that are not UTF-8 are Shift_JIS when
 * the file's first bytes name amazon.co.jp, Windows-1252 otherwise. Expected text is written out
 * from the bytes: 93 FA 96 7B 8C EA is 日本語 in Shift_JIS, 82 A0 is あ.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  SHIFT_JIS_NOTE,
  WINDOWS_1252_NOTE,
  chunkText,
  decodeText,
  namesAmazonJapan,
} from "../../src/read/encoding.js";
import { openTable } from "../../src/read/open.js";
import { detectBom } from "../../src/read/sniff.js";

const NIHONGO = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea];

async function decode(chunks: Buffer[], legacy?: "shift_jis" | "windows-1252") {
  async function* source(): AsyncGenerator<Buffer> {
    for (const c of chunks) yield c;
  }
  const notes: string[] = [];
  let text = "";
  for await (const piece of decodeText(source(), detectBom(chunks[0]!), "f", notes, legacy)) text += chunkText(piece);
  return { text, notes };
}

describe("decodeText with Shift_JIS as the legacy encoding", () => {
  it("a file whose first chunk is not UTF-8 is Shift_JIS throughout, a lead byte split across chunks too", async () => {
    const bytes = Buffer.from([0x41, 0x09, ...NIHONGO, 0x0a, 0x82, 0xa0]);
    for (let cut = 1; cut < bytes.length; cut++) {
      const r = await decode([bytes.subarray(0, cut), bytes.subarray(cut)], "shift_jis");
      // Only the first chunk decides: a first chunk of "A\t" alone is ASCII, the rest falls back.
      expect(r.text, `cut ${cut}`).toBe("A\t日本語\nあ");
      expect(r.notes).toEqual([SHIFT_JIS_NOTE]);
    }
  });

  it("UTF-8 chunks stay UTF-8; Shift_JIS from the first invalid sequence of a later chunk", async () => {
    const r = await decode([Buffer.from("Café\n"), Buffer.from([...NIHONGO])], "shift_jis");
    expect(r.text).toBe("Café\n日本語");
  });

  it("the same bytes with Windows-1252 as the legacy encoding are Latin letters", async () => {
    const r = await decode([Buffer.from(NIHONGO)]);
    // 93 “, FA ú, 96 –, 7B {, 8C Œ, EA ê (Windows-1252)
    expect(r.text).toBe("\u201c\u00fa\u2013{\u0152\u00ea");
    expect(r.notes).toEqual([WINDOWS_1252_NOTE]);
  });

  it("a valid UTF-8 file is UTF-8 whatever the legacy encoding", async () => {
    const r = await decode([Buffer.from("日本語 m@marketplace.amazon.co.jp")], "shift_jis");
    expect(r).toEqual({ text: "日本語 m@marketplace.amazon.co.jp", notes: [] });
  });
});

describe("openTable picks Shift_JIS for a file from Amazon.co.jp", () => {
  const fixture = fileURLToPath(new URL("../../fixtures/read/shift-jis/feedback.txt", import.meta.url));

  it("namesAmazonJapan looks for amazon.co.jp in any case", () => {
    expect(namesAmazonJapan(Buffer.from("x@marketplace.AMAZON.CO.JP"))).toBe(true);
    expect(namesAmazonJapan(Buffer.from("Amazon.co.jp\t"))).toBe(true);
    expect(namesAmazonJapan(Buffer.from("x@marketplace.amazon.com"))).toBe(false);
  });

  it("the JP feedback fixture: comments in Japanese, a note", async () => {
    const table = await openTable(fixture);
    expect(table.header).toEqual(["Date", "Rating", "Comments", "Your Response", "Order ID", "Rater Email"]);
    const rows = [];
    for await (const batch of table.rows([0, 2, 3])) rows.push(...batch.map((r) => r.cells));
    expect(rows).toEqual([
      ["26/5/3", "商品が破損していました。", ""],
      ["26/5/11", "到着が遅かった", "ご迷惑をおかけしました。"],
      ["26/5/18", "普通です", ""],
    ]);
    expect(table.notes).toEqual([SHIFT_JIS_NOTE]);
  });

  it("the same bytes without amazon.co.jp are Windows-1252; legacyEncoding forces Shift_JIS", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ahr-sjis-"));
    const file = join(dir, "fb.txt");
    writeFileSync(file, Buffer.from(readFileSync(fixture).toString("latin1").replace(/amazon\.co\.jp/g, "example.org"), "latin1"));
    const plain = await openTable(file);
    for await (const _ of plain.rows([0])) void _;
    expect(plain.notes).toEqual([WINDOWS_1252_NOTE]);
    const forced = await openTable(file, { legacyEncoding: "shift_jis" });
    const cells = [];
    for await (const batch of forced.rows([2])) cells.push(...batch.map((r) => r.cells[0]));
    expect(cells[0]).toBe("商品が破損していました。");
  });
});

/**
 * The pieces of the byte layer on their own: UTF-8 checking across chunk boundaries, the
 * Windows-1252 table, binary sniffing, the delimiter rule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDelimiter } from "../../src/read/delimiter.js";
import {
  chunkText,
  decodeText,
  decodeWindows1252,
  firstInvalidUtf8,
  incompleteUtf8Tail,
  WINDOWS_1252_NOTE,
} from "../../src/read/encoding.js";
import { detectBom, isGzip, sniffBinary } from "../../src/read/sniff.js";

const b = (...bytes: number[]): Buffer => Buffer.from(bytes);

async function decodeChunks(chunks: Buffer[]): Promise<{ text: string; notes: string[] }> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const c of chunks) yield c;
  }
  const notes: string[] = [];
  let text = "";
  for await (const piece of decodeText(source(), detectBom(chunks[0] ?? b()), "f", notes)) text += chunkText(piece);
  return { text, notes };
}

describe("UTF-8 helpers", () => {
  it("incompleteUtf8Tail: the bytes of a sequence the buffer does not finish", () => {
    expect(incompleteUtf8Tail(Buffer.from("abc"))).toBe(0);
    expect(incompleteUtf8Tail(b(0x61, 0xc3))).toBe(1); // C3 starts a 2-byte sequence
    expect(incompleteUtf8Tail(b(0x61, 0xc3, 0xa9))).toBe(0); // é complete
    expect(incompleteUtf8Tail(b(0xe2, 0x82))).toBe(2); // € is E2 82 AC: one byte missing
    expect(incompleteUtf8Tail(b(0xe2, 0x82, 0xac))).toBe(0);
    expect(incompleteUtf8Tail(b(0xf0, 0x9f, 0x98))).toBe(3); // 😀 is F0 9F 98 80
  });
  it("firstInvalidUtf8: index of the first bad sequence", () => {
    expect(firstInvalidUtf8(Buffer.from("Café €"))).toBe(-1);
    expect(firstInvalidUtf8(b(0x43, 0x61, 0x66, 0xe9, 0x20))).toBe(3); // E9 then a space
    expect(firstInvalidUtf8(b(0x41, 0x80))).toBe(1); // a lone continuation byte
    expect(firstInvalidUtf8(b(0xc0, 0xaf))).toBe(0); // overlong "/"
    expect(firstInvalidUtf8(b(0xed, 0xa0, 0x80))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8(b(0x41, 0xe2, 0x82))).toBe(1); // cut off at the end
  });
  it("firstInvalidUtf8 agrees with Node's isUtf8 on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const buf = Buffer.from(bytes);
        const strict = new TextDecoder("utf-8", { fatal: true });
        let valid = true;
        try {
          strict.decode(buf);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(buf) === -1).toBe(valid);
      }),
    );
  });
  it("Windows-1252: 0x80 is €, 0xE9 is é, 0x9F is Ÿ, 0x41 is A", () => {
    expect(decodeWindows1252(b(0x80, 0xe9, 0x9f, 0x41, 0x8a, 0x96))).toBe("€éŸAŠ–");
  });
});

describe("decodeText across chunk boundaries", () => {
  it("a valid character split between chunks is one character, no note", async () => {
    // € = E2 82 AC split after E2 and again after 82
    const { text, notes } = await decodeChunks([b(0x61, 0xe2), b(0x82), b(0xac, 0x62)]);
    expect(text).toBe("a€b");
    expect(notes).toEqual([]);
  });
  it("switching to Windows-1252 mid-file keeps the UTF-8 read before it", async () => {
    // chunk 1: "é" in UTF-8 (C3 A9); chunk 2: "x", E9 (invalid), "!": from E9 on, Windows-1252
    const { text, notes } = await decodeChunks([b(0xc3, 0xa9), b(0x78, 0xe9, 0x21)]);
    expect(text).toBe("éxé!");
    expect(notes).toEqual([WINDOWS_1252_NOTE]);
  });
  it("an invalid sequence that starts at the end of one chunk", async () => {
    // E9 at the end of chunk 1 looks like the start of a 3-byte sequence; chunk 2 shows it is not
    const { text, notes } = await decodeChunks([b(0x61, 0xe9), b(0x20, 0x80)]);
    expect(text).toBe("aé €");
    expect(notes).toEqual([WINDOWS_1252_NOTE]);
  });
  it("a file ending inside a multi-byte sequence", async () => {
    const { text, notes } = await decodeChunks([b(0x61, 0xc3)]);
    expect(text).toBe("aÃ"); // C3 in Windows-1252
    expect(notes).toEqual([WINDOWS_1252_NOTE]);
  });
  it("the note is given once", async () => {
    const { notes } = await decodeChunks([b(0xe9), b(0xe9), b(0xe9)]);
    expect(notes).toEqual([WINDOWS_1252_NOTE]);
  });
  it("a BOM split from the rest of the text is removed", async () => {
    const { text } = await decodeChunks([b(0xef, 0xbb, 0xbf, 0x61), b(0x62)]);
    expect(text).toBe("ab");
  });
});

describe("sniffing", () => {
  it("gzip magic and byte-order marks", () => {
    expect(isGzip(b(0x1f, 0x8b, 0x08))).toBe(true);
    expect(isGzip(b(0x1f))).toBe(false);
    expect(detectBom(b(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: "utf-8", length: 3 });
    expect(detectBom(b(0xff, 0xfe, 0x61, 0))).toEqual({ encoding: "utf-16le", length: 2 });
    expect(detectBom(b(0xfe, 0xff, 0, 0x61))).toEqual({ encoding: "utf-16be", length: 2 });
    expect(detectBom(Buffer.from("ab"))).toEqual({ encoding: "utf-8", length: 0 });
  });
  it("text is not binary; UTF-16 with a BOM is not binary", () => {
    expect(sniffBinary(Buffer.from("a\tb\n1\t2\n"))).toBeNull();
    expect(sniffBinary(Buffer.concat([b(0xff, 0xfe), Buffer.from("a\tb\n", "utf16le")]))).toBeNull();
    expect(sniffBinary(b())).toBeNull();
  });
  it("a single stray NUL is binary, not UTF-16", () => {
    expect(sniffBinary(Buffer.from("abc\u0000defgh"))?.what).toBe("a binary file (it contains NUL bytes)");
  });
});

describe("delimiter (SPEC 8.14)", () => {
  it("most frequent; ties tab, then comma", () => {
    expect(detectDelimiter("a,b,c;d")).toBe(","); // 2 commas, 1 semicolon
    expect(detectDelimiter("a;b;c,d")).toBe(";"); // 2 semicolons, 1 comma
    expect(detectDelimiter("a\tb,c")).toBe("\t"); // 1 and 1: tab
    expect(detectDelimiter("a,b;c")).toBe(","); // 1 and 1: comma
    expect(detectDelimiter("a;b\tc;d\te")).toBe("\t"); // 2 and 2: tab
    expect(detectDelimiter("")).toBe("\t");
  });
});

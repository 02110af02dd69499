/**
 * Bytes to text. UTF-8 is checked chunk by chunk (a multi-byte sequence split across chunks is
 * carried over); at the first invalid sequence the rest of the file is read as Windows-1252 (or,
 * for a file from Amazon.co.jp, Shift_JIS: SPEC 9.2) and a note says so. UTF-16 with a byte-order
 * mark is decoded. A NUL anywhere in the text means the file is binary.
 *
 * The output chunks are either Buffers holding whole, valid UTF-8 sequences (the common case,
 * passed through without copying) or strings (text that had to be transcoded).
 */
import { isAscii, isUtf8 } from "node:buffer";
import { TextDecoder } from "node:util";
import { AhrError } from "../errors.js";
import type { Bom } from "./sniff.js";

export type TextChunk = Buffer | string;

export const WINDOWS_1252_NOTE = "read as Windows-1252 (the file is not valid UTF-8)";
export const SHIFT_JIS_NOTE = "read as Shift_JIS (the file is not valid UTF-8 and comes from Amazon.co.jp)";
export const SHIFT_JIS_MISSING_NOTE =
  "read as Windows-1252: the file is not valid UTF-8 and comes from Amazon.co.jp, but this Node.js has no Shift_JIS decoder (it was built without full ICU); re-save the file as UTF-8";

/** What bytes that are not UTF-8 are read as. */
export type LegacyEncoding = "windows-1252" | "shift_jis";

/** The bytes of `amazon.co.jp` (any case) in `head`: the file comes from Amazon.co.jp. */
export function namesAmazonJapan(head: Uint8Array): boolean {
  return /amazon\.co\.jp/i.test(Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString("latin1"));
}

/** A streaming Shift_JIS decoder, or null when this Node.js has none (small ICU). */
function shiftJisDecoder(): TextDecoder | null {
  try {
    return new TextDecoder("shift_jis");
  } catch {
    return null;
  }
}

/**
 * The chunk as a string (Buffers from decodeText hold only whole UTF-8 sequences). Pure ASCII,
 * the usual case, is copied as Latin-1, several times faster than decoding UTF-8.
 */
export function chunkText(chunk: TextChunk): string {
  if (typeof chunk === "string") return chunk;
  return isAscii(chunk) ? chunk.toString("latin1") : chunk.toString("utf8");
}

/**
 * How many bytes at the end of `buf` start a UTF-8 sequence that the buffer does not finish
 * (0..3). Such bytes are carried into the next chunk.
 */
export function incompleteUtf8Tail(buf: Uint8Array): number {
  const n = buf.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = buf[n - k] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/**
 * Index of the first byte that does not begin a valid UTF-8 sequence (overlong forms, surrogates
 * and sequences cut off by the end of the buffer included), or -1 when the buffer is valid.
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const b1 = buf[i + 1] as number;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      if (((buf[i + k] as number) & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

// Windows-1252 bytes 0x80..0x9F (WHATWG table; the five undefined bytes stay C1 controls).
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Windows-1252 to text. (Node 20's TextDecoder("windows-1252") decodes as Latin-1, which gets
 * 0x80..0x9F wrong: 0x80 must be the euro sign.) Every other byte is its Latin-1 code point.
 */
export function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

function noNul(chunk: TextChunk, file: string): TextChunk {
  const at = typeof chunk === "string" ? chunk.indexOf("\u0000") : chunk.indexOf(0);
  if (at !== -1) throw new AhrError("BINARY_FILE", { file, what: "a binary file (it contains NUL bytes)" });
  return chunk;
}

/**
 * Decode `source` (raw bytes, BOM included) as text. `notes` receives the Windows-1252 (or
 * Shift_JIS) note when the fallback happens. With `legacy` "shift_jis", bytes that are not UTF-8
 * are Shift_JIS; when the first chunk already is not UTF-8, the whole file is (Shift_JIS text
 * can hold byte runs that happen to be valid UTF-8 before the first that is not).
 */
export async function* decodeText(
  source: AsyncIterable<Buffer>,
  bom: Bom,
  file: string,
  notes: string[],
  legacy: LegacyEncoding = "windows-1252",
): AsyncGenerator<TextChunk> {
  let skip = bom.length;
  if (bom.encoding !== "utf-8") {
    const decoder = new TextDecoder(bom.encoding, { ignoreBOM: true });
    for await (let chunk of source) {
      if (skip > 0) {
        const cut = Math.min(skip, chunk.length);
        chunk = chunk.subarray(cut);
        skip -= cut;
      }
      const text = decoder.decode(chunk, { stream: true });
      if (text.length > 0) yield noNul(text, file);
    }
    const last = decoder.decode();
    if (last.length > 0) yield noNul(last, file);
    return;
  }

  let carry: Buffer | null = null;
  let cp1252 = false;
  /** Set once the rest of the file is Shift_JIS. */
  let sjis: TextDecoder | null = null;
  let first = true;
  /** The legacy decoding from here on: Shift_JIS when asked and available, else Windows-1252. */
  const fallBack = (): void => {
    if (legacy === "shift_jis") {
      sjis = shiftJisDecoder();
      if (sjis !== null) {
        notes.push(SHIFT_JIS_NOTE);
        return;
      }
      notes.push(SHIFT_JIS_MISSING_NOTE);
    } else notes.push(WINDOWS_1252_NOTE);
    cp1252 = true;
  };
  const legacyText = (bytes: Buffer): string =>
    sjis !== null ? (sjis as TextDecoder).decode(bytes, { stream: true }) : decodeWindows1252(bytes);
  for await (let chunk of source) {
    if (skip > 0) {
      const cut = Math.min(skip, chunk.length);
      chunk = chunk.subarray(cut);
      skip -= cut;
    }
    if (chunk.length === 0) continue;
    const isFirst = first;
    first = false;
    if (cp1252 || sjis !== null) {
      const text = legacyText(chunk);
      if (text.length > 0) yield noNul(text, file);
      continue;
    }
    if (carry !== null) {
      chunk = Buffer.concat([carry, chunk]);
      carry = null;
    }
    const tail = incompleteUtf8Tail(chunk);
    const body = tail === 0 ? chunk : chunk.subarray(0, chunk.length - tail);
    if (isAscii(body) || isUtf8(body)) {
      if (tail > 0) carry = Buffer.from(chunk.subarray(chunk.length - tail));
      if (body.length > 0) yield noNul(body, file);
      continue;
    }
    // The first invalid sequence: UTF-8 up to it, the legacy encoding from it on (this chunk
    // included); a Shift_JIS file whose first chunk is not UTF-8: all of it.
    const bad = firstInvalidUtf8(body);
    let cut = bad < 0 ? body.length : bad;
    if (legacy === "shift_jis" && isFirst) cut = 0;
    if (cut > 0) yield noNul(chunk.subarray(0, cut), file);
    fallBack();
    const text = legacyText(chunk.subarray(cut));
    if (text.length > 0) yield noNul(text, file);
  }
  if (carry !== null) {
    // The file ends inside a multi-byte sequence: those bytes are not UTF-8 either.
    fallBack();
    const text = legacyText(carry);
    if (text.length > 0) yield noNul(text, file);
  }
  if (sjis !== null) {
    const last = (sjis as TextDecoder).decode();
    if (last.length > 0) yield noNul(last, file);
  }
}

/**
 * What the first bytes of a file say it is: gzip, a byte-order mark, or a binary file that is not
 * a CSV/TSV export at all (an Excel workbook, a PDF, UTF-16 without a BOM, anything with NULs).
 */

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

export interface Bom {
  encoding: TextEncoding;
  /** Bytes of the byte-order mark to skip (0 without one). */
  length: number;
}

export interface BinaryGuess {
  what: string;
  hint?: string;
}

const startsWith = (head: Uint8Array, magic: readonly number[]): boolean =>
  head.length >= magic.length && magic.every((b, i) => head[i] === b);

export function isGzip(head: Uint8Array): boolean {
  return startsWith(head, [0x1f, 0x8b]);
}

export function detectBom(head: Uint8Array): Bom {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: "utf-8", length: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: "utf-16le", length: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: "utf-16be", length: 2 };
  return { encoding: "utf-8", length: 0 };
}

const SAVE_AS_TEXT = "download the report as a .txt or .csv file, or save it as CSV UTF-8";

/**
 * A guess at what a binary file is, from its first bytes (after gunzip), or null for text.
 * Files with a UTF-16 byte-order mark are text here (their NULs are expected).
 */
export function sniffBinary(head: Uint8Array): BinaryGuess | null {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return { what: "an Excel workbook or zip archive", hint: SAVE_AS_TEXT };
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { what: "an old Excel workbook (.xls)", hint: SAVE_AS_TEXT };
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) {
    return { what: "a PDF document", hint: SAVE_AS_TEXT };
  }
  if (detectBom(head).encoding !== "utf-8") return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (even + odd === 0) return null;
  // UTF-16 text without a BOM: mostly-ASCII text has a NUL in every other byte, all on one side.
  const pairs = Math.floor(head.length / 2);
  const one = Math.max(even, odd);
  const other = Math.min(even, odd);
  if (pairs >= 2 && one * 2 >= pairs && other * 20 <= one) {
    return { what: "UTF-16 text without a byte-order mark", hint: "re-save it as UTF-8" };
  }
  return { what: "a binary file (it contains NUL bytes)" };
}

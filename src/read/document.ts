/**
 * Whole documents (not tables): a file read into one string, gunzipped when the bytes are gzip,
 * decoded like every table (BOM, UTF-16, UTF-8 with the Windows-1252 fallback). For Amazon's JSON
 * reports (the V2 seller performance report), which are small and are parsed whole.
 *
 * Knows no kind and no format: `looksLikeJson` only says whether the text starts like a JSON
 * object, which is how a directory tells a document from a table.
 */
import { AhrError } from "../errors.js";
import { decodeText, chunkText } from "./encoding.js";
import { SNIFF_BYTES } from "./limits.js";
import { detectBom, isGzip, sniffBinary } from "./sniff.js";
import { gunzip, openFileSource, peek, type ByteSource } from "./source.js";

/** Most characters a document may have once inflated (a V2 report is a few kB per marketplace). */
export const MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;

export interface DocumentText {
  /** The file name as given. */
  file: string;
  text: string;
  /** The bytes were gzip. */
  gzip: boolean;
  /** How it was read ("read as Windows-1252"). */
  notes: string[];
}

async function open(file: string): Promise<ByteSource> {
  return openFileSource(file);
}

/** The first bytes of `file`, gunzipped when gzip: whether its text starts with `{` (after a BOM and blanks). */
export async function looksLikeJson(file: string): Promise<boolean> {
  const source = await open(file);
  try {
    let { head, chunks } = await peek(source.chunks, SNIFF_BYTES);
    if (isGzip(head)) {
      try {
        ({ head } = await peek(gunzip(chunks, file), SNIFF_BYTES));
      } catch {
        return false; // damaged gzip: the table reader says so
      }
    }
    return startsLikeJson(head);
  } finally {
    await source.suspend();
  }
}

/** Whether bytes start (after a UTF-8 BOM and white space) with `{`. */
export function startsLikeJson(head: Uint8Array): boolean {
  let i = detectBom(head).encoding === "utf-8" ? detectBom(head).length : -1;
  if (i < 0) return false;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x7b;
}

/**
 * `file` as one string. Errors: FILE_NOT_FOUND, FILE_UNREADABLE (damaged gzip too), BINARY_FILE,
 * DOCUMENT_TOO_LARGE.
 */
export async function readDocument(file: string): Promise<DocumentText> {
  const source = await open(file);
  const notes: string[] = [];
  try {
    let { head, chunks } = await peek(source.chunks, SNIFF_BYTES);
    const gzip = isGzip(head);
    if (gzip) ({ head, chunks } = await peek(gunzip(chunks, file), SNIFF_BYTES));
    const binary = sniffBinary(head);
    if (binary !== null) throw new AhrError("BINARY_FILE", { file, what: binary.what, ...(binary.hint ? { hint: binary.hint } : {}) });
    const parts: string[] = [];
    let length = 0;
    for await (const chunk of decodeText(chunks, detectBom(head), file, notes)) {
      const text = chunkText(chunk);
      length += text.length;
      if (length > MAX_DOCUMENT_CHARS) throw new AhrError("DOCUMENT_TOO_LARGE", { file, limit: MAX_DOCUMENT_CHARS });
      parts.push(text);
    }
    return { file, text: parts.join(""), gzip, notes };
  } finally {
    await source.suspend();
  }
}

/**
 * Row hashes for duplicate detection (README, Decisions: duplicate rows): 53 bits over a row's
 * selected cells, from string cells or read in place (a RowCursor), equal either way. Knows no
 * kind: readInputs hashes every record kind's rows with rowHashAt; a kind that mixes more into
 * its hash (orders: the dates' instants, inputs/orders/row-hash.ts) uses hashStart, hashCells,
 * hashStamp and hashEnd.
 */
import type { Stamp } from "../records.js";
import { RowCursor } from "./rows.js";

/**
 * A 53-bit hash of a row's cells (FNV-1a and a multiply-by-31 hash side by side, one pass),
 * seeded per file with its field list so rows of files with different columns never match.
 * Positions flagged in `skip` are left out (orders leave out the order id and the dates, which
 * they mix in as numbers instead).
 */
export function rowHash(cells: readonly string[], seed: number, skip?: Uint8Array): number {
  const cursor = new RowCursor();
  cursor.setCells(cells as string[], 0);
  return rowHashAt(cursor, cells.length, seed, skip);
}

const TWO32 = 0x100000000;
let laneA = 0;
let laneB = 0;

/** Mixes a date's instant into the two lanes (ms below 2^53: `| 0` keeps its low 32 bits). */
export function hashStamp(st: Stamp | null): void {
  const ms = st === null ? -1 : st.ms;
  const lo = ms | 0;
  const hi = (ms / TWO32) | 0;
  laneA = Math.imul(Math.imul(laneA ^ lo, 0x01000193) ^ hi, 0x01000193);
  laneB = (Math.imul(laneB, 31) + lo + Math.imul(hi, 7)) | 0;
}

/**
 * Mixes the cells of the cursor's row (n of them, those flagged in `skip` left out) into the two
 * lanes: a cell read in place is the same characters as its string, so a row hashes the same
 * from either form.
 */
export function hashCells(row: RowCursor, n: number, skip: Uint8Array | undefined): void {
  let a = laneA;
  let b = laneB;
  const cells = row.cells;
  if (cells !== null) {
    for (let i = 0; i < cells.length; i++) {
      if (skip !== undefined && skip[i] === 1) continue;
      const s = cells[i]!;
      for (let j = 0; j < s.length; j++) {
        const c = s.charCodeAt(j);
        a = Math.imul(a ^ c, 0x01000193);
        b = (Math.imul(b, 31) + c) | 0;
      }
      a = Math.imul(a ^ 0x1f, 0x01000193);
      b = (Math.imul(b, 31) + 0x1f) | 0;
    }
  } else if (row.buf !== null) {
    // The same codes as the characters (an ASCII chunk), read as bytes (issue 18).
    const buf = row.buf;
    const bounds = row.bounds;
    for (let i = 0, k = row.base; i < n; i++, k += 2) {
      if (skip !== undefined && skip[i] === 1) continue;
      const e = bounds[k + 1]!;
      for (let j = bounds[k]!; j < e; j++) {
        const c = buf[j]!;
        a = Math.imul(a ^ c, 0x01000193);
        b = (Math.imul(b, 31) + c) | 0;
      }
      a = Math.imul(a ^ 0x1f, 0x01000193);
      b = (Math.imul(b, 31) + 0x1f) | 0;
    }
  } else {
    const text = row.text;
    const bounds = row.bounds;
    for (let i = 0, k = row.base; i < n; i++, k += 2) {
      if (skip !== undefined && skip[i] === 1) continue;
      const e = bounds[k + 1]!;
      for (let j = bounds[k]!; j < e; j++) {
        const c = text.charCodeAt(j);
        a = Math.imul(a ^ c, 0x01000193);
        b = (Math.imul(b, 31) + c) | 0;
      }
      a = Math.imul(a ^ 0x1f, 0x01000193);
      b = (Math.imul(b, 31) + 0x1f) | 0;
    }
  }
  laneA = a;
  laneB = b;
}

/** Starts a hash: the two lanes from the seed. */
export function hashStart(seed: number): void {
  laneA = 0x811c9dc5 ^ seed;
  laneB = seed | 0;
}

/** The 53-bit hash of what was mixed in since hashStart. */
export function hashEnd(): number {
  const a = laneA;
  const b = laneB;
  return (a >>> 0) * 0x200000 + ((b ^ (b >>> 11)) & 0x1fffff);
}

/** rowHash of the cursor's row (n cells). */
export function rowHashAt(row: RowCursor, n: number, seed: number, skip?: Uint8Array): number {
  laneA = 0x811c9dc5 ^ seed;
  laneB = seed | 0;
  hashCells(row, n, skip);
  const a = laneA;
  const b = laneB;
  return (a >>> 0) * 0x200000 + ((b ^ (b >>> 11)) & 0x1fffff);
}

/** A seed for rowHash from a file's field list. */
export function fieldSeed(fields: readonly string[]): number {
  return rowHash(fields, 0x2545f491) | 0;
}

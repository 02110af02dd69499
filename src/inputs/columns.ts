/**
 * Column storage for records kept in large numbers (issue 6): typed-array columns grown by
 * `widened`, strings as Latin-1 bytes in a StringColumn, and `paged`, which keeps records as
 * views over pages of one file. The kinds' compact forms (messages/compact.ts,
 * feedback/compact.ts) and the order store (orders/store.ts) are built from these.
 * A page is held by the views into it only: the pages of an input go away with its records.
 */
import type { Source } from "../records.js";

type Column = Int16Array | Int32Array | Uint8Array | Uint16Array | Float64Array;

/** A copy of the column `a` with `n` slots (the new ones 0): how the stores grow a column. */
export function widened<A extends Column>(a: A, n: number): A {
  const b = new (a.constructor as new (length: number) => A)(n);
  b.set(a);
  return b;
}

/** StringColumn offsets: no string (null). */
const NULL_STRING = -1;
/** StringColumn offsets: not Latin-1 or longer than 255: in `other`. */
const OTHER_STRING = -2;

/**
 * A column of n strings (or null): each Latin-1 string of up to 255 characters as bytes in one
 * pool (offset and length per slot), any other string as itself in a Map by slot. A string is
 * built on access. About a third of the memory of a string object per value (an order id: 19
 * bytes and 5 of offset and length, where a string takes 40 and its reference 8).
 */
export class StringColumn {
  private off: Int32Array;
  private len: Uint8Array;
  private pool: Buffer;
  private used = 0;
  private readonly other = new Map<number, string>();

  constructor(slots: number, poolBytes = 4096) {
    this.off = new Int32Array(slots).fill(NULL_STRING);
    this.len = new Uint8Array(slots);
    this.pool = Buffer.allocUnsafe(poolBytes);
  }

  /** Slots (grown by grow()). */
  get slots(): number {
    return this.off.length;
  }

  /** Grows to `slots` slots (the new ones null). */
  grow(slots: number): void {
    const off = new Int32Array(slots).fill(NULL_STRING);
    off.set(this.off);
    this.off = off;
    this.len = widened(this.len, slots);
  }

  /** Sets slot k (only once per slot: the bytes of an earlier value are not reused). */
  set(k: number, s: string | null): void {
    if (s === null) {
      this.off[k] = NULL_STRING;
      return;
    }
    const n = s.length;
    let latin1 = n <= 255;
    for (let j = 0; latin1 && j < n; j++) if (s.charCodeAt(j) > 255) latin1 = false;
    if (!latin1) {
      this.off[k] = OTHER_STRING;
      this.other.set(k, s);
      return;
    }
    if (this.used + n > this.pool.length) {
      const pool = Buffer.allocUnsafe(Math.max(4096, 2 * this.pool.length, this.used + n));
      this.pool.copy(pool, 0, 0, this.used);
      this.pool = pool;
    }
    const pool = this.pool;
    let at = this.used;
    for (let j = 0; j < n; j++) pool[at++] = s.charCodeAt(j);
    this.off[k] = this.used;
    this.len[k] = n;
    this.used = at;
  }

  /** Whether slot k holds a string. */
  has(k: number): boolean {
    return this.off[k] !== NULL_STRING;
  }

  get(k: number): string | null {
    const off = this.off[k]!;
    if (off === NULL_STRING) return null;
    if (off === OTHER_STRING) return this.other.get(k)!;
    return this.pool.toString("latin1", off, off + this.len[k]!);
  }

  /** Whether slot k holds exactly `s` (compared in place: no string is built). */
  equals(k: number, s: string): boolean {
    const off = this.off[k]!;
    if (off === NULL_STRING) return false;
    if (off === OTHER_STRING) return this.other.get(k) === s;
    const n = this.len[k]!;
    if (n !== s.length) return false;
    const pool = this.pool;
    for (let j = 0; j < n; j++) if (pool[off + j] !== s.charCodeAt(j)) return false;
    return true;
  }

  /** Whether slot k holds exactly text[start, end) (compared in place: no string is built). */
  equalsAt(k: number, text: string, start: number, end: number): boolean {
    const off = this.off[k]!;
    if (off === NULL_STRING) return false;
    const n = end - start;
    if (off === OTHER_STRING) {
      const o = this.other.get(k)!;
      if (o.length !== n) return false;
      for (let j = 0; j < n; j++) if (o.charCodeAt(j) !== text.charCodeAt(start + j)) return false;
      return true;
    }
    if (n !== this.len[k]!) return false;
    const pool = this.pool;
    for (let j = 0; j < n; j++) if (pool[off + j] !== text.charCodeAt(start + j)) return false;
    return true;
  }

  /** Frees the pool's unused tail (a copy of the bytes used). */
  trim(): void {
    if (this.pool.length > this.used) this.pool = Buffer.from(this.pool.subarray(0, this.used));
  }
}

/** A page of compact records of one file. */
export interface RecordPage<R> {
  readonly size: number;
  readonly file: string;
  add(record: R): number;
}

/**
 * Records to views over pages of `pageSize`: a record goes to the current page, a new one when
 * it is full or the record's file differs.
 */
export function paged<R extends { source: Source }, P extends RecordPage<R>>(
  pageSize: number,
  newPage: (file: string) => P,
  view: (page: P, k: number) => R,
): (record: R) => R {
  let page: P | null = null;
  return (r) => {
    if (page === null || page.size === pageSize || page.file !== r.source.file) page = newPage(r.source.file);
    return view(page, page.add(r));
  };
}

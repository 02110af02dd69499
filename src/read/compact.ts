/**
 * Compact forms of the records that are kept in large numbers besides the orders (issue 6).
 *
 * Kept messages are stored as columns: pages of up to MESSAGE_PAGE messages in typed arrays
 * (the instants and days, the line, a flag), their ids as Latin-1 bytes (StringColumn), one file
 * name per page. A kept Message is a StoredMessage view (its page and its slot) whose fields are
 * read from the page on access (`toJSON` gives the plain record): about 110 bytes a message
 * instead of some 210 (an object with nine fields, two boxed instants and two id strings).
 * Kept feedback (the negative rows a report can count, issue 6) is stored the same way: pages of
 * FEEDBACK_PAGE records (the date's instant and day, the rating and removed flag in one byte, the
 * line), the order id and comments in a StringColumn, one file name per page; a StoredFeedback
 * view gives its fields: about 60 bytes a record instead of some 250 (an object with six fields,
 * a boxed Stamp, a Source and two strings).
 * A page is held by the views into it only: the pages of an input go away with its records.
 */
import type { Feedback, Message, Source, Stamp } from "../records.js";

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

  /** Frees the pool's unused tail (a copy of the bytes used). */
  trim(): void {
    if (this.pool.length > this.used) this.pool = Buffer.from(this.pool.subarray(0, this.used));
  }
}

/** Messages per page. */
export const MESSAGE_PAGE = 4096;

const NO_RESPONSE_NEEDED = 1;

class MessagePage {
  size = 0;
  readonly receivedMs = new Float64Array(MESSAGE_PAGE);
  readonly receivedDay = new Int32Array(MESSAGE_PAGE);
  /** NaN: not responded. */
  readonly respondedMs = new Float64Array(MESSAGE_PAGE);
  readonly respondedDay = new Int32Array(MESSAGE_PAGE);
  readonly line = new Int32Array(MESSAGE_PAGE);
  readonly flags = new Uint8Array(MESSAGE_PAGE);
  /** Slot 2k: message k's messageId, 2k + 1: its orderId. */
  readonly ids = new StringColumn(2 * MESSAGE_PAGE, 64 * 1024);
  constructor(readonly file: string) {}

  add(m: Message): number {
    const k = this.size++;
    this.receivedMs[k] = m.receivedAt.ms;
    this.receivedDay[k] = m.receivedAt.day;
    this.respondedMs[k] = m.respondedAt === null ? NaN : m.respondedAt.ms;
    this.respondedDay[k] = m.respondedAt === null ? 0 : m.respondedAt.day;
    this.line[k] = m.source.line;
    this.flags[k] = m.noResponseNeeded ? NO_RESPONSE_NEEDED : 0;
    this.ids.set(2 * k, m.messageId);
    this.ids.set(2 * k + 1, m.orderId);
    if (this.size === MESSAGE_PAGE) this.ids.trim();
    return k;
  }
}

class StoredMessage implements Message {
  constructor(
    private readonly p: MessagePage,
    private readonly k: number,
  ) {}
  get messageId(): string | null {
    return this.p.ids.get(2 * this.k);
  }
  get orderId(): string | null {
    return this.p.ids.get(2 * this.k + 1);
  }
  get noResponseNeeded(): boolean {
    return (this.p.flags[this.k]! & NO_RESPONSE_NEEDED) !== 0;
  }
  get receivedAt(): Stamp {
    return { ms: this.p.receivedMs[this.k]!, day: this.p.receivedDay[this.k]! };
  }
  get respondedAt(): Stamp | null {
    const ms = this.p.respondedMs[this.k]!;
    return ms === ms ? { ms, day: this.p.respondedDay[this.k]! } : null;
  }
  get source(): Source {
    return { file: this.p.file, line: this.p.line[this.k]! };
  }
  /** The plain record. */
  toJSON(): Message {
    return {
      messageId: this.messageId,
      orderId: this.orderId,
      receivedAt: this.receivedAt,
      respondedAt: this.respondedAt,
      noResponseNeeded: this.noResponseNeeded,
      source: this.source,
    };
  }
}

/**
 * A function giving the compact form of a parsed Message (equal in every field), for one input:
 * its messages go to pages of their own (a new page when one is full or the file changes), so
 * two reads in one process never share a page.
 */
export function messageCompactor(): (m: Message) => Message {
  return paged<Message, MessagePage>(
    MESSAGE_PAGE,
    (file) => new MessagePage(file),
    (page, k) => new StoredMessage(page, k),
  );
}

/** A page of compact records of one file. */
interface RecordPage<R> {
  readonly size: number;
  readonly file: string;
  add(record: R): number;
}

/**
 * Records to views over pages of `pageSize`: a record goes to the current page, a new one when
 * it is full or the record's file differs.
 */
function paged<R extends { source: Source }, P extends RecordPage<R>>(
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

/** Feedback records per page. */
export const FEEDBACK_PAGE = 4096;

/** FeedbackPage.flags: the rating in the low 7 bits, this bit set when removed. */
const REMOVED = 0x80;

class FeedbackPage {
  size = 0;
  /** NaN: undated. */
  readonly dateMs = new Float64Array(FEEDBACK_PAGE);
  readonly dateDay = new Int32Array(FEEDBACK_PAGE);
  readonly line = new Int32Array(FEEDBACK_PAGE);
  readonly flags = new Uint8Array(FEEDBACK_PAGE);
  /** Slot 2k: record k's orderId, 2k + 1: its comments. */
  readonly strings = new StringColumn(2 * FEEDBACK_PAGE, 64 * 1024);
  constructor(readonly file: string) {}

  add(f: Feedback): number {
    const k = this.size++;
    this.dateMs[k] = f.date === null ? NaN : f.date.ms;
    this.dateDay[k] = f.date === null ? 0 : f.date.day;
    this.line[k] = f.source.line;
    this.flags[k] = f.rating | (f.removed ? REMOVED : 0);
    this.strings.set(2 * k, f.orderId);
    this.strings.set(2 * k + 1, f.comments);
    if (this.size === FEEDBACK_PAGE) this.strings.trim();
    return k;
  }
}

class StoredFeedback implements Feedback {
  constructor(
    private readonly p: FeedbackPage,
    private readonly k: number,
  ) {}
  get orderId(): string {
    return this.p.strings.get(2 * this.k)!;
  }
  get date(): Stamp | null {
    const ms = this.p.dateMs[this.k]!;
    return ms === ms ? { ms, day: this.p.dateDay[this.k]! } : null;
  }
  get rating(): number {
    return this.p.flags[this.k]! & (REMOVED - 1);
  }
  get removed(): boolean {
    return (this.p.flags[this.k]! & REMOVED) !== 0;
  }
  get comments(): string | null {
    return this.p.strings.get(2 * this.k + 1);
  }
  get source(): Source {
    return { file: this.p.file, line: this.p.line[this.k]! };
  }
  /** The plain record. */
  toJSON(): Feedback {
    return {
      orderId: this.orderId,
      date: this.date,
      rating: this.rating,
      removed: this.removed,
      comments: this.comments,
      source: this.source,
    };
  }
}

/** A rating the flags byte holds: a whole number from 0 to 127 (the readers give 1 to 5). */
const fitsFlags = (rating: number): boolean => Number.isInteger(rating) && rating >= 0 && rating < REMOVED;

/**
 * A function giving the compact form of a parsed Feedback record (equal in every field), for one
 * input, as messageCompactor does for messages. A record whose rating the page cannot hold (none
 * the readers give) is kept as it is.
 */
export function feedbackCompactor(): (f: Feedback) => Feedback {
  const compact = paged<Feedback, FeedbackPage>(
    FEEDBACK_PAGE,
    (file) => new FeedbackPage(file),
    (page, k) => new StoredFeedback(page, k),
  );
  return (f) => (fitsFlags(f.rating) ? compact(f) : f);
}

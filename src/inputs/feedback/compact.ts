/**
 * The compact form of kept feedback (the negative rows a report can count, issue 6): pages of
 * FEEDBACK_PAGE records (the date's instant and day, the rating and removed flag in one byte, the
 * line), the order id and comments in a StringColumn, one file name per page; a StoredFeedback
 * view gives its fields: about 60 bytes a record instead of some 250 (an object with six fields,
 * a boxed Stamp, a Source and two strings).
 */
import type { Feedback, Source, Stamp } from "../../records.js";
import { StringColumn, paged } from "../columns.js";

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

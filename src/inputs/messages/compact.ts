/**
 * The compact form of kept messages (issue 6): pages of up to MESSAGE_PAGE messages in typed
 * arrays (the instants and days, the line, a flag), their ids as Latin-1 bytes (StringColumn),
 * one file name per page. A kept Message is a StoredMessage view (its page and its slot) whose
 * fields are read from the page on access (`toJSON` gives the plain record): about 110 bytes a
 * message instead of some 210 (an object with nine fields, two boxed instants and two id strings).
 */
import type { Message, Source, Stamp } from "../../records.js";
import { StringColumn, paged } from "../columns.js";

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

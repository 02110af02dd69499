import { describe, expect, it } from "vitest";
import { StringColumn } from "../../src/inputs/columns.js";
import { FEEDBACK_PAGE, feedbackCompactor } from "../../src/inputs/feedback/compact.js";
import { messageCompactor } from "../../src/inputs/messages/compact.js";
import type { Feedback, Message } from "../../src/records.js";

describe("messageCompactor", () => {
  it("gives the same message: every field on access and as JSON", () => {
    const compactMessage = messageCompactor();
    // 2026-10-02 is day 20728; 10:00 UTC adds 36 000 000 ms to 20728 * 86 400 000
    const answered: Message = {
      messageId: "M1",
      orderId: "113-1",
      receivedAt: { ms: 1_790_935_200_000, day: 20728 },
      respondedAt: { ms: 1_790_935_200_000 + 3_600_000, day: 20728 },
      noResponseNeeded: false,
      source: { file: "m.csv", line: 2 },
    };
    const open: Message = { ...answered, messageId: null, orderId: null, respondedAt: null, noResponseNeeded: true };
    for (const m of [answered, open]) {
      const c = compactMessage(m);
      expect([c.messageId, c.orderId, c.receivedAt, c.respondedAt, c.noResponseNeeded, c.source]).toEqual([
        m.messageId,
        m.orderId,
        m.receivedAt,
        m.respondedAt,
        m.noResponseNeeded,
        m.source,
      ]);
      expect(JSON.parse(JSON.stringify(c))).toEqual(m);
    }
  });
});

describe("kept messages in pages", () => {
  const msg = (i: number, file = "m.csv"): Message => ({
    messageId: i % 7 === 0 ? null : `M${i}`,
    orderId: i % 5 === 0 ? null : i % 11 === 0 ? `113-ü-${i}` : i % 13 === 0 ? `注文-${i}` : `113-${i}`,
    receivedAt: { ms: 1_790_935_200_000 + i * 1000, day: 20728 + (i % 3) },
    respondedAt: i % 2 === 0 ? null : { ms: 1_790_935_200_000 + i * 1000 + 60_000, day: 20728 + (i % 3) },
    noResponseNeeded: i % 3 === 0,
    source: { file, line: i + 2 },
  });
  it("every message is given back as added, across pages and files", () => {
    // 4096 a page: 9000 messages fill two pages and part of a third; the file changes at 5000
    const plain = Array.from({ length: 9000 }, (_, i) => msg(i, i < 5000 ? "a.csv" : "b.csv"));
    const compactMessage = messageCompactor();
    const kept = plain.map((m) => compactMessage(m));
    for (const i of [0, 1, 10, 11, 13, 4095, 4096, 4999, 5000, 5001, 8191, 8192, 8999]) {
      expect(JSON.parse(JSON.stringify(kept[i]))).toEqual(plain[i]);
      expect(kept[i]!.receivedAt).toEqual(plain[i]!.receivedAt);
    }
    expect(kept[11]!.orderId).toBe("113-ü-11"); // Latin-1, in the pool
    expect(kept[13]!.orderId).toBe("注文-13"); // not Latin-1: kept as itself
    expect(kept[14]!.messageId).toBeNull();
    expect(kept[5000]!.source).toEqual({ file: "b.csv", line: 5002 });
    expect(kept.every((k, i) => k.orderId === plain[i]!.orderId && k.messageId === plain[i]!.messageId)).toBe(true);
  });
});

describe("StringColumn", () => {
  it("gives back Latin-1, other, long, empty and null strings, and compares them in place", () => {
    const long = "x".repeat(255);
    const longer = "y".repeat(256); // past the 8-bit length
    const values = ["111-1234567-1234567", "ÿé\u0000", "注文-1", long, longer, "", null, "a"];
    const c = new StringColumn(4, 8); // grown below, its pool grown from 8 bytes
    c.grow(values.length);
    values.forEach((v, k) => c.set(k, v));
    expect(values.map((_, k) => c.get(k))).toEqual(values);
    expect(c.equals(0, "111-1234567-1234567")).toBe(true);
    expect(c.equals(0, "111-1234567-1234568")).toBe(false);
    expect(c.equals(0, "111-1234567-123456")).toBe(false);
    expect(c.equals(1, "ÿé\u0000")).toBe(true);
    expect(c.equals(1, "ÿé")).toBe(false);
    expect(c.equals(2, "注文-1")).toBe(true);
    expect(c.equals(2, "注文-2")).toBe(false);
    expect(c.equals(4, longer)).toBe(true);
    expect(c.equals(4, long)).toBe(false);
    expect(c.equals(5, "")).toBe(true);
    expect(c.equals(6, "")).toBe(false); // null is no string
    expect(c.equals(7, "ab")).toBe(false); // "a" is a prefix of it
    c.trim();
    expect(values.map((_, k) => c.get(k))).toEqual(values);
    expect(c.slots).toBe(values.length);
  });
});

describe("feedbackCompactor", () => {
  const fields = (f: Feedback) => [f.orderId, f.date, f.rating, f.removed, f.comments, f.source];
  it("gives the same record: every field on access and as JSON", () => {
    const compactFeedback = feedbackCompactor();
    // 2026-10-02 is day 20728 (its start in UTC)
    const dated: Feedback = {
      orderId: "113-1234567-1234567",
      date: { ms: 1_790_899_200_000, day: 20728 },
      rating: 1,
      removed: false,
      comments: "Item arrived broken",
      source: { file: "f.txt", line: 2 },
    };
    const undated: Feedback = { ...dated, date: null, rating: 2, removed: true, comments: null };
    const plain = [
      dated,
      undated,
      { ...dated, rating: 5, comments: "" },
      { ...dated, orderId: "注文-1", comments: "très déçu ÿ" },
      { ...dated, orderId: "113-ü-1", comments: "壊れていました" },
      { ...dated, comments: "long ".repeat(60) }, // 300 characters: past the 8-bit length
      { ...dated, comments: "é".repeat(255) }, // the longest in the pool
    ];
    for (const f of plain) {
      const c = compactFeedback(f);
      expect(fields(c)).toEqual(fields(f));
      expect(JSON.stringify(c)).toBe(JSON.stringify(f)); // the same fields in the same order
      expect(JSON.parse(JSON.stringify(c))).toEqual(f);
    }
  });

  it("gives a new Stamp on each access", () => {
    const c = feedbackCompactor()({
      orderId: "1",
      date: { ms: 0, day: 0 },
      rating: 2,
      removed: false,
      comments: null,
      source: { file: "f", line: 2 },
    });
    const a = c.date!;
    a.ms = 5;
    expect(c.date).toEqual({ ms: 0, day: 0 });
    expect(c.date).not.toBe(c.date);
  });

  it("every record is given back as added, across pages and files", () => {
    const fb = (i: number, file: string): Feedback => ({
      orderId: i % 11 === 0 ? `113-ü-${i}` : i % 13 === 0 ? `注文-${i}` : `113-${i}`,
      date: i % 4 === 0 ? null : { ms: 1_790_899_200_000 + i * 86_400_000, day: 20728 + i },
      rating: 1 + (i % 5),
      removed: i % 3 === 0,
      comments: i % 5 === 0 ? null : i % 17 === 0 ? `${"c".repeat(300)}${i}` : i % 19 === 0 ? `悪い ${i}` : `bad ${i}`,
      source: { file, line: i + 2 },
    });
    // 2.2 pages; the file changes at 5000 (a page of its own from there)
    const n = 2 * FEEDBACK_PAGE + 900;
    const plain = Array.from({ length: n }, (_, i) => fb(i, i < 5000 ? "a.txt" : "b.txt"));
    const compactFeedback = feedbackCompactor();
    const kept = plain.map((f) => compactFeedback(f));
    for (let i = 0; i < n; i++) {
      expect(fields(kept[i]!)).toEqual(fields(plain[i]!));
      expect(JSON.stringify(kept[i])).toBe(JSON.stringify(plain[i]));
    }
    expect(kept[5000]!.source).toEqual({ file: "b.txt", line: 5002 });
    expect(kept[FEEDBACK_PAGE]!.source).toEqual({ file: "a.txt", line: FEEDBACK_PAGE + 2 });
  });

  it("keeps a record whose rating a page cannot hold as it is", () => {
    const odd: Feedback = { orderId: "1", date: null, rating: 2.5, removed: false, comments: null, source: { file: "f", line: 2 } };
    expect(feedbackCompactor()(odd)).toBe(odd);
  });
});

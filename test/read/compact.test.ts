import { describe, expect, it } from "vitest";
import { compactMessage } from "../../src/read/compact.js";
import type { Message } from "../../src/records.js";

describe("compactMessage", () => {
  it("gives the same message: every field on access and as JSON", () => {
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

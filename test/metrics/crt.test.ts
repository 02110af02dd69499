import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { defaultConfig } from "../../src/config/defaults.js";
import { newCache } from "../../src/metrics/cache.js";
import { crt, hoursWords } from "../../src/metrics/crt.js";
import { headroomOf, rateOf, statusOf } from "../../src/metrics/status.js";
import { windowDates, windowFor } from "../../src/metrics/window.js";
import type { Message, Stamp } from "../../src/records.js";
import { MS_PER_DAY, parseDay } from "../../src/time.js";
import { at, context, countingReads, input, message } from "../helpers/records.js";

const D = "2026-11-20";
const asOf = parseDay(D)!;
const W7 = windowFor(asOf, 7, 0); // 2026-11-14 .. 2026-11-20
const S = defaultConfig().metrics.crt; // target 0.9, warnAt 0.92
const COLS = ["received_at", "responded_at", "no_response_needed", "order_id", "message_id"];

const run = (list: Message[], days = 7, columns = COLS) =>
  crt(context(D, { messages: input("messages", list, columns) }), windowFor(asOf, days, 0), "all");
const msg = (received: string, responded: string | null, extra: Partial<Message> = {}) =>
  message({ receivedAt: at(received), respondedAt: responded === null ? null : at(responded), ...extra });

describe("crt: on time, late, left out (SPEC 2.7)", () => {
  it("the 7-day window is 2026-11-14 .. 2026-11-20", () => {
    expect(windowDates(W7)).toEqual({ from: "2026-11-14", to: "2026-11-20" });
  });

  it("a reply after exactly 24 h is on time; a millisecond more is late", () => {
    const t = run([
      msg("2026-11-15T10:00", "2026-11-16T10:00"), // 24 h exactly: on time
      msg("2026-11-15T10:00", "2026-11-16T10:00:00.001"), // 24 h + 1 ms: late
    ]);
    // counted 2, on time 1 -> 1 of 2
    expect([t.numerator, t.denominator]).toEqual([1, 2]);
    // 24 h + 1 ms rounds up to the next tenth of an hour: 24.1
    expect(t.offenders.map((o) => o.reason)).toEqual(["answered after 24.1 hours"]);
  });

  it("an unanswered message under 24 h old by the end of D is left out; over 24 h it is late", () => {
    const t = run([
      msg("2026-11-20T10:00", null), // 13 h 59 m 59.999 s by the end of D: left out
      msg("2026-11-19T23:59:59.999", null), // exactly 24 h by the end of D: not more than 24 h, left out
      msg("2026-11-19T08:00", null), // 39 h 59 m 59.999 s: late
    ]);
    // counted: the 11-19 08:00 one only -> 0 of 1
    expect([t.numerator, t.denominator]).toEqual([0, 1]);
    // 39.99999... h rounds up to 40
    expect(t.offenders.map((o) => o.reason)).toEqual(["not answered after 40 hours"]);
  });

  it("messages marked no_response_needed are left out", () => {
    const t = run([msg("2026-11-15T10:00", null, { noResponseNeeded: true }), msg("2026-11-15T10:00", "2026-11-15T11:00")]);
    expect([t.numerator, t.denominator]).toEqual([1, 1]);
  });

  it("a response after the end of D does not exist yet", () => {
    const late = msg("2026-11-19T08:00", "2026-11-21T01:00"); // answered after D
    const fresh = msg("2026-11-20T08:00", "2026-11-21T01:00"); // answered after D, 16 h old at end of D
    const t = run([late, fresh]);
    // late: no response as of D, 40 h -> late; fresh: 16 h, left out -> 0 of 1
    expect([t.numerator, t.denominator]).toEqual([0, 1]);
    expect(t.offenders[0]!.reason).toBe("not answered after 40 hours");
    // as of 11-21 (window 11-15 .. 11-21) both answered: late took 41 h, fresh 17 h -> 1 of 2
    const later = crt(context("2026-11-21", { messages: input("messages", [late, fresh], COLS) }), windowFor(asOf + 1, 7, 0), "all");
    expect([later.numerator, later.denominator]).toEqual([1, 2]);
  });

  it("window edges on the received day: 11-13 out, 11-14 and 11-20 in", () => {
    const t = run([
      msg("2026-11-13T23:59", "2026-11-14T00:30"),
      msg("2026-11-14T00:00", "2026-11-14T00:30"),
      msg("2026-11-20T00:00", "2026-11-20T00:30"),
    ]);
    expect([t.numerator, t.denominator]).toEqual([2, 2]);
    expect(t.basis).toBe("message received");
  });

  it("30 and 90 days reach further back", () => {
    const list = [msg("2026-10-25T10:00", "2026-10-27T10:00"), msg("2026-08-25T10:00", "2026-08-25T11:00")];
    // W30 = 10-22 .. 11-20: the 10-25 one (48 h, late) -> 0 of 1
    expect(run(list, 30)).toMatchObject({ numerator: 0, denominator: 1 });
    // W90 = 08-23 .. 11-20 (11-20 minus 89 days): both -> 1 of 2
    expect(run(list, 90)).toMatchObject({ numerator: 1, denominator: 2 });
  });
});

describe("crt: averageResponseHours (8.17)", () => {
  it("the unrounded mean over answered, counted messages", () => {
    const t = run([
      msg("2026-11-15T10:00", "2026-11-15T11:00"), // 1 h
      msg("2026-11-15T10:00", "2026-11-15T11:00"), // 1 h
      msg("2026-11-15T10:00", "2026-11-15T12:00"), // 2 h
      msg("2026-11-19T08:00", null), // unanswered, late: not in the mean
      msg("2026-11-20T20:00", "2026-11-20T21:00"), // 1 h, answered on D itself
      msg("2026-11-15T10:00", "2026-11-15T20:00", { noResponseNeeded: true }), // not counted: not in the mean
    ]);
    // answered, counted: 1 + 1 + 2 + 1 = 5 h over 4 -> 1.25
    expect(t.averageResponseHours).toBe(1.25);
    // counted 5 (4 answered on time + 1 late) -> 4 of 5
    expect([t.numerator, t.denominator]).toEqual([4, 5]);
  });
  it("a mean that is not a round number stays unrounded", () => {
    const t = run([
      msg("2026-11-15T10:00", "2026-11-15T11:00"),
      msg("2026-11-15T10:00", "2026-11-15T11:00"),
      msg("2026-11-15T10:00", "2026-11-15T12:00"),
    ]);
    // (1 + 1 + 2) / 3 = 4/3
    expect(t.averageResponseHours).toBe(4 / 3);
    // a late answer is in the mean too: 31 h
    expect(run([msg("2026-11-15T10:00", "2026-11-16T17:00")]).averageResponseHours).toBe(31);
  });
  it("null when no counted message was answered", () => {
    expect(run([msg("2026-11-19T08:00", null)]).averageResponseHours).toBeNull();
    expect(run([]).averageResponseHours).toBeNull();
  });
});

describe("crt: offenders, status and no_data", () => {
  it("late ones with message id and order id, reason in hours, sorted by received date", () => {
    const t = run([
      msg("2026-11-16T10:00", null, { messageId: "m2", orderId: "o2", source: { file: "messages.csv", line: 3 } }),
      msg("2026-11-15T10:00", "2026-11-16T17:00", { messageId: "m1", orderId: null, source: { file: "messages.csv", line: 2 } }),
    ]);
    // m1: 31 h; m2: from 11-16 10:00 to 11-20 23:59:59.999 = 4 d 13 h 59 m 59.999 s = 109.99.. -> 110 h
    expect(t.offenders).toEqual([
      { orderId: null, messageId: "m1", date: "2026-11-15", reason: "answered after 31 hours", source: "messages.csv:2" },
      { orderId: "o2", messageId: "m2", date: "2026-11-16", reason: "not answered after 110 hours", source: "messages.csv:3" },
    ]);
  });

  it("9 of 10 on time meets >= 90% (at_risk under warnAt 0.92); 8 of 10 breaches", () => {
    const list = (good: number) => [
      ...Array.from({ length: good }, () => msg("2026-11-15T10:00", "2026-11-15T11:00")),
      ...Array.from({ length: 10 - good }, () => msg("2026-11-15T10:00", null)),
    ];
    const t = run(list(9));
    // 9/10 = 0.9 >= 0.9 target, < 0.92 warnAt -> at_risk; headroom: 9 - k >= 9 -> 0
    expect(statusOf(t, "gte", S.target, S.warnAt)).toBe("at_risk");
    expect(headroomOf(t, "gte", S.target)).toBe(0);
    expect(statusOf(run(list(8)), "gte", S.target, S.warnAt)).toBe("breach");
  });

  it("no messages input: no_data", () => {
    const t = crt(context(D, {}), W7, "all");
    expect(t).toMatchObject({ numerator: null, denominator: null, reason: "no messages input" });
  });
  it("no responded_at column: no_data, saying every message would look unanswered (8.13)", () => {
    const t = run([msg("2026-11-15T10:00", null)], 7, ["received_at", "order_id"]);
    expect(t).toMatchObject({ numerator: null, denominator: null });
    expect(t.reason).toBe("messages have no responded_at column: without it every message would look unanswered");
  });
  it("an empty window is 0 of 0", () => {
    expect(run([])).toMatchObject({ numerator: 0, denominator: 0, reason: null });
  });
  it("hoursWords rounds up to a tenth", () => {
    expect([hoursWords(3_600_000), hoursWords(31 * 3_600_000), hoursWords(24.5 * 3_600_000), hoursWords(1)]).toEqual([
      "1 hour",
      "31 hours",
      "24.5 hours",
      "0.1 hours",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

const DAY = MS_PER_DAY;
const EOD = (asOf + 1) * DAY - 1;
const stampAt = (ms: number): Stamp => ({ ms, day: Math.floor(ms / DAY) });

describe("crt properties", () => {
  const base = fc.record({
    received: fc.integer({ min: (asOf - 95) * DAY, max: EOD }),
    after: fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: null }),
    noResponseNeeded: fc.boolean(),
  });

  it("rate within 0..1; numerator <= denominator; offenders are the late ones", () => {
    fc.assert(
      fc.property(fc.array(base, { maxLength: 40 }), fc.constantFrom(7, 30, 90), (raw, days) => {
        const list = raw.map((r) =>
          message({
            receivedAt: stampAt(r.received),
            respondedAt: r.after === null ? null : stampAt(r.received + r.after),
            noResponseNeeded: r.noResponseNeeded,
          }),
        );
        const t = run(list, days);
        expect(t.numerator!).toBeLessThanOrEqual(t.denominator!);
        expect(t.offenders.length).toBe(t.denominator! - t.numerator!);
        const rate = rateOf(t);
        if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("replay: messages received after D, and responses after D, change nothing as of D", () => {
    fc.assert(
      fc.property(
        fc.array(base, { maxLength: 30 }),
        fc.array(fc.integer({ min: EOD + 1, max: EOD + 10 * DAY }), { maxLength: 10 }),
        (raw, laterReceived) => {
          // as a later export shows them: some unanswered messages got a reply after D
          const asThen = raw.map((r, i) =>
            message({
              receivedAt: stampAt(r.received),
              respondedAt: r.after === null || r.received + r.after > EOD ? null : stampAt(r.received + r.after),
              noResponseNeeded: r.noResponseNeeded,
              source: { file: "m.csv", line: i + 2 },
            }),
          );
          const asNow = raw.map((r, i) =>
            message({
              receivedAt: stampAt(r.received),
              respondedAt: stampAt(r.received + (r.after ?? EOD + 1 - r.received + (i % 3) * DAY)),
              noResponseNeeded: r.noResponseNeeded,
              source: { file: "m.csv", line: i + 2 },
            }),
          );
          const extra = laterReceived.map((ms, i) =>
            message({ receivedAt: stampAt(ms), respondedAt: stampAt(ms + 3_600_000), source: { file: "m.csv", line: 100 + i } }),
          );
          for (const days of [7, 30, 90]) {
            expect(run([...asNow, ...extra], days)).toEqual(run(asThen, days));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("crt with a cache in the context (buildReport's)", () => {
  it("reads the messages once for every window, and not for other records", () => {
    const { list, reads } = countingReads([
      msg("2026-11-15T10:00", "2026-11-16T10:00"), // on time
      msg("2026-11-01T10:00", "2026-11-03T10:00"), // 48 h: late, in the 30-day window only
      msg("2026-11-19T08:00", null), // unanswered 40 h: late
      msg("2026-11-18T08:00", "2026-11-21T08:00"), // answered after D: unanswered as of D, late
    ]);
    const ctx = context(D, { messages: input("messages", list, COLS) });
    ctx.cache = newCache();
    const t7 = crt(ctx, W7, "all");
    const t30 = crt(ctx, windowFor(asOf, 30, 0), "all");
    expect(reads()).toBe(4);
    expect([t7.numerator, t7.denominator]).toEqual([1, 3]);
    expect([t30.numerator, t30.denominator]).toEqual([1, 4]);
    expect(t30.offenders.map((o) => o.date)).toEqual(["2026-11-01", "2026-11-18", "2026-11-19"]);
    // The same cache with other records: those are read, not the kept facts used.
    ctx.inputs = { messages: input("messages", list.slice(0, 1), COLS) };
    const one = crt(ctx, W7, "all");
    expect(reads()).toBe(5);
    expect([one.numerator, one.denominator]).toEqual([1, 1]);
  });
});

import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/defaults.js";
import { lsr } from "../../src/metrics/lsr.js";
import { headroomOf, statusOf } from "../../src/metrics/status.js";
import { windowFor } from "../../src/metrics/window.js";
import type { Order } from "../../src/records.js";
import { parseDay } from "../../src/time.js";
import { ALL_ORDER_COLUMNS, at, context, endOf, order, orders } from "../helpers/records.js";

const D = "2026-11-20";
const asOf = parseDay(D)!;
const W10 = windowFor(asOf, 10, 0); // 2026-11-11 .. 2026-11-20
const W30 = windowFor(asOf, 30, 0); // 2026-10-22 .. 2026-11-20
const S = defaultConfig().metrics.lsr; // target 0.04, warnAt 0.032

const run = (list: Order[], w = W10, asOfDay = D, columns: string[] = ALL_ORDER_COLUMNS) =>
  lsr(context(asOfDay, { orders: orders(list, columns) }), w, "mfn");

/** An MFN order due (date only) on `due` and shipped at `shipped` (null: not shipped). */
function due(id: string, dueDay: string, shipped: string | null, extra: Partial<Order> = {}): Order {
  return order({
    orderId: id,
    purchase: at("2026-10-15"),
    latestShip: endOf(dueDay),
    shippedAt: shipped === null ? null : at(shipped),
    ...extra,
  });
}

/** n orders due on D and shipped on time. */
const onTime = (n: number, p: string) => Array.from({ length: n }, (_, i) => due(`${p}${i}`, D, "2026-11-20T08:00"));
/** n orders due on 11-15 and shipped 11-16 10:00: late. */
const lateOnes = (n: number, p: string) => Array.from({ length: n }, (_, i) => due(`${p}${i}`, "2026-11-15", "2026-11-16T10:00"));

describe("lsr windows on the latest ship date", () => {
  const list = [
    due("before", "2026-11-10", "2026-11-10T10:00"), // on time, in W30 only
    due("first", "2026-11-11", "2026-11-12T03:00"), // late by 3 h (+1 ms)
    due("last", "2026-11-20", "2026-11-20T08:00"), // on time
    due("after", "2026-11-21", "2026-11-20T09:00"), // shipped, but due after D: in no window
  ];

  it("W(10): first and last day in, the day before and after out", () => {
    const t = run(list, W10);
    // in: first, last -> 2; late: first -> 1
    expect([t.numerator, t.denominator]).toEqual([1, 2]);
    expect(t.offenders.map((o) => o.orderId)).toEqual(["first"]);
    expect(t.basis).toBe("latest ship date");
  });

  it("W(30) is its own tally and takes 11-10 too", () => {
    const t = run(list, W30);
    // in: before, first, last -> 3; late: first -> 1
    expect([t.numerator, t.denominator]).toEqual([1, 3]);
  });

  it("an empty window is 0 of 0 with no overdue", () => {
    const t = run([due("x", "2026-09-01", "2026-09-01T10:00")]);
    expect([t.numerator, t.denominator]).toEqual([0, 0]);
    expect(t.reason).toBeNull();
    expect(t.overdue).toEqual([]);
  });
});

describe("lsr lateness", () => {
  it("compares instants; a date-only latest ship date means the end of that day", () => {
    const list = [
      due("edge", "2026-11-18", null, { shippedAt: endOf("2026-11-18") }), // 23:59:59.999 exactly: on time
      due("h5", "2026-11-18", "2026-11-19T05:00"), // 5 h 0.001 s late
      due("d2", "2026-11-15", "2026-11-17T01:00"), // 25 h late, 11-15 -> 11-17 = 2 calendar days
      order({ orderId: "h1", purchase: at("2026-11-10"), latestShip: at("2026-11-17T08:00"), shippedAt: at("2026-11-17T09:00") }),
      order({ orderId: "m30", purchase: at("2026-11-10"), latestShip: at("2026-11-18T14:00"), shippedAt: at("2026-11-18T14:30") }),
      order({ orderId: "same", purchase: at("2026-11-10"), latestShip: at("2026-11-18T14:00"), shippedAt: at("2026-11-18T14:00") }),
    ];
    const t = run(list);
    // 6 shipped in W10; late: h5, d2, h1, m30 -> 4
    expect([t.numerator, t.denominator]).toEqual([4, 6]);
    expect(t.offenders.map((o) => [o.orderId, o.date, o.reason])).toEqual([
      ["d2", "2026-11-15", "shipped 2 days after the latest ship date"],
      ["h1", "2026-11-17", "shipped 1 hour after the latest ship date"],
      ["h5", "2026-11-18", "shipped 5 hours after the latest ship date"],
      ["m30", "2026-11-18", "shipped less than an hour after the latest ship date"],
    ]);
  });

  it("leaves out cancelled, pending, AFN and unshipped orders", () => {
    const list = [
      due("late", "2026-11-15", "2026-11-16T10:00"),
      due("cancelled", "2026-11-15", "2026-11-16T10:00", { cancelled: true, cancelledBy: "seller" }),
      due("pending", "2026-11-15", "2026-11-16T10:00", { pending: true, status: "pending" }),
      due("afn", "2026-11-15", "2026-11-16T10:00", { channel: "afn" }),
      due("unshipped", "2026-11-20", null),
    ];
    const t = run(list);
    // only "late" is in: 1 of 1
    expect([t.numerator, t.denominator]).toEqual([1, 1]);
  });
});

describe("lsr overdue (SPEC 8.5)", () => {
  const list = [
    due("o1", "2026-11-19", null), // end of 11-19 -> end of 11-20: exactly 1 day
    order({ orderId: "o2", purchase: at("2026-11-18"), latestShip: at("2026-11-20T10:00") }), // 13 h 59 m before end of D
    due("today", "2026-11-20", null), // due at the end of D itself: not yet past
    due("o4", "2026-11-16", "2026-11-21T09:00"), // shipped after D: unshipped as of D, 11-16 -> 11-20 = 4 days
    due("cx", "2026-11-15", null, { cancelled: true }),
    due("pd", "2026-11-15", null, { pending: true, status: "pendingavailability" }),
    due("afn", "2026-11-15", null, { channel: "afn" }),
    due("old", "2026-11-01", null), // in W30 only; 11-01 -> 11-20 = 19 days
  ];

  it("lists unshipped, not cancelled, non-pending MFN orders past the latest ship time, per window", () => {
    const t10 = run(list, W10);
    expect([t10.numerator, t10.denominator]).toEqual([0, 0]);
    expect(t10.overdue!.map((o) => [o.orderId, o.date, o.reason])).toEqual([
      ["o4", "2026-11-16", "not shipped, 4 days past the latest ship date"],
      ["o1", "2026-11-19", "not shipped, 1 day past the latest ship date"],
      ["o2", "2026-11-20", "not shipped, 13 hours past the latest ship date"],
    ]);
    const t30 = run(list, W30);
    expect(t30.overdue!.map((o) => [o.orderId, o.reason])).toEqual([
      ["old", "not shipped, 19 days past the latest ship date"],
      ["o4", "not shipped, 4 days past the latest ship date"],
      ["o1", "not shipped, 1 day past the latest ship date"],
      ["o2", "not shipped, 13 hours past the latest ship date"],
    ]);
  });

  it("replay: shipped the day after D is overdue as of D and a late shipment as of the next day", () => {
    const r = due("r", "2026-11-19", "2026-11-21T10:00");
    const before = run([r], W10, D);
    // as of 11-20: not shipped yet -> not in the denominator, overdue by 1 day
    expect([before.numerator, before.denominator]).toEqual([0, 0]);
    expect(before.overdue!.map((o) => o.reason)).toEqual(["not shipped, 1 day past the latest ship date"]);
    const D2 = "2026-11-21";
    const after = run([r], windowFor(parseDay(D2)!, 10, 0), D2);
    // as of 11-21: shipped 11-21 10:00, due end of 11-19: 34 h late, 11-19 -> 11-21 = 2 days
    expect([after.numerator, after.denominator]).toEqual([1, 1]);
    expect(after.offenders.map((o) => o.reason)).toEqual(["shipped 2 days after the latest ship date"]);
    expect(after.overdue).toEqual([]);
  });
});

describe("lsr exact at the target (< 4%)", () => {
  it("4 late of 100 is a breach", () => {
    const t = run([...onTime(96, "g"), ...lateOnes(4, "l")]);
    // 4e6 vs 40,000 x 100 = 4e6: equal -> breach, headroom 0
    expect([t.numerator, t.denominator]).toEqual([4, 100]);
    expect(statusOf(t, "lt", S.target, S.warnAt)).toBe("breach");
    expect(headroomOf(t, "lt", S.target)).toBe(0);
  });

  it("3 late of 100 = 3% is good (3% < warnAt 3.2%), headroom 0", () => {
    const t = run([...onTime(97, "g"), ...lateOnes(3, "l")]);
    // 3e6 < 32,000 x 100 = 3.2e6 -> good; largest m with m x 1e6 < 4e6 is 3 -> headroom 3 - 3 = 0
    expect([t.numerator, t.denominator]).toEqual([3, 100]);
    expect(statusOf(t, "lt", S.target, S.warnAt)).toBe("good");
    expect(headroomOf(t, "lt", S.target)).toBe(0);
  });

  it("32 late of 1000 is at_risk with headroom 7", () => {
    const t = run([...onTime(968, "g"), ...lateOnes(32, "l")]);
    // 32e6 >= 32,000 x 1000 = 32e6 -> at_risk; < 40e6 -> no breach
    // headroom: largest m with m x 1e6 < 40e6 is 39 -> 39 - 32 = 7
    expect([t.numerator, t.denominator]).toEqual([32, 1000]);
    expect(statusOf(t, "lt", S.target, S.warnAt)).toBe("at_risk");
    expect(headroomOf(t, "lt", S.target)).toBe(7);
  });
});

describe("lsr no_data (SPEC 8.13)", () => {
  it("needs latest_ship_date and shipped_at", () => {
    const one = ALL_ORDER_COLUMNS.filter((c) => c !== "latest_ship_date");
    const t1 = run([due("x", D, null)], W10, D, one);
    expect(t1).toMatchObject({ numerator: null, denominator: null, reason: "missing orders column: latest_ship_date" });
    const both = one.filter((c) => c !== "shipped_at");
    const t2 = run([due("x", D, null)], W10, D, both);
    expect(t2.reason).toBe("missing orders columns: latest_ship_date, shipped_at");
    expect(statusOf(t2, "lt", S.target, S.warnAt)).toBe("no_data");
  });

  it("no orders input", () => {
    const t = lsr(context(D, {}), W10, "mfn");
    expect(t).toMatchObject({ numerator: null, denominator: null, reason: "no orders input" });
  });
});

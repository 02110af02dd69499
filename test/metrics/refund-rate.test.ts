import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/defaults.js";
import { refundRate } from "../../src/metrics/refund-rate.js";
import { headroomOf, statusOf } from "../../src/metrics/status.js";
import { windowFor } from "../../src/metrics/window.js";
import type { Order } from "../../src/records.js";
import { parseDay } from "../../src/time.js";
import { ALL_ORDER_COLUMNS, at, context, order, orders } from "../helpers/records.js";

const D = "2026-11-20";
const W30 = windowFor(parseDay(D)!, 30, 0); // 2026-10-22 .. 2026-11-20
const S = defaultConfig().metrics.refund_rate; // target 0.05, warnAt 0.04

const run = (list: Order[], columns: string[] = ALL_ORDER_COLUMNS, asOf = D) =>
  refundRate(context(asOf, { orders: orders(list, columns) }), windowFor(parseDay(asOf)!, 30, 0), "all");

const refunded = (id: string, purchase: string, extra: Partial<Order> = {}) =>
  order({ orderId: id, purchase: at(purchase), refundedAt: at("2026-11-20T10:00"), ...extra });

describe("refund_rate window W(30, 0) on purchase date, all channels", () => {
  it("first and last day in, the day before and after out", () => {
    const list = [
      refunded("before", "2026-10-21"),
      refunded("first", "2026-10-22", { source: { file: "o.txt", line: 2 } }),
      refunded("last", "2026-11-20", { source: { file: "o.txt", line: 3 } }),
      refunded("after", "2026-11-21"),
    ];
    const t = run(list);
    // in: first, last -> 2, both refunded on 11-20 10:00
    expect([t.numerator, t.denominator]).toEqual([2, 2]);
    expect(t.basis).toBe("purchase date");
    expect(t.offenders).toEqual([
      { orderId: "first", date: "2026-10-22", reason: "refunded", source: "o.txt:2" },
      { orderId: "last", date: "2026-11-20", reason: "refunded", source: "o.txt:3" },
    ]);
  });

  it("counts both channels, leaves pending out", () => {
    const list = [
      refunded("mfn", "2026-11-01"),
      refunded("afn", "2026-11-01", { channel: "afn" }),
      order({ orderId: "plain", purchase: at("2026-11-01"), channel: "afn" }),
      refunded("pending", "2026-11-01", { pending: true, status: "pending" }),
    ];
    const t = run(list);
    // in: mfn, afn, plain -> 3; refunded: mfn, afn -> 2
    expect([t.numerator, t.denominator]).toEqual([2, 3]);
  });

  it("an empty window is 0 of 0", () => {
    expect(run([])).toMatchObject({ numerator: 0, denominator: 0, reason: null });
  });
});

describe("refund_rate: which refunds count (SPEC 8.7)", () => {
  it("refunded_at by the end of D counts, later does not; an undated amount counts", () => {
    const list = [
      refunded("endOfD", "2026-11-01", { refundedAt: at("2026-11-20T23:59") }),
      refunded("nextDay", "2026-11-01", { refundedAt: at("2026-11-21T00:00") }),
      refunded("undated", "2026-11-01", { refundedAt: null, refundUndated: true }),
      refunded("none", "2026-11-01", { refundedAt: null }),
    ];
    const t = run(list);
    // 4 in; refunded as of 11-20: endOfD, undated -> 2
    expect([t.numerator, t.denominator]).toEqual([2, 4]);
    expect(t.offenders.map((o) => o.orderId)).toEqual(["endOfD", "undated"]);
    // as of 11-21 (window 10-23 .. 11-21) the next-day refund has happened: 3 of 4
    expect(run(list, ALL_ORDER_COLUMNS, "2026-11-21")).toMatchObject({ numerator: 3, denominator: 4 });
  });

  it("either refund column is enough; neither is no_data", () => {
    const amountOnly = ALL_ORDER_COLUMNS.filter((c) => c !== "refunded_at");
    expect(run([refunded("u", "2026-11-01", { refundedAt: null, refundUndated: true })], amountOnly)).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    const neither = amountOnly.filter((c) => c !== "refund_amount");
    const t = run([refunded("x", "2026-11-01")], neither);
    expect(t).toMatchObject({ numerator: null, denominator: null, reason: "missing orders column: refunded_at or refund_amount" });
    expect(statusOf(t, "lt", S.target, S.warnAt)).toBe("no_data");
  });

  it("no orders input", () => {
    expect(refundRate(context(D, {}), W30, "all")).toMatchObject({ numerator: null, denominator: null, reason: "no orders input" });
  });
});

describe("refund_rate exact at the target (< 5%)", () => {
  const set = (bad: number, good: number) => [
    ...Array.from({ length: bad }, (_, i) => refunded(`r${i}`, "2026-11-01")),
    ...Array.from({ length: good }, (_, i) => order({ orderId: `g${i}`, purchase: at("2026-11-01") })),
  ];
  it("5 of 100 breaches; 4 of 100 is at_risk with headroom 0; 3 of 100 is good with headroom 1", () => {
    // 5e6 vs 50,000 x 100 = 5e6: equal -> breach
    const t5 = run(set(5, 95));
    expect(statusOf(t5, "lt", S.target, S.warnAt)).toBe("breach");
    expect(headroomOf(t5, "lt", S.target)).toBe(0);
    // 4e6 >= 40,000 x 100 = 4e6 -> at_risk; largest m with m x 1e6 < 5e6 is 4 -> 4 - 4 = 0
    const t4 = run(set(4, 96));
    expect(statusOf(t4, "lt", S.target, S.warnAt)).toBe("at_risk");
    expect(headroomOf(t4, "lt", S.target)).toBe(0);
    // 3e6 < 4e6 -> good; 4 - 3 = 1
    const t3 = run(set(3, 97));
    expect(statusOf(t3, "lt", S.target, S.warnAt)).toBe("good");
    expect(headroomOf(t3, "lt", S.target)).toBe(1);
  });
});

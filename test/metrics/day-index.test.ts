import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayIndex, dayRange } from "../../src/metrics/day-index.js";
import { newCache } from "../../src/metrics/cache.js";
import { lsr } from "../../src/metrics/lsr.js";
import { windowFor } from "../../src/metrics/window.js";
import { parseDay } from "../../src/time.js";
import { at, context, endOf, order, orders } from "../helpers/records.js";

const NONE = -2147483648;

describe("dayIndex", () => {
  it("sorts positions by day, missing days first, positions in order within a day", () => {
    // days by position: 0:5 1:NONE 2:3 3:5 4:3 5:NONE -> NONE (1, 5), 3 (2, 4), 5 (0, 3).
    const ix = dayIndex(Int32Array.from([5, NONE, 3, 5, 3, NONE]));
    expect([...ix.positions]).toEqual([1, 5, 2, 4, 0, 3]);
    expect([...ix.days]).toEqual([NONE, NONE, 3, 3, 5, 5]);
    expect(dayRange(ix, 3, 3)).toEqual([2, 4]);
    expect(dayRange(ix, 4, 9)).toEqual([4, 6]);
    expect(dayRange(ix, NONE, NONE)).toEqual([0, 2]);
    expect(dayRange(ix, 6, 9)).toEqual([6, 6]);
    expect(dayRange(ix, 5, 3)).toEqual([0, 0]);
  });

  it("with include, indexes only the accepted positions", () => {
    const ix = dayIndex(Int32Array.from([5, NONE, 3, 5, 3, NONE]), (j) => j % 2 === 0); // 0:5 2:3 4:3
    expect([...ix.positions]).toEqual([2, 4, 0]);
    expect([...ix.days]).toEqual([3, 3, 5]);
  });

  it("property: a range visits exactly the positions whose day is in it, in position order per day", () => {
    const day = fc.oneof(fc.integer({ min: 20_000, max: 20_400 }), fc.constant(NONE), fc.integer({ min: -5_000_000, max: 5_000_000 }));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 200 }), fc.integer({ min: 19_990, max: 20_410 }), fc.nat(60), fc.boolean(), (days, from, len, odd) => {
        const column = Int32Array.from(days);
        const include = odd ? (j: number) => j % 2 === 1 : undefined;
        const ix = dayIndex(column, include);
        const [lo, hi] = dayRange(ix, from, from + len);
        const got = [...ix.positions.subarray(lo, hi)];
        const want = days
          .map((d, j) => ({ d, j }))
          .filter(({ d, j }) => d >= from && d <= from + len && (include?.(j) ?? true))
          .sort((a, b) => a.d - b.d || a.j - b.j)
          .map(({ j }) => j);
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});

describe("countsOnly", () => {
  it("lsr counts the same with and without offenders, and lists none", () => {
    // Due 11-18 (end of day): shipped 11-19 (late), 11-18 noon (on time), not shipped (overdue).
    const input = orders([
      order({ orderId: "late", purchase: at("2026-11-16"), latestShip: endOf("2026-11-18"), shippedAt: at("2026-11-19T10:00") }),
      order({ orderId: "ok", purchase: at("2026-11-16"), latestShip: endOf("2026-11-18"), shippedAt: at("2026-11-18T12:00") }),
      order({ orderId: "overdue", purchase: at("2026-11-16"), latestShip: endOf("2026-11-18") }),
    ]);
    const full = context("2026-11-20", { orders: input });
    const window = windowFor(parseDay("2026-11-20")!, 10, 0);
    const a = lsr(full, window, "mfn");
    const b = lsr({ ...full, countsOnly: true }, window, "mfn");
    // 1 late of 2 shipped; 1 overdue listed only in full mode.
    expect([a.numerator, a.denominator]).toEqual([1, 2]);
    expect([b.numerator, b.denominator]).toEqual([1, 2]);
    expect(a.offenders.map((o) => o.orderId)).toEqual(["late"]);
    expect(a.overdue?.map((o) => o.orderId)).toEqual(["overdue"]);
    expect(b.offenders).toEqual([]);
    expect(b.overdue).toEqual([]);
  });

  it("only a trend's day builds a day index (kept in the cache); a report's call passes over every order", () => {
    const input = orders([order({ orderId: "a", purchase: at("2026-11-16"), latestShip: endOf("2026-11-18"), shippedAt: at("2026-11-19T10:00") })]);
    const window = windowFor(parseDay("2026-11-20")!, 10, 0);
    const report = { ...context("2026-11-20", { orders: input }), cache: newCache() };
    lsr(report, window, "mfn");
    expect([...report.cache.keys()].filter((k) => k.startsWith("day-index:"))).toEqual([]);
    const trend = { ...report, cache: newCache(), countsOnly: true };
    lsr(trend, window, "mfn");
    expect([...trend.cache.keys()].filter((k) => k.startsWith("day-index:"))).toEqual(["day-index:orders.latestShip.4"]);
  });
});

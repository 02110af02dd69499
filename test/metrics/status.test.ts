import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareRate, headroomOf, rateOf, statusOf } from "../../src/metrics/status.js";
import { inWindow, windowDates, windowFor } from "../../src/metrics/window.js";
import { parseDay } from "../../src/time.js";
import { defaultWarnAt } from "../../src/config/defaults.js";

describe("statusOf, exact at the target (SPEC 2)", () => {
  it("1 defect in 100 orders breaches < 1%", () => {
    // 1 x 1e6 = 1e6 >= 10000 x 100 = 1e6 -> breach (equal counts as breach for lt)
    expect(statusOf({ numerator: 1, denominator: 100 }, "lt", 0.01, 0.008)).toBe("breach");
  });
  it("95 valid in 100 is no breach of >= 95% but at_risk under warnAt 0.96", () => {
    expect(statusOf({ numerator: 95, denominator: 100 }, "gte", 0.95, 0.96)).toBe("at_risk");
  });
  it("96 of 100 against warnAt 0.96 is good; 94 of 100 is a breach", () => {
    expect(statusOf({ numerator: 96, denominator: 100 }, "gte", 0.95, 0.96)).toBe("good");
    expect(statusOf({ numerator: 94, denominator: 100 }, "gte", 0.95, 0.96)).toBe("breach");
  });
  it("8 defects in 1000 orders against warnAt 0.008 is at_risk, 7 is good", () => {
    // 8/1000 = 0.008 >= 0.008 -> at_risk; 0.007 < 0.008 -> good
    expect(statusOf({ numerator: 8, denominator: 1000 }, "lt", 0.01, 0.008)).toBe("at_risk");
    expect(statusOf({ numerator: 7, denominator: 1000 }, "lt", 0.01, 0.008)).toBe("good");
  });
  it("0.1 + 0.2 style float traps do not matter: 3 of 10 vs 0.3 is equal", () => {
    expect(compareRate(3, 10, 0.3)).toBe(0);
    expect(compareRate(7, 100, 0.07)).toBe(0); // 0.07 * 100 = 7.000000000000001 in floats
  });
  it("no_data on an empty or unknown denominator", () => {
    expect(statusOf({ numerator: 0, denominator: 0 }, "lt", 0.01, 0.008)).toBe("no_data");
    expect(statusOf({ numerator: null, denominator: null }, "gte", 0.95, 0.96)).toBe("no_data");
    expect(rateOf({ numerator: 0, denominator: 0 })).toBeNull();
  });
});

describe("headroomOf", () => {
  it("lt: 2 defects in 400 orders under 1% leave room for 1 more", () => {
    // limit 1% x 400 = 4; largest n+k < 4 is 3 -> k = 3 - 2 = 1
    expect(headroomOf({ numerator: 2, denominator: 400 }, "lt", 0.01)).toBe(1);
  });
  it("lt: 0 defects in 50 orders under 1%: 0.5 orders allowed -> 0 more", () => {
    // 1% x 50 = 0.5; largest m with m < 0.5 is 0 -> k = 0
    expect(headroomOf({ numerator: 0, denominator: 50 }, "lt", 0.01)).toBe(0);
  });
  it("lt: 0 in 150 under 1% -> 1 more (1 < 1.5)", () => {
    expect(headroomOf({ numerator: 0, denominator: 150 }, "lt", 0.01)).toBe(1);
  });
  it("gte: 98 valid of 100 against 95% -> 3 more invalid allowed", () => {
    // need good >= 95; 98 - k >= 95 -> k = 3
    expect(headroomOf({ numerator: 98, denominator: 100 }, "gte", 0.95)).toBe(3);
  });
  it("0 when breached, null on no_data", () => {
    expect(headroomOf({ numerator: 5, denominator: 100 }, "lt", 0.01)).toBe(0);
    expect(headroomOf({ numerator: 90, denominator: 100 }, "gte", 0.95)).toBe(0);
    expect(headroomOf({ numerator: 0, denominator: 0 }, "lt", 0.01)).toBeNull();
  });
  it("property: adding headroom keeps it under breach, one more breaches", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 999 }), (d, n0, permille) => {
        const n = Math.min(n0, d);
        const target = permille / 1000;
        const lt = headroomOf({ numerator: n, denominator: d }, "lt", target)!;
        const before = statusOf({ numerator: n, denominator: d }, "lt", target, target);
        if (before !== "breach" && n + lt + 1 <= d) {
          expect(statusOf({ numerator: n + lt, denominator: d }, "lt", target, target)).not.toBe("breach");
          expect(statusOf({ numerator: n + lt + 1, denominator: d }, "lt", target, target)).toBe("breach");
        }
        const g = headroomOf({ numerator: n, denominator: d }, "gte", target)!;
        const gBefore = statusOf({ numerator: n, denominator: d }, "gte", target, target);
        if (gBefore !== "breach") {
          expect(statusOf({ numerator: n - g, denominator: d }, "gte", target, target)).not.toBe("breach");
          if (n - g - 1 >= 0) expect(statusOf({ numerator: n - g - 1, denominator: d }, "gte", target, target)).toBe("breach");
        }
      }),
    );
  });
});

describe("default warnAt (SPEC 2)", () => {
  it.each([
    ["lt", 0.01, 0.008],
    ["lt", 0.025, 0.02],
    ["lt", 0.04, 0.032],
    ["lt", 0.1, 0.08],
    ["lt", 0.05, 0.04],
    ["gte", 0.95, 0.96],
    ["gte", 0.97, 0.976],
    ["gte", 0.9, 0.92],
  ] as const)("%s %d -> %d", (cond, target, warn) => {
    expect(defaultWarnAt(cond, target)).toBe(warn);
  });
});

describe("windows: W(days, lag) = [D - lag - days + 1, D - lag]", () => {
  it("odr W(60, 14) as of 2026-11-20 is 2026-09-08 .. 2026-11-06", () => {
    // to = Nov 20 - 14 = Nov 6; from = Nov 6 - 59 days = Sep 8 (Nov 6 -> Oct 7 is 30, -> Sep 8 is 59)
    const w = windowFor(parseDay("2026-11-20")!, 60, 14);
    expect(windowDates(w)).toEqual({ from: "2026-09-08", to: "2026-11-06" });
    expect(inWindow(parseDay("2026-09-08")!, w)).toBe(true);
    expect(inWindow(parseDay("2026-09-07")!, w)).toBe(false);
    expect(inWindow(parseDay("2026-11-06")!, w)).toBe(true);
    expect(inWindow(parseDay("2026-11-07")!, w)).toBe(false);
  });
  it("pfcr W(7, 0) as of 2026-03-02 spans the end of February", () => {
    // 2026 is not a leap year: Mar 2 - 6 days = Feb 24
    expect(windowDates(windowFor(parseDay("2026-03-02")!, 7, 0))).toEqual({ from: "2026-02-24", to: "2026-03-02" });
  });
});

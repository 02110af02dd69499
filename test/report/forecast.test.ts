import { describe, expect, it } from "vitest";
import { forecastOf } from "../../src/report/forecast.js";
import { day } from "./fakes.js";

// pfcr-like: W(7, 0) as of D = 2026-11-20 is 11-14..11-20; target 2.5%, warnAt 2%.
// An item dated p drops off on p + 7 + 0: 11-14 -> 11-21, 11-16 -> 11-23, 11-20 -> 11-27.
const offenders = ["2026-11-14", "2026-11-16", "2026-11-16", "2026-11-20"].map((date, i) => ({
  orderId: `o${i}`,
  date,
  reason: "cancelled by the seller",
  source: `orders.txt:${i + 2}`,
}));
const base = { asOf: day("2026-11-20"), days: 7, lagDays: 0, numerator: 4, offenders, target: 0.025, warnAt: 0.02, condition: "lt" as const };
const drops = [
  { date: "2026-11-21", count: 1 },
  { date: "2026-11-23", count: 2 },
  { date: "2026-11-27", count: 1 },
];

describe("forecastOf", () => {
  it("40 orders: a breach while any item is left (1/40 = 2.5% >= 2.5%), clears 11-27", () => {
    expect(forecastOf({ ...base, denominator: 40 })).toEqual({ dropOffs: drops, clearsOn: "2026-11-27" });
  });

  it("100 orders: breach at n >= 3 (3/100 = 3%); 11-21 leaves 3, 11-23 leaves 1 (1%): clears 11-23", () => {
    expect(forecastOf({ ...base, denominator: 100 })).toEqual({ dropOffs: drops, clearsOn: "2026-11-23" });
  });

  it("lag moves drop-offs: W(60, 14), 09-08 + 74 = 11-21", () => {
    const f = forecastOf({
      ...base,
      days: 60,
      lagDays: 14,
      numerator: 1,
      denominator: 50,
      target: 0.01,
      warnAt: 0.008,
      offenders: [{ orderId: "A", date: "2026-09-08", reason: "chargeback", source: "c:2" }],
    });
    expect(f).toEqual({ dropOffs: [{ date: "2026-11-21", count: 1 }], clearsOn: "2026-11-21" });
  });

  it("a target of 0 never clears: clearsOn null", () => {
    expect(forecastOf({ ...base, denominator: 40, target: 0, warnAt: 0 }).clearsOn).toBeNull();
  });
});

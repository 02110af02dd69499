/**
 * Hand-made trends for the HTML tests. Statuses decided by hand from SPEC 2 (lt: breach when
 * rate >= target, at risk when rate >= warnAt): target 1%, warning 0.8%.
 */
import type { TrendReport } from "../../src/report/trend.js";

// ODR (MFN) 60d, 8 as-of days 2026-11-13 .. 2026-11-20:
//   11-13 0/0 no data; 11-14 1/200 = 0.5% good; 11-15 9/1000 = 0.9% at risk (>= 0.8%, < 1%);
//   11-16 2/100 = 2% breach; 11-17 3/100 = 3% breach; 11-18 1/200 = 0.5% good;
//   11-19 1/100 = 1% breach (exactly the target is a breach of "< 1%"); 11-20 1/100 breach.
// Breach days 4, at-risk days 1, no-data days 1; crossings: 11-16 breach, 11-18 back, 11-19 breach.
export const ODR_POINTS: TrendReport["series"][number]["points"] = [
  { asOf: "2026-11-13", numerator: 0, denominator: 0, rate: null, status: "no_data" },
  { asOf: "2026-11-14", numerator: 1, denominator: 200, rate: 0.005, status: "good" },
  { asOf: "2026-11-15", numerator: 9, denominator: 1000, rate: 0.009, status: "at_risk" },
  { asOf: "2026-11-16", numerator: 2, denominator: 100, rate: 0.02, status: "breach" },
  { asOf: "2026-11-17", numerator: 3, denominator: 100, rate: 0.03, status: "breach" },
  { asOf: "2026-11-18", numerator: 1, denominator: 200, rate: 0.005, status: "good" },
  { asOf: "2026-11-19", numerator: 1, denominator: 100, rate: 0.01, status: "breach" },
  { asOf: "2026-11-20", numerator: 1, denominator: 100, rate: 0.01, status: "breach" },
];

export const ODR_CROSSINGS: TrendReport["series"][number]["crossings"] = [
  { asOf: "2026-11-16", status: "breach" },
  { asOf: "2026-11-18", status: "good" },
  { asOf: "2026-11-19", status: "breach" },
];

/** odr over 8 days: MFN as above, AFN good throughout (0 of 100). */
export function odrTrend(): TrendReport {
  return {
    schemaVersion: 1,
    tool: { name: "ahr", version: "0.0.0-test" },
    configFile: null,
    metric: "odr",
    name: "Order Defect Rate",
    timeZone: "UTC",
    asOf: "2026-11-20",
    days: 8,
    windowDays: 60,
    lagDays: 14,
    target: 0.01,
    warnAt: 0.008,
    condition: "lt",
    series: [
      { channel: "mfn", points: ODR_POINTS, crossings: ODR_CROSSINGS },
      {
        channel: "afn",
        points: ODR_POINTS.map((p) => ({ asOf: p.asOf, numerator: 0, denominator: 100, rate: 0, status: "good" as const })),
        crossings: [],
      },
    ],
  };
}

/** lsr over the same 8 days, 10-day window: good every day (1 of 100). */
export function lsrTrend(windowDays = 10): TrendReport {
  return {
    ...odrTrend(),
    metric: "lsr",
    name: "Late Shipment Rate",
    windowDays,
    lagDays: 0,
    target: 0.04,
    warnAt: 0.032,
    series: [
      {
        channel: "mfn",
        points: ODR_POINTS.map((p) => ({ asOf: p.asOf, numerator: 1, denominator: 100, rate: 0.01, status: "good" as const })),
        crossings: [],
      },
    ],
  };
}

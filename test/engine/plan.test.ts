import { describe, expect, it } from "vitest";
import { METRICS, METRIC_IDS } from "../../src/catalog.js";
import { defaultConfig } from "../../src/config/defaults.js";
import { resolveConfig } from "../../src/config/load.js";
import {
  AHR_DAYS,
  BASIS_SLACK_DAYS,
  countOnlyFor,
  keepFor,
  keepFromDay,
  trendKeepFromDay,
  windowsFromDay,
} from "../../src/engine/plan.js";
import { dayNumber } from "../../src/time.js";

describe("keepFromDay", () => {
  const D = dayNumber(2026, 3, 31);
  it("defaults: the AHR's 180 days dominate", () => {
    // odr 2 x 60 + 14 = 134; lsr, vtr, otdr 2 x 30 + 60 slack = 120; crt 2 x 90 = 180; AHR 180.
    expect(keepFromDay(D, defaultConfig())).toBe(D - 179);
  });
  it("a longer configured window reaches further back; an off metric does not count", () => {
    // lsr 100 days: 2 x 100 + 0 lag + 60 slack = 260.
    expect(keepFromDay(D, resolveConfig({ metrics: { lsr: { windows: [10, 100] } } }))).toBe(D - 259);
    // odr 90 days, lag 30: 2 x 90 + 30 = 210.
    expect(keepFromDay(D, resolveConfig({ metrics: { odr: { days: 90, lagDays: 30 } } }))).toBe(D - 209);
    expect(keepFromDay(D, resolveConfig({ metrics: { odr: { days: 90, lagDays: 30, level: "off" } } }))).toBe(D - 179);
  });
});

describe("trendKeepFromDay", () => {
  const D = dayNumber(2026, 3, 31);
  it("the trended window and lag back from the earliest replayed day, not the AHR's 180 days", () => {
    // odr 60 days, lag 14, 30 days replayed: the first day is D - 29, its window starts
    // D - 29 - 14 - 59 = D - 102.
    expect(trendKeepFromDay(D, defaultConfig(), "odr", 60, 30)).toBe(D - 102);
    // lsr 10 days, 1 day: D - 9, and 60 days of slack for the ship-by date -> D - 69.
    expect(trendKeepFromDay(D, defaultConfig(), "lsr", 10, 1)).toBe(D - 69);
    // crt 90 days, 7 days replayed: D - 6 - 89 = D - 95.
    expect(trendKeepFromDay(D, defaultConfig(), "crt", 90, 7)).toBe(D - 95);
  });
});

describe("windowsFromDay and keepFor", () => {
  const D = dayNumber(2026, 3, 31);
  it("the earliest day a metric's windows and the windows before them reach, over the replayed days", () => {
    // crt windows 7, 30, 90, lag 0: the previous 90-day window starts 2 x 90 - 1 = 179 days before D.
    expect(windowsFromDay(D, defaultConfig(), "crt")).toBe(D - 179);
    // rdr 60 days: 2 x 60 - 1 = 119; a 90-day trend starts 89 days earlier.
    expect(windowsFromDay(D, defaultConfig(), "rdr")).toBe(D - 119);
    expect(windowsFromDay(D, defaultConfig(), "rdr", 90)).toBe(D - 89 - 119);
    // an off metric still counts (its figures stay exact): crt 100 days, lag 5 -> 2 x 100 + 5 - 1 = 204
    const off = resolveConfig({ metrics: { crt: { windows: [100], lagDays: 5, level: "off" } } });
    expect(keepFor(D, off)).toEqual({ defectsOnly: true, fromDay: { messages: D - 204, returns: D - 119 } });
  });
});

describe("countOnlyFor", () => {
  const D = dayNumber(2026, 3, 31);
  it("defaults: odr reaches back 134 purchase days, lsr/vtr/otdr 60 basis days; the AHR 180", () => {
    // odr 2 x 60 + 14 = 134 -> orders purchased before D - 133; 2 x 30 = 60 -> basis days from D - 59
    expect(countOnlyFor(D, defaultConfig())).toEqual({ beforeDay: D - 133, basisFrom: D - 59, asOf: D, endOfDay: (D + 1) * 86_400_000 - 1 });
    // vtr off, lsr 100 days: 2 x 100 = 200 basis days
    const c = resolveConfig({ metrics: { lsr: { windows: [100] }, vtr: { level: "off" } } });
    expect(countOnlyFor(D, c)!.basisFrom).toBe(D - 199);
  });
  it("nothing is only counted when odr reaches back as far as the AHR", () => {
    // odr 90 days, lag 30: 2 x 90 + 30 = 210 > 180
    expect(countOnlyFor(D, resolveConfig({ metrics: { odr: { days: 90, lagDays: 30 } } }))).toBeUndefined();
  });
});

describe("the plan is derived from the metric metas", () => {
  const D = dayNumber(2026, 3, 31);
  it("a metric dated by its own records' day sets that kind's fromDay; no other kind gets one", () => {
    // Defaults: crt (messages) 2 x 90 - 1 = 179 days back; rdr (returns) 2 x 60 - 1 = 119.
    const kinds = METRIC_IDS.flatMap((id) => (typeof METRICS[id].dated === "object" ? [(METRICS[id].dated as { kind: string }).kind] : []));
    expect(Object.keys(keepFor(D, defaultConfig()).fromDay ?? {}).sort()).toEqual([...kinds].sort());
    expect(keepFor(D, defaultConfig())).toEqual({ defectsOnly: true, fromDay: { messages: D - 179, returns: D - 119 } });
  });
  it("a trend of many days reaches back over every replayed day", () => {
    // 30 days replayed: crt 179 + 29 = 208, rdr 119 + 29 = 148.
    expect(keepFor(D, defaultConfig(), 30)).toEqual({ defectsOnly: true, fromDay: { messages: D - 208, returns: D - 148 } });
  });
  it("only fulfilment-dated metrics get the basis slack", () => {
    expect(BASIS_SLACK_DAYS).toBe(60);
    // refund_rate (purchase-dated) 10 days, 1 day replayed, lag 0: D - 9, no slack.
    expect(trendKeepFromDay(D, defaultConfig(), "refund_rate", 10, 1)).toBe(D - 9);
    // otdr (fulfilment-dated) 10 days: D - 9 - 60 = D - 69.
    expect(trendKeepFromDay(D, defaultConfig(), "otdr", 10, 1)).toBe(D - 69);
  });
  it("AHR_DAYS is the health estimate's 180 days", () => {
    expect(AHR_DAYS).toBe(180);
  });
});

import { describe, expect, it } from "vitest";
import {
  checkHealth,
  countOnlyFor,
  dropOutsideDefects,
  keepFor,
  keepFromDay,
  resolveAsOf,
  trendKeepFromDay,
  windowsFromDay,
} from "../src/check.js";
import type { Claim, Feedback, Input, Inputs, OrdersInput } from "../src/records.js";
import { defaultConfig } from "../src/config/defaults.js";
import { resolveConfig } from "../src/config/load.js";
import { AhrError } from "../src/errors.js";
import { dayNumber } from "../src/time.js";
import { BREACHED, FIXTURES, HEALTHY } from "./cli/helpers.js";

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

describe("dropOutsideDefects", () => {
  const input = <R>(kind: Input<R>["kind"], records: R[], recordCount?: number): Input<R> => ({
    kind,
    files: [],
    columns: new Set(),
    rows: records.length,
    records,
    ...(recordCount !== undefined ? { recordCount } : {}),
    skipped: 0,
    skippedSamples: [],
    duplicates: 0,
    notes: [],
  });
  const fb = (orderId: string): Feedback => ({ orderId, date: null, rating: 1, removed: false, comments: null, source: { file: "f", line: 2 } });
  const claim = (orderId: string): Claim => ({ orderId, status: "granted", filedAt: null, amazonFunded: false, source: { file: "c", line: 2 } });
  it("leaves out defect rows naming an order kept out as too old; recordCount still counts every record read", () => {
    const orders: OrdersInput = { ...input("orders", []), outsideIds: new Set(["OLD", "OLD2"]) };
    const inputs: Inputs = {
      orders,
      feedback: input("feedback", [fb("A"), fb("OLD"), fb("B"), fb("OLD")], 9),
      claims: input("claims", [claim("OLD2"), claim("C")]),
      chargebacks: input("chargebacks", [{ orderId: "D", filedAt: null, type: null, status: null, source: { file: "b", line: 2 } }]),
    };
    dropOutsideDefects(inputs);
    expect(inputs.feedback!.records.map((r) => r.orderId)).toEqual(["A", "B"]);
    expect(inputs.feedback!.recordCount).toBe(9); // as the reader counted
    expect(inputs.claims!.records.map((r) => r.orderId)).toEqual(["C"]);
    expect(inputs.claims!.recordCount).toBe(2); // every claim read was kept until now
    expect(inputs.chargebacks!.recordCount).toBeUndefined(); // nothing left out
  });
  it("without orders or outside ids nothing changes", () => {
    const inputs: Inputs = { feedback: input("feedback", [fb("A")]) };
    dropOutsideDefects(inputs);
    expect(inputs.feedback!.records.length).toBe(1);
    expect(inputs.feedback!.recordCount).toBeUndefined();
  });
});

describe("resolveAsOf", () => {
  it("a given date, or yesterday in the zone", () => {
    expect(resolveAsOf("2026-03-31", "UTC", new Date(0))).toBe(dayNumber(2026, 3, 31));
    // 2026-04-01 23:30 UTC is 04-02 08:30 in Tokyo: yesterday there is 04-01.
    expect(resolveAsOf(undefined, "Asia/Tokyo", new Date("2026-04-01T23:30:00Z"))).toBe(dayNumber(2026, 4, 1));
    expect(resolveAsOf(undefined, "UTC", new Date("2026-04-01T23:30:00Z"))).toBe(dayNumber(2026, 3, 31));
    expect(() => resolveAsOf("2026-3-31", "UTC", new Date())).toThrow(AhrError);
  });
});

describe("checkHealth (the library entry)", () => {
  it("returns the report; a config object is validated and applied", async () => {
    const strict = await checkHealth({ files: { orders: [BREACHED] }, asOf: "2026-03-31" });
    expect(strict.summary.exitCode).toBe(1);
    // lsr target 0.5, warnAt 0.4: 2/10 and 2/19 are good.
    const lenient = await checkHealth({ paths: [BREACHED], asOf: "2026-03-31", config: { metrics: { lsr: { target: 0.5 } } } });
    expect(lenient.summary.exitCode).toBe(0);
    expect(lenient.metrics.find((m) => m.id === "lsr")).toMatchObject({ target: 0.5, warnAt: 0.4, status: "good" });
  });

  it("a ResolvedConfig (defaultConfig()) is a valid config object", async () => {
    const r = await checkHealth({ paths: [HEALTHY], asOf: "2026-03-31", config: defaultConfig() });
    expect(r.summary.exitCode).toBe(0);
  });

  it("a config path is resolved against cwd; errors are AhrErrors naming the key", async () => {
    await expect(checkHealth({ paths: [HEALTHY], asOf: "2026-03-31", config: { metrics: { lsr: { level: "loud" } } } as never })).rejects.toThrow(
      'config: metrics.lsr.level: expected one of "off", "warn", "error"',
    );
    await expect(checkHealth({ paths: [HEALTHY], asOf: "2026-03-31", config: "nope.json", cwd: FIXTURES })).rejects.toMatchObject({ code: "CONFIG_READ" });
  });

  it("options are checked: time zone, failOn, some input", async () => {
    await expect(checkHealth({ paths: [HEALTHY], timeZone: "Nowhere/Land" })).rejects.toMatchObject({ code: "USAGE" });
    await expect(checkHealth({ paths: [HEALTHY], failOn: "sometimes" as never })).rejects.toMatchObject({ code: "USAGE" });
    await expect(checkHealth({})).rejects.toMatchObject({ code: "NO_INPUT" });
  });

  it("the default as-of comes from options.now in the report zone", async () => {
    const r = await checkHealth({ paths: [HEALTHY], now: new Date("2026-04-01T12:00:00Z"), timeZone: "Pacific/Kiritimati" });
    // 12:00 UTC is 02:00 on 04-02 at UTC+14: yesterday is 04-01.
    expect(r.asOf).toBe("2026-04-01");
  });
});

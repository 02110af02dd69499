import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/defaults.js";
import { AhrError, MESSAGES } from "../../src/errors.js";
import { checkHealth } from "../../src/engine/check.js";
import {
  FAIL_ON,
  resolveAsOf,
  resolveCheckConfig,
  resolveFailOn,
  resolveTrendDays,
  resolveTrendWindow,
} from "../../src/engine/options.js";
import { trendWithConfig } from "../../src/engine/trend.js";
import { dayNumber } from "../../src/time.js";
import { HEALTHY } from "../cli/helpers.js";

/** The AhrError `f` throws (fails the test when it throws nothing or something else). */
function thrown(f: () => unknown): AhrError {
  try {
    f();
  } catch (e) {
    if (e instanceof AhrError) return e;
    throw e;
  }
  throw new Error("expected an AhrError");
}

describe("resolveAsOf", () => {
  it("a given date, or yesterday in the zone", () => {
    expect(resolveAsOf("2026-03-31", "UTC", new Date(0))).toBe(dayNumber(2026, 3, 31));
    // 2026-04-01 23:30 UTC is 04-02 08:30 in Tokyo: yesterday there is 04-01.
    expect(resolveAsOf(undefined, "Asia/Tokyo", new Date("2026-04-01T23:30:00Z"))).toBe(dayNumber(2026, 4, 1));
    expect(resolveAsOf(undefined, "UTC", new Date("2026-04-01T23:30:00Z"))).toBe(dayNumber(2026, 3, 31));
    expect(() => resolveAsOf("2026-3-31", "UTC", new Date())).toThrow(AhrError);
    expect(() => resolveAsOf("2026-02-30", "UTC", new Date())).toThrow(AhrError);
  });
});


// One code per usage error the engine raises, each with its text written out (the texts are the
// ones the single USAGE code gave before: detail, "; ", hint).
describe("usage errors (engine): one code each, texts unchanged", () => {
  it("TIME_ZONE_UNKNOWN: an option time zone the runtime does not know", async () => {
    const e = await resolveCheckConfig({ timeZone: "Nowhere/Land" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AhrError);
    expect((e as AhrError).code).toBe("TIME_ZONE_UNKNOWN");
    expect((e as AhrError).message).toBe(
      'unknown time zone "Nowhere/Land"; expected an IANA name such as UTC, America/Los_Angeles or Europe/Berlin',
    );
  });

  it("AS_OF_NOT_DATE: an as-of that is not a strict YYYY-MM-DD calendar date", () => {
    for (const text of ["2026-3-31", "2026-02-30", "yesterday"]) {
      const e = thrown(() => resolveAsOf(text, "UTC", new Date(0)));
      expect(e.code).toBe("AS_OF_NOT_DATE");
      expect(e.message).toBe(`--as-of "${text}" is not a date; expected YYYY-MM-DD, such as 2026-03-31`);
    }
  });

  it("FAIL_ON_UNKNOWN: failOn not one of breach, at_risk, never", async () => {
    const e = thrown(() => resolveFailOn({ failOn: "sometimes" as never }));
    expect(e.code).toBe("FAIL_ON_UNKNOWN");
    expect(e.message).toBe('--fail-on "sometimes" is not one of breach, at_risk, never');
    expect(FAIL_ON.map((f) => resolveFailOn({ failOn: f }))).toEqual(["breach", "at_risk", "never"]);
    expect(resolveFailOn({})).toBe("breach");
    await expect(checkHealth({ paths: [HEALTHY], failOn: "loud" as never })).rejects.toMatchObject({ code: "FAIL_ON_UNKNOWN" });
  });

  it("DAYS_OUT_OF_RANGE: trend days not a whole number from 1 to 730 (written as JSON)", async () => {
    const cases: [unknown, string][] = [
      [0, "0"],
      [731, "731"],
      [1.5, "1.5"],
      [Number.NaN, "null"], // JSON.stringify(NaN)
    ];
    for (const [days, text] of cases) {
      const e = thrown(() => resolveTrendDays({ metric: "odr", days: days as number }));
      expect(e.code).toBe("DAYS_OUT_OF_RANGE");
      expect(e.message).toBe(`--days ${text} is not a whole number from 1 to 730`);
    }
    expect(resolveTrendDays({ metric: "odr" })).toBe(90);
    expect(resolveTrendDays({ metric: "odr", days: 730 })).toBe(730);
    await expect(trendWithConfig(defaultConfig(), { metric: "odr", days: 0, paths: [HEALTHY] })).rejects.toMatchObject({
      code: "DAYS_OUT_OF_RANGE",
    });
  });

  it("NO_SUCH_WINDOW: a trend window the metric is not configured with", async () => {
    const e = thrown(() => resolveTrendWindow(defaultConfig(), { metric: "lsr", windowDays: 45 }));
    expect(e.code).toBe("NO_SUCH_WINDOW");
    // lsr's default windows are 10 and 30 days (catalog.ts).
    expect(e.message).toBe("lsr has no 45-day window; its windows are 10, 30 days (metrics.lsr.windows in the config)");
    expect(resolveTrendWindow(defaultConfig(), { metric: "lsr", windowDays: 30 })).toBe(30);
    expect(resolveTrendWindow(defaultConfig(), { metric: "lsr" })).toBe(10); // the first one
    await expect(
      trendWithConfig(defaultConfig(), { metric: "crt", windowDays: 8, paths: [HEALTHY], asOf: "2026-03-31" }),
    ).rejects.toThrow("crt has no 8-day window; its windows are 7, 30, 90 days (metrics.crt.windows in the config)");
  });

  it("the engine raises no free-text USAGE error (each of its usage errors has a code)", () => {
    for (const code of ["TIME_ZONE_UNKNOWN", "AS_OF_NOT_DATE", "FAIL_ON_UNKNOWN", "DAYS_OUT_OF_RANGE", "NO_SUCH_WINDOW"]) {
      expect(code in MESSAGES).toBe(true);
    }
  });
});

describe("resolveCheckConfig", () => {
  it("flags beat the config object; no config: the defaults", async () => {
    const c = await resolveCheckConfig({ config: { timeZone: "Asia/Tokyo", dateOrder: "dmy" }, timeZone: "UTC" });
    expect(c.timeZone).toBe("UTC");
    expect(c.dateOrder).toBe("dmy");
    expect(await resolveCheckConfig({})).toEqual(defaultConfig());
  });
});



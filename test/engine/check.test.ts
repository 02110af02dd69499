import { describe, expect, it } from "vitest";
import { checkHealth, checkWithConfig } from "../../src/engine/check.js";
import { defaultConfig } from "../../src/config/defaults.js";
import { resolveConfig } from "../../src/config/load.js";
import { BREACHED, FIXTURES, HEALTHY } from "../cli/helpers.js";

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
    await expect(checkHealth({ paths: [HEALTHY], timeZone: "Nowhere/Land" })).rejects.toMatchObject({ code: "TIME_ZONE_UNKNOWN" });
    await expect(checkHealth({ paths: [HEALTHY], failOn: "sometimes" as never })).rejects.toMatchObject({ code: "FAIL_ON_UNKNOWN" });
    await expect(checkHealth({})).rejects.toMatchObject({ code: "NO_INPUT" });
  });

  it("leaves the options and the config it is given unchanged", async () => {
    const config = resolveConfig({ metrics: { lsr: { target: 0.5 } } });
    const options = { files: { orders: [BREACHED] }, paths: [HEALTHY], asOf: "2026-03-31" };
    const before = JSON.stringify({ config, options });
    await checkWithConfig(config, options);
    expect(JSON.stringify({ config, options })).toBe(before);
  });

  it("the default as-of comes from options.now in the report zone", async () => {
    const r = await checkHealth({ paths: [HEALTHY], now: new Date("2026-04-01T12:00:00Z"), timeZone: "Pacific/Kiritimati" });
    // 12:00 UTC is 02:00 on 04-02 at UTC+14: yesterday is 04-01.
    expect(r.asOf).toBe("2026-04-01");
  });
});

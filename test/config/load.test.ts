import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/defaults.js";
import { findConfigFile, loadConfig, resolveConfig } from "../../src/config/load.js";
import { AhrError } from "../../src/errors.js";

async function dir(files: Record<string, string>): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "ahr-config-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(d, name), text);
  return d;
}

async function failure(p: Promise<unknown>): Promise<AhrError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AhrError) return e;
    throw e;
  }
  throw new Error("expected an AhrError");
}

describe("resolveConfig: defaults < file < flags", () => {
  it("no file, no flags: the defaults", () => {
    expect(resolveConfig(null)).toEqual(defaultConfig());
  });

  it("the file beats the defaults, the flags beat the file", () => {
    const file = { timeZone: "Europe/Berlin", dateOrder: "dmy" as const };
    expect(resolveConfig(file).timeZone).toBe("Europe/Berlin");
    expect(resolveConfig(file).dateOrder).toBe("dmy");
    const both = resolveConfig(file, { timeZone: "America/New_York", dateOrder: "mdy" });
    expect(both.timeZone).toBe("America/New_York");
    expect(both.dateOrder).toBe("mdy");
    // A flag alone over defaults.
    expect(resolveConfig(null, { timeZone: "Asia/Tokyo" }).timeZone).toBe("Asia/Tokyo");
  });

  it("metric settings: only the keys given change; days is one window", () => {
    const c = resolveConfig({ metrics: { odr: { days: 30, level: "warn" }, lsr: { windows: [5] } } });
    expect(c.metrics.odr).toEqual({ target: 0.01, warnAt: 0.008, windows: [30], lagDays: 14, level: "warn" });
    expect(c.metrics.lsr.windows).toEqual([5]);
    expect(c.metrics.pfcr).toEqual(defaultConfig().metrics.pfcr);
  });

  it("warnAt follows a configured target when not given", () => {
    // lt: 0.8 x 0.02 = 0.016; gte: 0.9 + 0.2 x (1 - 0.9) = 0.92
    const c = resolveConfig({ metrics: { odr: { target: 0.02 }, vtr: { target: 0.9 } } });
    expect(c.metrics.odr.warnAt).toBe(0.016);
    expect(c.metrics.vtr.warnAt).toBe(0.92);
  });

  it("a given warnAt is kept; on the wrong side of the target it is CONFIG_INVALID", () => {
    expect(resolveConfig({ metrics: { odr: { warnAt: 0.005 } } }).metrics.odr.warnAt).toBe(0.005);
    expect(resolveConfig({ metrics: { odr: { warnAt: 0.01 } } }).metrics.odr.warnAt).toBe(0.01); // equal: no at_risk band
    expect(() => resolveConfig({ metrics: { odr: { warnAt: 0.011 } } }, {}, "ahr.config.json")).toThrow(
      /^ahr\.config\.json: metrics\.odr\.warnAt: 0\.011 is above the target 0\.01/,
    );
    expect(() => resolveConfig({ metrics: { vtr: { warnAt: 0.94 } } }, {}, "ahr.config.json")).toThrow(
      /^ahr\.config\.json: metrics\.vtr\.warnAt: 0\.94 is below the target 0\.95/,
    );
    // The default warnAt (0.008) against a lowered target (0.005) is re-derived, not an error: 0.004.
    expect(resolveConfig({ metrics: { odr: { target: 0.005 } } }).metrics.odr.warnAt).toBe(0.004);
  });

  it("ahr settings and column mappings", () => {
    const c = resolveConfig({
      ahr: { severityPoints: { high: 10 }, repeatDoubling: true, repeatLimits: { restricted_products: 3 } },
      columns: { orders: { $comment: "mine", shipped_at: "Ship Confirm Date" }, feedback: {} },
    });
    expect(c.ahr).toEqual({
      severityPoints: { low: 2, medium: 4, high: 10 },
      repeatDoubling: true,
      repeatLimits: { intellectual_property: 5, restricted_products: 3 },
    });
    expect(c.columns).toEqual({ orders: { shipped_at: "Ship Confirm Date" } });
  });
});

describe("loadConfig: files", () => {
  it("finds ahr.config.json, else .ahrrc.json; both: ahr.config.json and a warning", async () => {
    const a = await dir({ "ahr.config.json": '{"timeZone":"Europe/Berlin"}' });
    expect((await loadConfig({ cwd: a })).config.timeZone).toBe("Europe/Berlin");
    const b = await dir({ ".ahrrc.json": '{"timeZone":"Asia/Tokyo"}' });
    const lb = await loadConfig({ cwd: b });
    expect(lb.config.timeZone).toBe("Asia/Tokyo");
    expect(lb.file).toBe(".ahrrc.json");
    const both = await dir({ "ahr.config.json": '{"timeZone":"Europe/Berlin"}', ".ahrrc.json": '{"timeZone":"Asia/Tokyo"}' });
    const lc = await loadConfig({ cwd: both });
    expect(lc.config.timeZone).toBe("Europe/Berlin");
    expect(lc.warnings).toEqual(["both ahr.config.json and .ahrrc.json are present; using ahr.config.json and ignoring .ahrrc.json"]);
    const none = await dir({});
    expect(await findConfigFile(none)).toEqual({ path: null, warnings: [] });
    expect((await loadConfig({ cwd: none })).config).toEqual(defaultConfig());
  });

  it("--config FILE replaces discovery; flags beat it", async () => {
    const d = await dir({ "ahr.config.json": '{"timeZone":"Europe/Berlin"}', "other.json": '{"timeZone":"Asia/Tokyo","dateOrder":"dmy"}' });
    const l = await loadConfig({ cwd: d, configPath: "other.json", flags: { dateOrder: "mdy" } });
    expect(l.config.timeZone).toBe("Asia/Tokyo");
    expect(l.config.dateOrder).toBe("mdy");
    expect(l.file).toBe("other.json");
  });

  it("errors: missing file, bad JSON, invalid content, each naming the file", async () => {
    const d = await dir({ "bad.json": "{ timeZone: UTC }", "ahr.config.json": '{"metrics":{"odr":{"target":2}}}' });
    const missing = await failure(loadConfig({ cwd: d, configPath: "nope.json" }));
    expect(missing.code).toBe("CONFIG_READ");
    expect(missing.message).toBe("nope.json: cannot read the config file: no such file");
    const json = await failure(loadConfig({ cwd: d, configPath: "bad.json" }));
    expect(json.code).toBe("CONFIG_JSON");
    expect(json.message).toMatch(/^bad\.json:1: the config file is not valid JSON: /); // "{ timeZone": line 1
    const invalid = await failure(loadConfig({ cwd: d }));
    expect(invalid.code).toBe("CONFIG_INVALID");
    expect(invalid.message).toBe("ahr.config.json: metrics.odr.target: expected a number between 0 and 1");
  });

  it("a UTF-8 BOM at the start of the file is fine", async () => {
    const d = await dir({ "ahr.config.json": '\uFEFF{"dateOrder":"dmy"}' });
    expect((await loadConfig({ cwd: d })).config.dateOrder).toBe("dmy");
  });
});

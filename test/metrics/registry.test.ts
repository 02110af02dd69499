import { describe, expect, it } from "vitest";
import { METRICS, METRIC_IDS } from "../../src/catalog.js";
import { DEFAULT_METRIC_SETTINGS } from "../../src/config/defaults.js";
import { METRIC_FNS, METRIC_LIST, METRIC_MODULES } from "../../src/metrics/index.js";
import * as REGISTRY from "../../src/metrics/registry.js";

describe("the metric registry and the catalog", () => {
  it("one module per catalog entry, exported under its id, carrying that entry as its meta", () => {
    expect(Object.keys(REGISTRY).sort()).toEqual([...METRIC_IDS].sort());
    for (const id of METRIC_IDS) {
      expect(METRIC_MODULES[id].meta).toBe(METRICS[id]);
      expect(METRIC_MODULES[id].meta.id).toBe(id);
      expect(METRIC_FNS[id]).toBe(METRIC_MODULES[id].compute);
    }
  });

  it("METRIC_LIST is in report order (the catalog's), SPEC section 2", () => {
    expect(METRIC_LIST.map((m) => m.meta.id)).toEqual(["odr", "pfcr", "lsr", "vtr", "otdr", "crt", "rdr", "refund_rate"]);
  });

  it("the defaults derive warnAt from the catalog's targets (SPEC section 2)", () => {
    // lt: 0.8 x target; gte: target + 0.2 x (1 - target).
    // odr 0.01 -> 0.008; pfcr 0.025 -> 0.02; lsr 0.04 -> 0.032; vtr 0.95 + 0.2 x 0.05 = 0.96;
    // otdr 0.97 + 0.2 x 0.03 = 0.976; crt 0.9 + 0.2 x 0.1 = 0.92; rdr 0.1 -> 0.08; refund 0.05 -> 0.04.
    const warnAt = Object.fromEntries(METRIC_IDS.map((id) => [id, DEFAULT_METRIC_SETTINGS[id].warnAt]));
    expect(warnAt).toEqual({ odr: 0.008, pfcr: 0.02, lsr: 0.032, vtr: 0.96, otdr: 0.976, crt: 0.92, rdr: 0.08, refund_rate: 0.04 });
    expect(DEFAULT_METRIC_SETTINGS.lsr).toEqual({ target: 0.04, warnAt: 0.032, windows: [10, 30], lagDays: 0, level: "error" });
    expect(DEFAULT_METRIC_SETTINGS.odr).toEqual({ target: 0.01, warnAt: 0.008, windows: [60], lagDays: 14, level: "error" });
  });

  it("the defaults do not share arrays with the catalog", () => {
    expect(DEFAULT_METRIC_SETTINGS.crt.windows).not.toBe(METRICS.crt.defaults.windows);
  });

  it("a metric dated by its own records names a kind it reads", () => {
    for (const meta of METRIC_LIST.map((m) => m.meta)) {
      if (typeof meta.dated === "object") expect(meta.needs).toContain(meta.dated.kind);
    }
  });
});

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWithConfig, checkWithTrends, resolveCheckConfig, trendWithConfig } from "../../src/engine/index.js";

const DEMO = join(import.meta.dirname, "../../fixtures/demo");

// The HTML report's charts: one read of the inputs for the report and a trend of every enabled
// metric and window. Each must be what `ahr trend METRIC --window W --days 90` gives (which reads
// only what that one trend needs), and the report what `ahr check` gives.
describe("checkWithTrends", () => {
  for (const asOf of ["2026-11-20", "2026-12-31"]) {
    it(`equals checkWithConfig and each trendWithConfig (demo, as of ${asOf})`, async () => {
      const opts = { paths: [DEMO], asOf, details: true };
      const config = await resolveCheckConfig(opts);
      const { report, trends } = await checkWithTrends(config, opts, 90);
      expect(report).toEqual(await checkWithConfig(config, opts));
      // 12 rows, 11 (metric, window) pairs: odr's two channels share one trend.
      expect(trends.map((t) => `${t.metric}:${t.windowDays}`)).toEqual([
        "odr:60", "pfcr:7", "lsr:10", "lsr:30", "vtr:30", "otdr:30", "crt:7", "crt:30", "crt:90", "rdr:60", "refund_rate:30",
      ]);
      for (const t of trends) {
        expect(t).toEqual(await trendWithConfig(config, { ...opts, metric: t.metric, windowDays: t.windowDays, days: 90 }));
      }
    });
  }

  it("leaves out the metrics whose level is off", async () => {
    const opts = { paths: [DEMO], asOf: "2026-11-20", config: { metrics: { crt: { level: "off" as const } } } };
    const config = await resolveCheckConfig(opts);
    const { trends } = await checkWithTrends(config, opts, 5);
    expect(trends.some((t) => t.metric === "crt")).toBe(false);
    expect(trends).toHaveLength(8);
  });
});

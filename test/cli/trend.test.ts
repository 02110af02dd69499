import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { AS_OF, BREACHED, fakeIo, ROOT } from "./helpers.js";

// fixtures/cli/breached: one MFN order a day, purchased 03-12 .. 03-31, ship by the next day.
// Order 15 (ship by 03-27) shipped 03-28 14:00: late. lsr 10d replayed:
// - as of 03-27, window 03-18..03-27: orders 6..14 shipped on time (latest ship 03-18..03-26);
//   order 15 is not shipped yet as of 03-27 (and not overdue: ship by = end of 03-27) -> 0/9 good.
// - as of 03-28, window 03-19..03-28: orders 7..14 on time (8) + order 15 late; order 16 (ship by
//   03-28) not shipped yet -> 1/9 = 11.1% >= 4%: breach.
describe("ahr trend", () => {
  it("replays lsr 10d day by day and names the day it breached", async () => {
    const f = fakeIo();
    const code = await run(["trend", "lsr", "--orders", BREACHED, "--as-of", AS_OF, "--days", "5", "--format", "json"], f.io);
    expect(code).toBe(0);
    expect(f.err()).toBe("");
    const trend = JSON.parse(f.out());
    const points = trend.series[0].points;
    expect(points.map((p: { asOf: string }) => p.asOf)).toEqual(["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]);
    expect(points[0]).toMatchObject({ numerator: 0, denominator: 9, status: "good" });
    expect(points[1]).toMatchObject({ numerator: 1, denominator: 9, status: "breach" });
    expect(trend.series[0].crossings).toEqual([{ asOf: "2026-03-28", status: "breach" }]);
    expect(trend.windowDays).toBe(10);
  });

  it("prints a sparkline table without colour through a pipe", async () => {
    const f = fakeIo({ isTTY: false });
    expect(await run(["trend", "lsr", "--orders", BREACHED, "--as-of", AS_OF, "--days", "5"], f.io)).toBe(0);
    expect(f.out()).toContain("LSR (MFN) 10d breached on 2026-03-28.");
    expect(f.out()).not.toContain("\u001b");
  });

  it("rejects an unknown metric or window with exit 2 and one line", async () => {
    const a = fakeIo();
    expect(await run(["trend", "speed", "--orders", BREACHED], a.io)).toBe(2);
    expect(a.err().trim().split("\n")).toHaveLength(1);
    const b = fakeIo();
    expect(await run(["trend", "lsr", "--orders", BREACHED, "--window", "7", "--as-of", AS_OF], b.io)).toBe(2);
    expect(b.err()).toContain("lsr has no 7-day window");
  });
});

// A trend reads only the orders its one metric and window can reach (trendKeepFromDay), fewer
// than a report keeps: every replayed day must still equal `ahr check --as-of` that day. On the
// demo (orders 2026-08-23 .. 11-20), as of 12-31 a 10-day trend of odr keeps orders from 10-10
// on (12-22 - 14 lag - 60 days + 1), so older orders, some with defects, are dropped.
describe("ahr trend equals ahr check on every replayed day (fixtures/demo)", () => {
  const DEMO = join(ROOT, "fixtures", "demo");
  // Each metric over its first window, and lsr and crt over their longer ones too.
  const metrics = ["odr", "pfcr", "lsr", "vtr", "otdr", "crt", "rdr", "refund_rate", "lsr:30", "crt:90"];
  for (const asOf of ["2026-11-20", "2026-12-31"]) {
    it(`every metric, 4 days to ${asOf}`, async () => {
      const checks = new Map<string, { metrics: { id: string; channel: string; windowDays: number; numerator: number | null; denominator: number | null }[] }>();
      for (const spec of metrics) {
        const [m, window] = spec.split(":") as [string, string | undefined];
        const t = fakeIo();
        const args = ["trend", m, DEMO, "--as-of", asOf, "--days", "4", "--format", "json"];
        expect(await run(window === undefined ? args : [...args, "--window", window], t.io)).toBe(0);
        const trend = JSON.parse(t.out());
        for (const series of trend.series) {
          for (const p of series.points) {
            let report = checks.get(p.asOf);
            if (report === undefined) {
              const c = fakeIo();
              await run(["check", DEMO, "--as-of", p.asOf, "--format", "json"], c.io);
              report = JSON.parse(c.out());
              checks.set(p.asOf, report!);
            }
            const row = report!.metrics.find((r) => r.id === m && r.channel === series.channel && r.windowDays === trend.windowDays);
            expect([m, series.channel, p.asOf, p.numerator, p.denominator]).toEqual([m, series.channel, p.asOf, row?.numerator, row?.denominator]);
          }
        }
      }
    });
  }
});

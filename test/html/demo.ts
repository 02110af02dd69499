/** The demo's HTML report (fixtures/demo as of 2026-11-20), written to a temporary folder. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkWithConfig, resolveCheckConfig, trendWithConfig } from "../../src/check.js";
import { formatHtml } from "../../src/format/html.js";
import type { TrendReport } from "../../src/report/trend.js";
import type { Report } from "../../src/report/types.js";

export const DEMO = join(import.meta.dirname, "../../fixtures/demo");
export const AS_OF = "2026-11-20";

export async function writeDemoHtml(): Promise<{ dir: string; file: string; report: Report; trends: TrendReport[] }> {
  const dir = mkdtempSync(join(tmpdir(), "ahr-html-"));
  const opts = { paths: [DEMO], asOf: AS_OF, details: true };
  const config = await resolveCheckConfig(opts);
  const report = await checkWithConfig(config, opts);
  const trends: TrendReport[] = [];
  for (const id of [...new Set(report.metrics.map((r) => `${r.id} ${r.windowDays}`))]) {
    const [metric, days] = id.split(" ") as [Report["metrics"][number]["id"], string];
    trends.push(await trendWithConfig(config, { ...opts, metric, windowDays: Number(days), days: 90 }));
  }
  const file = join(dir, "demo.html");
  writeFileSync(file, formatHtml(report, trends));
  return { dir, file, report, trends };
}

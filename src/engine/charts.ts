/**
 * checkWithTrends: what `ahr check --format html` runs. The report, and for each enabled metric
 * and window a trend of the last `days` as-of days (the page's charts), the inputs read once for
 * all of them. Each trend is what `ahr trend METRIC --window W --days N` gives (trend.ts, which
 * reads only what that one trend needs); the report is checkWithConfig's.
 */
import { METRIC_IDS, type MetricId } from "../catalog.js";
import type { ResolvedConfig } from "../config/defaults.js";
import { METRIC_MODULES } from "../metrics/index.js";
import { buildTrend, type TrendReport } from "../report/trend.js";
import type { Report } from "../report/types.js";
import { packageVersion } from "../version.js";
import type { Inputs } from "../records.js";
import { readFor, reportByMarketplace, splitByMarketplace } from "./check.js";
import { marketplaceTrend } from "./trend.js";
import { resolveAsOf, resolveFailOn, type CheckOptions } from "./options.js";
import { keepFor, keepFromDay, trendKeepFromDay } from "./plan.js";

/** The as-of days each chart of the HTML report covers. */
export const CHART_DAYS = 90;

export async function checkWithTrends(
  config: ResolvedConfig,
  options: CheckOptions,
  days = CHART_DAYS,
  /** The config file `config` came from, for Report.configFile (null: none). */
  configFile: string | null = null,
): Promise<{ report: Report; trends: TrendReport[] }> {
  const failOn = resolveFailOn(options);
  const asOf = resolveAsOf(options.asOf, config.timeZone, options.now ?? new Date());
  // Orders back to what the report needs and what the earliest replayed day of every trend
  // needs; no count-only orders (those serve the report's AHR alone, not earlier days).
  const charted: { metric: MetricId; windowDays: number }[] = [];
  let keepFrom = keepFromDay(asOf, config);
  for (const metric of METRIC_IDS) {
    const s = config.metrics[metric];
    if (s.level === "off") continue;
    for (const windowDays of s.windows) {
      charted.push({ metric, windowDays });
      keepFrom = Math.min(keepFrom, trendKeepFromDay(asOf, config, metric, windowDays, days));
    }
  }
  const inputs = await readFor(config, options, keepFrom, keepFor(asOf, config, days));
  const version = packageVersion();
  const byMarket = splitByMarketplace(inputs, options.marketplaces);
  const report = reportByMarketplace(inputs, { asOf, config, details: options.details ?? false, failOn, version, configFile }, byMarket);
  const trendOf = (part: Inputs, metric: MetricId, windowDays: number): TrendReport =>
    buildTrend(part, { metric, asOf, days, windowDays, config, version, configFile }, METRIC_MODULES[metric].compute, METRIC_MODULES[metric].running);
  const { parts } = byMarket;
  const trends = charted.map(({ metric, windowDays }) =>
    parts === undefined ? trendOf(inputs, metric, windowDays) : marketplaceTrend(byMarket.shown.map((m) => [m, trendOf(parts.get(m)!, metric, windowDays)])),
  );
  return { report, trends };
}

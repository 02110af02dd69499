/** trendWithConfig: what `ahr trend` runs, one metric replayed over the last N as-of days. */
import type { ResolvedConfig } from "../config/defaults.js";
import { METRIC_MODULES } from "../metrics/index.js";
import { buildTrend, type TrendReport } from "../report/trend.js";
import { packageVersion } from "../version.js";
import type { Inputs } from "../records.js";
import { readFor, splitByMarketplace } from "./check.js";
import { resolveAsOf, resolveTrendDays, resolveTrendWindow, type TrendRunOptions } from "./options.js";
import { keepFor, trendKeepFromDay } from "./plan.js";

/**
 * Replays one metric for each of the last `days` as-of days, reading the inputs once (`ahr
 * trend`). Each day's figure equals what `ahr check --as-of` that day says.
 */
export async function trendWithConfig(
  config: ResolvedConfig,
  options: TrendRunOptions,
  /** The config file `config` came from (TrendReport.configFile; null: none). */
  configFile: string | null = null,
): Promise<TrendReport> {
  const days = resolveTrendDays(options);
  const windowDays = resolveTrendWindow(config, options);
  const asOf = resolveAsOf(options.asOf, config.timeZone, options.now ?? new Date());
  const keepFrom = trendKeepFromDay(asOf, config, options.metric, windowDays, days);
  const inputs = await readFor(config, options, keepFrom, keepFor(asOf, config, days));
  const trendOf = (part: Inputs): TrendReport =>
    buildTrend(
      part,
      { metric: options.metric, asOf, days, windowDays, config, version: packageVersion(), configFile },
      METRIC_MODULES[options.metric].compute,
      METRIC_MODULES[options.metric].running,
    );
  // Two or more marketplaces (SPEC 9.3): each one replayed on its own, its series named.
  const byMarket = splitByMarketplace(inputs, options.marketplaces);
  const { parts } = byMarket;
  if (parts === undefined) return trendOf(inputs);
  return marketplaceTrend(byMarket.shown.map((m) => [m, trendOf(parts.get(m)!)]));
}

/** One trend from the trends of several marketplaces: their series one after another, each with its `marketplace`. */
export function marketplaceTrend(trends: readonly (readonly [string, TrendReport])[]): TrendReport {
  const first = trends[0]![1];
  return {
    ...first,
    series: trends.flatMap(([marketplace, t]) => t.series.map(({ channel, ...rest }) => ({ channel, marketplace, ...rest }))),
  };
}

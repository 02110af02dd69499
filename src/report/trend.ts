/**
 * Trend: a metric replayed for each of the last N as-of days. The inputs are read once; each
 * day is the same pure metric function with an earlier as-of day, so a replayed day equals what
 * `ahr check --as-of` said that day (records stamped later are "not yet happened" by the metric
 * rules themselves). A metric with a running hook (metrics/running.ts) gives the same counts for
 * all the days in one pass over its items instead.
 */
import { METRICS, type ChannelScope, type Condition, type MetricId } from "../catalog.js";
import type { ResolvedConfig } from "../config/defaults.js";
import { newCache } from "../metrics/cache.js";
import { replayDays, runningTotals, type RunningFn } from "../metrics/running.js";
import type { MetricContext, MetricFn } from "../metrics/types.js";
import { rateOf, statusOf, type Status } from "../metrics/status.js";
import { windowFor } from "../metrics/window.js";
import type { Inputs } from "../records.js";
import { formatDay, zone } from "../time.js";

export interface TrendPoint {
  asOf: string;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  status: Status;
}

export interface TrendSeries {
  channel: ChannelScope;
  /** With two or more marketplaces (SPEC 9.3): the marketplace the series is of. */
  marketplace?: string;
  points: TrendPoint[];
  /** As-of days on which the status changed to or from breach, in order. */
  crossings: { asOf: string; status: Status }[];
}

export interface TrendReport {
  schemaVersion: 1;
  tool: { name: string; version: string };
  metric: MetricId;
  name: string;
  timeZone: string;
  /** The config file applied, as in Report.configFile. */
  configFile: string | null;
  asOf: string;
  days: number;
  windowDays: number;
  lagDays: number;
  target: number;
  warnAt: number;
  condition: Condition;
  series: TrendSeries[];
}

export interface TrendOptions {
  metric: MetricId;
  /** The last as-of day (day number). */
  asOf: number;
  /** How many as-of days, ending at asOf. */
  days: number;
  /** Which of the metric's windows (days); default its first configured window. */
  windowDays?: number;
  config: ResolvedConfig;
  version: string;
  /** The config file applied; default null. */
  configFile?: string | null;
}

/** The window a trend follows when none is asked for: the metric's first one. */
export function trendWindowDays(settings: ResolvedConfig["metrics"][MetricId]): number {
  return settings.windows[0] ?? 30;
}

export function buildTrend(inputs: Inputs, options: TrendOptions, fn: MetricFn, running?: RunningFn): TrendReport {
  const { metric, config } = options;
  const settings = config.metrics[metric];
  const def = METRICS[metric];
  const windowDays = options.windowDays ?? trendWindowDays(settings);
  const z = zone(config.timeZone);
  // One cache for every replayed day (cache.ts): what is read from the inputs alone (the orders'
  // and messages' columns, the defect rows matched to the orders) is read once, when a day first
  // asks; each day only filters it by its own date.
  const cache = newCache();
  const contextOf = (d: number): MetricContext => ({ inputs, asOf: d, endOfDay: z.endOfDay(d), zone: z, config, cache, countsOnly: true });
  const days = replayDays(options.asOf, options.days, (d) => z.endOfDay(d));
  const series: TrendSeries[] = def.channels.map((channel) => {
    const points: TrendPoint[] = [];
    const crossings: TrendSeries["crossings"] = [];
    let last: Status | null = null;
    const totals =
      running === undefined
        ? null
        : runningTotals(days, windowDays, settings.lagDays, (steps) => running(contextOf(options.asOf), days, channel, steps));
    for (let d = days.first, k = 0; d <= options.asOf; d++, k++) {
      let counts: { numerator: number | null; denominator: number | null };
      if (totals !== null) counts = { numerator: totals.numerator[k]!, denominator: totals.denominator[k]! };
      else {
        const tally = fn(contextOf(d), windowFor(d, windowDays, settings.lagDays), channel);
        counts = { numerator: tally.numerator, denominator: tally.denominator };
      }
      const status = statusOf(counts, def.condition, settings.target, settings.warnAt);
      points.push({ asOf: formatDay(d), numerator: counts.numerator, denominator: counts.denominator, rate: rateOf(counts), status });
      if (last !== null && (status === "breach") !== (last === "breach")) crossings.push({ asOf: formatDay(d), status });
      last = status;
    }
    return { channel, points, crossings };
  });
  return {
    schemaVersion: 1,
    tool: { name: "ahr", version: options.version },
    metric,
    name: def.name,
    timeZone: config.timeZone,
    configFile: options.configFile ?? null,
    asOf: formatDay(options.asOf),
    days: options.days,
    windowDays,
    lagDays: settings.lagDays,
    target: settings.target,
    warnAt: settings.warnAt,
    condition: def.condition,
    series,
  };
}

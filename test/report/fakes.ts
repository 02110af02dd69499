/** Fakes for report tests: hand-made tallies per metric, channel and window, and a fixed AHR. */
import { METRIC_IDS, METRICS, defaultConfig, type MetricId, type ResolvedConfig } from "../../src/config/defaults.js";
import type { MetricFn, Tally } from "../../src/metrics/types.js";
import { buildReport, type BuildDeps, type BuildOptions, type UnmatchedCounts } from "../../src/report/build.js";
import type { AccountHealth, FailOn, Report } from "../../src/report/types.js";
import type { Inputs } from "../../src/records.js";
import { formatDay, parseDay } from "../../src/time.js";

export function day(text: string): number {
  const d = parseDay(text);
  if (d === null) throw new Error(`bad day ${text}`);
  return d;
}

export function health(over: Partial<AccountHealth> = {}): AccountHealth {
  // 600 orders in 180 days: floor(600 / 200) = 3, x 4 = 12 points of volume.
  return {
    score: 212,
    band: "healthy",
    estimated: true,
    violationsProvided: false,
    baseline: 200,
    volumeBonus: 12,
    orders180d: 600,
    deductions: [],
    critical: false,
    deactivationRisk: false,
    repeatLimits: [],
    status: "good",
    ...over,
  };
}

/** A tally: the good default is 0 of 100 for lt metrics and 100 of 100 for gte ones. */
export function tally(over: Partial<Tally> = {}): Tally {
  return { numerator: 0, denominator: 100, basis: "purchase date", reason: null, offenders: [], notes: [], ...over };
}

/**
 * Metric functions answering from a table keyed "id channel from" (from = the window's first
 * day, YYYY-MM-DD); anything not in the table is a good tally. `calls` records every call.
 */
export function fakeFns(table: Record<string, Partial<Tally>>, calls: string[] = []): Record<MetricId, MetricFn> {
  const fns = {} as Record<MetricId, MetricFn>;
  for (const id of METRIC_IDS) {
    fns[id] = (_ctx, window, channel) => {
      const key = `${id} ${channel} ${formatDay(window.from)}`;
      calls.push(`${key}..${formatDay(window.to)}`);
      const good = METRICS[id].condition === "lt" ? { numerator: 0 } : { numerator: 100 };
      return tally({ ...good, ...table[key] });
    };
  }
  return fns;
}

export interface RunOptions {
  table?: Record<string, Partial<Tally>>;
  health?: Partial<AccountHealth>;
  failOn?: FailOn;
  details?: boolean;
  config?: (c: ResolvedConfig) => void;
  inputs?: Inputs;
  unmatched?: UnmatchedCounts;
  calls?: string[];
  asOf?: string;
}

export function run(o: RunOptions = {}): Report {
  const config = defaultConfig();
  o.config?.(config);
  const options: BuildOptions = {
    asOf: day(o.asOf ?? "2026-11-20"),
    config,
    details: o.details ?? false,
    failOn: o.failOn ?? "breach",
    version: "9.9.9",
  };
  const deps: BuildDeps = {
    metricFns: fakeFns(o.table ?? {}, o.calls),
    accountHealth: () => health(o.health),
    unmatchedDefects: () => o.unmatched ?? { feedback: 0, claims: 0, chargebacks: 0 },
  };
  return buildReport(o.inputs ?? {}, options, deps);
}

/**
 * What to read and keep for a report or a trend as of a day, derived from each metric's meta
 * (catalog.ts: what dates it, `dated`) and its configured windows; no metric is named here.
 *
 * - Orders: from keepFromDay (report) or trendKeepFromDay (trend) on; countOnlyFor: the orders
 *   only the AHR estimate needs, counted rather than kept.
 * - Records dated by their own kind's basis day (`dated: { kind }`): from windowsFromDay on.
 * - Defect inputs: only the records that can be a defect.
 */
import type { MetricDefinition, MetricId } from "../catalog.js";
import type { ResolvedConfig } from "../config/defaults.js";
import { HEALTH_DAYS } from "../health/ahr.js";
import { METRIC_LIST } from "../metrics/index.js";
import type { ReadOptions } from "../inputs/index.js";
import type { InputKind } from "../records.js";
import { zone } from "../time.js";

/** The Account Health Rating looks back 180 days (SPEC 2.10). */
export const AHR_DAYS = HEALTH_DAYS;

/**
 * Days an order-based basis date (ship-by, promised delivery) may fall after the purchase date;
 * orders purchased this much before a ship- or delivery-dated window are still kept.
 */
export const BASIS_SLACK_DAYS = 60;

/** Metrics dated by a ship-by, ship or delivery day reach orders purchased up to this much earlier. */
const slackOf = (meta: MetricDefinition): number => (meta.dated === "fulfilment" ? BASIS_SLACK_DAYS : 0);

const metasDated = (dated: MetricDefinition["dated"]): MetricDefinition[] =>
  METRIC_LIST.map((m) => m.meta).filter((meta) => meta.dated === dated);

/**
 * The first purchase day any enabled metric (or the AHR) can need as of `asOf`. Each metric
 * needs its longest window plus its lag, twice over (the report compares with the window just
 * before), plus a slack for metrics dated by ship-by or delivery day, which come after purchase.
 */
export function keepFromDay(asOf: number, config: ResolvedConfig): number {
  return asOf - Math.max(AHR_DAYS, metricDays(config)) + 1;
}

/** The purchase days the enabled metrics need back from an as-of day (see keepFromDay). */
function metricDays(config: ResolvedConfig): number {
  let need = 0;
  for (const { meta } of METRIC_LIST) {
    const s = config.metrics[meta.id];
    if (s.level === "off") continue;
    for (const days of s.windows) need = Math.max(need, 2 * days + s.lagDays + slackOf(meta));
  }
  return need;
}

/**
 * The first purchase day a trend of `metric` over its `windowDays` window can need: that window
 * and the metric's lag back from the earliest replayed day (plus the slack). A trend computes
 * the one metric, without the AHR or the windows just before, so it holds fewer orders than a
 * report would (keepFromDay).
 */
export function trendKeepFromDay(
  asOf: number,
  config: ResolvedConfig,
  metric: MetricId,
  windowDays: number,
  replayDays: number,
): number {
  const lag = config.metrics[metric].lagDays;
  const meta = METRIC_LIST.find((m) => m.meta.id === metric)!.meta;
  return asOf - replayDays + 1 - (windowDays + lag + slackOf(meta)) + 1;
}

/** The days the windows (and the windows just before them) of the enabled metrics `metas` span. */
function windowDays(config: ResolvedConfig, metas: readonly MetricDefinition[]): number {
  let need = 0;
  for (const meta of metas) {
    const s = config.metrics[meta.id];
    if (s.level === "off") continue;
    for (const days of s.windows) need = Math.max(need, 2 * days + s.lagDays);
  }
  return need;
}

/**
 * ReadOptions `countOnly` for a report as of `asOf` (see MergeOptions.countOnly): orders
 * purchased from keepFromDay on but before the first day the purchase-dated metrics reach, whose
 * ship-by, promised delivery and ship dates are all outside the windows of the metrics dated by
 * them (`fulfilment`), are needed by the AHR estimate alone. Undefined when the purchase-dated
 * metrics reach back as far as the AHR.
 */
export function countOnlyFor(asOf: number, config: ResolvedConfig): NonNullable<ReadOptions["countOnly"]> | undefined {
  const beforeDay = asOf - windowDays(config, metasDated("purchase")) + 1;
  if (beforeDay <= keepFromDay(asOf, config)) return undefined;
  return {
    beforeDay,
    basisFrom: asOf - windowDays(config, metasDated("fulfilment")) + 1,
    asOf,
    endOfDay: zone(config.timeZone).endOfDay(asOf),
  };
}

/**
 * The first day a record dated by its metric's basis day (a message received, a return
 * requested) can fall in one of the metric's windows or the windows just before them, over the
 * `replayDays` as-of days ending at asOf. Whatever the metric's level: a metric that is off is
 * still kept exact.
 */
export function windowsFromDay(asOf: number, config: ResolvedConfig, id: MetricId, replayDays = 1): number {
  const s = config.metrics[id];
  let need = 0;
  for (const days of s.windows) need = Math.max(need, 2 * days + s.lagDays);
  return asOf - replayDays + 1 - need + 1;
}

/**
 * ReadOptions `keep`: only the records a report (or a trend of `replayDays` days) can use. A kind
 * that metrics date by its own records' day is kept from the earliest day any of them needs;
 * defect inputs keep only the records that can be a defect.
 */
export function keepFor(asOf: number, config: ResolvedConfig, replayDays = 1): NonNullable<ReadOptions["keep"]> {
  const fromDay: Partial<Record<InputKind, number>> = {};
  for (const { meta } of METRIC_LIST) {
    if (typeof meta.dated !== "object") continue;
    const day = windowsFromDay(asOf, config, meta.id, replayDays);
    const kind = meta.dated.kind;
    fromDay[kind] = Math.min(fromDay[kind] ?? day, day);
  }
  return { defectsOnly: true, fromDay };
}

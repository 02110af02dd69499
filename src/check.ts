/**
 * checkHealth: the library entry point, and what `ahr check` runs. Options in, the Report out
 * (the same object `ahr check --format json` prints).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { METRIC_IDS, type DateOrder, type MetricId, type ResolvedConfig } from "./config/defaults.js";
import { parseConfig, readConfigFile, resolveConfig } from "./config/load.js";
import type { ConfigInput } from "./config/schema.js";
import { AhrError } from "./errors.js";
import { readInputs, type ReadOptions } from "./inputs/index.js";
import { METRIC_FNS } from "./metrics/index.js";
import type { Input, InputKind, Inputs } from "./records.js";
import { buildReport } from "./report/build.js";
import { buildTrend, trendWindowDays, type TrendReport } from "./report/trend.js";
import type { FailOn, Report } from "./report/types.js";
import { isValidZone, parseDay, zone } from "./time.js";

export const FAIL_ON: readonly FailOn[] = ["breach", "at_risk", "never"];

/** The Account Health Rating looks back 180 days (SPEC 2.10). */
export const AHR_DAYS = 180;

/**
 * Days an order-based basis date (ship-by, promised delivery) may fall after the purchase date;
 * orders purchased this much before a ship- or delivery-dated window are still kept.
 */
const BASIS_SLACK_DAYS = 60;

/** Options of {@link checkHealth}. Every field is optional except that some input must be given. */
export interface CheckOptions {
  /** Files per input kind, as `--orders a.csv --orders b.csv` would give them. */
  files?: Partial<Record<InputKind, string[]>>;
  /** Files or directories whose kind is decided from their headers (`ahr check exports/`). */
  paths?: string[];
  /** Read one input of the given kind from a stream (the CLI's `-` with `--kind`). */
  stdin?: { kind: InputKind; stream: NodeJS.ReadableStream };
  /** The as-of date D, `YYYY-MM-DD`. Default: yesterday in the report time zone, from `now`. */
  asOf?: string;
  /** The clock, for the default as-of date only. Default: `new Date()`. */
  now?: Date;
  /**
   * Configuration: a path to a config file (JSON, the layout of ahr.config.json, relative to
   * `cwd`), or an object of the same layout (every key optional; a ResolvedConfig also fits).
   * Validated strictly like a file. Default: the built-in defaults; unlike the CLI, the library
   * never looks for ahr.config.json by itself.
   */
  config?: string | ConfigInput;
  /** Report time zone (IANA name); beats the config. Default `config.timeZone`, else `UTC`. */
  timeZone?: string;
  /** How to read `1/2/26`; beats the config. Default `config.dateOrder`, else `mdy`. */
  dateOrder?: DateOrder;
  /** Put every offender (order id, date, reason, file:line) in each metric row. Default false. */
  details?: boolean;
  /** What makes `summary.exitCode` 1: `breach` (default), `at_risk`, or `never`. */
  failOn?: FailOn;
  /** Skip rows whose values do not parse (counted per input) instead of throwing. Default false. */
  skipInvalid?: boolean;
  /** Directory that a relative `config` path is resolved against. Default `process.cwd()`. */
  cwd?: string;
  /** Called now and then while reading a file. */
  onProgress?: ReadOptions["onProgress"];
}

let cachedVersion: string | null = null;

/** This package's version (from package.json, which sits one level above both src/ and dist/). */
export function packageVersion(): string {
  if (cachedVersion === null) {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
    cachedVersion = pkg.version ?? "0.0.0";
  }
  return cachedVersion;
}

/** Resolves `options.config` and the flag-level overrides into a ResolvedConfig. */
export async function resolveCheckConfig(options: CheckOptions): Promise<ResolvedConfig> {
  if (options.timeZone !== undefined && !isValidZone(options.timeZone)) {
    throw new AhrError("USAGE", {
      detail: `unknown time zone ${JSON.stringify(options.timeZone)}`,
      hint: "expected an IANA name such as UTC, America/Los_Angeles or Europe/Berlin",
    });
  }
  const flags = {
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}),
  };
  if (options.config === undefined) return resolveConfig(null, flags);
  if (typeof options.config === "string") {
    const file = await readConfigFile(resolve(options.cwd ?? process.cwd(), options.config), options.config);
    return resolveConfig(file, flags, options.config);
  }
  return resolveConfig(parseConfig(options.config, "config"), flags, "config");
}

/** The as-of day: `asOf` when given (strict YYYY-MM-DD), else yesterday in `timeZone`. */
export function resolveAsOf(asOf: string | undefined, timeZone: string, now: Date): number {
  if (asOf === undefined) return zone(timeZone).dayOf(now.getTime()) - 1;
  const day = parseDay(asOf);
  if (day === null) {
    throw new AhrError("USAGE", {
      detail: `--as-of ${JSON.stringify(asOf)} is not a date`,
      hint: "expected YYYY-MM-DD, such as 2026-03-31",
    });
  }
  return day;
}

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
  for (const id of METRIC_IDS) {
    const s = config.metrics[id];
    if (s.level === "off") continue;
    for (const days of s.windows) need = Math.max(need, 2 * days + s.lagDays + basisSlack(id));
  }
  return need;
}

/** Metrics dated by ship-by or delivery day reach orders purchased up to this much earlier. */
const basisSlack = (id: MetricId): number => (id === "lsr" || id === "vtr" || id === "otdr" ? BASIS_SLACK_DAYS : 0);

/**
 * The first purchase day a trend of `metric` over its `windowDays` window can need: that window
 * and the metric's lag back from the earliest replayed day (plus basisSlack). A trend computes
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
  return asOf - replayDays + 1 - (windowDays + lag + basisSlack(metric)) + 1;
}

/** The days the windows (and the windows just before them) of the enabled metrics `ids` span. */
function windowDays(config: ResolvedConfig, ids: readonly MetricId[]): number {
  let need = 0;
  for (const id of ids) {
    const s = config.metrics[id];
    if (s.level === "off") continue;
    for (const days of s.windows) need = Math.max(need, 2 * days + s.lagDays);
  }
  return need;
}

/**
 * ReadOptions `countOnly` for a report as of `asOf` (see MergeOptions.countOnly): orders
 * purchased from keepFromDay on but before the first day the purchase-dated order metrics (odr,
 * pfcr, refund_rate) reach, whose ship-by, promised delivery and ship dates are all outside the
 * windows of the metrics dated by them (lsr, vtr, otdr), are needed by the AHR estimate alone.
 * Undefined when the purchase-dated metrics reach back as far as the AHR.
 */
export function countOnlyFor(asOf: number, config: ResolvedConfig): NonNullable<ReadOptions["countOnly"]> | undefined {
  const beforeDay = asOf - windowDays(config, ["odr", "pfcr", "refund_rate"]) + 1;
  if (beforeDay <= keepFromDay(asOf, config)) return undefined;
  return {
    beforeDay,
    basisFrom: asOf - windowDays(config, ["lsr", "vtr", "otdr"]) + 1,
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

/** ReadOptions `keep`: only the records a report (or a trend of `replayDays` days) can use. */
export function keepFor(asOf: number, config: ResolvedConfig, replayDays = 1): NonNullable<ReadOptions["keep"]> {
  return {
    defectsOnly: true,
    fromDay: {
      messages: windowsFromDay(asOf, config, "crt", replayDays),
      returns: windowsFromDay(asOf, config, "rdr", replayDays),
    },
  };
}

/**
 * Reads the inputs, computes every metric and the AHR estimate as of a day, and returns the
 * report (the object `ahr check --format json` prints; `schemaVersion` is the promise).
 * Throws {@link AhrError} for bad options, config or input (the CLI's exit code 2).
 */
export async function checkHealth(options: CheckOptions): Promise<Report> {
  return checkWithConfig(await resolveCheckConfig(options), options);
}

/**
 * checkHealth with the configuration already resolved (the CLI resolves it itself, to find the
 * file in its working directory and to warn about it). `options.config`, `timeZone` and
 * `dateOrder` are ignored here: `config` has them.
 */
export async function checkWithConfig(config: ResolvedConfig, options: CheckOptions): Promise<Report> {
  const failOn = options.failOn ?? "breach";
  if (!FAIL_ON.includes(failOn)) {
    throw new AhrError("USAGE", { detail: `--fail-on ${JSON.stringify(failOn)} is not one of ${FAIL_ON.join(", ")}` });
  }
  const asOf = resolveAsOf(options.asOf, config.timeZone, options.now ?? new Date());
  const inputs = await readFor(config, options, keepFromDay(asOf, config), keepFor(asOf, config), countOnlyFor(asOf, config));
  return buildReport(inputs, {
    asOf,
    config,
    details: options.details ?? false,
    failOn,
    version: packageVersion(),
  });
}

/** Options of {@link trendWithConfig}: the inputs as for checkHealth, and which metric to replay. */
export interface TrendRunOptions extends CheckOptions {
  metric: MetricId;
  /** How many as-of days to replay, ending at the as-of day. Default 90. */
  days?: number;
  /** Which of the metric's windows; default its first configured one. */
  windowDays?: number;
}

/**
 * Replays one metric for each of the last `days` as-of days, reading the inputs once (`ahr
 * trend`). Each day's figure equals what `ahr check --as-of` that day says.
 */
export async function trendWithConfig(config: ResolvedConfig, options: TrendRunOptions): Promise<TrendReport> {
  const days = options.days ?? 90;
  if (!Number.isInteger(days) || days < 1 || days > 730) {
    throw new AhrError("USAGE", { detail: `--days ${JSON.stringify(options.days)} is not a whole number from 1 to 730` });
  }
  const settings = config.metrics[options.metric];
  if (options.windowDays !== undefined && !settings.windows.includes(options.windowDays)) {
    throw new AhrError("USAGE", {
      detail: `${options.metric} has no ${options.windowDays}-day window`,
      hint: `its windows are ${settings.windows.join(", ")} days (metrics.${options.metric}.windows in the config)`,
    });
  }
  const asOf = resolveAsOf(options.asOf, config.timeZone, options.now ?? new Date());
  const windowDays = options.windowDays ?? trendWindowDays(settings);
  const keepFrom = trendKeepFromDay(asOf, config, options.metric, windowDays, days);
  const inputs = await readFor(config, options, keepFrom, keepFor(asOf, config, days));
  return buildTrend(
    inputs,
    {
      metric: options.metric,
      asOf,
      days,
      windowDays,
      config,
      version: packageVersion(),
    },
    METRIC_FNS[options.metric],
  );
}

async function readFor(
  config: ResolvedConfig,
  options: CheckOptions,
  keepFrom: number,
  keep: NonNullable<ReadOptions["keep"]>,
  countOnly?: ReadOptions["countOnly"],
): Promise<Inputs> {
  const files = options.files ?? {};
  const paths = options.paths ?? [];
  const given = paths.length + Object.values(files).reduce((n, list) => n + (list?.length ?? 0), 0);
  if (given === 0 && options.stdin === undefined) throw new AhrError("NO_INPUT");
  const inputs = await readInputs(
    { files, auto: paths, ...(options.stdin ? { stdin: options.stdin } : {}) },
    {
      zone: zone(config.timeZone),
      dateOrder: config.dateOrder,
      columns: config.columns,
      skipInvalid: options.skipInvalid ?? false,
      keepFromDay: keepFrom,
      keep,
      ...(countOnly !== undefined ? { countOnly } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  );
  return inputs; // readInputs leaves out the defect rows of orders kept out (dropOutside)
}

/**
 * Leaves out the feedback, claim and chargeback rows whose order was read but not kept as too
 * old (`outsideIds`): no metric can count them (odr looks up the orders it keeps; such a row is
 * not unmatched either), and over a long export they are most of the defect rows, each looked
 * at by every odr row of the report. `recordCount` keeps counting every record read.
 */
export function dropOutsideDefects(inputs: Inputs): void {
  const outside = inputs.orders?.outsideIds;
  if (outside === undefined || outside.size === 0) return;
  for (const kind of ["feedback", "claims", "chargebacks"] as const) {
    const input = inputs[kind] as Input<{ orderId: string }> | undefined;
    if (input === undefined) continue;
    const records = input.records.filter((r) => !outside.has(r.orderId));
    if (records.length === input.records.length) continue;
    input.recordCount ??= input.records.length;
    input.records = records;
  }
}

/**
 * The options of a check or a trend, resolved and checked: the configuration (file or object,
 * then the flag-level overrides), the as-of day, fail-on, the trend's days and window. Every
 * usage error here has its own code (errors.ts, "usage errors (engine)").
 */
import { resolve } from "node:path";
import type { MetricId } from "../catalog.js";
import type { DateOrder, ResolvedConfig } from "../config/defaults.js";
import { parseConfig, readConfigFile, resolveConfig } from "../config/load.js";
import type { ConfigInput } from "../config/schema.js";
import { AhrError } from "../errors.js";
import type { ReadOptions } from "../inputs/index.js";
import type { InputKind } from "../records.js";
import { trendWindowDays } from "../report/trend.js";
import type { FailOn } from "../report/types.js";
import { isValidZone, parseDay, zone } from "../time.js";

export const FAIL_ON: readonly FailOn[] = ["breach", "at_risk", "never"];

/** Options of checkHealth. Every field is optional except that some input must be given. */
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
  /** The account's name, written into the report (`account`); beats the config. Default: none. */
  account?: string;
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
  /** Called when opening an input (a named pipe) has waited a few seconds for a writer. */
  onWait?: ReadOptions["onWait"];
  /**
   * Only these marketplaces (SPEC 9.3): names (`Amazon.de`), codes (`DE`) or ids
   * (`A1PA6795UKMFR9`). A value that is none of the marketplaces the orders hold is
   * MARKETPLACE_UNKNOWN. Default: every marketplace.
   */
  marketplaces?: string[];
}

/** Options of trendWithConfig: the inputs as for checkHealth, and which metric to replay. */
export interface TrendRunOptions extends CheckOptions {
  metric: MetricId;
  /** How many as-of days to replay, ending at the as-of day. Default 90. */
  days?: number;
  /** Which of the metric's windows; default its first configured one. */
  windowDays?: number;
}

/** Resolves `options.config` and the flag-level overrides into a ResolvedConfig. */
export async function resolveCheckConfig(options: CheckOptions): Promise<ResolvedConfig> {
  if (options.timeZone !== undefined && !isValidZone(options.timeZone)) {
    throw new AhrError("TIME_ZONE_UNKNOWN", { value: options.timeZone });
  }
  const flags = {
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}),
    ...(options.account !== undefined ? { account: options.account } : {}),
  };
  if (options.config === undefined) return resolveConfig(null, flags);
  if (typeof options.config === "string") {
    const file = await readConfigFile(resolve(options.cwd ?? process.cwd(), options.config), options.config);
    return resolveConfig(file, flags, options.config);
  }
  return resolveConfig(await parseConfig(options.config, "config"), flags, "config");
}

/** The as-of day: `asOf` when given (strict YYYY-MM-DD), else yesterday in `timeZone`. */
export function resolveAsOf(asOf: string | undefined, timeZone: string, now: Date): number {
  if (asOf === undefined) return zone(timeZone).dayOf(now.getTime()) - 1;
  const day = parseDay(asOf);
  if (day === null) throw new AhrError("AS_OF_NOT_DATE", { value: asOf });
  return day;
}

/** `options.failOn`, default `breach`; anything but FAIL_ON is FAIL_ON_UNKNOWN. */
export function resolveFailOn(options: CheckOptions): FailOn {
  const failOn = options.failOn ?? "breach";
  if (!FAIL_ON.includes(failOn)) throw new AhrError("FAIL_ON_UNKNOWN", { given: failOn, accepted: [...FAIL_ON] });
  return failOn;
}

/** The trend's as-of days, default 90: a whole number from 1 to 730, else DAYS_OUT_OF_RANGE. */
export function resolveTrendDays(options: TrendRunOptions): number {
  const days = options.days ?? 90;
  if (!Number.isInteger(days) || days < 1 || days > 730) throw new AhrError("DAYS_OUT_OF_RANGE", { given: options.days });
  return days;
}

/** The trend's window: one of the metric's configured windows (NO_SUCH_WINDOW), default its first. */
export function resolveTrendWindow(config: ResolvedConfig, options: TrendRunOptions): number {
  const settings = config.metrics[options.metric];
  if (options.windowDays !== undefined && !settings.windows.includes(options.windowDays)) {
    throw new AhrError("NO_SUCH_WINDOW", {
      key: options.metric,
      given: options.windowDays,
      accepted: settings.windows.map(String),
    });
  }
  return options.windowDays ?? trendWindowDays(settings);
}

/**
 * The Report: the JSON contract (SPEC section 4), the library's return value, and the only thing
 * formatters see. Plain data; `schemaVersion` is the promise to scripts.
 */
import type { ChannelScope, Condition, MetricId } from "../catalog.js";
import type { AccountHealth, Deduction, RepeatLimit } from "../health/types.js";
import type { Attention } from "../metrics/attention.js";
import type { InputKind, SkippedRow } from "../records.js";
import type { OdrComponents, Offender } from "../metrics/types.js";
import type { Status } from "../metrics/status.js";

export type { AccountHealth, Attention, Deduction, Offender, OdrComponents, RepeatLimit, Status };

export interface InputSummary {
  kind: InputKind;
  files: string[];
  rows: number;
  records: number;
  skipped: number;
  unmatched: number;
  duplicates: number;
  /** The first few skipped rows (with --skip-invalid). */
  skippedRows: SkippedRow[];
  /**
   * Orders of no Amazon marketplace (MCF), or rows of other inputs naming them, left out of
   * everything (SPEC 9.3). Only when there are some.
   */
  excluded?: number;
  /** With two or more marketplaces: records that name no order of one, used in none. Only when there are some. */
  unattributed?: number;
}

export interface Forecast {
  /** Days on which current bad items leave the window, with how many leave that day. */
  dropOffs: { date: string; count: number }[];
  /** First future as-of day on which the rate is back under target (README states the rule). */
  clearsOn: string | null;
}

export interface MetricRow {
  id: MetricId;
  name: string;
  channel: ChannelScope;
  /** With two or more marketplaces (SPEC 9.3): the marketplace the row is about. */
  marketplace?: string;
  windowDays: number;
  lagDays: number;
  window: { from: string; to: string };
  basis: string;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  target: number;
  warnAt: number;
  condition: Condition;
  level: "error" | "warn";
  status: Status;
  reason: string | null;
  headroom: number | null;
  components?: OdrComponents;
  averageResponseHours?: number | null;
  overdue?: number;
  /** With --details: every bad item. */
  offenders?: Offender[];
  /** The same metric over the window just before this one. */
  previous?: { window: { from: string; to: string }; rate: number | null };
  /** Breached lt metrics only. */
  forecast?: Forecast;
}

export type FailOn = "breach" | "at_risk" | "never";

export interface Summary {
  status: "good" | "at_risk" | "breach";
  breaches: number;
  atRisk: number;
  exitCode: 0 | 1;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** The account's name (`--account`, config `account`); absent when none was given. */
  account?: string;
  asOf: string;
  timeZone: string;
  /**
   * The config file applied (issue 17: one found in the working directory is never applied
   * silently): as given with --config, or the full path of the one found; null for none (the
   * built-in defaults, or a config object given to the library).
   */
  configFile: string | null;
  inputs: InputSummary[];
  metrics: MetricRow[];
  /** With two or more marketplaces: the worst marketplace's estimate (lowest score), with its `marketplace`. */
  accountHealth: AccountHealth;
  /** With two or more marketplaces (SPEC 9.3): each one's AHR estimate and summary, in row order. */
  marketplaces?: MarketplaceSummary[];
  attention: Attention;
  summary: Summary;
  notes: string[];
}

export interface MarketplaceSummary {
  marketplace: string;
  accountHealth: AccountHealth;
  summary: Summary;
}

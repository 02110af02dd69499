/**
 * The Report: the JSON contract (SPEC section 4), the library's return value, and the only thing
 * formatters see. Plain data; `schemaVersion` is the promise to scripts.
 */
import type { ChannelScope, Condition, MetricId } from "../config/defaults.js";
import type { InputKind, SkippedRow } from "../records.js";
import type { OdrComponents, Offender } from "../metrics/types.js";
import type { Status } from "../metrics/status.js";

export type { Offender, OdrComponents, Status };

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

export interface Deduction {
  policy: string;
  severity: "low" | "medium" | "high" | "critical";
  points: number;
  detectedAt: string;
}

export interface RepeatLimit {
  category: "intellectual_property" | "restricted_products";
  count: number;
  limit: number;
  reached: boolean;
}

export interface AccountHealth {
  score: number;
  band: "healthy" | "at_risk" | "unhealthy";
  estimated: true;
  violationsProvided: boolean;
  baseline: number;
  volumeBonus: number;
  orders180d: number;
  deductions: Deduction[];
  /** An open critical violation set the score to 0. */
  critical: boolean;
  deactivationRisk: boolean;
  repeatLimits: RepeatLimit[];
  /** For the exit code: unhealthy or deactivation risk = breach, at_risk band = at_risk. */
  status: "good" | "at_risk" | "breach";
  /** Notes for the report (not part of the JSON accountHealth object): "no orders input: ...". */
  notes?: string[];
}

export interface Attention {
  /** Unshipped, not cancelled, past the latest ship time: tomorrow's late shipments. */
  overdue: Offender[];
  /** Unshipped, not cancelled, latest ship date is D itself and not yet passed. */
  dueToday: Offender[];
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
  asOf: string;
  timeZone: string;
  inputs: InputSummary[];
  metrics: MetricRow[];
  accountHealth: AccountHealth;
  attention: Attention;
  summary: Summary;
  notes: string[];
}

/** The contract between the metric modules and the report. */
import type { ChannelScope, MetricDefinition } from "../catalog.js";
import type { ResolvedConfig } from "../config/defaults.js";
import type { Inputs } from "../records.js";
import type { Zone } from "../time.js";
import type { Cache } from "./cache.js";
import type { Window } from "./window.js";

export interface MetricContext {
  inputs: Inputs;
  /** The as-of day D (day number). */
  asOf: number;
  /** The last millisecond of D in the report zone: nothing stamped later has happened yet. */
  endOfDay: number;
  zone: Zone;
  config: ResolvedConfig;
  /**
   * Values kept between metric calls (cache.ts): what is read from the inputs alone (the orders'
   * and messages' columns, the defect rows), shared by every context over the same inputs.
   * buildReport passes one for all of its calls, buildTrend one for all its days; without it a
   * metric computes everything at each call.
   */
  cache?: Cache;
  /**
   * A trend's replayed day: only the counts are wanted, so a metric may leave `offenders` (and
   * lsr's `overdue`) empty and skips building them, and it visits its window through day
   * indexes kept in the cache for the next days (day-index.ts). Its counts are the same either
   * way.
   */
  countsOnly?: boolean;
}

/** One item behind a figure: a defective order, a late shipment, a late reply, ... */
export interface Offender {
  /** Order id; null for a message without one. */
  orderId: string | null;
  /** Message id (crt), when the messages input has one. */
  messageId?: string | null;
  /** `YYYY-MM-DD`: the date that placed it in the window (the metric's basis date). */
  date: string;
  /** The reason in words: "1-star feedback", "shipped 2 days after the latest ship date". */
  reason: string;
  /** `file:line` of its first row. */
  source: string;
}

export interface OdrComponents {
  negativeFeedback: number;
  claims: number;
  chargebacks: number;
}

/**
 * What a metric module computes for one window and channel. The report turns it into a row
 * (status, headroom, rate) with the shared arithmetic in status.ts.
 *
 * numerator/denominator: null when the inputs lack what the metric needs (then `reason` says
 * what); 0 and 0 when the window is simply empty. For lt metrics the numerator counts the bad
 * items; for gte metrics it counts the good ones. `offenders` lists the bad items either way.
 */
export interface Tally {
  numerator: number | null;
  denominator: number | null;
  /** What placed items in the window: "purchase date", "latest ship date", ... */
  basis: string;
  reason: string | null;
  offenders: Offender[];
  /** Notes for the report (deduplicated there): missing optional columns, assumptions. */
  notes: string[];
  components?: OdrComponents;
  averageResponseHours?: number | null;
  /** lsr: unshipped, not cancelled, past the latest ship time (SPEC 8.5). */
  overdue?: Offender[];
}

export type MetricFn = (ctx: MetricContext, window: Window, channel: ChannelScope) => Tally;

// A trend's running totals (running.ts).

/** The replayed as-of days: day k (0 <= k < count) is `first + k`. */
export interface ReplayDays {
  readonly first: number;
  readonly count: number;
  /** The last millisecond of each replayed day in the report zone (MetricContext.endOfDay). */
  readonly endOfDay: Float64Array;
}

/** Where a hook puts its items. */
export interface Steps {
  /**
   * An item whose basis day is `day`: in the denominator of replayed days `den` and later, in
   * the numerator of days `max(den, num)` and later (an index >= count: never). Items whose
   * basis day is in no replayed day's window are left out here.
   */
  add(day: number, den: number, num: number): void;
}

/** A metric's running hook: its items for the replayed days and the channel; false when it has no data. */
export type RunningFn = (ctx: MetricContext, days: ReplayDays, channel: ChannelScope, steps: Steps) => boolean;

/**
 * A metric module's default export: `export default { meta, compute, running? } satisfies Metric`. `meta`
 * is the metric's entry in catalog.ts (what it is called, what dates it, its defaults, ...);
 * `compute` its Tally for one window and channel. metrics/registry.ts lists the modules.
 */
export interface Metric {
  readonly meta: MetricDefinition;
  readonly compute: MetricFn;
  /**
   * A trend's counts for all its replayed days in one pass (running.ts): the counts `compute`
   * gives on each day, false where it has no data. Without it a trend replays `compute`.
   */
  readonly running?: RunningFn;
}

/**
 * buildReport: records + as-of + config -> the Report (SPEC sections 2, 4, 5, 8.12, 8.13;
 * issue 5). Pure: no clock, no process. The same inputs give the same object, key for key, so
 * the JSON is byte-identical run to run.
 *
 * - One row per enabled metric (level not `off`), per window (ascending), per channel, in the
 *   order of METRIC_IDS. Status, headroom and rate come from the shared arithmetic in status.ts.
 * - `previous`: the same metric, same as-of day, over the window just before this one (the same
 *   length, ending the day before this window starts); its rate only.
 * - `forecast`: breached lower-is-better rows only; see forecast.ts for the rule.
 * - `attention`: tomorrow's late shipments, over every order (metrics/attention.ts).
 * - `summary` (SPEC 5, 8.12): see summaryOf.
 */
import { METRIC_IDS, METRICS, type MetricId } from "../catalog.js";
import type { ResolvedConfig } from "../config/defaults.js";
import type { MetricContext, MetricFn, Offender, Tally } from "../metrics/types.js";
import { newCache } from "../metrics/cache.js";
import { attentionOf } from "../metrics/attention.js";
import { headroomOf, rateOf, statusOf } from "../metrics/status.js";
import { windowDates, windowFor, type Window } from "../metrics/window.js";
import { INPUT_KINDS, JOINED_INPUT_KINDS, type Input, type InputKind, type Inputs } from "../records.js";
import { formatDay, zone } from "../time.js";
import { METRIC_FNS } from "../metrics/index.js";
import { unmatchedDefects } from "../metrics/defects.js";
import { accountHealth } from "../health/ahr.js";
import { forecastOf } from "./forecast.js";
import type {
  AccountHealth,
  FailOn,
  InputSummary,
  MetricRow,
  Report,
  Summary,
} from "./types.js";

export interface BuildOptions {
  /** The as-of day D (day number). */
  asOf: number;
  config: ResolvedConfig;
  /** Put every offender in each metric row (`--details`). */
  details: boolean;
  failOn: FailOn;
  /** The package version, for `tool.version`. */
  version: string;
  /** The config file applied (Report.configFile); default null. */
  configFile?: string | null;
}

/** Per defect input kind: its rows that refer to an order not in the orders input. */
export interface UnmatchedCounts {
  feedback: number;
  claims: number;
  chargebacks: number;
}

/** What buildReport computes with; injectable so tests can use hand-made tallies. */
export interface BuildDeps {
  metricFns: Record<MetricId, MetricFn>;
  accountHealth: (ctx: MetricContext) => AccountHealth;
  unmatchedDefects: (ctx: MetricContext) => UnmatchedCounts;
}

export const DEFAULT_DEPS: BuildDeps = { metricFns: METRIC_FNS, accountHealth, unmatchedDefects };

export const AHR_ESTIMATE_NOTE = "The Account Health Rating is an estimate: Amazon does not publish its point table";
export const AHR_NO_VIOLATIONS_NOTE =
  "The Account Health Rating assumes no policy violations (no violations input)";

export function buildReport(inputs: Inputs, options: BuildOptions, deps: Partial<BuildDeps> = {}): Report {
  const d: BuildDeps = { ...DEFAULT_DEPS, ...deps };
  const { config, asOf } = options;
  const z = zone(config.timeZone);
  // One cache for all the calls (cache.ts): each order's and message's fields read once, the
  // defect rows matched to the orders once.
  const ctx: MetricContext = { inputs, asOf, endOfDay: z.endOfDay(asOf), zone: z, config, cache: newCache() };

  const tallyNotes: string[] = [];
  const metrics: MetricRow[] = [];
  for (const id of METRIC_IDS) {
    const settings = config.metrics[id];
    if (settings.level === "off") continue;
    const fn = d.metricFns[id];
    const windows = [...new Set(settings.windows)].sort((a, b) => a - b);
    for (const days of windows) {
      for (const channel of METRICS[id].channels) {
        const window = windowFor(asOf, days, settings.lagDays);
        const tally = fn(ctx, window, channel);
        tallyNotes.push(...tally.notes);
        const previousWindow: Window = { from: window.from - days, to: window.from - 1, days, lagDays: settings.lagDays };
        const previous = fn(ctx, previousWindow, channel);
        metrics.push(rowOf(id, channel, window, tally, previousWindow, previous, options));
      }
    }
  }

  const rawHealth = d.accountHealth(ctx);
  const health = normaliseHealth(rawHealth);
  const unmatched = d.unmatchedDefects(ctx);
  const inputSummaries = summariesOf(inputs, unmatched);
  const attention = attentionOf(ctx);
  const summary = summaryOf(metrics, health, options.failOn);
  const notes = notesOf(inputs, inputSummaries, tallyNotes, health, rawHealth.notes ?? []);

  return {
    schemaVersion: 1,
    tool: { name: "ahr", version: options.version },
    ...(config.account !== undefined ? { account: config.account } : {}),
    asOf: formatDay(asOf),
    timeZone: config.timeZone,
    configFile: options.configFile ?? null,
    inputs: inputSummaries,
    metrics,
    accountHealth: health,
    attention,
    summary,
    notes,
  };
}

/** An offender with its keys in the order of SPEC section 4. */
function offenderOf(o: Offender): Offender {
  return {
    orderId: o.orderId,
    ...(o.messageId !== undefined ? { messageId: o.messageId } : {}),
    date: o.date,
    reason: o.reason,
    source: o.source,
  };
}

function rowOf(
  id: MetricId,
  channel: MetricRow["channel"],
  window: Window,
  tally: Tally,
  previousWindow: Window,
  previous: Tally,
  options: BuildOptions,
): MetricRow {
  const def = METRICS[id];
  const s = options.config.metrics[id];
  const counts = { numerator: tally.numerator, denominator: tally.denominator };
  const status = statusOf(counts, def.condition, s.target, s.warnAt);
  const row: MetricRow = {
    id,
    name: def.name,
    channel,
    windowDays: window.days,
    lagDays: window.lagDays,
    window: windowDates(window),
    basis: tally.basis,
    numerator: tally.numerator,
    denominator: tally.denominator,
    rate: rateOf(counts),
    target: s.target,
    warnAt: s.warnAt,
    condition: def.condition,
    level: s.level === "error" ? "error" : "warn",
    status,
    reason: tally.reason,
    headroom: headroomOf(counts, def.condition, s.target),
  };
  if (tally.components !== undefined) {
    const c = tally.components;
    row.components = { negativeFeedback: c.negativeFeedback, claims: c.claims, chargebacks: c.chargebacks };
  }
  if (def.rowFields?.includes("averageResponseHours")) row.averageResponseHours = tally.averageResponseHours ?? null;
  if (tally.overdue !== undefined) row.overdue = tally.overdue.length;
  if (options.details) row.offenders = tally.offenders.map(offenderOf);
  row.previous = {
    window: windowDates(previousWindow),
    rate: rateOf({ numerator: previous.numerator, denominator: previous.denominator }),
  };
  if (status === "breach" && def.condition === "lt" && tally.numerator !== null && tally.denominator !== null) {
    row.forecast = forecastOf({
      asOf: options.asOf,
      days: window.days,
      lagDays: window.lagDays,
      numerator: tally.numerator,
      denominator: tally.denominator,
      offenders: tally.offenders,
      target: s.target,
      warnAt: s.warnAt,
      condition: def.condition,
    });
  }
  return row;
}

/**
 * The AHR with its keys in the order of SPEC section 4 (then `critical` and `status`); its notes
 * go to the report's notes instead.
 */
function normaliseHealth(h: AccountHealth): AccountHealth {
  return {
    score: h.score,
    band: h.band,
    estimated: true,
    violationsProvided: h.violationsProvided,
    baseline: h.baseline,
    volumeBonus: h.volumeBonus,
    orders180d: h.orders180d,
    deductions: h.deductions.map((x) => ({
      policy: x.policy,
      severity: x.severity,
      points: x.points,
      detectedAt: x.detectedAt,
    })),
    deactivationRisk: h.deactivationRisk,
    repeatLimits: h.repeatLimits.map((r) => ({ category: r.category, count: r.count, limit: r.limit, reached: r.reached })),
    critical: h.critical,
    status: h.status,
  };
}

function inputOf(inputs: Inputs, kind: InputKind): Input<unknown> | undefined {
  return inputs[kind] as Input<unknown> | undefined;
}

export function summariesOf(inputs: Inputs, unmatched: Partial<UnmatchedCounts>): InputSummary[] {
  const out: InputSummary[] = [];
  for (const kind of INPUT_KINDS) {
    const input = inputOf(inputs, kind);
    if (input === undefined) continue;
    // Joined inputs (SPEC 9.1) count their own unmatched rows and carry their own note.
    const u = (unmatched as Partial<Record<InputKind, number>>)[kind] ?? (input as { unmatched?: number }).unmatched ?? 0;
    out.push({
      kind,
      files: [...input.files],
      rows: input.rows,
      records: input.recordCount ?? input.records.length,
      skipped: input.skipped,
      unmatched: u,
      duplicates: input.duplicates,
      skippedRows: input.skippedSamples.map((r) => ({ file: r.file, line: r.line, message: r.message })),
      ...(input.excluded !== undefined && input.excluded > 0 ? { excluded: input.excluded } : {}),
    });
  }
  return out;
}

/**
 * SPEC 5 and 8.12. A row fails the run when its level is `error` and its status is `breach`
 * (failOn breach or at_risk) or `at_risk` (failOn at_risk only); warn-level rows never fail it.
 * The AHR is an error-level row: status breach (unhealthy or deactivation risk) or at_risk (band).
 * failOn never: exit code 0. `breaches` / `atRisk` count every shown row plus the AHR.
 */
export function summaryOf(metrics: MetricRow[], health: AccountHealth, failOn: FailOn): Summary {
  const rows: { level: "error" | "warn"; status: string }[] = [
    ...metrics.map((m) => ({ level: m.level, status: m.status as string })),
    { level: "error", status: health.status },
  ];
  const breaches = rows.filter((r) => r.status === "breach").length;
  const atRisk = rows.filter((r) => r.status === "at_risk").length;
  const fails = rows.some(
    (r) =>
      r.level === "error" &&
      ((failOn !== "never" && r.status === "breach") || (failOn === "at_risk" && r.status === "at_risk")),
  );
  return {
    status: breaches > 0 ? "breach" : atRisk > 0 ? "at_risk" : "good",
    breaches,
    atRisk,
    exitCode: fails ? 1 : 0,
  };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 feedback rows refer to orders not in the orders input; ...", per input with unmatched rows. */
export function unmatchedNotes(summaries: readonly InputSummary[]): string[] {
  return summaries
    // A joined input (SPEC 9.1) counts its own unmatched rows and carries its own note.
    .filter((s) => s.unmatched > 0 && !(JOINED_INPUT_KINDS as readonly InputKind[]).includes(s.kind))
    .map((s) => {
      const verb = s.unmatched === 1 ? "row refers to an order" : "rows refer to orders";
      return `${s.unmatched} ${s.kind} ${verb} not in the orders input; counted as unmatched, left out of ODR`;
    });
}

/**
 * The unmatched defects of `inputs` (SPEC 8.10) as buildReport counts them: for a report put
 * together from the reports of several marketplaces, whose parts hold only matched rows.
 */
export function unmatchedOf(inputs: Inputs, options: BuildOptions, deps: Partial<BuildDeps> = {}): UnmatchedCounts {
  const z = zone(options.config.timeZone);
  const ctx: MetricContext = { inputs, asOf: options.asOf, endOfDay: z.endOfDay(options.asOf), zone: z, config: options.config, cache: newCache() };
  return (deps.unmatchedDefects ?? DEFAULT_DEPS.unmatchedDefects)(ctx);
}

/**
 * Notes, deduplicated, in a fixed order: reader notes (general ones, then per input, in input
 * order), skipped rows, unmatched defects, duplicate rows, notes from the metrics (in row order),
 * the AHR label, the AHR notes, and, without a violations input, the no-violations assumption.
 */
function notesOf(
  inputs: Inputs,
  summaries: InputSummary[],
  tallyNotes: string[],
  health: AccountHealth,
  healthNotes: string[],
): string[] {
  const notes: string[] = [...(inputs.notes ?? [])];
  for (const kind of INPUT_KINDS) notes.push(...(inputOf(inputs, kind)?.notes ?? []));
  for (const s of summaries) {
    if (s.skipped > 0) {
      const first = s.skippedRows[0];
      const rows = count(s.skipped, "row", "rows");
      notes.push(`${rows} skipped in ${s.kind} (--skip-invalid)${first ? `; first: ${first.message}` : ""}`);
    }
  }
  notes.push(...unmatchedNotes(summaries));
  const orders = summaries[0]?.kind === inputs.orders?.kind ? summaries[0] : undefined;
  if (orders?.excluded !== undefined) {
    const others = summaries.filter((s) => s !== orders && s.excluded !== undefined);
    const rows = others.reduce((n, s) => n + s.excluded!, 0);
    notes.push(
      `${count(orders.excluded, "order is", "orders are")} of no Amazon marketplace (sales channel Non-Amazon: Multi-Channel Fulfillment, or another channel not starting with "Amazon."): left out of every metric and the AHR${rows > 0 ? `, with ${count(rows, "row", "rows")} of ${others.map((s) => s.kind).join(", ")} naming them` : ""}; counted as excluded`,
    );
  }
  for (const s of summaries) {
    if (s.duplicates > 0) {
      const rows = count(s.duplicates, "row repeats", "rows repeat");
      notes.push(`${rows} an earlier ${s.kind} row exactly; counted once`);
    }
  }
  notes.push(...tallyNotes);
  notes.push(AHR_ESTIMATE_NOTE, ...healthNotes);
  if (!health.violationsProvided) notes.push(AHR_NO_VIOLATIONS_NOTE);
  return [...new Set(notes)];
}

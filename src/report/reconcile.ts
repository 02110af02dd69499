/**
 * The reconciliation (SPEC 10, issue 14) as data: Amazon's figures beside ahr's counts over
 * exactly Amazon's ranges, per marketplace id and metric. Pure: the engine computes ahr's tallies
 * (engine/reconcile.ts) and this compares them.
 *
 * - A field agrees when the counts are equal. Where Amazon gives only a rate (no count under it
 *   or over it), it agrees when ahr's rate rounded to the digits Amazon printed equals it.
 * - A metric `differs` when a field does not agree; the report then says what in the inputs
 *   explains it (when ahr counts fewer: the orders export starts after the range's first day or
 *   ends before its last;
 *   the feedback, claims or chargebacks file holds N fewer (or more) than Amazon counts, or is
 *   not given), or that nothing in the inputs explains it; and a difference in the bad items lists
 *   the orders behind ahr's count. When Amazon's range is not ahr's default window, every row
 *   says so (`window`): `ahr check` then shows other figures for that reason alone.
 * - `not_comparable`, with the reason: the inputs cannot compute the metric, no orders of the
 *   marketplace, no range, no count or rate from Amazon, or a block ahr has no metric for.
 * - Amazon's Account Health lists are compared order by order with ahr's offenders.
 * - The AHR is shown, not compared: Amazon's score and status beside the estimate.
 */
import { METRICS, type ChannelScope, type MetricId } from "../catalog.js";
import type { ResolvedConfig } from "../config/defaults.js";
import type { AccountHealth, RepeatLimit } from "../health/types.js";
import type { AmazonList } from "../inputs/amazon/lists.js";
import type { AmazonFigure, AmazonMarketplace, AmazonRange, AmazonRate } from "../inputs/amazon/v2.js";
import type { OdrComponents, Offender, Tally } from "../metrics/types.js";
import { formatDay } from "../time.js";

export type Verdict = "agrees" | "differs" | "not_comparable";

/** A compared field: `numerator` (bad items, or good ones for higher-is-better), `denominator`, `rate`, or an odr component. */
export interface ComparedField {
  field: "numerator" | "denominator" | "rate" | keyof OdrComponents;
  amazon: number;
  /** null when ahr has no value (a rate over no items). */
  ahr: number | null;
  agrees: boolean;
  /** rate only: the digits after the decimal point it was compared at. */
  decimals?: number;
}

export interface ReconcileRow {
  id: MetricId;
  name: string;
  channel: ChannelScope;
  /** Where Amazon's figure is in the document. */
  path: string;
  /** Amazon's reporting range (ahr's window here); null when the block has none. */
  range: { from: string; to: string } | null;
  /** The range's length, and how many days before D it ends. */
  days: number | null;
  lagDays: number | null;
  verdict: Verdict;
  amazon: {
    numerator: number | null;
    denominator: number | null;
    rate: number | null;
    status: string | null;
    targetValue: number | null;
    targetCondition: string | null;
    components?: { negativeFeedback: number | null; claims: number | null; chargebacks: number | null };
  };
  /** ahr's counts over the range; null when not computed. */
  ahr: {
    numerator: number | null;
    denominator: number | null;
    rate: number | null;
    components?: { negativeFeedback: number; claims: number; chargebacks: number };
  } | null;
  fields: ComparedField[];
  /** differs: what in the inputs explains it (or that nothing does). */
  explanations: string[];
  /** not_comparable: why. */
  reason: string | null;
  /** When Amazon's range is not ahr's default window: how they differ. */
  window: string | null;
  /** differs in the bad items: the orders behind ahr's count. */
  orders?: Offender[];
}

export interface ReconcileAhr {
  amazon: { score: number | null; status: string | null; accountStatus: string | null; range: { from: string; to: string } | null };
  estimate: { score: number; band: AccountHealth["band"]; status: AccountHealth["status"]; estimated: true; deactivationRisk: boolean } | null;
  /** Amazon's violation counts, per V2 block. */
  violations: { key: string; category: string; count: number | null; status: string | null }[];
  /** The repeat limits checked, and where their counts came from. */
  repeatLimits: RepeatLimit[];
  /** `file`: the violations input; `amazon`: V2's counts (no violations input); `none`: neither. */
  repeatLimitsFrom: "file" | "amazon" | "none";
}

export interface ListComparison {
  file: string;
  title: string;
  id: MetricId;
  verdict: Verdict;
  reason: string | null;
  /** Orders Amazon counts (in the metric's range) that ahr does not. */
  amazonOnly: { orderId: string; date: string | null; source: string }[];
  /** Orders ahr counts that Amazon's list does not. */
  ahrOnly: { orderId: string | null; date: string; source: string }[];
  /** Orders in both. */
  both: number;
  /** Rows Amazon does not count (Impacts Account Health no, no X). */
  notCounted: number;
  /** Counted rows dated outside every range Amazon gives for the metric: not compared. */
  outside: number;
}

export interface ReconcileMarketplace {
  marketplaceId: string;
  /** The marketplace's name as the orders' `sales-channel` writes it (Amazon.com); null when unknown. */
  marketplace: string | null;
  metrics: ReconcileRow[];
  accountHealth: ReconcileAhr;
}

export interface ReconcileSummary {
  agrees: number;
  differs: number;
  notComparable: number;
  /** 0 every compared count agrees, 1 one differs (SPEC 10). */
  exitCode: 0 | 1;
}

export interface ReconcileReport {
  schemaVersion: 1;
  tool: { name: "ahr"; version: string };
  command: "reconcile";
  asOf: string;
  timeZone: string;
  /** The config file applied (as `ahr check` names it), null for none. */
  configFile: string | null;
  amazonFile: string;
  inputs: { kind: string; files: string[]; records: number }[];
  marketplaces: ReconcileMarketplace[];
  lists: ListComparison[];
  summary: ReconcileSummary;
  notes: string[];
}

/** What the inputs hold for one marketplace: what the explanations are made of. */
export interface Coverage {
  /** First and last purchase day of its orders; null without orders. */
  firstPurchase: number | null;
  lastPurchase: number | null;
  /** Which of odr's defect inputs were given. */
  defectInputs: { negativeFeedback: boolean; claims: boolean; chargebacks: boolean };
}

export interface MarketplaceInput {
  amazon: AmazonMarketplace;
  marketplace: string | null;
  /** ahr's tally per `amazon.figures` entry (same order); null when the marketplace has no orders in the inputs. */
  tallies: (Tally | null)[] | null;
  coverage: Coverage;
  /** The AHR estimate as of D for the marketplace; null without orders. */
  estimate: AccountHealth | null;
  /** Why there is nothing to compare when `tallies` is null. */
  missing?: string;
}

export interface ReconcileInput {
  asOf: number;
  timeZone: string;
  version: string;
  amazonFile: string;
  configFile?: string | null;
  config: ResolvedConfig;
  inputs: ReconcileReport["inputs"];
  marketplaces: MarketplaceInput[];
  lists: AmazonList[];
  /** Whether a violations input was given (else Amazon's counts drive the repeat limits). */
  violationsProvided: boolean;
  notes: string[];
}

const COMPONENT_WORDS = {
  negativeFeedback: { file: "the feedback file", what: "negative feedback", flag: "--feedback" },
  claims: { file: "the claims file", what: "A-to-z claims", flag: "--claims" },
  chargebacks: { file: "the chargebacks file", what: "orders with a chargeback", flag: "--chargebacks" },
} as const;
type Component = keyof typeof COMPONENT_WORDS;
const COMPONENTS = Object.keys(COMPONENT_WORDS) as Component[];

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** ahr's rate rounded to Amazon's printed digits equals Amazon's. */
export function rateAgrees(amazon: AmazonRate, numerator: number, denominator: number): boolean {
  if (denominator === 0) return amazon.value === 0;
  const scale = 10 ** amazon.decimals;
  return Math.round((numerator / denominator) * scale) === Math.round(amazon.value * scale);
}

function fieldsOf(f: AmazonFigure, t: Tally): ComparedField[] {
  const out: ComparedField[] = [];
  const n = t.numerator!;
  const d = t.denominator!;
  if (f.denominator !== null) out.push({ field: "denominator", amazon: f.denominator, ahr: d, agrees: f.denominator === d });
  if (f.numerator !== null) out.push({ field: "numerator", amazon: f.numerator, ahr: n, agrees: f.numerator === n });
  if ((f.numerator === null || f.denominator === null) && f.rate !== null) {
    out.push({
      field: "rate",
      amazon: f.rate.value,
      ahr: d === 0 ? null : n / d,
      agrees: rateAgrees(f.rate, n, d),
      decimals: f.rate.decimals,
    });
  }
  if (f.components !== undefined && t.components !== undefined) {
    for (const c of COMPONENTS) {
      const a = f.components[c];
      if (a !== null) out.push({ field: c, amazon: a, ahr: t.components[c], agrees: a === t.components[c] });
    }
  }
  return out;
}

/** "30 days ending 2026-05-18, 1 day before D" vs the default window, or null when they are the same. */
function windowNote(id: MetricId, range: AmazonRange, asOf: number, config: ResolvedConfig): string | null {
  const s = config.metrics[id];
  const days = range.to - range.from + 1;
  const lag = asOf - range.to;
  if (s.windows.includes(days) && s.lagDays === lag) return null;
  const ends = (l: number): string => (l === 0 ? "on D" : `${plural(l, "day", "days")} before D`);
  const ahrDays = s.windows.includes(days) ? days : s.windows[0]!;
  return `Amazon's range is ${days} days ending ${ends(lag)}; ahr check's window is ${ahrDays} days ending ${ends(s.lagDays)}: ahr check shows other figures for that reason alone (here ahr counts over Amazon's range)`;
}

function explain(row: ReconcileRow, f: AmazonFigure, t: Tally, cov: Coverage): string[] {
  const out: string[] = [];
  const range = f.range!;
  const purchaseDated = METRICS[row.id].dated === "purchase";
  // Orders missing from the export make ahr count fewer, never more.
  const fewer = row.fields.some((x) => x.field !== "rate" && x.ahr !== null && x.ahr < x.amazon);
  if (fewer && cov.firstPurchase !== null && cov.firstPurchase > range.from) {
    out.push(
      `the orders export starts on ${formatDay(cov.firstPurchase)}, after the range's first day ${formatDay(range.from)}: ` +
        (purchaseDated ? "orders purchased before it are not in the inputs" : "orders purchased before it, shipped or due in the range, are not in the inputs"),
    );
  }
  if (fewer && purchaseDated && cov.lastPurchase !== null && cov.lastPurchase < range.to) {
    out.push(`the orders export ends on ${formatDay(cov.lastPurchase)}, before the range's last day ${formatDay(range.to)}`);
  }
  for (const field of row.fields) {
    if (field.agrees || !(field.field in COMPONENT_WORDS)) continue;
    const c = field.field as Component;
    const w = COMPONENT_WORDS[c];
    const ahr = field.ahr ?? 0;
    if (!cov.defectInputs[c]) out.push(`no ${w.file.slice(4)} given (${w.flag}): Amazon counts ${field.amazon} ${w.what} in the range`);
    else if (ahr < field.amazon) out.push(`${w.file} holds ${field.amazon - ahr} fewer ${w.what} in the range than Amazon counts (${ahr} vs ${field.amazon})`);
    else out.push(`${w.file} holds ${ahr - field.amazon} more ${w.what} in the range than Amazon counts (${ahr} vs ${field.amazon})`);
  }
  if (out.length === 0) out.push("nothing in the inputs explains it");
  if (row.window !== null) out.push(row.window);
  void t;
  return out;
}

function rowOf(f: AmazonFigure, t: Tally | null, m: MarketplaceInput, input: ReconcileInput): ReconcileRow {
  const def = METRICS[f.metric];
  const row: ReconcileRow = {
    id: f.metric,
    name: def.name,
    channel: f.channel,
    path: f.path,
    range: f.range === null ? null : { from: formatDay(f.range.from), to: formatDay(f.range.to) },
    days: f.range === null ? null : f.range.to - f.range.from + 1,
    lagDays: f.range === null ? null : input.asOf - f.range.to,
    verdict: "not_comparable",
    amazon: {
      numerator: f.numerator,
      denominator: f.denominator,
      rate: f.rate?.value ?? null,
      status: f.status,
      targetValue: f.targetValue,
      targetCondition: f.targetCondition,
      ...(f.components !== undefined ? { components: { ...f.components } } : {}),
    },
    ahr: null,
    fields: [],
    explanations: [],
    reason: null,
    window: f.range === null ? null : windowNote(f.metric, f.range, input.asOf, input.config),
  };
  if (f.range === null) {
    row.reason = "Amazon's block has no reportingDateRange: no range to count over";
    return row;
  }
  if (t === null) {
    row.reason = m.missing ?? "no orders of this marketplace in the inputs";
    return row;
  }
  if (t.numerator === null || t.denominator === null) {
    row.reason = t.reason ?? "the inputs cannot compute it";
    return row;
  }
  row.ahr = {
    numerator: t.numerator,
    denominator: t.denominator,
    rate: t.denominator === 0 ? null : t.numerator / t.denominator,
    ...(t.components !== undefined ? { components: { ...t.components } } : {}),
  };
  row.fields = fieldsOf(f, t);
  if (row.fields.length === 0) {
    row.reason = "Amazon's block gives no count and no rate";
    return row;
  }
  if (row.fields.every((x) => x.agrees)) {
    row.verdict = "agrees";
    return row;
  }
  row.verdict = "differs";
  row.explanations = explain(row, f, t, m.coverage);
  // The bad items differ: the orders behind ahr's count (lt: the numerator; gte: the good ones
  // differ, and the bad ones are what a seller can look through).
  const badDiffer = row.fields.some((x) => !x.agrees && x.field !== "denominator");
  if (badDiffer) row.orders = t.offenders.map((o) => ({ orderId: o.orderId, date: o.date, reason: o.reason, source: o.source }));
  return row;
}

const LIMITED = ["intellectual_property", "restricted_products"] as const;

/**
 * The repeat limits from Amazon's counts (SPEC 10: with no violations file, V2's counts per
 * category feed the estimate's repeat-limit check).
 */
export function repeatLimitsFromAmazon(amazon: AmazonMarketplace, limits: ResolvedConfig["ahr"]["repeatLimits"]): RepeatLimit[] {
  return LIMITED.map((category) => {
    const count = amazon.violations.filter((v) => v.category === category).reduce((n, v) => n + (v.count ?? 0), 0);
    return { category, count, limit: limits[category], reached: count >= limits[category] };
  });
}

function ahrOf(m: MarketplaceInput, input: ReconcileInput): ReconcileAhr {
  const a = m.amazon;
  const fromAmazon = !input.violationsProvided && a.violations.length > 0;
  const repeatLimits = input.violationsProvided
    ? (m.estimate?.repeatLimits ?? [])
    : fromAmazon
      ? repeatLimitsFromAmazon(a, input.config.ahr.repeatLimits)
      : [];
  const deactivationRisk = repeatLimits.some((r) => r.reached);
  const e = m.estimate;
  return {
    amazon: {
      score: a.ahr?.score ?? null,
      status: a.ahr?.status ?? null,
      accountStatus: a.accountStatus,
      range: a.ahr?.range ? { from: formatDay(a.ahr.range.from), to: formatDay(a.ahr.range.to) } : null,
    },
    estimate:
      e === null
        ? null
        : {
            score: e.score,
            band: e.band,
            status: deactivationRisk && e.status !== "breach" ? "breach" : e.status,
            estimated: true,
            deactivationRisk: e.deactivationRisk || deactivationRisk,
          },
    violations: a.violations.map((v) => ({ key: v.key, category: v.category, count: v.count, status: v.status })),
    repeatLimits,
    repeatLimitsFrom: input.violationsProvided ? "file" : fromAmazon ? "amazon" : "none",
  };
}

function listOf(list: AmazonList, input: ReconcileInput): ListComparison {
  const ranges: AmazonRange[] = [];
  const ahr = new Map<string, Offender>();
  for (const m of input.marketplaces) {
    m.amazon.figures.forEach((f, i) => {
      if (f.metric !== list.metric || f.range === null) return;
      ranges.push(f.range);
      for (const o of m.tallies?.[i]?.offenders ?? []) if (o.orderId !== null && !ahr.has(o.orderId)) ahr.set(o.orderId, o);
    });
  }
  const out: ListComparison = {
    file: list.file,
    title: list.title,
    id: list.metric,
    verdict: "not_comparable",
    reason: null,
    amazonOnly: [],
    ahrOnly: [],
    both: 0,
    notCounted: list.rows.filter((r) => !r.counts).length,
    outside: 0,
  };
  if (ranges.length === 0) {
    out.reason = `Amazon's report gives no range for ${METRICS[list.metric].short}: nothing to compare the list over`;
    return out;
  }
  const inRange = (day: number | null): boolean => day === null || ranges.some((r) => day >= r.from && day <= r.to);
  const amazon = new Set<string>();
  for (const r of list.rows) {
    if (!r.counts) continue;
    if (!inRange(r.day)) {
      out.outside++;
      continue;
    }
    if (amazon.has(r.orderId)) continue;
    amazon.add(r.orderId);
    if (ahr.has(r.orderId)) out.both++;
    else out.amazonOnly.push({ orderId: r.orderId, date: r.day === null ? null : formatDay(r.day), source: `${r.source.file}:${r.source.line}` });
  }
  for (const [id, o] of ahr) if (!amazon.has(id)) out.ahrOnly.push({ orderId: o.orderId, date: o.date, source: o.source });
  out.verdict = out.amazonOnly.length === 0 && out.ahrOnly.length === 0 ? "agrees" : "differs";
  return out;
}

export function buildReconcile(input: ReconcileInput): ReconcileReport {
  const marketplaces: ReconcileMarketplace[] = input.marketplaces.map((m) => ({
    marketplaceId: m.amazon.marketplaceId,
    marketplace: m.marketplace,
    metrics: m.amazon.figures.map((f, i) => rowOf(f, m.tallies?.[i] ?? null, m, input)),
    accountHealth: ahrOf(m, input),
  }));
  const lists = input.lists.map((l) => listOf(l, input));
  const notes = [...input.notes];
  for (const m of input.marketplaces) {
    for (const o of m.amazon.others) {
      notes.push(`${o.path}: ahr has no such metric; not compared`);
    }
  }
  if (marketplaces.some((m) => m.accountHealth.repeatLimitsFrom === "amazon")) {
    notes.push("No violations file: the repeat-limit check of the Account Health Rating estimate uses Amazon's violation counts per category");
  }
  notes.push("The Account Health Rating is shown, not compared: the estimate cannot know Amazon's point table");
  const verdicts = [...marketplaces.flatMap((m) => m.metrics.map((r) => r.verdict)), ...lists.map((l) => l.verdict)];
  const differs = verdicts.filter((v) => v === "differs").length;
  return {
    schemaVersion: 1,
    tool: { name: "ahr", version: input.version },
    command: "reconcile",
    asOf: formatDay(input.asOf),
    timeZone: input.timeZone,
    configFile: input.configFile ?? null,
    amazonFile: input.amazonFile,
    inputs: input.inputs,
    marketplaces,
    lists,
    summary: {
      agrees: verdicts.filter((v) => v === "agrees").length,
      differs,
      notComparable: verdicts.filter((v) => v === "not_comparable").length,
      exitCode: differs > 0 ? 1 : 0,
    },
    notes: [...new Set(notes)],
  };
}

/**
 * The formats, one line each: what `--format NAME` turns a report (`ahr check`) and a trend
 * (`ahr trend`) into. Each formatter module is loaded only when its format is asked for.
 * Adding a format: a module in this folder and its line here; the CLI's `--format` choices
 * come from this list.
 */
import type { Report } from "../report/types.js";
import type { ReconcileReport } from "../report/reconcile.js";
import type { TrendReport } from "../report/trend.js";
import type { Rollup } from "../report/rollup.js";
import type { FormatContext } from "./types.js";

export type { FormatContext } from "./types.js";

type Formatter<T> = (data: T, ctx: FormatContext) => string;

interface Format {
  report: () => Promise<Formatter<Report>>;
  trend: () => Promise<Formatter<TrendReport>>;
  /** `ahr reconcile` (SPEC 10), for the formats that have one. */
  reconcile?: () => Promise<Formatter<ReconcileReport>>;
  /**
   * A format that draws each metric row's trend over this many as-of days: the CLI computes
   * the trends with the report and passes them in `ctx.trends`; it also lists the offenders.
   */
  charts?: { days: number };
  /** The roll-up of many accounts (`ahr rollup`, `ahr batch`), where the format has one. */
  rollup?: () => Promise<Formatter<Rollup>>;
}

const REGISTRY = {
  table: {
    report: async () => (await import("./table.js")).formatTable,
    trend: async () => (await import("./trend.js")).formatTrendTable,
    rollup: async () => (await import("./rollup.js")).formatRollupTable,
    reconcile: async () => (await import("./reconcile.js")).formatReconcileTable,
  },
  json: {
    report: async () => (await import("./json.js")).formatJson,
    trend: async () => (await import("./trend.js")).formatTrendJson,
    rollup: async () => (await import("./rollup.js")).formatRollupJson,
    reconcile: async () => (await import("./reconcile.js")).formatReconcileJson,
  },
  markdown: {
    report: async () => (await import("./markdown.js")).formatMarkdown,
    trend: async () => (await import("./trend.js")).formatTrendMarkdown,
    rollup: async () => (await import("./rollup.js")).formatRollupMarkdown,
    reconcile: async () => (await import("./reconcile.js")).formatReconcileMarkdown,
  },
  html: {
    report: async () => (await import("./html.js")).formatHtml,
    trend: async () => (await import("./html.js")).formatTrendHtml,
    charts: { days: 90 },
    rollup: async () => (await import("./html-rollup.js")).formatRollupHtml,
  },
} satisfies Record<string, Format>;

export type OutputFormat = keyof typeof REGISTRY;

/** Every format name, in the order `--help` lists them. */
export const FORMATS = Object.keys(REGISTRY) as OutputFormat[];

/** The as-of days `format` charts per metric row (see Format.charts); undefined for a format without charts. */
export function chartDays(format: OutputFormat): number | undefined {
  const f: Format = REGISTRY[format];
  return f.charts?.days;
}

/** The report in `format` (its text; json and markdown end with a newline). */
export async function formatReport(report: Report, format: OutputFormat, ctx: FormatContext): Promise<string> {
  return (await REGISTRY[format].report())(report, ctx);
}

/** The trend in `format`. */
export async function formatTrend(trend: TrendReport, format: OutputFormat, ctx: FormatContext): Promise<string> {
  return (await REGISTRY[format].trend())(trend, ctx);
}

/** The formats a roll-up can be written in. */
export const ROLLUP_FORMATS = FORMATS.filter((f) => (REGISTRY[f] as Format).rollup !== undefined);

/** The roll-up in `format` (one of ROLLUP_FORMATS). */
export async function formatRollup(rollup: Rollup, format: OutputFormat, ctx: FormatContext): Promise<string> {
  const load = (REGISTRY[format] as Format).rollup;
  if (load === undefined) throw new Error(`no roll-up formatter for ${format}`);
  return (await load())(rollup, ctx);
}

/** The formats `ahr reconcile` has, in the order `--help` lists them. */
export const RECONCILE_FORMATS = FORMATS.filter((f) => (REGISTRY[f] as Format).reconcile !== undefined);

/** A reconciliation in `format` (one of RECONCILE_FORMATS). */
export async function formatReconcile(report: ReconcileReport, format: OutputFormat, ctx: FormatContext): Promise<string> {
  const f = (REGISTRY[format] as Format).reconcile;
  if (f === undefined) throw new Error(`no reconcile formatter for ${format}`);
  return (await f())(report, ctx);
}

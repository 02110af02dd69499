/**
 * One Report from the reports of several marketplaces (SPEC 9.3; the engine builds one report
 * per marketplace from inputs/marketplaces.ts's split, and this puts them together). Additive
 * within schemaVersion 1:
 * - `metrics`: every marketplace's rows, in the marketplaces' order, each with `marketplace`
 *   (after `channel`);
 * - `marketplaces`: each marketplace's AHR estimate and summary;
 * - `accountHealth`: the worst marketplace's estimate (the lowest score; ties: the first), with
 *   its `marketplace`, so a reader of the single-account fields sees the weakest one;
 * - `summary`: breaches and atRisk summed over the marketplaces shown, the worst status, the
 *   highest exit code;
 * - `inputs`: the whole read (as one report would say it: `unmatched` defects counted over the
 *   whole), with `unattributed` where records name no order of a marketplace;
 * - `attention`: every marketplace's lists, one after another;
 * - `notes`: every marketplace's, once each, then why records were unattributed.
 */
import type { Inputs } from "../records.js";
import { summariesOf, unmatchedNotes, unmatchedOf, type BuildOptions } from "./build.js";
import type { MarketplaceSummary, MetricRow, Report, Summary } from "./types.js";

export interface MarketplacePart {
  marketplace: string;
  report: Report;
}

const WORST: Record<Summary["status"], number> = { good: 0, at_risk: 1, breach: 2 };

/** A row with `marketplace` after `channel` (the other keys in their order). */
function withMarketplace(row: MetricRow, marketplace: string): MetricRow {
  const { id, name, channel, ...rest } = row;
  return { id, name, channel, marketplace, ...rest };
}

/** How the whole inputs were split (inputs/marketplaces.ts). */
export interface SplitCounts {
  /** Per kind: records naming no order, or an order of no marketplace. */
  unattributed: ReadonlyMap<string, number>;
  /** Per kind: records naming an order not in the orders input. */
  notInOrders: ReadonlyMap<string, number>;
}

export function combineReports(
  parts: readonly MarketplacePart[],
  whole: Inputs,
  counts: SplitCounts,
  present: readonly string[],
  build: BuildOptions,
): Report {
  const first = parts[0]!.report;
  const unmatched = unmatchedOf(whole, build);
  // A defect row naming an order not in the orders input is unmatched (SPEC 8.10), as in one
  // report; a record of another kind naming one is in no marketplace: unattributed.
  const defectKinds = new Set(Object.keys(unmatched));
  const inputs = summariesOf(whole, unmatched).map((s) => {
    const n = (counts.unattributed.get(s.kind) ?? 0) + (defectKinds.has(s.kind) ? 0 : (counts.notInOrders.get(s.kind) ?? 0));
    return n > 0 ? { ...s, unattributed: n } : s;
  });
  const metrics = parts.flatMap((p) => p.report.metrics.map((row) => withMarketplace(row, p.marketplace)));
  const marketplaces: MarketplaceSummary[] = parts.map((p) => ({
    marketplace: p.marketplace,
    accountHealth: { marketplace: p.marketplace, ...p.report.accountHealth },
    summary: p.report.summary,
  }));
  let worst = marketplaces[0]!;
  for (const m of marketplaces) if (m.accountHealth.score < worst.accountHealth.score) worst = m;
  const summaries = parts.map((p) => p.report.summary);
  const status = summaries.reduce<Summary["status"]>((s, x) => (WORST[x.status] > WORST[s] ? x.status : s), "good");
  const summary: Summary = {
    status,
    breaches: summaries.reduce((n, s) => n + s.breaches, 0),
    atRisk: summaries.reduce((n, s) => n + s.atRisk, 0),
    exitCode: summaries.some((s) => s.exitCode === 1) ? 1 : 0,
  };
  const shown = parts.map((p) => p.marketplace);
  const notes: string[] = [
    `Amazon judges each marketplace on its own: every metric and the AHR are computed for ${shown.join(", ")} separately${
      shown.length < present.length ? ` (--marketplace; the orders also hold ${present.filter((m) => !shown.includes(m)).join(", ")})` : ""
    }`,
  ];
  notes.push(...unmatchedNotes(inputs));
  for (const p of parts) notes.push(...p.report.notes);
  for (const s of inputs) {
    if (s.unattributed !== undefined) {
      notes.push(
        `${s.unattributed} ${s.kind} ${s.unattributed === 1 ? "record names" : "records name"} no order of a marketplace (no order id, an order without a sales channel, or one not in the orders input): left out of every marketplace's metrics (unattributed)`,
      );
    }
  }
  return {
    schemaVersion: 1,
    tool: first.tool,
    ...(first.account !== undefined ? { account: first.account } : {}),
    asOf: first.asOf,
    timeZone: first.timeZone,
    configFile: first.configFile,
    inputs,
    metrics,
    accountHealth: worst.accountHealth,
    marketplaces,
    attention: {
      ...first.attention,
      overdue: parts.flatMap((p) => p.report.attention.overdue),
      dueToday: parts.flatMap((p) => p.report.attention.dueToday),
    },
    summary,
    notes: [...new Set(notes)],
  };
}

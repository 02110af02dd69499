/**
 * `ahr check` with Amazon's V2 seller performance report among its inputs (SPEC 10, issue 14): the
 * report is used for the AHR only, and changes no metric.
 * - Amazon's AHR score and status stand beside the estimate (`accountHealth.amazon`, a note);
 * - Amazon's violation counts per category are noted, and, without a violations input, they
 *   feed the estimate's repeat-limit check (`repeatLimits`, `deactivationRisk`, its status and
 *   the summary follow), and a note says so;
 * - Amazon's Account Health lists found among the inputs are named in a note (ahr reconcile
 *   compares them).
 * Which V2 block: with several marketplaces, each marketplace's own (by id -> name); with one,
 * the first block with figures (the report does not say which marketplace its orders are of).
 */
import type { ResolvedConfig } from "../config/defaults.js";
import type { AccountHealth } from "../health/types.js";
import type { AmazonList } from "../inputs/amazon/lists.js";
import type { AmazonMarketplace, SellerPerformance } from "../inputs/amazon/v2.js";
import { parseMarketplaceArg } from "../marketplaces.js";
import { AHR_NO_VIOLATIONS_NOTE, summaryOf } from "./build.js";
import { repeatLimitsFromAmazon } from "./reconcile.js";
import type { FailOn, Report, Summary } from "./types.js";

/** Amazon's own AHR, beside the estimate in `accountHealth.amazon`. */
export interface AmazonAhr {
  file: string;
  marketplaceId: string;
  score: number | null;
  status: string | null;
}

const nameOf = (id: string): string | null => parseMarketplaceArg(id)?.name ?? null;

function blockOf(doc: SellerPerformance): AmazonMarketplace | undefined {
  return doc.marketplaces.find((b) => b.figures.length > 0 || b.ahr !== null) ?? doc.marketplaces[0];
}

function withAmazon(health: AccountHealth, block: AmazonMarketplace, doc: SellerPerformance, config: ResolvedConfig, notes: string[]): AccountHealth {
  const name = parseMarketplaceArg(block.marketplaceId)?.name ?? block.marketplaceId;
  const amazon: AmazonAhr = { file: doc.file, marketplaceId: block.marketplaceId, score: block.ahr?.score ?? null, status: block.ahr?.status ?? null };
  const out: AccountHealth & { amazon: AmazonAhr } = { ...health, amazon };
  if (block.ahr !== null) {
    notes.push(
      `Amazon's own Account Health Rating for ${name} (${doc.file}): ${amazon.score ?? "no score"}${amazon.status === null ? "" : ` (${amazon.status})`}; ahr's ${health.score} is an estimate beside it, not a copy`,
    );
  }
  if (block.violations.length > 0) {
    const by = (c: string): number => block.violations.filter((v) => v.category === c).reduce((n, v) => n + (v.count ?? 0), 0);
    notes.push(
      `Amazon's policy violation counts for ${name}: intellectual property ${by("intellectual_property")}, restricted products ${by("restricted_products")}, other ${by("other")}`,
    );
    if (!health.violationsProvided) {
      out.repeatLimits = repeatLimitsFromAmazon(block, config.ahr.repeatLimits);
      out.deactivationRisk = out.repeatLimits.some((r) => r.reached);
      out.status = out.band === "unhealthy" || out.deactivationRisk ? "breach" : out.band === "at_risk" ? "at_risk" : "good";
      notes.push(amazonCountsNote(doc.file));
    }
  }
  return out;
}

/**
 * Without a violations file, Amazon's counts feed the repeat-limit check while the points still
 * count no violation: this note says both, in place of AHR_NO_VIOLATIONS_NOTE (which, beside it,
 * read as if the counts were not used at all).
 */
const amazonCountsNote = (file: string): string =>
  `No violations file: the repeat-limit check of the Account Health Rating estimate uses Amazon's violation counts (${file}); its points still count no violation`;

const WORST: Record<Summary["status"], number> = { good: 0, at_risk: 1, breach: 2 };

const usesAmazonCounts = (notes: readonly string[], doc: SellerPerformance | null): boolean =>
  doc !== null && notes.includes(amazonCountsNote(doc.file));

export function withAmazonFigures(
  report: Report,
  doc: SellerPerformance | null,
  lists: readonly AmazonList[],
  config: ResolvedConfig,
  failOn: FailOn,
): Report {
  const notes: string[] = [];
  let health = report.accountHealth;
  let summary = summaryOf(report.metrics, health, failOn);
  let marketplaces = report.marketplaces;
  if (doc !== null) {
    if (marketplaces !== undefined) {
      // Several marketplaces (SPEC 9.3): each one's estimate beside its own block.
      marketplaces = marketplaces.map((m) => {
        const block = doc.marketplaces.find((b) => nameOf(b.marketplaceId) === m.marketplace);
        if (block === undefined) return m;
        const h = withAmazon(m.accountHealth, block, doc, config, notes);
        return { ...m, accountHealth: h, summary: summaryOf(report.metrics.filter((r) => r.marketplace === m.marketplace), h, failOn) };
      });
      const worst = marketplaces.find((m) => m.marketplace === report.accountHealth.marketplace);
      if (worst !== undefined) health = { ...worst.accountHealth, marketplace: worst.marketplace };
      const all = marketplaces.map((m) => m.summary);
      summary = {
        status: all.reduce<Summary["status"]>((st, x) => (WORST[x.status] > WORST[st] ? x.status : st), "good"),
        breaches: all.reduce((n, x) => n + x.breaches, 0),
        atRisk: all.reduce((n, x) => n + x.atRisk, 0),
        exitCode: all.some((x) => x.exitCode === 1) ? 1 : 0,
      };
    } else {
      const block = blockOf(doc);
      if (block !== undefined) {
        health = withAmazon(health, block, doc, config, notes);
        summary = summaryOf(report.metrics, health, failOn);
      }
    }
    notes.push(`${doc.file}: Amazon's seller performance report, used for the Account Health Rating notes only (no metric changes); ahr reconcile compares the metrics`);
  }
  for (const l of lists) notes.push(`${l.file}: ${l.title}, not used by ahr check; ahr reconcile compares it order by order`);
  return {
    ...report,
    accountHealth: health,
    ...(marketplaces !== undefined ? { marketplaces } : {}),
    summary,
    notes: [...new Set([...(usesAmazonCounts(notes, doc) ? report.notes.filter((n) => n !== AHR_NO_VIOLATIONS_NOTE) : report.notes), ...notes])],
  };
}

/**
 * `ahr check` with Amazon's V2 seller performance report among its inputs (SPEC 10, issue 14): the
 * report is used for the AHR only, and changes no metric.
 * - Amazon's AHR score and status stand beside the estimate (`accountHealth.amazon`, a note);
 * - Amazon's violation counts per category are noted, and, without a violations input, they
 *   feed the estimate's repeat-limit check (`repeatLimits`, `deactivationRisk`, its status and
 *   the summary follow), and a note says so;
 * - Amazon's Account Health lists found among the inputs are named in a note (ahr reconcile
 *   compares them).
 * Which V2 block: the one of the report's marketplace when the report names one per row
 * (several marketplaces), else the first block with figures.
 */
import type { ResolvedConfig } from "../config/defaults.js";
import type { AccountHealth } from "../health/types.js";
import type { AmazonList } from "../inputs/amazon/lists.js";
import type { AmazonMarketplace, SellerPerformance } from "../inputs/amazon/v2.js";
import { parseMarketplaceArg } from "../marketplaces.js";
import { summaryOf } from "./build.js";
import { repeatLimitsFromAmazon } from "./reconcile.js";
import type { FailOn, Report } from "./types.js";

/** Amazon's own AHR, beside the estimate in `accountHealth.amazon`. */
export interface AmazonAhr {
  file: string;
  marketplaceId: string;
  score: number | null;
  status: string | null;
}

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
      notes.push(`No violations file: the repeat-limit check of the Account Health Rating estimate uses Amazon's violation counts (${doc.file})`);
    }
  }
  return out;
}

export function withAmazonFigures(
  report: Report,
  doc: SellerPerformance | null,
  lists: readonly AmazonList[],
  config: ResolvedConfig,
  failOn: FailOn,
): Report {
  const notes: string[] = [];
  let health = report.accountHealth;
  if (doc !== null) {
    const block = blockOf(doc);
    if (block !== undefined) health = withAmazon(health, block, doc, config, notes);
    notes.push(`${doc.file}: Amazon's seller performance report, used for the Account Health Rating notes only (no metric changes); ahr reconcile compares the metrics`);
  }
  for (const l of lists) notes.push(`${l.file}: ${l.title}, not used by ahr check; ahr reconcile compares it order by order`);
  return {
    ...report,
    accountHealth: health,
    summary: summaryOf(report.metrics, health, failOn),
    notes: [...new Set([...report.notes, ...notes])],
  };
}

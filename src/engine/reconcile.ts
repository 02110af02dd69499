/**
 * `ahr reconcile` (SPEC 10, issue 14): Amazon's V2 seller performance report beside ahr's counts
 * over exactly Amazon's ranges.
 *
 * - Amazon's reports are found first (inputs/amazon/find.ts: `--amazon FILE`, or among the paths
 *   by content) and set aside; the rest is read as `ahr check` reads it, every order kept.
 * - D is `--as-of`, else the last day of the document's latest `reportingDateTo`.
 * - Each of Amazon's figures is recomputed by the metric's own module with Amazon's range
 *   [from, to] as its window (days and lag from the range), everything else as in SPEC 2: defects
 *   and events dated by the end of D.
 * - Marketplaces: each V2 block (a marketplace id) is compared with the orders whose
 *   `sales-channel` is that marketplace (marketplaces.ts maps the id to the name), and the
 *   records that name them. See partsOf.
 */
import type { ResolvedConfig } from "../config/defaults.js";
import { AhrError } from "../errors.js";
import { accountHealth } from "../health/ahr.js";
import { findAmazonReports } from "../inputs/amazon/find.js";
import type { AmazonMarketplace, SellerPerformance } from "../inputs/amazon/v2.js";
import { readInputs } from "../inputs/index.js";
import { marketplacesOf, split as splitByMarketplace } from "../inputs/marketplaces.js";
import { newCache } from "../metrics/cache.js";
import { METRIC_FNS } from "../metrics/index.js";
import type { MetricContext, Tally } from "../metrics/types.js";
import type { Window } from "../metrics/window.js";
import { parseMarketplaceArg } from "../marketplaces.js";
import { INPUT_KINDS, type Input, type Inputs } from "../records.js";
import { buildReconcile, type Coverage, type MarketplaceInput, type ReconcileReport } from "../report/reconcile.js";
import { zone } from "../time.js";
import { packageVersion } from "../version.js";
import { resolveAsOf, type CheckOptions } from "./options.js";

export interface ReconcileOptions extends Pick<CheckOptions, "files" | "paths" | "stdin" | "asOf" | "now" | "onWait" | "marketplaces"> {
  /** `--amazon FILE` (repeatable): the V2 report, and Amazon's Account Health lists. */
  amazon?: string[];
}

/** The marketplace name (as a sales-channel writes it) of a V2 marketplace id, or null. */
function nameOf(id: string): string | null {
  return parseMarketplaceArg(id)?.name ?? null;
}

/** The last day of each kind's records, for the explanations. */
function coverageOf(inputs: Inputs): Coverage {
  let first: number | null = null;
  let last: number | null = null;
  for (const o of inputs.orders?.records ?? []) {
    const d = o.purchase.day;
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  }
  return {
    firstPurchase: first,
    lastPurchase: last,
    defectInputs: {
      negativeFeedback: inputs.feedback !== undefined,
      claims: inputs.claims !== undefined,
      chargebacks: inputs.chargebacks !== undefined,
    },
  };
}

/** ahr's tally for each of Amazon's figures of one marketplace, over Amazon's ranges. */
function talliesOf(amazon: AmazonMarketplace, inputs: Inputs, asOf: number, config: ResolvedConfig): (Tally | null)[] {
  const z = zone(config.timeZone);
  const ctx: MetricContext = { inputs, asOf, endOfDay: z.endOfDay(asOf), zone: z, config, cache: newCache() };
  return amazon.figures.map((f) => {
    if (f.range === null) return null;
    const window: Window = { from: f.range.from, to: f.range.to, days: f.range.to - f.range.from + 1, lagDays: asOf - f.range.to };
    return METRIC_FNS[f.metric](ctx, window, f.channel);
  });
}

/**
 * Which inputs each V2 block is compared with (SPEC 9.3, 10): the orders of the block's
 * marketplace (its id mapped to the name a `sales-channel` cell writes, marketplaces.ts), with
 * the records that name them (inputs/marketplaces.ts's split). `--marketplace` keeps that block
 * only. When the orders name no marketplace (no `sales-channel` column, or every cell empty), the
 * inputs are compared with one block, `--marketplace`'s or the first with figures, and every
 * other block is not comparable with that reason.
 */
function partsOf(doc: SellerPerformance, inputs: Inputs, wanted: readonly string[] | undefined): { blocks: AmazonMarketplace[]; parts: Map<string, Part> } {
  const parts = new Map<string, Part>();
  const selected: AmazonMarketplace[] = [];
  for (const w of wanted ?? []) {
    const m = parseMarketplaceArg(w);
    const block = doc.marketplaces.find((b) => b.marketplaceId === m?.id || b.marketplaceId === w.trim());
    if (block === undefined) {
      throw new AhrError("MARKETPLACE_NOT_IN_REPORT", {
        file: doc.file,
        value: w,
        found: doc.marketplaces.map((b) => `${b.marketplaceId}${nameOf(b.marketplaceId) ? ` (${nameOf(b.marketplaceId)})` : ""}`),
      });
    }
    if (!selected.includes(block)) selected.push(block);
  }
  let chosen: AmazonMarketplace | undefined = selected[0];
  const present = marketplacesOf(inputs);
  if (present.length > 0) {
    const blocks = selected.length > 0 ? doc.marketplaces.filter((b) => selected.includes(b)) : doc.marketplaces;
    const split = splitByMarketplace(inputs, present);
    for (const b of blocks) {
      const name = nameOf(b.marketplaceId);
      const part = name === null ? undefined : split.parts.get(name);
      parts.set(
        b.marketplaceId,
        part !== undefined
          ? { inputs: part }
          : { missing: `no orders with sales-channel ${name ?? b.marketplaceId} in the inputs (they hold ${present.join(", ")})` },
      );
    }
    return { blocks, parts };
  }
  chosen ??= doc.marketplaces.find((b) => b.figures.length > 0) ?? doc.marketplaces[0];
  for (const b of doc.marketplaces) {
    if (b === chosen) parts.set(b.marketplaceId, { inputs });
    else {
      const name = nameOf(b.marketplaceId) ?? b.marketplaceId;
      parts.set(b.marketplaceId, {
        missing: `the inputs are compared with ${nameOf(chosen!.marketplaceId) ?? chosen!.marketplaceId} only (their orders name no marketplace: no sales-channel); pass --marketplace ${name} to compare them with this block`,
      });
    }
  }
  return { blocks: doc.marketplaces, parts };
}

type Part = { inputs: Inputs } | { missing: string };

export async function reconcileWithConfig(
  config: ResolvedConfig,
  options: ReconcileOptions,
  /** The config file `config` came from (null: none). */
  configFile: string | null = null,
): Promise<ReconcileReport> {
  const z = zone(config.timeZone);
  const found = await findAmazonReports(options.paths ?? [], options.amazon ?? [], z);
  if (found.documents.length === 0) throw new AhrError("AMAZON_MISSING");
  if (found.documents.length > 1) throw new AhrError("AMAZON_TWICE", { files: found.documents.map((d) => d.file) });
  const doc = found.documents[0]!;
  const asOf =
    options.asOf !== undefined || doc.lastDay === null ? resolveAsOf(options.asOf, config.timeZone, options.now ?? new Date()) : doc.lastDay;

  const files = options.files ?? {};
  // --marketplace also tells a feedback file's date format when nothing in it does (SPEC 9.2).
  const hints = (options.marketplaces ?? []).map(parseMarketplaceArg).filter((m) => m !== undefined);
  const given = found.paths.length + Object.values(files).reduce((n, l) => n + (l?.length ?? 0), 0);
  const inputs: Inputs =
    given === 0 && options.stdin === undefined
      ? {}
      : await readInputs(
          { files, auto: found.paths, setAside: found.setAside, ...(options.stdin ? { stdin: options.stdin } : {}) },
          {
            zone: z,
            dateOrder: config.dateOrder,
            dateOrderExplicit: config.dateOrderSet === true,
            ...(hints.length > 0 ? { marketplaces: hints } : {}),
            columns: config.columns,
            skipInvalid: false,
            ...(options.onWait ? { onWait: options.onWait } : {}),
          },
        );

  const { blocks, parts } = partsOf(doc, inputs, options.marketplaces);
  const marketplaces: MarketplaceInput[] = blocks.map((amazon) => {
    const part = parts.get(amazon.marketplaceId)!;
    const marketplace = nameOf(amazon.marketplaceId);
    if ("missing" in part || part.inputs.orders === undefined) {
      return {
        amazon,
        marketplace,
        tallies: null,
        coverage: coverageOf({}),
        estimate: null,
        missing: "missing" in part ? part.missing : "no orders input: give the All Orders report (or an orders CSV) among the paths",
      };
    }
    const z2 = zone(config.timeZone);
    const ctx: MetricContext = { inputs: part.inputs, asOf, endOfDay: z2.endOfDay(asOf), zone: z2, config, cache: newCache() };
    return {
      amazon,
      marketplace,
      tallies: talliesOf(amazon, part.inputs, asOf, config),
      coverage: coverageOf(part.inputs),
      estimate: accountHealth(ctx),
    };
  });

  const summaries: ReconcileReport["inputs"] = [];
  for (const kind of INPUT_KINDS) {
    const input = (inputs as Record<string, Input<unknown> | undefined>)[kind];
    if (input !== undefined) summaries.push({ kind, files: [...input.files], records: input.recordCount ?? input.records.length });
  }
  const notes = [...(inputs.notes ?? [])];
  for (const kind of INPUT_KINDS) notes.push(...((inputs as Record<string, Input<unknown> | undefined>)[kind]?.notes ?? []));

  return buildReconcile({
    asOf,
    timeZone: config.timeZone,
    version: packageVersion(),
    amazonFile: doc.file,
    configFile,
    config,
    inputs: summaries,
    marketplaces,
    lists: found.lists,
    violationsProvided: inputs.violations !== undefined,
    notes,
  });
}

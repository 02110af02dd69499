/**
 * checkHealth: the library entry point, and what `ahr check` runs. Options in, the Report out
 * (the same object `ahr check --format json` prints).
 */
import type { ResolvedConfig } from "../config/defaults.js";
import { AhrError } from "../errors.js";
import { readInputs, type ReadOptions } from "../inputs/index.js";
import type { Inputs } from "../records.js";
import { marketplacesOf, split } from "../inputs/marketplaces.js";
import { parseMarketplaceArg, type Marketplace } from "../marketplaces.js";
import { buildReport, type BuildOptions } from "../report/build.js";
import { combineReports } from "../report/marketplaces.js";
import type { Report } from "../report/types.js";
import { zone } from "../time.js";
import { packageVersion } from "../version.js";
import { resolveAsOf, resolveCheckConfig, resolveFailOn, type CheckOptions } from "./options.js";
import { countOnlyFor, keepFor, keepFromDay } from "./plan.js";

/**
 * Reads the inputs, computes every metric and the AHR estimate as of a day, and returns the
 * report (the object `ahr check --format json` prints; `schemaVersion` is the promise).
 * Throws {@link AhrError} for bad options (OPTIONS_INVALID), config or input (the CLI's exit
 * code 2).
 */
export async function checkHealth(options?: CheckOptions): Promise<Report> {
  // Checked with zod, imported here only (see validate.ts): OPTIONS_INVALID names the key.
  const { validateCheckOptions } = await import("./validate.js");
  validateCheckOptions(options);
  const o = options ?? {};
  return checkWithConfig(await resolveCheckConfig(o), o, typeof o.config === "string" ? o.config : null);
}

/**
 * checkHealth with the configuration already resolved (the CLI resolves it itself, to find the
 * file in its working directory and to warn about it). `options.config`, `timeZone` and
 * `dateOrder` are ignored here: `config` has them.
 */
export async function checkWithConfig(
  config: ResolvedConfig,
  options: CheckOptions,
  /** The config file `config` came from, for Report.configFile (null: none). */
  configFile: string | null = null,
): Promise<Report> {
  const failOn = resolveFailOn(options);
  const asOf = resolveAsOf(options.asOf, config.timeZone, options.now ?? new Date());
  const inputs = await readFor(config, options, keepFromDay(asOf, config), keepFor(asOf, config), countOnlyFor(asOf, config));
  const build = { asOf, config, details: options.details ?? false, failOn, version: packageVersion(), configFile };
  return reportByMarketplace(inputs, build, splitByMarketplace(inputs, options.marketplaces));
}

/** The marketplaces of a read (SPEC 9.3): those present, those shown, and with two or more present, the inputs of each shown. */
export interface MarketplaceSplit {
  present: string[];
  shown: string[];
  /** With two or more marketplaces present: the inputs of each shown one (inputs/marketplaces.ts). */
  parts?: Map<string, Inputs>;
  unattributed: Map<string, number>;
  notInOrders: Map<string, number>;
}

/**
 * Splits `inputs` by marketplace (SPEC 9.3) when the orders hold two or more; with one (or none
 * named) there is no split, a --marketplace naming it changes nothing, and a record naming no
 * order is used. MARKETPLACE_UNKNOWN for a `wanted` value the orders do not hold.
 */
export function splitByMarketplace(inputs: Inputs, wanted: readonly string[] | undefined): MarketplaceSplit {
  const present = marketplacesOf(inputs);
  const shown = selectMarketplaces(present, wanted);
  if (present.length < 2) return { present, shown, unattributed: new Map(), notInOrders: new Map() };
  return { present, shown, ...split(inputs, shown) };
}

/**
 * The report of `inputs`: buildReport's with one marketplace; with two or more, one report per
 * marketplace shown (all, or those `wanted` names: --marketplace), combined
 * (report/marketplaces.ts).
 */
export function reportByMarketplace(inputs: Inputs, build: BuildOptions, byMarket: MarketplaceSplit): Report {
  const { parts } = byMarket;
  if (parts === undefined) return buildReport(inputs, build);
  return combineReports(
    byMarket.shown.map((m) => ({ marketplace: m, report: buildReport(parts.get(m)!, build) })),
    inputs,
    byMarket,
    byMarket.present,
    build,
  );
}

/** The --marketplace values the table knows, for a feedback file whose marketplace nothing else tells. */
function marketplaceHints(wanted: readonly string[] | undefined): { marketplaces: Marketplace[] } | undefined {
  const known = (wanted ?? []).map(parseMarketplaceArg).filter((m): m is Marketplace => m !== undefined);
  return known.length > 0 ? { marketplaces: known } : undefined;
}

/**
 * The marketplaces to show (SPEC 9.3): every one the orders hold, or those `--marketplace`
 * names (by name, code or id), in the orders' order. MARKETPLACE_UNKNOWN for a value that is
 * none of them, listing those present (when the orders name none, a value of Amazon's table is
 * accepted: it tells feedback dates only).
 */
export function selectMarketplaces(present: readonly string[], wanted: readonly string[] | undefined): string[] {
  if (wanted === undefined) return [...present];
  const keep = new Set<string>();
  for (const w of wanted) {
    const m = parseMarketplaceArg(w);
    const name = m?.name ?? present.find((p) => p.toLowerCase() === w.trim().toLowerCase());
    // Orders that name no marketplace (or no orders): a known marketplace only tells a feedback
    // file's date format (SPEC 9.2), selecting nothing.
    if (present.length === 0 && m !== undefined) continue;
    if (name === undefined || !present.includes(name)) {
      const code = (p: string): string => parseMarketplaceArg(p)?.code ?? "";
      throw new AhrError("MARKETPLACE_UNKNOWN", {
        value: w,
        found: present.map((p) => (code(p) === "" ? p : `${p} (${code(p)})`)),
        hint: code(present[0] ?? "") || (present[0] ?? "DE"),
      });
    }
    keep.add(name);
  }
  return present.filter((p) => keep.has(p));
}

/**
 * Reads the inputs of `options` for the plan given (plan.ts): orders from `keepFrom` on, the
 * records `keep` says, orders only counted per `countOnly`. NO_INPUT when nothing is given.
 */
export async function readFor(
  config: ResolvedConfig,
  /** `setAside`: directory files already read as Amazon's reports (engine/amazon.ts). */
  options: CheckOptions & { setAside?: ReadonlySet<string> },
  keepFrom: number,
  keep: NonNullable<ReadOptions["keep"]>,
  countOnly?: ReadOptions["countOnly"],
): Promise<Inputs> {
  const files = options.files ?? {};
  const paths = options.paths ?? [];
  const given = paths.length + Object.values(files).reduce((n, list) => n + (list?.length ?? 0), 0);
  if (given === 0 && options.stdin === undefined) throw new AhrError("NO_INPUT");
  return readInputs(
    { files, auto: paths, ...(options.stdin ? { stdin: options.stdin } : {}), ...(options.setAside ? { setAside: options.setAside } : {}) },
    {
      zone: zone(config.timeZone),
      dateOrder: config.dateOrder,
      dateOrderExplicit: config.dateOrderSet === true,
      ...(marketplaceHints(options.marketplaces) ?? {}),
      columns: config.columns,
      skipInvalid: options.skipInvalid ?? false,
      keepFromDay: keepFrom,
      keep,
      ...(countOnly !== undefined ? { countOnly } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onWait ? { onWait: options.onWait } : {}),
    },
  );
}

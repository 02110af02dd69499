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
import { buildReport } from "../report/build.js";
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
  const present = marketplacesOf(inputs);
  const shown = selectMarketplaces(present, options.marketplaces);
  // One marketplace (or none named) and no selection: the report of the inputs as they are.
  if (present.length < 2 && options.marketplaces === undefined) return buildReport(inputs, build);
  const { parts, unattributed } = split(inputs, shown);
  return combineReports(
    shown.map((m) => ({ marketplace: m, report: buildReport(parts.get(m)!, build) })),
    inputs,
    unattributed,
    present,
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
 * none of them, listing those present.
 */
export function selectMarketplaces(present: readonly string[], wanted: readonly string[] | undefined): string[] {
  if (wanted === undefined) return [...present];
  const keep = new Set<string>();
  for (const w of wanted) {
    const m = parseMarketplaceArg(w);
    const name = m?.name ?? present.find((p) => p.toLowerCase() === w.trim().toLowerCase());
    if (name === undefined || !present.includes(name)) {
      throw new AhrError("MARKETPLACE_UNKNOWN", { value: w, found: [...present] });
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
  options: CheckOptions,
  keepFrom: number,
  keep: NonNullable<ReadOptions["keep"]>,
  countOnly?: ReadOptions["countOnly"],
): Promise<Inputs> {
  const files = options.files ?? {};
  const paths = options.paths ?? [];
  const given = paths.length + Object.values(files).reduce((n, list) => n + (list?.length ?? 0), 0);
  if (given === 0 && options.stdin === undefined) throw new AhrError("NO_INPUT");
  return readInputs(
    { files, auto: paths, ...(options.stdin ? { stdin: options.stdin } : {}) },
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

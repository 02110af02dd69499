/**
 * Finding, reading, validating and merging configuration: defaults < file < flags.
 *
 * Decisions (for the README):
 * - Discovery looks in the working directory only (no walking up to parent directories): first
 *   `ahr.config.json`, then `.ahrrc.json`. When both exist, `ahr.config.json` is used and a
 *   warning says the other one is ignored.
 * - `--config FILE` replaces discovery; a missing FILE is an error (CONFIG_READ).
 * - A metric's `warnAt`, when not given, is derived from its (configured) target; a given
 *   `warnAt` on the wrong side of the target (above it for lower-is-better, below it for
 *   higher-is-better) is CONFIG_INVALID. warnAt equal to the target is allowed (no at_risk band).
 */
import { readFile, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { METRIC_IDS, METRICS } from "../catalog.js";
import { defaultConfig, defaultWarnAt, type DateOrder, type ResolvedConfig } from "./defaults.js";
import { AhrError } from "../errors.js";
import { INPUT_KINDS } from "../records.js";
import type { ConfigFile } from "./schema.js";

export const CONFIG_FILE_NAMES = ["ahr.config.json", ".ahrrc.json"] as const;

/** Settings given on the command line (they beat the file). */
export interface ConfigFlags {
  timeZone?: string;
  dateOrder?: DateOrder;
  account?: string;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The file read, as the user would name it; null when none. */
  file: string | null;
  /** The file read, as an absolute path; null when none. */
  path: string | null;
  /** Things worth a line on stderr (never errors). */
  warnings: string[];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The config file to use in `cwd`, if any, and a warning when two are present. */
export async function findConfigFile(cwd: string): Promise<{ path: string | null; warnings: string[] }> {
  const present: string[] = [];
  for (const name of CONFIG_FILE_NAMES) if (await isFile(join(cwd, name))) present.push(name);
  const warnings =
    present.length > 1 ? [`both ${present.join(" and ")} are present; using ${present[0]} and ignoring ${present[1]}`] : [];
  return { path: present[0] === undefined ? null : join(cwd, present[0]), warnings };
}

/** Reads and validates a config file (CONFIG_READ, CONFIG_JSON, CONFIG_INVALID). */
export async function readConfigFile(path: string, label = path): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const detail = err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "it is a directory" : err.message;
    throw new AhrError("CONFIG_READ", { file: label, detail });
  }
  let value: unknown;
  const body = text.replace(/^\uFEFF/, "");
  try {
    value = JSON.parse(body);
  } catch (e) {
    // Node names a character offset ("at position 63"); the file:line in front says where.
    const message = (e as Error).message;
    const pos = /at position (\d+)/.exec(message);
    const line = pos ? body.slice(0, Number(pos[1])).split("\n").length : undefined;
    throw new AhrError("CONFIG_JSON", { file: label, ...(line !== undefined ? { line } : {}), detail: message });
  }
  return await parseConfig(value, label);
}

/**
 * Validates a config value (from a file or from a library caller). The schema (and zod with it)
 * is loaded here, on first use: a run without a config file never loads it (issue 16: zod was
 * half of node's module loading in a small `ahr check`).
 */
export async function parseConfig(value: unknown, label: string): Promise<ConfigFile> {
  const { validateConfig } = await import("./schema.js");
  const r = validateConfig(value);
  if (!r.ok) throw new AhrError("CONFIG_INVALID", { file: label, key: r.problem.key, detail: r.problem.detail });
  return r.value;
}

/**
 * Merges defaults < file < flags into a ResolvedConfig, deriving warnAt where not given and
 * checking that every warnAt lies on the right side of its target.
 */
export function resolveConfig(file: ConfigFile | null, flags: ConfigFlags = {}, label = "config"): ResolvedConfig {
  const config = defaultConfig();
  const f = file ?? {};
  if (f.timeZone !== undefined) config.timeZone = f.timeZone;
  if (f.dateOrder !== undefined) {
    config.dateOrder = f.dateOrder;
    config.dateOrderSet = true;
  }
  if (f.countPendingClaims !== undefined) config.countPendingClaims = f.countPendingClaims;
  if (f.account !== undefined) config.account = f.account;

  for (const id of METRIC_IDS) {
    const m = f.metrics?.[id];
    if (!m) continue;
    const s = config.metrics[id];
    const condition = METRICS[id].condition;
    if (m.target !== undefined) s.target = m.target;
    s.warnAt = m.warnAt ?? defaultWarnAt(condition, s.target);
    if (m.windows !== undefined) s.windows = [...m.windows];
    else if (m.days !== undefined) s.windows = [m.days];
    if (m.lagDays !== undefined) s.lagDays = m.lagDays;
    if (m.level !== undefined) s.level = m.level;
    if (m.warnAt !== undefined) {
      const t = Math.round(s.target * 1_000_000);
      const w = Math.round(s.warnAt * 1_000_000);
      if (condition === "lt" && w > t) {
        throw new AhrError("CONFIG_INVALID", {
          file: label,
          key: `metrics.${id}.warnAt`,
          detail: `${s.warnAt} is above the target ${s.target}; ${id} is lower-is-better, so warnAt must be at most the target`,
        });
      }
      if (condition === "gte" && w < t) {
        throw new AhrError("CONFIG_INVALID", {
          file: label,
          key: `metrics.${id}.warnAt`,
          detail: `${s.warnAt} is below the target ${s.target}; ${id} is higher-is-better, so warnAt must be at least the target`,
        });
      }
    }
  }

  const a = f.ahr;
  if (a) {
    const p = a.severityPoints;
    if (p?.low !== undefined) config.ahr.severityPoints.low = p.low;
    if (p?.medium !== undefined) config.ahr.severityPoints.medium = p.medium;
    if (p?.high !== undefined) config.ahr.severityPoints.high = p.high;
    if (a.repeatDoubling !== undefined) config.ahr.repeatDoubling = a.repeatDoubling;
    const l = a.repeatLimits;
    if (l?.intellectual_property !== undefined) config.ahr.repeatLimits.intellectual_property = l.intellectual_property;
    if (l?.restricted_products !== undefined) config.ahr.repeatLimits.restricted_products = l.restricted_products;
  }

  if (f.columns) {
    for (const kind of INPUT_KINDS) {
      const c = f.columns[kind] as Record<string, string | undefined> | undefined;
      if (!c) continue;
      const mapping: Record<string, string> = {};
      for (const [field, headerText] of Object.entries(c)) {
        if (field === "$comment" || headerText === undefined) continue;
        mapping[field] = headerText;
      }
      if (Object.keys(mapping).length > 0) config.columns[kind] = mapping;
    }
  }

  if (flags.timeZone !== undefined) config.timeZone = flags.timeZone;
  if (flags.dateOrder !== undefined) {
    config.dateOrder = flags.dateOrder;
    config.dateOrderSet = true;
  }
  if (flags.account !== undefined) config.account = flags.account;
  return config;
}

/**
 * The CLI's way in: `--config FILE` (relative to cwd) or discovery in cwd, then defaults < file <
 * flags. Errors are AhrErrors naming the file as the user would.
 */
export async function loadConfig(options: { cwd: string; configPath?: string; flags?: ConfigFlags }): Promise<LoadedConfig> {
  let path: string | null;
  let label: string | null;
  const warnings: string[] = [];
  if (options.configPath !== undefined) {
    path = resolve(options.cwd, options.configPath);
    label = options.configPath;
  } else {
    const found = await findConfigFile(options.cwd);
    warnings.push(...found.warnings);
    path = found.path;
    label = path === null ? null : basename(path);
  }
  const file = path === null ? null : await readConfigFile(path, label ?? path);
  return { config: resolveConfig(file, options.flags, label ?? "config"), file: label, path, warnings };
}

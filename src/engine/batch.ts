/**
 * `ahr batch ACCOUNTS_DIR --out REPORTS_DIR` (SPEC section 12): every immediate subfolder of
 * ACCOUNTS_DIR is one account, named by the folder; each is checked in this process, one after
 * another (no process start per account), its report written to REPORTS_DIR/NAME.json as
 * `ahr check --format json --account NAME` would write it, and the roll-up of them all returned.
 *
 * - An account's own `ahr.config.json` (or `.ahrrc.json`) applies to it alone; without one, the
 *   batch's `--config` file (if any), else the defaults. Flags (--tz, --date-order) beat both.
 *   The config module (and zod with it) is loaded only when some config file is read.
 * - A bad account (unreadable file, bad input, bad config: any AhrError; an unexpected error too)
 *   does not stop the others: it becomes a `failed` row with its error, and REPORTS_DIR/NAME.json
 *   says so ({schemaVersion, account, error}), so the folder never holds an older report of an
 *   account whose latest check failed, and a later `ahr rollup REPORTS_DIR` lists it as failed.
 * - Files and hidden folders in ACCOUNTS_DIR are not accounts: they are listed in `ignored`.
 * - REPORTS_DIR inside ACCOUNTS_DIR is refused (BATCH_OUT_INSIDE): it would be an account next time.
 * - Only the compact roll-up rows are kept between accounts: memory stays that of one account.
 * - The engine writes nothing itself: `save` (the CLI's output layer) writes each document.
 */
import { readdirSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { AhrError, isAhrError } from "../errors.js";
import type { DateOrder, ResolvedConfig } from "../config/defaults.js";
import type { FailOn, Report } from "../report/types.js";
import { buildRollup, failedAccount, readReport, rowError, type Rollup, type RollupEntry } from "../report/rollup.js";
import { checkWithConfig } from "./check.js";
import { resolveCheckConfig } from "./options.js";

/** What a failed account leaves in REPORTS_DIR (read back by the roll-up as `failed`). */
export interface FailureDocument {
  schemaVersion: 1;
  tool: { name: string; version: string };
  account: string;
  error: { code: string; message: string };
}

export interface BatchOptions {
  accountsDir: string;
  /** REPORTS_DIR: only checked here (not inside accountsDir); `save` writes into it. */
  outDir: string;
  /**
   * Writes an account's report (or its failure) as REPORTS_DIR/NAME.json and returns the path
   * (the CLI's output layer; it throws when the file cannot be written).
   */
  save: (account: string, doc: Report | FailureDocument) => string;
  version: string;
  asOf?: string;
  now?: Date;
  timeZone?: string;
  dateOrder?: DateOrder;
  /** A config file for the accounts that have none of their own. */
  config?: string;
  details?: boolean;
  failOn?: FailOn;
  skipInvalid?: boolean;
  /** After each account: its name, its position (1-based), the count, and its error if it failed. */
  onAccount?: (name: string, index: number, total: number, error: AhrError | null) => void;
}

export interface AccountDirs {
  accounts: { name: string; dir: string }[];
  ignored: string[];
}

const CONFIG_NAMES = ["ahr.config.json", ".ahrrc.json"];

/** The accounts of ACCOUNTS_DIR: its immediate, non-hidden subfolders, in name order. */
export function accountDirs(accountsDir: string, outDir?: string): AccountDirs {
  let entries;
  try {
    if (!statSync(accountsDir).isDirectory()) throw new AhrError("BATCH_NO_ACCOUNTS", { file: accountsDir });
    entries = readdirSync(accountsDir, { withFileTypes: true });
  } catch (e) {
    if (isAhrError(e)) throw e;
    throw new AhrError("FILE_NOT_FOUND", { file: accountsDir, hint: "ahr batch wants a folder with one subfolder per account" });
  }
  if (outDir !== undefined) {
    const root = resolve(accountsDir) + sep;
    if ((resolve(outDir) + sep).startsWith(root)) throw new AhrError("BATCH_OUT_INSIDE", { file: outDir });
  }
  const accounts: { name: string; dir: string }[] = [];
  const ignored: string[] = [];
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(accountsDir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        isDir = false;
      }
    }
    if (isDir && !e.name.startsWith(".")) accounts.push({ name: e.name, dir: path });
    else ignored.push(path);
  }
  if (accounts.length === 0) throw new AhrError("BATCH_NO_ACCOUNTS", { file: accountsDir });
  return { accounts, ignored };
}

function configFileOf(dir: string): string | null {
  for (const name of CONFIG_NAMES) {
    try {
      if (statSync(join(dir, name)).isFile()) return join(dir, name);
    } catch {
      /* not there */
    }
  }
  return null;
}

function asRowError(e: unknown): { code: string; message: string } {
  if (isAhrError(e)) return { code: e.code, message: e.message };
  return rowError("INTERNAL", { detail: e instanceof Error ? e.message : String(e) });
}

export function failureDocument(account: string, version: string, error: { code: string; message: string }): FailureDocument {
  return { schemaVersion: 1, tool: { name: "ahr", version }, account, error };
}

export async function runBatch(options: BatchOptions): Promise<Rollup> {
  const { accounts, ignored } = accountDirs(options.accountsDir, options.outDir);
  const flags = {
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}),
  };
  // A bad shared config fails the whole run (exit 2) before any account is checked.
  const shared = await resolveCheckConfig({ ...flags, ...(options.config !== undefined ? { config: options.config } : {}) });
  const entries: RollupEntry[] = [];
  for (const [i, { name, dir }] of accounts.entries()) {
    let error: AhrError | null = null;
    try {
      const own = configFileOf(dir);
      let config: ResolvedConfig;
      if (own !== null) {
        config = await resolveCheckConfig({ ...flags, config: own });
      } else {
        config = structuredClone(shared);
      }
      // The folder's name is the account's name (SPEC 12), whatever its config says.
      config.account = name;
      const report: Report = await checkWithConfig(config, {
        paths: [dir],
        ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
        ...(options.now !== undefined ? { now: options.now } : {}),
        ...(options.details !== undefined ? { details: options.details } : {}),
        ...(options.failOn !== undefined ? { failOn: options.failOn } : {}),
        ...(options.skipInvalid !== undefined ? { skipInvalid: options.skipInvalid } : {}),
      }, own ?? options.config ?? null);
      const file = options.save(name, report);
      entries.push(...readReport(file, report, name));
    } catch (e) {
      const err = asRowError(e);
      error = isAhrError(e) ? e : new AhrError("INTERNAL", { detail: err.message });
      try {
        const file = options.save(name, failureDocument(name, options.version, err));
        entries.push(failedAccount(name, err, file));
      } catch (w) {
        // Not even the failure could be written: the account is still listed, with both errors.
        entries.push(failedAccount(name, { code: err.code, message: `${err.message}; and ${asRowError(w).message}` }));
      }
    }
    options.onAccount?.(name, i + 1, accounts.length, error);
  }
  return buildRollup(entries, { version: options.version, ignored });
}

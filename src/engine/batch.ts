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
import { Worker } from "node:worker_threads";
import { AhrError, isAhrError } from "../errors.js";
import type { DateOrder } from "../config/defaults.js";
import type { FailOn, Report } from "../report/types.js";
import {
  buildRollup,
  failedAccount,
  readReport,
  type Rollup,
  type RollupEntry,
  type RollupError,
} from "../report/rollup.js";
import { asRowError, checkAccount, type AccountJob, type AccountResult } from "./account.js";
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
  /**
   * Accounts checked at the same time, each in a worker thread (node:worker_threads) of this
   * process; 1 (the default) checks them one after another on this thread. The roll-up and the
   * files written are the same whatever the number; only the order of onAccount calls differs.
   */
  jobs?: number;
  /** After each account: its name, how many are done (1-based), the count, its error if it failed. */
  onAccount?: (name: string, done: number, total: number, error: RollupError | null) => void;
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

export function failureDocument(account: string, version: string, error: { code: string; message: string }): FailureDocument {
  return { schemaVersion: 1, tool: { name: "ahr", version }, account, error };
}


/** The job of one account, as the checking code (this thread or a worker) takes it. */
function jobOf(options: BatchOptions): Omit<AccountJob, "name" | "dir" | "shared"> {
  return {
    version: options.version,
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.details !== undefined ? { details: options.details } : {}),
    ...(options.failOn !== undefined ? { failOn: options.failOn } : {}),
    ...(options.skipInvalid !== undefined ? { skipInvalid: options.skipInvalid } : {}),
  };
}

export async function runBatch(options: BatchOptions): Promise<Rollup> {
  const { accounts, ignored } = accountDirs(options.accountsDir, options.outDir);
  // A bad shared config fails the whole run (exit 2) before any account is checked.
  const shared = await resolveCheckConfig({
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
  });
  const job = { ...jobOf(options), shared };
  const perAccount: RollupEntry[][] = accounts.map(() => []);
  let done = 0;
  const finish = (i: number, result: AccountResult): void => {
    const { name } = accounts[i]!;
    let error: RollupError | null = "error" in result ? result.error : null;
    if ("report" in result) {
      try {
        const file = options.save(name, result.report);
        perAccount[i] = readReport(file, result.report, name);
      } catch (e) {
        error = asRowError(e);
      }
    }
    if (error !== null) {
      try {
        const file = options.save(name, failureDocument(name, options.version, error));
        perAccount[i] = [failedAccount(name, error, file)];
      } catch (w) {
        // Not even the failure could be written: the account is still listed, with both errors.
        perAccount[i] = [failedAccount(name, { code: error.code, message: `${error.message}; and ${asRowError(w).message}` })];
      }
    }
    done++;
    options.onAccount?.(name, done, accounts.length, error);
  };

  const jobs = Math.min(Math.max(1, Math.floor(options.jobs ?? 1)), accounts.length);
  if (jobs === 1) {
    for (const [i, a] of accounts.entries()) {
      finish(i, await checkAccount({ ...job, name: a.name, dir: a.dir }));
    }
  } else {
    await inWorkers(jobs, accounts, job, finish);
  }
  return buildRollup(perAccount.flat(), { version: options.version, ignored });
}

/**
 * Checks the accounts in `jobs` worker threads, each taking the next account when it is done
 * (so a slow account does not hold up the others). A worker that dies (out of memory, a crash)
 * fails the account it held with INTERNAL and is replaced; its error never stops the batch.
 */
async function inWorkers(
  jobs: number,
  accounts: readonly { name: string; dir: string }[],
  job: Omit<AccountJob, "name" | "dir">,
  finish: (i: number, r: AccountResult) => void,
): Promise<void> {
  let next = 0;
  let open = 0;
  await new Promise<void>((resolveAll, rejectAll) => {
    const start = (): void => {
      const worker = new Worker(new URL("./batch-worker.js", import.meta.url), { workerData: job });
      open++;
      let held: number | null = null;
      const give = (): void => {
        if (next >= accounts.length) {
          held = null;
          void worker.terminate();
          return;
        }
        held = next++;
        const a = accounts[held]!;
        worker.postMessage({ name: a.name, dir: a.dir });
      };
      worker.on("message", (r: AccountResult) => {
        const i = held;
        if (i === null) return;
        try {
          finish(i, r);
        } catch (e) {
          // finish() lists every account's error itself; anything else is a bug: stop.
          next = accounts.length;
          held = null;
          void worker.terminate();
          rejectAll(e);
          return;
        }
        give();
      });
      worker.on("error", (e) => {
        if (held !== null) {
          const i = held;
          held = null;
          finish(i, { error: asRowError(e) });
        }
      });
      worker.on("exit", () => {
        open--;
        if (held !== null) {
          const i = held;
          held = null;
          finish(i, { error: asRowError(new Error("the worker checking this account stopped")) });
        }
        if (next < accounts.length) start();
        else if (open === 0) resolveAll();
      });
      worker.once("online", give);
    };
    for (let k = 0; k < jobs; k++) start();
  });
}

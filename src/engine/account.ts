/**
 * One account of `ahr batch` (engine/batch.ts): its folder checked with its own config (an
 * `ahr.config.json` or `.ahrrc.json` in it) or the batch's shared one, under its folder name. Runs
 * on the batch's thread or in a worker (batch-worker.ts); what it returns is plain data (a
 * structured clone crosses between threads unchanged).
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import type { DateOrder, ResolvedConfig } from "../config/defaults.js";
import { isAhrError } from "../errors.js";
import { rowError, type RollupError } from "../report/rollup.js";
import type { FailOn, Report } from "../report/types.js";
import { amazonForCheck } from "./amazon.js";
import { checkWithConfig } from "./check.js";
import { resolveCheckConfig } from "./options.js";

export interface AccountJob {
  name: string;
  dir: string;
  /** The config of the accounts without their own (the batch's --config, else the defaults). */
  shared: ResolvedConfig;
  /** The shared config's file, for Report.configFile. */
  config?: string;
  version: string;
  asOf?: string;
  now?: Date;
  timeZone?: string;
  dateOrder?: DateOrder;
  details?: boolean;
  failOn?: FailOn;
  skipInvalid?: boolean;
}

export type AccountResult = { report: Report } | { error: RollupError };

const CONFIG_NAMES = ["ahr.config.json", ".ahrrc.json"];

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

/** An error as a roll-up row's {code, message}: an AhrError's own, anything else INTERNAL. */
export function asRowError(e: unknown): RollupError {
  if (isAhrError(e)) return { code: e.code, message: e.message };
  return rowError("INTERNAL", { detail: e instanceof Error ? e.message : String(e) });
}

/** Checks one account; its errors are returned, never thrown. */
export async function checkAccount(job: AccountJob): Promise<AccountResult> {
  try {
    const own = configFileOf(job.dir);
    const config: ResolvedConfig =
      own !== null
        ? await resolveCheckConfig({
            ...(job.timeZone !== undefined ? { timeZone: job.timeZone } : {}),
            ...(job.dateOrder !== undefined ? { dateOrder: job.dateOrder } : {}),
            config: own,
          })
        : structuredClone(job.shared);
    // The folder's name is the account's name (SPEC 12), whatever its config says.
    config.account = job.name;
    // Amazon's own reports in the folder (SPEC 10): set aside and used for the AHR notes only, as
    // `ahr check` does.
    const amazon = await amazonForCheck(config, {
      paths: [job.dir],
      ...(job.asOf !== undefined ? { asOf: job.asOf } : {}),
      ...(job.now !== undefined ? { now: job.now } : {}),
      ...(job.details !== undefined ? { details: job.details } : {}),
      ...(job.failOn !== undefined ? { failOn: job.failOn } : {}),
      ...(job.skipInvalid !== undefined ? { skipInvalid: job.skipInvalid } : {}),
    });
    const report = amazon.apply(await checkWithConfig(config, amazon.options, own ?? job.config ?? null));
    return { report };
  } catch (e) {
    return { error: asRowError(e) };
  }
}

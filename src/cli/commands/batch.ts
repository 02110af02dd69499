/**
 * `ahr batch ACCOUNTS_DIR --out REPORTS_DIR` (SPEC section 12): every subfolder of ACCOUNTS_DIR
 * is an account, checked in this one process (engine/batch.ts); each report is written to
 * REPORTS_DIR/NAME.json (this layer writes the files), then the roll-up is printed as
 * `ahr rollup REPORTS_DIR` would print it. A bad account is listed with its error (and a warning
 * line on stderr) and does not stop the others; the exit code is the worst (2 when any failed).
 * On a terminal, stderr shows which account is being checked.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { Option, type Command } from "commander";
import type { DateOrder } from "../../config/defaults.js";
import { AhrError } from "../../errors.js";
import { jsonText } from "../../format/json.js";
import type { FailOn } from "../../report/types.js";
import { isValidZone, parseDay } from "../../time.js";
import { packageVersion } from "../../version.js";
import { oneLine, writeWarning, type CommandContext } from "../io.js";
import { withRollupOutput, writeRollup, type RollupOutputOptions } from "./rollup.js";

type RawBatchOptions = RollupOutputOptions & {
  out: string;
  asOf?: string;
  tz?: string;
  dateOrder?: DateOrder;
  config?: string;
  details?: boolean;
  failOn: FailOn;
  skipInvalid?: boolean;
  jobs?: string;
};

export function defineBatch(program: Command, { io, setExit }: CommandContext): void {
  withRollupOutput(
    program
      .command("batch")
      .description("check every account folder in one process, write REPORTS_DIR/NAME.json each, print the roll-up")
      .argument("<accounts-dir>", "a folder with one subfolder of exports per account (its name is the account's)")
      .requiredOption("--out <dir>", "the folder the reports are written to (NAME.json per account)")
      .option("--as-of <date>", "the last day the reports cover, YYYY-MM-DD (default: yesterday in the report time zone)")
      .option("--tz <zone>", "report time zone, an IANA name (default: each config's timeZone, else UTC)")
      .addOption(new Option("--date-order <order>", "how to read 1/2/26 (default: config dateOrder, else mdy)").choices(["mdy", "dmy"]))
      .option("--config <file>", "config for the accounts without an ahr.config.json of their own")
      .option("--details", "list every offending order in each report")
      .addOption(new Option("--fail-on <level>", "what makes an account's exit code 1").choices(["breach", "at_risk", "never"]).default("breach"))
      .option("--skip-invalid", "skip rows whose values do not parse (counted in each report) instead of failing the account")
      .option("--jobs <n>", "accounts checked at the same time, each in a worker thread (default: the CPU count)"),
  ).action(async (accountsDir: string, raw: RawBatchOptions) => {
    if (raw.asOf !== undefined && parseDay(raw.asOf) === null) throw new AhrError("AS_OF_NOT_DATE", { value: raw.asOf });
    if (raw.tz !== undefined && !isValidZone(raw.tz)) throw new AhrError("TZ_UNKNOWN", { value: raw.tz });
    const sameDir = resolve(io.cwd) === resolve(process.cwd());
    const at = (p: string): string => (sameDir || isAbsolute(p) ? p : resolve(io.cwd, p));
    const outDir = at(raw.out);
    if (raw.jobs !== undefined && !/^[1-9]\d{0,3}$/.test(raw.jobs)) throw new AhrError("JOBS_INVALID", { value: raw.jobs });
    const jobs = raw.jobs !== undefined ? Number(raw.jobs) : availableParallelism();
    const tty = io.stderr.isTTY === true && raw.quiet !== true;
    let shown = 0;
    const { runBatch } = await import("../../engine/batch.js");
    const rollup = await runBatch({
      accountsDir: at(accountsDir),
      outDir,
      version: packageVersion(),
      save: (name, doc) => {
        const file = join(outDir, `${name}.json`);
        try {
          mkdirSync(outDir, { recursive: true });
          writeFileSync(file, jsonText(doc));
        } catch (e) {
          throw new AhrError("OUTPUT_WRITE", { file, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
        }
        return file;
      },
      now: io.now?.() ?? new Date(),
      ...(raw.asOf !== undefined ? { asOf: raw.asOf } : {}),
      ...(raw.tz !== undefined ? { timeZone: raw.tz } : {}),
      ...(raw.dateOrder !== undefined ? { dateOrder: raw.dateOrder } : {}),
      ...(raw.config !== undefined ? { config: resolve(io.cwd, raw.config) } : {}),
      details: raw.details === true,
      failOn: raw.failOn,
      skipInvalid: raw.skipInvalid === true,
      jobs,
      onAccount: (name, i, n, error) => {
        if (tty) {
          const line = `checked ${i}/${n}: ${oneLine(name).slice(0, 40)}`;
          io.stderr.write(`\r${line}${" ".repeat(Math.max(0, shown - line.length))}`);
          shown = line.length;
          if (i === n) io.stderr.write(`\r${" ".repeat(shown)}\r`);
        }
        if (error !== null) {
          if (tty && i !== n) io.stderr.write(`\r${" ".repeat(shown)}\r`);
          writeWarning(io, `account ${name}: ${error.message}`);
        }
      },
    });
    setExit(await writeRollup(rollup, raw, io, [at(accountsDir), outDir]));
  });
}

/**
 * `ahr rollup REPORT.json... | DIR` (SPEC section 12): one view over many accounts' JSON reports.
 * It reads the reports only, never an export (engine/rollup.ts), and exits with the worst
 * account's code: 0 all current and passing, 1 an account's check failed its gate (its own
 * summary.exitCode), 2 a report is stale, unreadable, of another version, or an account failed.
 * `--output FILE` replaces stdout; a report file named as the output is refused.
 */
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { ROLLUP_FORMATS, formatRollup, type OutputFormat } from "../../format/index.js";
import type { FormatContext } from "../../format/types.js";
import type { Rollup } from "../../report/rollup.js";
import { packageVersion } from "../../version.js";
import { decideColor, decideWidth } from "../color.js";
import type { CommandContext, Io } from "../io.js";

export interface RollupOutputOptions {
  format: OutputFormat;
  output?: string;
  color?: boolean;
  quiet?: boolean;
}

/** Declares the roll-up's output flags (shared by rollup and batch). */
export function withRollupOutput(cmd: Command): Command {
  return cmd
    .addOption(new Option("--format <format>", "output format of the roll-up").choices(ROLLUP_FORMATS).default("table"))
    .option("--output <file>", "write the roll-up to FILE instead of standard output")
    .option("--color", "colour the table even when not on a terminal")
    .option("--no-color", "never colour (also NO_COLOR=1 or TERM=dumb)")
    .option("--quiet", "print nothing when the exit code is 0");
}

/** Prints (or writes) the roll-up; returns its exit code. */
export async function writeRollup(rollup: Rollup, opts: RollupOutputOptions, io: Io, inputs: string[]): Promise<number> {
  const toFile = opts.output !== undefined;
  const ctx: FormatContext = {
    color: decideColor(opts.color, io.env, toFile ? false : io.stdout.isTTY),
    width: toFile ? 80 : decideWidth(io.stdout),
  };
  const text = await formatRollup(rollup, opts.format, ctx);
  const exitCode = rollup.summary.exitCode;
  if (opts.output !== undefined) {
    const { checkOutputPath, writeOutputFile } = await import("../output.js");
    const path = resolve(io.cwd, opts.output);
    await checkOutputPath(path, opts.output, inputs);
    await writeOutputFile(path, opts.output, text);
  } else if (!(opts.quiet === true && exitCode === 0)) {
    io.stdout.write(text);
  }
  return exitCode;
}

export function defineRollup(program: Command, { io, setExit }: CommandContext): void {
  withRollupOutput(
    program
      .command("rollup")
      .description("one row per account from many accounts' JSON reports (ahr check --format json), worst first")
      .argument("[reports...]", "JSON report files, or folders of them (their *.json files)"),
  ).action(async (paths: string[], raw: RollupOutputOptions) => {
    const { rollUp } = await import("../../engine/rollup.js");
    const at = paths.map((p) => resolve(io.cwd, p));
    // Paths as the user wrote them when run from here (so the roll-up names files as they did).
    const shown = resolve(io.cwd) === resolve(process.cwd()) ? paths : at;
    const rollup = rollUp(shown, { version: packageVersion() });
    setExit(await writeRollup(rollup, raw, io, at));
  });
}

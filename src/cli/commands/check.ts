/**
 * `ahr check`: options -> the engine's check -> formatted report on stdout or --output, the step
 * summary, and the exit code. The colour decision and the clock live here, nowhere below.
 *
 * Decisions (for the README):
 * - The default format is `table` whether or not stdout is a terminal; through a pipe it is the
 *   same table without colour (status words and symbols carry the meaning). Scripts ask for
 *   `--format json`.
 * - `--quiet` prints nothing on stdout when the exit code is 0; when the run fails (exit 1) the
 *   report is still printed, so a cron job that mails its output mails only bad news.
 *   Warnings and errors still go to stderr; `--output` and the step summary are still written.
 * - `--output FILE` replaces stdout (nothing is printed there). It is refused when FILE is one
 *   of the input files or lies inside an input directory. The file is not a terminal: no colour
 *   (unless --color or FORCE_COLOR) and 80 columns, even when run from one.
 * - The step summary: when GITHUB_STEP_SUMMARY names a file (and not --no-step-summary), the
 *   Markdown report is appended whatever --format is, cut at 256 KiB with a line saying so. A
 *   failure to write it is a warning, not a failed run.
 */
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { chartDays, FORMATS, formatReport, type OutputFormat } from "../../format/index.js";
import type { FailOn } from "../../report/types.js";
import { inputOptions, inputPaths, loadCommandConfig, resolveInputArgs, waitNotice, withInputs, type InputCommandOptions, type RawInputOptions } from "../inputs.js";
import { isAhrError } from "../../errors.js";
import { writeWarning, type CommandContext, type Io } from "../io.js";
import { progressFor } from "../progress.js";
import { AhrError } from "../../errors.js";

export interface CheckCommandOptions extends InputCommandOptions {
  format: OutputFormat;
  details: boolean;
  failOn: FailOn;
  skipInvalid: boolean;
  config?: string;
  quiet: boolean;
  stepSummary: boolean;
}

type RawCheckOptions = RawInputOptions & {
  account?: string;
  format: OutputFormat;
  details?: boolean;
  failOn: FailOn;
  skipInvalid?: boolean;
  quiet?: boolean;
  stepSummary: boolean;
};

export function defineCheck(program: Command, { io, setExit }: CommandContext): void {
  const check = withInputs(program.command("check").description("compute every metric and the AHR estimate from your exports"));
  check
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .option("--output <file>", "write the report to FILE instead of standard output")
    .option("--details", "list every offending order in each metric")
    .option("--account <name>", "the account's name, written into the report (default: config account, else none)")
    .addOption(
      new Option("--fail-on <level>", "what makes the exit code 1").choices(["breach", "at_risk", "never"]).default("breach"),
    )
    .option("--skip-invalid", "skip rows whose values do not parse (counted and shown) instead of stopping")
    .option("--config <file>", "config file (default: ahr.config.json or .ahrrc.json in this directory)")
    .option("--color", "colour the table even when not on a terminal")
    .option("--no-color", "never colour (also NO_COLOR=1 or TERM=dumb)")
    .option("--quiet", "print nothing when the run passes")
    .option("--no-step-summary", "do not append the Markdown report to $GITHUB_STEP_SUMMARY")
    .action(async (paths: string[], raw: RawCheckOptions) => {
      if (raw.account !== undefined && raw.account.trim() === "") throw new AhrError("ACCOUNT_EMPTY");
      setExit(
        await runCheck(
          {
            ...inputOptions(paths, raw),
            ...(raw.account !== undefined ? { account: raw.account } : {}),
            format: raw.format,
            details: raw.details === true,
            failOn: raw.failOn,
            skipInvalid: raw.skipInvalid === true,
            quiet: raw.quiet === true,
            stepSummary: raw.stepSummary,
          },
          io,
        ),
      );
    });
}

function withNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

export async function runCheck(opts: CheckCommandOptions, io: Io): Promise<number> {
  const args = resolveInputArgs(opts, io);
  const { paths, files, stdinKind, ctx } = args;
  const outputPath = opts.output === undefined ? undefined : resolve(io.cwd, opts.output);
  const { checkOutputPath, writeOutputFile, appendStepSummary } = await import("../output.js");
  const inputs = inputPaths(args, io);
  if (outputPath !== undefined && opts.output !== undefined) await checkOutputPath(outputPath, opts.output, inputs);

  const { config, shown, path: configPath } = await loadCommandConfig(opts, io);
  // Now that the config file is known, --output must not be it either.
  if (outputPath !== undefined && opts.output !== undefined && configPath !== null) {
    await checkOutputPath(outputPath, opts.output, [], configPath);
  }

  // A format with charts (html) gets each metric row's trend, computed with the report from one
  // read of the inputs, and lists the offenders as --details would.
  const days = chartDays(opts.format);
  const charts = days !== undefined;
  const progress = progressFor(io, opts);
  const checkOptions = {
    files,
    paths,
    ...(stdinKind !== undefined ? { stdin: { kind: stdinKind, stream: io.stdin } } : {}),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
    now: io.now?.() ?? new Date(),
    details: opts.details || charts,
    failOn: opts.failOn,
    skipInvalid: opts.skipInvalid,
    ...(opts.marketplaces !== undefined ? { marketplaces: opts.marketplaces } : {}),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    onWait: waitNotice(io),
  };
  // Amazon's own reports among the paths (SPEC 10): set aside, then used for the AHR notes only.
  const amazon = await (await import("../../engine/amazon.js")).amazonForCheck(config, checkOptions);
  const { report: computed, trends } = await (charts
    ? import("../../engine/charts.js").then((e) => e.checkWithTrends(config, amazon.options, days, shown))
    : import("../../engine/check.js").then(async (e) => ({ report: await e.checkWithConfig(config, amazon.options, shown), trends: [] }))
  ).finally(() => progress.done());
  const report = amazon.apply(computed);
  const exitCode = report.summary.exitCode;

  const text = withNewline(await formatReport(report, opts.format, { ...ctx, trends }));
  if (outputPath !== undefined && opts.output !== undefined) {
    await writeOutputFile(outputPath, opts.output, text);
  } else if (!(opts.quiet && exitCode === 0)) {
    io.stdout.write(text);
  }

  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (opts.stepSummary && summaryFile !== undefined && summaryFile !== "") {
    // The step summary is as without --details even when the format listed the offenders.
    const plain = charts && !opts.details ? { ...report, metrics: report.metrics.map(({ offenders: _, ...row }) => row) } : report;
    const markdown = opts.format === "markdown" ? text : await formatReport(plain, "markdown", { color: false, width: 80 });
    try {
      const summaryPath = resolve(io.cwd, summaryFile);
      // The same guard as --output: never an input, a file of an input directory, or the config.
      await checkOutputPath(summaryPath, summaryFile, inputs, configPath, "GITHUB_STEP_SUMMARY");
      await appendStepSummary(summaryPath, markdown);
    } catch (e) {
      if (isAhrError(e)) {
        writeWarning(io, `${e.message}; the step summary is not written`);
        return exitCode;
      }
      writeWarning(io, `cannot append to GITHUB_STEP_SUMMARY (${summaryFile}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  return exitCode;
}

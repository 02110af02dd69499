/**
 * `ahr trend METRIC`: one metric replayed for each of the last N as-of days (a sparkline and a
 * weekly table on a terminal; the full series with --format json). Reports only: exit code 0,
 * or 2 when the run cannot be trusted (bad usage, config or input).
 */
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { METRIC_IDS, type MetricId } from "../../catalog.js";
import { AhrError } from "../../errors.js";
import { FORMATS, formatTrend, type OutputFormat } from "../../format/index.js";
import { inputOptions, inputPaths, loadCommandConfig, resolveInputArgs, waitNotice, withInputs, type InputCommandOptions, type RawInputOptions } from "../inputs.js";
import type { CommandContext, Io } from "../io.js";

export interface TrendCommandOptions extends InputCommandOptions {
  metric: string;
  days: string;
  window?: string;
  format: OutputFormat;
  skipInvalid: boolean;
  config?: string;
}

type RawTrendOptions = RawInputOptions & { format: OutputFormat; days: string; window?: string; skipInvalid?: boolean };

export function defineTrend(program: Command, { io, setExit }: CommandContext): void {
  withInputs(
    program
      .command("trend")
      .description("replay one metric for each of the last N as-of days: a sparkline and a table")
      .argument("<metric>", `one of ${METRIC_IDS.join(", ")}`),
  )
    .option("--days <n>", "how many as-of days, ending at --as-of", "90")
    .option("--window <days>", "which of the metric's windows (default: its first)")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .option("--output <file>", "write the trend to FILE instead of standard output")
    .option("--skip-invalid", "skip rows whose values do not parse (counted) instead of stopping")
    .option("--config <file>", "config file (default: ahr.config.json or .ahrrc.json in this directory)")
    .option("--color", "colour even when not on a terminal")
    .option("--no-color", "never colour (also NO_COLOR=1 or TERM=dumb)")
    .action(async (metric: string, paths: string[], raw: RawTrendOptions) => {
      setExit(
        await runTrend(
          {
            ...inputOptions(paths, raw),
            metric,
            days: raw.days,
            ...(raw.window !== undefined ? { window: raw.window } : {}),
            format: raw.format,
            skipInvalid: raw.skipInvalid === true,
          },
          io,
        ),
      );
    });
}

function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new AhrError("NOT_WHOLE_NUMBER", { key: flag, value: text });
  return Number(text);
}

export async function runTrend(opts: TrendCommandOptions, io: Io): Promise<number> {
  if (!(METRIC_IDS as readonly string[]).includes(opts.metric)) {
    throw new AhrError("UNKNOWN_METRIC", { value: opts.metric, accepted: [...METRIC_IDS] });
  }
  const days = wholeNumber("--days", opts.days);
  const windowDays = opts.window === undefined ? undefined : wholeNumber("--window", opts.window);
  const args = resolveInputArgs(opts, io);
  const { paths, files, stdinKind, ctx } = args;

  const { config, shown, path: configPath } = await loadCommandConfig(opts, io);

  const { trendWithConfig } = await import("../../engine/trend.js");
  const trend = await trendWithConfig(config, {
    metric: opts.metric as MetricId,
    days,
    ...(windowDays !== undefined ? { windowDays } : {}),
    files,
    paths,
    ...(stdinKind !== undefined ? { stdin: { kind: stdinKind, stream: io.stdin } } : {}),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
    now: io.now?.() ?? new Date(),
    skipInvalid: opts.skipInvalid,
    ...(opts.marketplaces !== undefined ? { marketplaces: opts.marketplaces } : {}),
    onWait: waitNotice(io),
  }, shown);

  const text = await formatTrend(trend, opts.format, ctx);
  if (opts.output !== undefined) {
    const { checkOutputPath, writeOutputFile } = await import("../output.js");
    const out = resolve(io.cwd, opts.output);
    await checkOutputPath(out, opts.output, inputPaths(args, io), configPath);
    await writeOutputFile(out, opts.output, text);
  } else {
    io.stdout.write(text);
  }
  return 0;
}

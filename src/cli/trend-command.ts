/**
 * `ahr trend METRIC`: one metric replayed for each of the last N as-of days (a sparkline and a
 * weekly table on a terminal; the full series with --format json). Reports only: exit code 0,
 * or 2 when the run cannot be trusted (bad usage, config or input).
 */
import { resolve } from "node:path";
import { METRIC_IDS, type MetricId } from "../config/defaults.js";
import { AhrError } from "../errors.js";
import { loadCommandConfig, resolveInputArgs, type InputCommandOptions, type OutputFormat } from "./check-command.js";
import type { Io } from "./io.js";

export interface TrendCommandOptions extends InputCommandOptions {
  metric: string;
  days: string;
  window?: string;
  format: OutputFormat;
  skipInvalid: boolean;
  config?: string;
}

function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new AhrError("USAGE", { detail: `${flag} ${JSON.stringify(text)} is not a whole number` });
  return Number(text);
}

export async function runTrend(opts: TrendCommandOptions, io: Io): Promise<number> {
  if (!(METRIC_IDS as readonly string[]).includes(opts.metric)) {
    throw new AhrError("USAGE", {
      detail: `unknown metric ${JSON.stringify(opts.metric)}`,
      hint: `expected one of ${METRIC_IDS.join(", ")}`,
    });
  }
  const days = wholeNumber("--days", opts.days);
  const windowDays = opts.window === undefined ? undefined : wholeNumber("--window", opts.window);
  const { paths, files, stdinKind, ctx } = resolveInputArgs(opts, io);

  const config = await loadCommandConfig(opts, io);

  const { trendWithConfig } = await import("../engine/trend.js");
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
  });

  const fmt = await import("../format/trend.js");
  const text =
    opts.format === "json"
      ? fmt.formatTrendJson(trend)
      : opts.format === "markdown"
        ? fmt.formatTrendMarkdown(trend)
        : fmt.formatTrendTable(trend, ctx);
  if (opts.output !== undefined) {
    const { checkOutputPath, writeOutputFile } = await import("./output.js");
    const out = resolve(io.cwd, opts.output);
    await checkOutputPath(out, opts.output, [...paths, ...Object.values(files).flat()].map((p) => resolve(io.cwd, p)));
    await writeOutputFile(out, opts.output, text);
  } else {
    io.stdout.write(text);
  }
  return 0;
}

/**
 * `ahr reconcile [PATHS...] --amazon FILE` (SPEC 10, issue 14): Amazon's V2 seller performance
 * report beside ahr's counts over exactly Amazon's ranges. Exit code 0 when every compared count
 * agrees, 1 when one differs, 2 on bad input (the CLI's error path).
 *
 * `--amazon` is repeatable: the V2 report and Amazon's Account Health lists (cancellations,
 * valid tracking), each told by its content; they may also be among the PATHS. `--marketplace`
 * (the shared input flag) keeps those blocks of the report; when the orders name no marketplace,
 * its first value is the block they are compared with.
 */
import { isAbsolute, resolve } from "node:path";
import { Option, type Command } from "commander";
import { RECONCILE_FORMATS, formatReconcile, type OutputFormat } from "../../format/index.js";
import { inputOptions, inputPaths, loadCommandConfig, resolveInputArgs, waitNotice, withInputs, type InputCommandOptions, type RawInputOptions } from "../inputs.js";
import type { CommandContext, Io } from "../io.js";

export interface ReconcileCommandOptions extends InputCommandOptions {
  amazon: string[];
  format: OutputFormat;
  config?: string;
}

type RawReconcileOptions = RawInputOptions & { amazon?: string[]; format: OutputFormat };

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function defineReconcile(program: Command, { io, setExit }: CommandContext): void {
  withInputs(program.command("reconcile").description("put Amazon's own figures (the V2 seller performance report) beside ahr's"))
    .option("--amazon <file>", "Amazon's seller performance report (JSON, plain or .gz) or an Account Health list (repeatable)", collect)
    .addOption(new Option("--format <format>", "output format").choices(RECONCILE_FORMATS).default("table"))
    .option("--output <file>", "write the reconciliation to FILE instead of standard output")
    .option("--config <file>", "config file (default: ahr.config.json or .ahrrc.json in this directory)")
    .option("--color", "colour even when not on a terminal")
    .option("--no-color", "never colour (also NO_COLOR=1 or TERM=dumb)")
    .action(async (paths: string[], raw: RawReconcileOptions) => {
      setExit(
        await runReconcile(
          {
            ...inputOptions(paths, raw),
            amazon: raw.amazon ?? [],
            format: raw.format,
          },
          io,
        ),
      );
    });
}

export async function runReconcile(opts: ReconcileCommandOptions, io: Io): Promise<number> {
  const args = resolveInputArgs(opts, io);
  const { paths, files, stdinKind, ctx } = args;
  const sameDir = resolve(io.cwd) === resolve(process.cwd());
  const amazon = opts.amazon.map((p) => (sameDir || isAbsolute(p) ? p : resolve(io.cwd, p)));
  const { config, shown, path: configPath } = await loadCommandConfig(opts, io);

  const { reconcileWithConfig } = await import("../../engine/reconcile.js");
  const report = await reconcileWithConfig(
    config,
    {
      files,
      paths,
      amazon,
      ...(stdinKind !== undefined ? { stdin: { kind: stdinKind, stream: io.stdin } } : {}),
      ...(opts.marketplaces !== undefined ? { marketplaces: opts.marketplaces } : {}),
      ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
      now: io.now?.() ?? new Date(),
      onWait: waitNotice(io),
    },
    shown,
  );

  const text = await formatReconcile(report, opts.format, ctx);
  if (opts.output !== undefined) {
    const { checkOutputPath, writeOutputFile } = await import("../output.js");
    const out = resolve(io.cwd, opts.output);
    await checkOutputPath(out, opts.output, [...inputPaths(args, io), ...amazon.map((p) => resolve(io.cwd, p))], configPath);
    await writeOutputFile(out, opts.output, text);
  } else {
    io.stdout.write(text);
  }
  return report.summary.exitCode;
}

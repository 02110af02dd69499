/**
 * run(argv, io) -> exit code: the whole CLI, with the process handed in (tests pass a fake).
 * It never calls process.exit and sets no process state; bin/ahr.js sets process.exitCode.
 *
 * Exit codes (SPEC section 5): the report's summary.exitCode (0 or 1) for a finished check; 2 for
 * bad usage (commander's errors included), bad config, bad input (every AhrError), and for an
 * unexpected exception (an INTERNAL message; its stack only with --debug). Errors are one line
 * on stderr, `ahr: <message>`.
 */
import { Command, CommanderError, Option } from "commander";
import { AhrError, isAhrError } from "../errors.js";
import { INPUT_KINDS, type InputKind } from "../records.js";
import type { FailOn } from "../report/types.js";
import { METRIC_IDS, type DateOrder } from "../config/defaults.js";
import type { OutputFormat } from "./check-command.js";
import { cleanLines, oneLine, writeError, type Io } from "./io.js";
import { packageVersion } from "./version.js";

export type { Io } from "./io.js";

const FORMATS: readonly OutputFormat[] = ["table", "json", "markdown"];

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];


interface RawCheckOptions {
  orders?: string[];
  feedback?: string[];
  claims?: string[];
  chargebacks?: string[];
  messages?: string[];
  returns?: string[];
  violations?: string[];
  kind?: InputKind;
  asOf?: string;
  tz?: string;
  dateOrder?: DateOrder;
  format: OutputFormat;
  output?: string;
  details?: boolean;
  failOn: FailOn;
  skipInvalid?: boolean;
  config?: string;
  color?: boolean;
  quiet?: boolean;
  stepSummary: boolean;
}

type RawTrendOptions = Omit<RawCheckOptions, "failOn" | "details" | "quiet" | "stepSummary"> & { days: string; window?: string };

/** The options `check` and `trend` share, copied only where given (exactOptionalPropertyTypes style). */
function sharedOptions(raw: Omit<RawCheckOptions, "failOn" | "details" | "quiet" | "stepSummary">) {
  return {
    ...(raw.kind !== undefined ? { kind: raw.kind } : {}),
    ...(raw.asOf !== undefined ? { asOf: raw.asOf } : {}),
    ...(raw.tz !== undefined ? { tz: raw.tz } : {}),
    ...(raw.dateOrder !== undefined ? { dateOrder: raw.dateOrder } : {}),
    format: raw.format,
    ...(raw.output !== undefined ? { output: raw.output } : {}),
    ...(raw.config !== undefined ? { config: raw.config } : {}),
    ...(raw.color !== undefined ? { color: raw.color } : {}),
  };
}

function buildProgram(io: Io, ver: string, setExit: (code: number) => void): Command {
  const program = new Command("ahr");
  program
    .description("Amazon seller account health, computed offline from the reports you can export")
    .version(ver, "-V, --version", "print the version")
    .option("--debug", "print stack traces of internal errors")
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s) => writeError(io, oneLine(s.replace(/^error:\s*/, ""))),
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
      getErrHelpWidth: () => 80,
    })
    .exitOverride()
    .showSuggestionAfterError(true);

  /** The input flags `check` and `trend` share. */
  const withInputs = (cmd: Command): Command => {
    cmd.argument("[paths...]", "export files or directories (kind decided from the headers); - reads standard input (with --kind)");
    for (const kind of INPUT_KINDS) {
      cmd.option(`--${kind} <file>`, `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} export (repeatable; - for standard input)`, collect);
    }
    return cmd
      .addOption(new Option("--kind <kind>", "the kind of the export read from standard input (-)").choices(INPUT_KINDS))
      .option("--as-of <date>", "the last day the report covers, YYYY-MM-DD (default: yesterday in the report time zone)")
      .option("--tz <zone>", "report time zone, an IANA name (default: config timeZone, else UTC)")
      .addOption(new Option("--date-order <order>", "how to read 1/2/26 (default: config dateOrder, else mdy)").choices(["mdy", "dmy"]));
  };
  const filesOf = (raw: Partial<Record<InputKind, string[]>>): Partial<Record<InputKind, string[]>> => {
    const files: Partial<Record<InputKind, string[]>> = {};
    for (const kind of INPUT_KINDS) {
      const list = raw[kind];
      if (list !== undefined && list.length > 0) files[kind] = list;
    }
    return files;
  };

  const check = withInputs(program.command("check").description("compute every metric and the AHR estimate from your exports"));
  check
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .option("--output <file>", "write the report to FILE instead of standard output")
    .option("--details", "list every offending order in each metric")
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
      const { runCheck } = await import("./check-command.js");
      const files = filesOf(raw);
      setExit(
        await runCheck(
          {
            paths,
            files,
            ...sharedOptions(raw),
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
      const { runTrend } = await import("./trend-command.js");
      setExit(
        await runTrend(
          {
            metric,
            paths,
            files: filesOf(raw),
            days: raw.days,
            ...(raw.window !== undefined ? { window: raw.window } : {}),
            ...sharedOptions(raw),
            skipInvalid: raw.skipInvalid === true,
          },
          io,
        ),
      );
    });

  program
    .command("schema")
    .description("list the fields of each input kind, which are required, and the headers accepted")
    .argument("[kind]", `one of ${INPUT_KINDS.join(", ")}`)
    .action(async (kind: string | undefined) => {
      const { runSchema } = await import("./schema-command.js");
      setExit(runSchema(io, kind));
    });

  program
    .command("init")
    .description("write a starting ahr.config.json (every default spelled out) in this directory")
    .option("--force", "overwrite an existing ahr.config.json")
    .action(async (raw: { force?: boolean }) => {
      const { runInit } = await import("./init.js");
      setExit(await runInit(io, raw.force === true));
    });

  return program;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes("--debug");
  let exitCode = 0;
  try {
    const program = buildProgram(io, packageVersion(), (code) => {
      exitCode = code;
    });
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      return 2;
    }
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version were asked for; anything else is a usage error commander has printed.
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
      if (e.code === "commander.help") return e.exitCode === 0 ? 0 : 2;
      return 2;
    }
    if (isAhrError(e)) {
      writeError(io, e.message);
      return 2;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    writeError(io, new AhrError("INTERNAL", { detail: err.message }).message);
    if (debug && err.stack) io.stderr.write(`${cleanLines(err.stack)}\n`);
    return 2;
  }
}

/**
 * `ahr check`: options -> checkHealth -> formatted report on stdout or --output, the step
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
import { isAbsolute, resolve } from "node:path";
import type { DateOrder, ResolvedConfig } from "../config/defaults.js";
import { AhrError } from "../errors.js";
import type { FormatContext } from "../format/types.js";
import { INPUT_KINDS, type InputKind } from "../records.js";
import type { FailOn, Report } from "../report/types.js";
import { isValidZone, parseDay } from "../time.js";
import { decideColor, decideWidth } from "./color.js";
import { oneLine, writeWarning, type Io } from "./io.js";

export type OutputFormat = "table" | "json" | "markdown";
export const FORMATS: readonly OutputFormat[] = ["table", "json", "markdown"];

export interface CheckCommandOptions extends InputCommandOptions {
  format: OutputFormat;
  details: boolean;
  failOn: FailOn;
  skipInvalid: boolean;
  config?: string;
  quiet: boolean;
  stepSummary: boolean;
}

/** Formats the report; each formatter is loaded only when asked for. */
export async function formatReport(report: Report, format: OutputFormat, ctx: FormatContext): Promise<string> {
  switch (format) {
    case "json":
      return (await import("../format/json.js")).formatJson(report);
    case "markdown":
      return (await import("../format/markdown.js")).formatMarkdown(report);
    case "table":
      return (await import("../format/table.js")).formatTable(report, ctx);
  }
}

function withNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** The flags `check` and `trend` share: where the inputs are, the as-of day, zone and config. */
export interface InputCommandOptions {
  paths: string[];
  files: Partial<Record<InputKind, string[]>>;
  kind?: InputKind;
  asOf?: string;
  tz?: string;
  dateOrder?: DateOrder;
  output?: string;
  color?: boolean;
}

export interface ResolvedInputArgs {
  paths: string[];
  files: Partial<Record<InputKind, string[]>>;
  stdinKind: InputKind | undefined;
  ctx: FormatContext;
}

/** Validates the shared flags and turns paths, per-kind files and `-` into what checkHealth takes. */
export function resolveInputArgs(opts: InputCommandOptions, io: Io): ResolvedInputArgs {
  // Flags first: a typo fails before any file is read.
  if (opts.asOf !== undefined && parseDay(opts.asOf) === null) {
    throw new AhrError("USAGE", {
      detail: `--as-of ${JSON.stringify(opts.asOf)} is not a date`,
      hint: "expected YYYY-MM-DD, such as 2026-03-31",
    });
  }
  if (opts.tz !== undefined && !isValidZone(opts.tz)) {
    throw new AhrError("USAGE", {
      detail: `--tz ${JSON.stringify(opts.tz)} is not a time zone`,
      hint: "expected an IANA name such as UTC, America/Los_Angeles or Europe/Berlin",
    });
  }

  // Colour and width follow the destination: a file given with --output is not a terminal.
  const toFile = opts.output !== undefined;
  const ctx: FormatContext = {
    color: decideColor(opts.color, io.env, toFile ? false : io.stdout.isTTY),
    width: toFile ? 80 : decideWidth(io.stdout),
  };
  // Paths are the user's, relative to io.cwd; they stay as written when that is the process's
  // own directory (so reports name files as the user did).
  const sameDir = resolve(io.cwd) === resolve(process.cwd());
  const at = (p: string): string => (sameDir || isAbsolute(p) ? p : resolve(io.cwd, p));

  // Standard input: `-` among the paths (needs --kind) or as a file of one kind (--orders -).
  let stdinKind: InputKind | undefined;
  const takeStdin = (kind: InputKind): void => {
    if (stdinKind !== undefined) throw new AhrError("USAGE", { detail: "standard input (-) can be read only once" });
    stdinKind = kind;
  };
  const paths: string[] = [];
  for (const p of opts.paths) {
    if (p === "-") {
      if (opts.kind === undefined) throw new AhrError("STDIN_KIND");
      takeStdin(opts.kind);
    } else {
      paths.push(at(p));
    }
  }
  if (opts.kind !== undefined && stdinKind === undefined && !Object.values(opts.files).some((l) => l?.includes("-"))) {
    throw new AhrError("USAGE", { detail: "--kind applies to standard input only", hint: "use it with -, as in: ahr check - --kind orders < orders.txt" });
  }
  const files: Partial<Record<InputKind, string[]>> = {};
  for (const kind of INPUT_KINDS) {
    const list = opts.files[kind];
    if (!list || list.length === 0) continue;
    const kept: string[] = [];
    for (const f of list) {
      if (f === "-") takeStdin(kind);
      else kept.push(at(f));
    }
    if (kept.length > 0) files[kind] = kept;
  }

  return { paths, files, stdinKind, ctx };
}

/** The config file (found in io.cwd, or --config) with --tz and --date-order over it; warnings to stderr. */
export async function loadCommandConfig(opts: InputCommandOptions & { config?: string }, io: Io): Promise<ResolvedConfig> {
  const { loadConfig } = await import("../config/load.js");
  const loaded = await loadConfig({
    cwd: io.cwd,
    ...(opts.config !== undefined ? { configPath: opts.config } : {}),
    flags: {
      ...(opts.tz !== undefined ? { timeZone: opts.tz } : {}),
      ...(opts.dateOrder !== undefined ? { dateOrder: opts.dateOrder } : {}),
    },
  });
  for (const w of loaded.warnings) writeWarning(io, w);
  return loaded.config;
}

/** Inputs at least this big get a progress line (on a terminal; see progressFor). */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

/** A CI variable that is set and not empty, "0" or "false". */
function inCi(env: Io["env"]): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

const MB = 1024 * 1024;

/**
 * The progress line on stderr while big inputs are read: only when stderr is a terminal, never
 * under --quiet, --format json or CI (the decision is made here, like colour). The line is
 * rewritten in place with `\r` (only when the whole percentage, or without a known size the
 * megabyte count, changes) and cleared by `done()`. Without a progress line both are no-ops.
 */
export function progressFor(
  io: Io,
  opts: { quiet: boolean; format: OutputFormat },
  minBytes = PROGRESS_MIN_BYTES,
): { onProgress?: (file: string, bytesRead: number, size: number | null) => void; done(): void } {
  if (io.stderr.isTTY !== true || opts.quiet || opts.format === "json" || inCi(io.env)) return { done() {} };
  let shown = 0; // length of the line on screen
  let last = "";
  const write = (line: string): void => {
    io.stderr.write(`\r${line}${" ".repeat(Math.max(0, shown - line.length))}`);
    shown = line.length;
  };
  return {
    onProgress(file, bytesRead, size) {
      if (size !== null ? size < minBytes : bytesRead < minBytes) return;
      const mb = Math.floor(bytesRead / MB);
      const what =
        size !== null && size > 0
          ? `${Math.min(100, Math.floor((100 * bytesRead) / size))}% of ${Math.round(size / MB)} MB`
          : `${mb} MB`;
      let name = oneLine(file);
      if (name.length > 50) name = `...${name.slice(-47)}`;
      const line = `reading ${name}: ${what}`;
      if (line === last) return;
      last = line;
      write(line);
    },
    done() {
      if (shown > 0) io.stderr.write(`\r${" ".repeat(shown)}\r`);
      shown = 0;
      last = "";
    },
  };
}

export async function runCheck(opts: CheckCommandOptions, io: Io): Promise<number> {
  const { paths, files, stdinKind, ctx } = resolveInputArgs(opts, io);
  const outputPath = opts.output === undefined ? undefined : resolve(io.cwd, opts.output);
  const { checkOutputPath, writeOutputFile, appendStepSummary } = await import("./output.js");
  if (outputPath !== undefined && opts.output !== undefined) {
    const inputs = [...paths, ...Object.values(files).flat()].map((p) => resolve(io.cwd, p));
    await checkOutputPath(outputPath, opts.output, inputs);
  }

  const config = await loadCommandConfig(opts, io);

  const { checkWithConfig } = await import("../engine/check.js");
  const progress = progressFor(io, opts);
  const report = await checkWithConfig(config, {
    files,
    paths,
    ...(stdinKind !== undefined ? { stdin: { kind: stdinKind, stream: io.stdin } } : {}),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
    now: io.now?.() ?? new Date(),
    details: opts.details,
    failOn: opts.failOn,
    skipInvalid: opts.skipInvalid,
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
  }).finally(() => progress.done());
  const exitCode = report.summary.exitCode;

  const text = withNewline(await formatReport(report, opts.format, ctx));
  if (outputPath !== undefined && opts.output !== undefined) {
    await writeOutputFile(outputPath, opts.output, text);
  } else if (!(opts.quiet && exitCode === 0)) {
    io.stdout.write(text);
  }

  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (opts.stepSummary && summaryFile !== undefined && summaryFile !== "") {
    const markdown = opts.format === "markdown" ? text : await formatReport(report, "markdown", { color: false, width: 80 });
    try {
      await appendStepSummary(resolve(io.cwd, summaryFile), markdown);
    } catch (e) {
      writeWarning(io, `cannot append to GITHUB_STEP_SUMMARY (${summaryFile}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  return exitCode;
}

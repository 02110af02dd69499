/**
 * The input flags `check` and `trend` share (where the inputs are, the as-of day, zone, date
 * order), declared once from the list of input kinds, and their checks before any file is read.
 */
import { isAbsolute, resolve } from "node:path";
import { Option, type Command } from "commander";
import type { DateOrder, ResolvedConfig } from "../config/defaults.js";
import { AhrError, showName } from "../errors.js";
import type { FormatContext } from "../format/index.js";
import { INPUT_KINDS, type InputKind } from "../records.js";
import { isValidZone, parseDay } from "../time.js";
import { decideColor, decideWidth } from "./color.js";
import { writeWarning, type Io } from "./io.js";

/** The flags `check` and `trend` share, as the commands take them. */
export interface InputCommandOptions {
  paths: string[];
  files: Partial<Record<InputKind, string[]>>;
  kind?: InputKind;
  asOf?: string;
  tz?: string;
  dateOrder?: DateOrder;
  /** --marketplace, repeatable (SPEC 9.3): names, codes or ids, as written. */
  marketplaces?: string[];
  output?: string;
  color?: boolean;
  /** `ahr check --account NAME`: beats the config's `account`. */
  account?: string;
}

/** The shared flags as commander parses them (one list of files per input kind). */
export type RawInputOptions = Partial<Record<InputKind, string[]>> & {
  kind?: InputKind;
  asOf?: string;
  tz?: string;
  dateOrder?: DateOrder;
  marketplace?: string[];
  output?: string;
  config?: string;
  color?: boolean;
};

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Declares the paths argument and the shared input flags on `cmd`. */
export function withInputs(cmd: Command): Command {
  cmd.argument("[paths...]", "export files or directories (kind decided from the headers); - reads standard input (with --kind)");
  for (const kind of INPUT_KINDS) {
    cmd.option(`--${kind} <file>`, `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} export (repeatable; - for standard input)`, collect);
  }
  return cmd
    .addOption(new Option("--kind <kind>", "the kind of the export read from standard input (-)").choices(INPUT_KINDS))
    .option("--as-of <date>", "the last day the report covers, YYYY-MM-DD (default: yesterday in the report time zone)")
    .option("--tz <zone>", "report time zone, an IANA name (default: config timeZone, else UTC)")
    .addOption(new Option("--date-order <order>", "how to read 1/2/26 (default: config dateOrder, else mdy)").choices(["mdy", "dmy"]))
    .option(
      "--marketplace <m>",
      "only this marketplace: a name (Amazon.de), code (DE) or id (A1PA6795UKMFR9); repeatable (default: each one the orders hold)",
      collect,
    );
}

/** The parsed shared flags as InputCommandOptions (only the ones given, exactOptionalPropertyTypes style). */
export function inputOptions(paths: string[], raw: RawInputOptions): InputCommandOptions & { config?: string } {
  const files: Partial<Record<InputKind, string[]>> = {};
  for (const kind of INPUT_KINDS) {
    // commander names the values of --order-report orderReport
    const list = (raw as Record<string, string[] | undefined>)[kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
    if (list !== undefined && list.length > 0) files[kind] = list;
  }
  return {
    paths,
    files,
    ...(raw.kind !== undefined ? { kind: raw.kind } : {}),
    ...(raw.asOf !== undefined ? { asOf: raw.asOf } : {}),
    ...(raw.tz !== undefined ? { tz: raw.tz } : {}),
    ...(raw.dateOrder !== undefined ? { dateOrder: raw.dateOrder } : {}),
    ...(raw.marketplace !== undefined && raw.marketplace.length > 0 ? { marketplaces: raw.marketplace } : {}),
    ...(raw.output !== undefined ? { output: raw.output } : {}),
    ...(raw.config !== undefined ? { config: raw.config } : {}),
    ...(raw.color !== undefined ? { color: raw.color } : {}),
  };
}

export interface ResolvedInputArgs {
  paths: string[];
  files: Partial<Record<InputKind, string[]>>;
  stdinKind: InputKind | undefined;
  ctx: FormatContext;
}

/** Validates the shared flags and turns paths, per-kind files and `-` into what the engine takes. */
export function resolveInputArgs(opts: InputCommandOptions, io: Io): ResolvedInputArgs {
  // Flags first: a typo fails before any file is read.
  if (opts.asOf !== undefined && parseDay(opts.asOf) === null) throw new AhrError("AS_OF_NOT_DATE", { value: opts.asOf });
  if (opts.tz !== undefined && !isValidZone(opts.tz)) throw new AhrError("TZ_UNKNOWN", { value: opts.tz });

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
    if (stdinKind !== undefined) throw new AhrError("STDIN_TWICE");
    stdinKind = kind;
  };
  const paths: string[] = [];
  for (const p of opts.paths) {
    if (p === "-") {
      if (opts.kind === undefined) throw new AhrError("STDIN_KIND", { accepted: [...INPUT_KINDS] });
      takeStdin(opts.kind);
    } else {
      paths.push(at(p));
    }
  }
  if (opts.kind !== undefined && stdinKind === undefined && !Object.values(opts.files).some((l) => l?.includes("-"))) {
    throw new AhrError("KIND_WITHOUT_STDIN", { kind: INPUT_KINDS[0] });
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

/**
 * The config file (found in io.cwd, or --config) with --tz and --date-order over it; warnings to
 * stderr. `shown`: the file as the report names it (as given with --config, the full path of a
 * file found in the working directory; null for none); `path`: its absolute path.
 */
export async function loadCommandConfig(
  opts: InputCommandOptions & { config?: string },
  io: Io,
): Promise<{ config: ResolvedConfig; shown: string | null; path: string | null }> {
  const { loadConfig } = await import("../config/load.js");
  const loaded = await loadConfig({
    cwd: io.cwd,
    ...(opts.config !== undefined ? { configPath: opts.config } : {}),
    flags: {
      ...(opts.tz !== undefined ? { timeZone: opts.tz } : {}),
      ...(opts.dateOrder !== undefined ? { dateOrder: opts.dateOrder } : {}),
      ...(opts.account !== undefined ? { account: opts.account } : {}),
    },
  });
  for (const w of loaded.warnings) writeWarning(io, w);
  return { config: loaded.config, shown: opts.config ?? loaded.path, path: loaded.path };
}

/**
 * What opening an input that waits for a writer (a named pipe nothing writes to yet) says on
 * stderr after a few seconds, instead of waiting silently (issue 17).
 */
export function waitNotice(io: Io): (file: string, what: string) => void {
  return (file, what) =>
    writeWarning(io, `${showName(file)} is ${what} that nothing writes to yet; waiting for a writer (or press Ctrl-C)`);
}

/** Every input path the user named, absolute: `--output` must not be one of them. */
export function inputPaths(args: Pick<ResolvedInputArgs, "paths" | "files">, io: Io): string[] {
  return [...args.paths, ...Object.values(args.files).flat()].map((p) => resolve(io.cwd, p));
}

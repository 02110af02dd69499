/**
 * run(argv, io) -> exit code: the whole CLI, with the process handed in (tests pass a fake).
 * It never calls process.exit and sets no process state; bin/ahr.js sets process.exitCode.
 *
 * Exit codes (SPEC section 5): the report's summary.exitCode (0 or 1) for a finished check; 2 for
 * bad usage (commander's errors included), bad config, bad input (every AhrError), and for an
 * unexpected exception (an INTERNAL message; its stack only with --debug). Errors are one line
 * on stderr, `ahr: <message>`.
 */
import { Command, CommanderError } from "commander";
import { AhrError, isAhrError } from "../errors.js";
import { COMMANDS } from "./commands/index.js";
import { cleanLines, oneLine, writeError, type Io } from "./io.js";
import { packageVersion } from "../version.js";

export type { Io } from "./io.js";

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
  for (const define of COMMANDS) define(program, { io, setExit });
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

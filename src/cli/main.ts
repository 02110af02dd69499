/**
 * The process adapter: turns the real process into an Io and calls run(). `ahr --version`
 * answers from here without loading commander, zod or the readers (a fast first call).
 */
import type { Io } from "./io.js";
import { packageVersion } from "../version.js";

/**
 * Standard output that cannot be written (`> /dev/full`: ENOSPC; `| head`: EPIPE, the reader
 * went away; EIO, EFBIG) means the report did not arrive, so the run is not one to trust: one
 * line on stderr and exit 2, never a stack trace and exit 1 (which a script reads as a breach;
 * issue 17). The error comes as an event, possibly after run() has returned, so it sets the
 * process's exit code itself as well.
 */
function watchStdout(proc: NodeJS.Process): () => boolean {
  let failed = false;
  proc.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (failed) return;
    failed = true;
    const why = e.code === "EPIPE" ? "EPIPE, the reader closed the pipe" : e.code === "ENOSPC" ? "ENOSPC, the disk is full" : (e.code ?? e.message);
    try {
      proc.stderr.write(`ahr: cannot write to standard output (${why}); the output is incomplete\n`);
    } catch {
      // stderr is gone too: the exit code says it
    }
    proc.exitCode = 2;
  });
  return () => failed;
}

export async function main(proc: NodeJS.Process): Promise<number> {
  const argv = proc.argv.slice(2);
  const stdoutFailed = watchStdout(proc);
  if (argv[0] === "--version" || argv[0] === "-V") {
    proc.stdout.write(`${packageVersion()}\n`);
    return stdoutFailed() ? 2 : 0;
  }
  const io: Io = {
    stdout: proc.stdout,
    stderr: proc.stderr,
    // A getter: touching process.stdin creates a stream, so only do it when `-` is read.
    get stdin() {
      return proc.stdin;
    },
    env: proc.env,
    cwd: proc.cwd(),
  };
  const { run } = await import("./run.js");
  const code = await run(argv, io);
  return stdoutFailed() ? 2 : code;
}

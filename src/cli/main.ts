/**
 * The process adapter: turns the real process into an Io and calls run(). `ahr --version`
 * answers from here without loading commander, zod or the readers (a fast first call).
 */
import type { Io } from "./io.js";
import { packageVersion } from "../version.js";

export async function main(proc: NodeJS.Process): Promise<number> {
  const argv = proc.argv.slice(2);
  if (argv[0] === "--version" || argv[0] === "-V") {
    proc.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  // `ahr check | head`: the reader went away; the rest of the output has nowhere to go.
  proc.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  });
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
  return run(argv, io);
}

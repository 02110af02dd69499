/**
 * The progress line on stderr while big inputs are read. The decision whether to show it is made
 * here, like colour: never below the CLI.
 */
import type { OutputFormat } from "../format/index.js";
import { oneLine, type Io } from "./io.js";

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
 * under --quiet, --format json or CI. The line is rewritten in place with `\r` (only when the
 * whole percentage, or without a known size the megabyte count, changes) and cleared by
 * `done()`. Without a progress line both are no-ops.
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

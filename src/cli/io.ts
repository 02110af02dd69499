/** The process as the CLI sees it: tests hand run() a fake, bin/ahr.js the real one. */

export interface OutStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /** The working directory: config discovery, relative paths, `ahr init`. */
  cwd: string;
  /** The clock (for the default as-of date only). Default: `new Date()`. */
  now?: () => Date;
}

/** One line for stderr: control characters and escape sequences removed, newlines folded. */
export function oneLine(text: string): string {
  return text
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, "")
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[\x00-\x1f\x7f-\x9f]/g, "")
    .trim();
}

export function writeError(io: Io, message: string): void {
  io.stderr.write(`ahr: ${oneLine(message)}\n`);
}

export function writeWarning(io: Io, message: string): void {
  io.stderr.write(`ahr: warning: ${oneLine(message)}\n`);
}

/** The process as the CLI sees it: tests hand run() a fake, bin/ahr.js the real one. */
import { cleanText } from "../format/sanitize.js";

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

/**
 * One line for stderr: newlines folded, then cleanText (escape sequences whole, OSC strings
 * included, and C0/C1 controls removed; bidirectional controls and other invisible format
 * characters shown as `\u` escapes): a file name or value in an error message cannot reach the
 * terminal raw.
 */
export function oneLine(text: string): string {
  return cleanText(text.replace(/[\r\n\t]+/g, " ")).trim();
}

/** Several lines (a stack trace under --debug): each line cleaned like oneLine. */
export function cleanLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => cleanText(l).trimEnd())
    .join("\n");
}

export function writeError(io: Io, message: string): void {
  io.stderr.write(`ahr: ${oneLine(message)}\n`);
}

export function writeWarning(io: Io, message: string): void {
  io.stderr.write(`ahr: warning: ${oneLine(message)}\n`);
}

/** What a command's action needs from run(): the process adapter and where its exit code goes. */
export interface CommandContext {
  io: Io;
  setExit: (code: number) => void;
}

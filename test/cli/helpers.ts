/** A fake Io for run(): collects stdout and stderr, fixed clock, chosen env and TTY. */
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { Io } from "../../src/cli/io.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURES = join(ROOT, "fixtures", "cli");
export const HEALTHY = join(FIXTURES, "healthy", "orders.txt");
export const AT_RISK = join(FIXTURES, "at-risk", "orders.txt");
export const BREACHED = join(FIXTURES, "breached", "orders.txt");
export const BROKEN = join(FIXTURES, "broken", "orders.csv");
/** Every scenario is judged as of this day (fixtures/cli/README.md). */
export const AS_OF = "2026-03-31";

export interface FakeIo {
  io: Io;
  out: () => string;
  err: () => string;
}

export function fakeIo(options: {
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  columns?: number;
  cwd?: string;
  stdin?: string;
  now?: Date;
} = {}): FakeIo {
  let out = "";
  let err = "";
  const io: Io = {
    stdout: {
      write: (s: string) => {
        out += s;
        return true;
      },
      ...(options.isTTY !== undefined ? { isTTY: options.isTTY } : {}),
      ...(options.columns !== undefined ? { columns: options.columns } : {}),
    },
    stderr: {
      write: (s: string) => {
        err += s;
        return true;
      },
    },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
    now: () => options.now ?? new Date("2026-04-01T12:00:00Z"),
  };
  return { io, out: () => out, err: () => err };
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "ahr-cli-"));
}

export interface SpawnResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `node bin/ahr.js ARGS` as a child process, without the colour and CI variables of the
 * environment the tests run in (FORCE_COLOR, NO_COLOR, GITHUB_STEP_SUMMARY, CI, TERM), plus `env`.
 */
export function spawnAhr(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<SpawnResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["FORCE_COLOR", "NO_COLOR", "GITHUB_STEP_SUMMARY", "CI", "TERM"]) delete env[k];
  Object.assign(env, options.env ?? {});
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "ahr.js"), ...args], { cwd: options.cwd ?? ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

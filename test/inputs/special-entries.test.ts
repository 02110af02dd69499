/**
 * Directories and pipes that used to hang or crash (issue 17), through the built CLI (a hang in
 * this process would hold a thread of the pool for good, so each run is a child with a time
 * limit):
 * - a symbolic link to a named pipe inside an input directory hung forever (a bare pipe was
 *   skipped without a word): both are now named in a note and not opened;
 * - a named pipe given as an input with no writer waited silently: after 3 s a line on stderr
 *   says what it waits for;
 * - an input directory that cannot be listed was an internal error ("a bug in ahr"): now
 *   DIR_UNREADABLE, exit 2, one line.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AS_OF, HEALTHY, ROOT } from "../cli/helpers.js";

const AHR = join(ROOT, "bin", "ahr.js");
const hasMkfifo = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;
const fifo = (path: string): void => {
  if (spawnSync("mkfifo", [path]).status !== 0) throw new Error("mkfifo failed");
};

describe.skipIf(!hasMkfifo)("named pipes inside an input directory", () => {
  it("a symbolic link to a pipe and a bare pipe: noted, not opened; the run ends", () => {
    const d = mkdtempSync(join(tmpdir(), "ahr-special-"));
    const exports = join(d, "exports");
    mkdirSync(exports);
    copyFileSync(HEALTHY, join(exports, "orders.txt"));
    fifo(join(d, "pipe"));
    symlinkSync(join(d, "pipe"), join(exports, "linked.txt"));
    fifo(join(exports, "bare.txt"));
    const r = spawnSync(process.execPath, [AHR, "check", exports, "--as-of", AS_OF, "--format", "json"], {
      encoding: "utf8",
      timeout: 20_000,
    });
    // before the fix: killed by the time limit (status null), waiting on linked.txt
    expect(r.status).toBe(0);
    const notes = (JSON.parse(r.stdout) as { notes: string[] }).notes;
    expect(notes).toContain(`${join(exports, "bare.txt")}: a named pipe inside ${exports}, not read; give its path to read it`);
    expect(notes).toContain(`${join(exports, "linked.txt")}: a named pipe inside ${exports}, not read; give its path to read it`);
  });
});

describe.skipIf(!hasMkfifo)("a named pipe given as an input, with no writer yet", () => {
  it("after 3 s one line on stderr says what it waits for; then the pipe is read", async () => {
    const d = mkdtempSync(join(tmpdir(), "ahr-wait-"));
    const pipe = join(d, "orders.txt");
    fifo(pipe);
    const child = spawn(process.execPath, [AHR, "check", "--orders", pipe, "--as-of", AS_OF, "--format", "json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    // the writer comes once the notice is there (as a user would, reading it)
    child.stderr.on("data", (b: Buffer) => {
      err += b.toString();
      if (err.includes("waiting for a writer")) spawn("sh", ["-c", 'cat "$0" > "$1"', HEALTHY, pipe], { stdio: "ignore" });
    });
    const killer = setTimeout(() => child.kill(), 25_000);
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    clearTimeout(killer);
    // before the fix: no line, and the run was killed
    expect(err).toBe(`ahr: warning: ${pipe} is a named pipe that nothing writes to yet; waiting for a writer (or press Ctrl-C)\n`);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { inputs: { rows: number }[] }).inputs[0]?.rows).toBe(20);
  }, 30_000);
});

// Root reads any directory: then the run is a child as user nobody (uid 65534).
const isRoot = process.getuid?.() === 0;
const canDrop = isRoot && spawnSync(process.execPath, ["-e", "0"], { uid: 65534, gid: 65534 }).status === 0;

describe.skipIf(process.platform === "win32" || (isRoot && !canDrop))("an input directory that cannot be listed", () => {
  it("DIR_UNREADABLE: exit 2 and one line, not an internal error", () => {
    const d = mkdtempSync(join(tmpdir(), "ahr-locked-"));
    chmodSync(d, 0o755);
    const locked = join(d, "exports");
    mkdirSync(locked);
    copyFileSync(HEALTHY, join(locked, "orders.txt"));
    chmodSync(locked, 0o000);
    const r = spawnSync(process.execPath, [AHR, "check", locked, "--as-of", AS_OF], {
      encoding: "utf8",
      timeout: 20_000,
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    chmodSync(locked, 0o755);
    // before the fix: "internal error: EACCES: permission denied, scandir ...; this is a bug in ahr"
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`ahr: ${locked}: cannot list the directory: permission denied\n`);
  });
});

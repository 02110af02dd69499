/**
 * Standard output that cannot be written (issue 17): `> /dev/full` crashed with a Node stack trace
 * and exit 1, which a script reads as "breach", in check, trend, schema, init and --help alike.
 * Now: one line on stderr and exit 2. A reader that goes away (EPIPE) is the same: the output did
 * not arrive.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AS_OF, BREACHED, HEALTHY, ROOT } from "./helpers.js";

const AHR = join(ROOT, "bin", "ahr.js");
const FULL = "/dev/full";

const RUNS: { name: string; args: string[]; cwd?: string }[] = [
  { name: "check (table, breach)", args: ["check", "--orders", BREACHED, "--as-of", AS_OF] },
  { name: "check --format json (healthy)", args: ["check", "--orders", HEALTHY, "--as-of", AS_OF, "--format", "json"] },
  { name: "trend", args: ["trend", "lsr", "--orders", BREACHED, "--as-of", AS_OF] },
  { name: "schema", args: ["schema"] },
  { name: "schema orders", args: ["schema", "orders"] },
  { name: "init", args: ["init"], cwd: mkdtempSync(join(tmpdir(), "ahr-full-")) },
  { name: "--help", args: ["--help"] },
  { name: "check --help", args: ["check", "--help"] },
  { name: "--version", args: ["--version"] },
];

describe.skipIf(!existsSync(FULL))("standard output on a full disk (> /dev/full)", () => {
  for (const r of RUNS) {
    it(`${r.name}: exit 2, one line on stderr, no stack trace`, () => {
      const fd = openSync(FULL, "w");
      try {
        const p = spawnSync(process.execPath, [AHR, ...r.args], { stdio: ["ignore", fd, "pipe"], encoding: "utf8", cwd: r.cwd ?? ROOT });
        // before the fix: exit 1 and a stack trace ("Error: ENOSPC ... at writeSync")
        expect(p.status).toBe(2);
        expect(p.stderr).toBe("ahr: cannot write to standard output (ENOSPC, the disk is full); the output is incomplete\n");
      } finally {
        closeSync(fd);
      }
    });
  }
});

describe("a reader that closes the pipe (EPIPE)", () => {
  it("check --details of the demo, its reader gone at once: exit 2 and the one line", async () => {
    const child = spawn(process.execPath, [AHR, "check", join(ROOT, "fixtures", "demo"), "--as-of", "2026-11-20", "--details", "--format", "json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy(); // the reader goes away before anything is written
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(code).toBe(2);
    expect(err).toBe("ahr: cannot write to standard output (EPIPE, the reader closed the pipe); the output is incomplete\n");
  });
});

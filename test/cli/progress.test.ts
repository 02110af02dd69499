import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { progressFor, PROGRESS_MIN_BYTES } from "../../src/cli/progress.js";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { tempDir } from "./helpers.js";

const MB = 1024 * 1024;

/** A fake Io whose stderr may claim to be a terminal. */
function io(stderrTTY: boolean, env: Record<string, string> = {}): { io: Io; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: (s: string) => ((err += s), true), isTTY: stderrTTY },
      stdin: Readable.from([]),
      env,
      cwd: process.cwd(),
      now: () => new Date("2026-04-01T12:00:00Z"),
    },
    out: () => out,
    err: () => err,
  };
}

describe("progressFor: the line itself", () => {
  it("percent of the size, rewritten in place only when it changes, then cleared", () => {
    const f = io(true);
    const p = progressFor(f.io, { quiet: false, format: "table" }, 4 * MB);
    p.onProgress!("big.txt", 5 * MB, 10 * MB); // 5/10 = 50%
    p.onProgress!("big.txt", 5 * MB + 1, 10 * MB); // still 50%: nothing written
    p.onProgress!("big.txt", 10 * MB, 10 * MB); // 100%
    p.done();
    const a = "reading big.txt: 50% of 10 MB"; // 29 characters
    const b = "reading big.txt: 100% of 10 MB"; // 30 characters
    expect(f.err()).toBe(`\r${a}\r${b}\r${" ".repeat(30)}\r`);
  });

  it("a shorter line pads over the longer one; an unknown size counts megabytes", () => {
    const f = io(true);
    const p = progressFor(f.io, { quiet: false, format: "markdown" }, 4 * MB);
    p.onProgress!("-", 12 * MB, null);
    p.onProgress!("a.txt", 4 * MB, 8 * MB); // 4/8 = 50%
    const a = "reading -: 12 MB"; // 16 characters
    const b = "reading a.txt: 50% of 8 MB"; // 26 characters
    expect(f.err()).toBe(`\r${a}\r${b}`);
    const g = io(true);
    const q = progressFor(g.io, { quiet: false, format: "table" }, 4 * MB);
    q.onProgress!("a.txt", 4 * MB, 8 * MB);
    q.onProgress!("b.txt", 4 * MB, 4 * MB); // 100% of 4 MB
    expect(g.err()).toBe(`\rreading a.txt: 50% of 8 MB\rreading b.txt: 100% of 4 MB`);
  });

  it("files smaller than the threshold show nothing, and done() then writes nothing", () => {
    const f = io(true);
    const p = progressFor(f.io, { quiet: false, format: "table" }, 4 * MB);
    p.onProgress!("small.txt", 1000, 3 * MB);
    p.done();
    expect(f.err()).toBe("");
  });

  it("a file name with escape sequences is cleaned", () => {
    const f = io(true);
    const p = progressFor(f.io, { quiet: false, format: "table" }, 1);
    p.onProgress!("x\x1b[31my.txt", 1, 2); // 1/2 = 50%
    expect(f.err()).not.toContain("\x1b");
  });

  it("no line off a terminal, under --quiet, --format json, or in CI", () => {
    const cases: [boolean, Record<string, string>, boolean, "table" | "json"][] = [
      [false, {}, false, "table"],
      [true, { CI: "true" }, false, "table"],
      [true, {}, true, "table"],
      [true, {}, false, "json"],
    ];
    for (const [tty, env, quiet, format] of cases) {
      const f = io(tty, env);
      const p = progressFor(f.io, { quiet, format }, 1);
      expect(p.onProgress).toBeUndefined();
      p.done();
      expect(f.err()).toBe("");
    }
    // CI set but empty or "false" is not CI
    for (const ci of ["", "false", "0"]) expect(progressFor(io(true, { CI: ci }).io, { quiet: false, format: "table" }).onProgress).toBeDefined();
  });
});

describe("ahr check: the progress line through run()", () => {
  it("a file over the threshold shows the line on a terminal stderr and clears it; never otherwise", async () => {
    const dir = await tempDir();
    const file = join(dir, "orders.txt");
    // 60,000 rows of about 80 bytes: over 4 MiB
    const lines = ["order-id\tpurchase-date\tfulfillment-channel\torder-status\tsku"];
    for (let i = 0; i < 60_000; i++) {
      lines.push(`111-${String(i).padStart(7, "0")}-0000000\t2026-03-${String((i % 28) + 1).padStart(2, "0")}T10:00:00+00:00\tAmazon\tShipped\tSKU-${i}-padding-padding-x`);
    }
    await writeFile(file, lines.join("\n") + "\n");
    const args = ["check", "--orders", file, "--as-of", "2026-03-31"];
    expect(lines.join("\n").length).toBeGreaterThan(PROGRESS_MIN_BYTES);

    const tty = io(true);
    await run([...args, "--format", "table"], tty.io);
    expect(tty.err()).toMatch(/^\rreading .*orders\.txt: \d+% of 5 MB/);
    expect(tty.err()).toMatch(/\r {20,}\r$/); // cleared at the end
    expect(tty.out()).not.toContain("\r");

    for (const [f, extra] of [
      [io(false), ["--format", "table"]],
      [io(true, { CI: "1" }), ["--format", "table"]],
      [io(true), ["--format", "json"]],
      [io(true), ["--format", "table", "--quiet"]],
    ] as const) {
      await run([...args, ...extra], f.io);
      expect(f.err()).toBe("");
    }
  }, 30_000);
});

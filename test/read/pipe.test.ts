/**
 * A named pipe (or `<(zcat orders.txt.gz)` in a shell, /dev/fd/N) is read from where it is, not
 * at positions (which fail on a pipe with ESPIPE), and is not closed and opened again between the
 * header and the rows (its data would be gone).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { CHUNK_BYTES } from "../../src/read/limits.js";
import { fakeIo } from "../cli/helpers.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-pipe-"));
let n = 0;
function fifo(): string {
  const path = join(dir, `p${n++}`);
  const r = spawnSync("mkfifo", [path]);
  if (r.status !== 0) throw new Error("mkfifo failed");
  return path;
}

/**
 * Writes `content` into the pipe from another process, as a shell would (a writer in this process
 * would wait on this process's event loop, which a synchronous read holds).
 */
function writeFrom(path: string, content: string | Buffer): Promise<void> {
  const src = join(dir, `src${n++}`);
  writeFileSync(src, content);
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", 'cat "$0" > "$1"', src, path], { stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))));
  });
}

/** An All Orders TSV of `count` MFN orders bought 2026-03-01 (several reads of CHUNK_BYTES when large). */
function orders(count: number): string {
  const lines = ["amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tproduct-name"];
  for (let i = 0; i < count; i++) {
    lines.push(`111-0000000-${String(i).padStart(7, "0")}\t2026-03-01T10:00:00+00:00\tShipped\tMerchant\t${"Skillet ".repeat(20)}`);
  }
  return lines.join("\n") + "\n";
}

const hasMkfifo = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;

describe.skipIf(!hasMkfifo)("reading from a pipe", () => {
  it("a TSV of several reads through a named pipe: every row, like the same file", async () => {
    const text = orders(2000);
    expect(text.length).toBeGreaterThan(3 * CHUNK_BYTES);
    const path = fifo();
    const io = fakeIo();
    const [code] = await Promise.all([
      run(["check", "--orders", path, "--as-of", "2026-03-31", "--format", "json"], io.io),
      writeFrom(path, text),
    ]);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(io.out());
    const input = report.inputs.find((i: { kind: string }) => i.kind === "orders");
    expect(input.rows).toBe(2000);
  });

  it("gzip through a pipe, and a pipe given as a path whose kind is read from its header", async () => {
    const path = fifo();
    const io = fakeIo();
    const [code] = await Promise.all([
      run(["check", path, "--as-of", "2026-03-31", "--format", "json"], io.io),
      writeFrom(path, gzipSync(orders(300))),
    ]);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(io.out()).inputs.find((i: { kind: string }) => i.kind === "orders").rows).toBe(300);
  });
});

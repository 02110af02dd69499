/**
 * The error a file is rejected with is its first bad line, also when a structural error (a line
 * over MAX_RECORD, a CSV syntax error, bytes that cannot be read) comes later in the same batch
 * or in the same 64 KiB piece: the rows before it are parsed first. Driven through the CLI.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_RECORD } from "../../src/read/limits.js";
import { cli, expectOneLineError } from "../bad/helpers.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-first-error-"));
const put = (name: string, content: string | Buffer): string => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

const HEADER = ["order-id", "purchase-date", "order-status", "fulfillment-channel"];
const good = (i: number): string[] => [`111-0000000-${String(i).padStart(7, "0")}`, "2026-11-02T10:00:00+00:00", "Shipped", "Merchant"];
/** Lines 2..: good rows, with line `badLine` carrying channel "Drone" (not a channel). */
function rows(count: number, badLine: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const r = good(i);
    if (i + 2 === badLine) r[3] = "Drone";
    out.push(r);
  }
  return out;
}
const check = (file: string, ...more: string[]) => cli(["check", "--orders", file, "--as-of", "2026-11-20", ...more]);

describe("the first bad line is the one reported", () => {
  it("TSV: a bad value on line 4 before a line over the record limit on line 7 (same batch)", async () => {
    const lines = [HEADER, ...rows(5, 4)].map((r) => r.join("\t"));
    lines.push("x".repeat(MAX_RECORD + 1)); // line 7
    const file = put("long.txt", lines.join("\n") + "\n");
    const err = expectOneLineError(await check(file));
    expect(err).toContain("long.txt:4:");
    expect(err).toContain('"Drone"');
  });

  it("TSV with --skip-invalid: the bad value is skipped, then the long line still fails the run", async () => {
    const lines = [HEADER, ...rows(5, 4)].map((r) => r.join("\t"));
    lines.push("x".repeat(MAX_RECORD + 1));
    const file = put("long-skip.txt", lines.join("\n") + "\n");
    const err = expectOneLineError(await check(file, "--skip-invalid"));
    expect(err).toContain("long-skip.txt:7:");
    expect(err).toMatch(/longer than/);
  });

  it("TSV: a bad value before gzip data that is cut short (a read error after the rows)", async () => {
    // 500 rows: one batch, not yet full when the damaged end is read
    const text = [HEADER, ...rows(500, 10)].map((r) => r.join("\t")).join("\n") + "\n";
    const gz = gzipSync(text);
    const file = put("cut.txt.gz", gz.subarray(0, gz.length - 40));
    const err = expectOneLineError(await check(file));
    expect(err).toContain("cut.txt.gz:10:");
  });

  it("CSV: a bad value on line 3 before a stray quote on line 6 (same 64 KiB piece)", async () => {
    const lines = [HEADER, ...rows(6, 3)].map((r) => r.join(","));
    lines[5] = `${good(9).slice(0, 3).join(",")},"Merchant"x`; // line 6: a quote closed before x
    const file = put("stray.csv", lines.join("\n") + "\n");
    const err = expectOneLineError(await check(file));
    expect(err).toContain("stray.csv:3:");
    expect(err).toContain('"Drone"');
  });

  it("CSV: without the bad value, the stray quote on line 6 is what is reported", async () => {
    const lines = [HEADER, ...rows(6, 0)].map((r) => r.join(","));
    lines[5] = `${good(9).slice(0, 3).join(",")},"Merchant"x`;
    const file = put("stray-only.csv", lines.join("\n") + "\n");
    const err = expectOneLineError(await check(file));
    expect(err).toContain("stray-only.csv:6:");
  });
});

/**
 * Invisible and escape characters shown, not hidden (issue 17). An order id with a zero-width
 * space (Unicode Cf) is shown as `111-\u200b0000001` in the table, Markdown and JSON text (JSON
 * parses back to the raw value), so it cannot pass for the real 111-0000001; a file name or a
 * config key with an escape sequence is shown escaped in the error, not cleaned to a name that
 * is not there.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/types.js";
import { AS_OF, bad, cli, expectOneLineError } from "./helpers.js";

const ZWSP = "\u200b";
const ARGS = ["check", "--orders", bad("invisible-id.csv"), "--as-of", AS_OF, "--details"];

describe("a zero-width space in an order id", () => {
  // invisible-id.csv: 111-<ZWSP>0000001 shipped 3/26 for ship-by 3/23 (late), the real
  // 111-0000001 shipped 3/22 (on time): LSR 1/2, and the late one is listed.
  it("table: shown as \\u200b", async () => {
    const r = await cli([...ARGS, "--no-color"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("111-\\u200b0000001 · 2026-03-23 · shipped 3 days after");
    expect(r.out).not.toContain(ZWSP);
  });

  it("Markdown: shown as \\u200b (its backslash escaped for Markdown)", async () => {
    const r = await cli([...ARGS, "--format", "markdown"]);
    expect(r.out).toContain("| 111-\\\\u200b0000001 |");
    expect(r.out).not.toContain(ZWSP);
  });

  it("JSON: written as \\u200b, parsing back to the raw id", async () => {
    const r = await cli([...ARGS, "--format", "json"]);
    expect(r.out).toContain('"orderId": "111-\\u200b0000001"');
    expect(r.out).not.toContain(ZWSP);
    const report = JSON.parse(r.out) as Report;
    const ids = report.metrics.flatMap((m) => m.offenders ?? []).map((o) => o.orderId);
    expect(ids).toContain(`111-${ZWSP}0000001`);
    expect(ids).not.toContain("111-0000001");
  });
});

describe("escapes in file names and config keys are shown escaped", () => {
  it("a missing file nope<OSC title>.csv is named as nope\\u001b]0;T\\u0007.csv, not nope.csv", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ahr-names-"));
    const name = join(dir, "nope\u001b]0;T\u0007.csv");
    for (const format of ["table", "json", "markdown"]) {
      const line = expectOneLineError(await cli(["check", "--orders", name, "--as-of", AS_OF, "--format", format]));
      expect(line).toBe(`ahr: ${dir}/nope\\u001b]0;T\\u0007.csv: no such file or directory\n`);
    }
  });

  it("a config key with an escape and a zero-width space: metrics.odr\\u001b[2J\\u200b", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ahr-names-"));
    const config = join(dir, "ahr.config.json");
    await writeFile(config, JSON.stringify({ metrics: { [`odr\u001b[2J${ZWSP}`]: {} } }));
    const line = expectOneLineError(await cli(["check", "--config", config, "--orders", bad("header-only.csv"), "--as-of", AS_OF]));
    expect(line).toContain(`${config}: metrics.odr\\u001b[2J\\u200b: unknown key`);
  });
});

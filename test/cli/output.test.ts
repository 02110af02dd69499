import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendStepSummary, checkOutputPath, fitStepSummary } from "../../src/cli/output.js";
import { AhrError } from "../../src/errors.js";
import { tempDir } from "./helpers.js";

describe("fitStepSummary", () => {
  it("leaves a small report alone (adding a final newline)", () => {
    expect(fitStepSummary("# ahr\n\nall good")).toBe("# ahr\n\nall good\n");
  });

  it("cuts a large report at a line end under the limit and says so", () => {
    // 100 lines of 10 bytes ("row 00000\n") = 1000 bytes; limit 600.
    const lines = Array.from({ length: 100 }, (_, i) => `row ${String(i).padStart(5, "0")}\n`).join("");
    const fitted = fitStepSummary(lines, 600);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(600);
    expect(fitted).toMatch(/^row 00000\n/);
    expect(fitted).toMatch(/cut here to stay under GitHub's step summary limit \(it is 1 KiB\)/);
    // Everything before the note is whole lines.
    const body = fitted.slice(0, fitted.indexOf("\n_The ahr report"));
    for (const line of body.split("\n").filter((l) => l !== "")) expect(line).toMatch(/^row \d{5}$/);
  });

  it("never splits a multi-byte character", () => {
    const fitted = fitStepSummary("é".repeat(2000) + "\n" + "x\n", 600);
    expect(fitted).not.toContain("\uFFFD");
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(600);
  });
});

describe("appendStepSummary", () => {
  it("appends, keeping what earlier steps wrote", async () => {
    const d = await tempDir();
    const f = join(d, "summary.md");
    await writeFile(f, "earlier step\n");
    await appendStepSummary(f, "# ahr report\n");
    expect(await readFile(f, "utf8")).toBe("earlier step\n# ahr report\n\n");
  });
});

describe("checkOutputPath", () => {
  it("refuses an input file, however it is spelled, and a path inside an input directory", async () => {
    const d = await tempDir();
    await mkdir(join(d, "exports"));
    const input = join(d, "exports", "orders.txt");
    await writeFile(input, "x");
    await expect(checkOutputPath(join(d, "exports", ".", "orders.txt"), "o", [input])).rejects.toMatchObject({ code: "OUTPUT_IS_INPUT" });
    await expect(checkOutputPath(join(d, "exports", "report.md"), "exports/report.md", [join(d, "exports")])).rejects.toBeInstanceOf(AhrError);
    await expect(checkOutputPath(join(d, "report.md"), "report.md", [input, join(d, "exports")])).resolves.toBeUndefined();
  });
});

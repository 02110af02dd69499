/**
 * Nothing lost silently: with --skip-invalid, skipped rows, unmatched defects and duplicate rows
 * are counted per input and shown in every output format (table, JSON, Markdown).
 *
 * fixtures/bad/skip-invalid/, by hand:
 * orders.csv (header on line 1)
 *   L2 order 1 sku A              kept
 *   L3 order 1 sku B              kept (a second item row of order 1, not a duplicate)
 *   L4 order 2 "yesterday"        skipped: not a date
 *   L5 order 3 channel "Drone"    skipped: unknown channel
 *   L6 order 4 AFN sku A          kept
 *   L7 = L6 exactly               duplicate
 *   L8 order 5, empty purchase date and no other row of order 5: skipped (empty required)
 *   -> rows 3 (L2, L3, L6), records 2 (orders 1 and 4), skipped 3, duplicates 1, unmatched 0
 * feedback.csv
 *   L2 3/1/26 rating 1 order 9    kept; order 9 is not in the orders input: unmatched
 *   L3 = L2 exactly               duplicate (so order 9 is unmatched once)
 *   L4 3/2/26 rating 2 order 1    kept, matched
 *   L5 rating "five"              skipped
 *   -> rows 2, records 2, skipped 1, duplicates 1, unmatched 1
 */
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/types.js";
import { AS_OF, bad, cli } from "./helpers.js";

const ORDERS = bad("skip-invalid", "orders.csv");
const FEEDBACK = bad("skip-invalid", "feedback.csv");
const ARGS = ["check", "--orders", ORDERS, "--feedback", FEEDBACK, "--as-of", AS_OF, "--skip-invalid", "--no-color"];

describe("--skip-invalid: skipped, unmatched and duplicate rows in every format", () => {
  it("JSON: inputs[].skipped / unmatched / duplicates, the first skipped rows, and notes", async () => {
    const r = await cli([...ARGS, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const report = JSON.parse(r.out) as Report;
    const counts = report.inputs.map((i) => [i.kind, i.rows, i.records, i.skipped, i.unmatched, i.duplicates]);
    expect(counts).toEqual([
      ["orders", 3, 2, 3, 0, 1],
      ["feedback", 2, 2, 1, 1, 1],
    ]);
    const orders = report.inputs[0]!;
    expect(orders.skippedRows.map((s) => [s.file, s.line])).toEqual([
      [ORDERS, 4],
      [ORDERS, 5],
      [ORDERS, 8],
    ]);
    expect(orders.skippedRows[0]!.message).toMatch(/orders\.csv:4: column "purchase-date": "yesterday" is not a date/);
    expect(orders.skippedRows[1]!.message).toMatch(/"Drone" is not a fulfillment channel/);
    expect(orders.skippedRows[2]!.message).toMatch(/orders\.csv:8: column "purchase-date" is empty/);
    expect(report.inputs[1]!.skippedRows.map((s) => s.line)).toEqual([5]);

    const notes = report.notes.join("\n");
    expect(notes).toMatch(/^3 rows skipped in orders \(--skip-invalid\); first: .*orders\.csv:4:/m);
    expect(notes).toMatch(/^1 row skipped in feedback \(--skip-invalid\); first: .*feedback\.csv:5:/m);
    expect(notes).toMatch(/^1 feedback row refers to an order not in the orders input/m);
    expect(notes).toMatch(/^1 row repeats an earlier orders row exactly/m);
    expect(notes).toMatch(/^1 row repeats an earlier feedback row exactly/m);
  });

  it("table: the header counts per input, and the notes", async () => {
    const r = await cli([...ARGS, "--format", "table"]);
    expect(r.code).toBe(0);
    const text = r.out.replace(/\s+/g, " ");
    expect(text).toContain("orders 3 rows (3 skipped, 1 duplicate)");
    expect(text).toContain("feedback 2 rows (1 skipped, 1 unmatched, 1 duplicate)");
    expect(text).toContain("3 rows skipped in orders (--skip-invalid)");
    expect(text).toContain("1 row skipped in feedback (--skip-invalid)");
    expect(text).toContain("1 feedback row refers to an order not in the orders input");
    expect(text).toContain("1 row repeats an earlier orders row exactly");
    expect(text).toContain("1 row repeats an earlier feedback row exactly");
  });

  it("Markdown: the Inputs table has Skipped, Unmatched and Duplicates per input, and the notes", async () => {
    const r = await cli([...ARGS, "--format", "markdown"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines).toContain("| Input | Files | Rows | Records | Skipped | Unmatched | Duplicates |");
    const row = (kind: string): string[] =>
      (lines.find((l) => l.startsWith(`| ${kind} |`)) ?? "").split(" | ").slice(2).map((c) => c.replace(/ \|$/, ""));
    expect(row("orders")).toEqual(["3", "2", "3", "0", "1"]);
    expect(row("feedback")).toEqual(["2", "2", "1", "1", "1"]);
    const text = r.out;
    expect(text).toContain("- 3 rows skipped in orders (--skip-invalid)");
    expect(text).toContain("- 1 row skipped in feedback (--skip-invalid)");
    expect(text).toContain("- 1 feedback row refers to an order not in the orders input");
    expect(text).toContain("- 1 row repeats an earlier orders row exactly");
    expect(text).toContain("- 1 row repeats an earlier feedback row exactly");
  });

  it("the same inputs through the step summary (Markdown) whatever --format is", async () => {
    const { mkdtemp, readFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = await mkdtemp(join(tmpdir(), "ahr-bad-"));
    const summary = join(dir, "summary.md");
    const r = await cli([...ARGS, "--format", "json"], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(0);
    const md = await readFile(summary, "utf8");
    expect(md).toMatch(/^\| orders \| .* \| 3 \| 2 \| 3 \| 0 \| 1 \|$/m);
  });

  it("without --skip-invalid the first bad row stops the run (exit 2)", async () => {
    // The inputs other than orders are read first (so old orders can be dropped while reading),
    // so the first bad row is feedback.csv:5; orders alone stop at orders.csv:4.
    const r = await cli(ARGS.filter((a) => a !== "--skip-invalid"));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^ahr: .*feedback\.csv:5: column "Rating": "five" is not a rating/);
    const o = await cli(["check", "--orders", ORDERS, "--as-of", AS_OF]);
    expect(o.code).toBe(2);
    expect(o.err).toMatch(/^ahr: .*orders\.csv:4: column "purchase-date": "yesterday" is not a date/);
  });
});

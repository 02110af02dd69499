/**
 * Rows of one order that disagree on the channel or the purchase date (issue 17): the first row
 * wins, as before, but no longer silently: the orders are counted and noted, so that swapping the
 * rows (which flips the exit code) is visible.
 *
 * fixtures/bad/orders-disagree.csv: 111-1 is MFN on line 2 and AFN on line 3 (ship-by 3/23,
 * shipped 3/26: late); 111-2 is bought 3/21 on line 4 and 1/2 on line 5 (on time); 111-3 agrees
 * (on time). As written: LSR 10d counts 111-1 (MFN, late), 111-2, 111-3: 1/3, a breach, exit 1.
 * With 111-1's rows swapped it is AFN, out of LSR: 0/2, exit 0.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/types.js";
import { AS_OF, bad, cli } from "../bad/helpers.js";
import { tempDir } from "../cli/helpers.js";

const NOTE = (file: string) =>
  `2 orders have rows that disagree on the purchase date or the fulfillment channel; the first row's value is used (first: 111-0000000-0000001 at ${file}:3)`;

async function json(file: string): Promise<{ code: number; report: Report }> {
  const r = await cli(["check", "--orders", file, "--as-of", AS_OF, "--format", "json"]);
  return { code: r.code, report: JSON.parse(r.out) as Report };
}

describe("orders whose rows disagree", () => {
  it("are counted and noted (JSON and the table), the first row's value kept", async () => {
    const file = bad("orders-disagree.csv");
    const { code, report } = await json(file);
    expect(code).toBe(1);
    const lsr = report.metrics.find((m) => m.id === "lsr" && m.windowDays === 10);
    expect([lsr?.numerator, lsr?.denominator]).toEqual([1, 3]);
    // before the fix: no such note
    expect(report.notes).toContain(NOTE(file));
    const table = await cli(["check", "--orders", file, "--as-of", AS_OF, "--no-color"]);
    expect(table.out.replace(/\s+/g, " ")).toContain("2 orders have rows that disagree on the purchase date or the fulfillment channel");
  });

  it("swapping the rows flips the exit code, and the note says so both ways", async () => {
    const lines = (await readFile(bad("orders-disagree.csv"), "utf8")).split("\n");
    const swapped = [lines[0], lines[2], lines[1], ...lines.slice(3)].join("\n");
    const file = join(await tempDir(), "swapped.csv");
    await writeFile(file, swapped);
    const { code, report } = await json(file);
    expect(code).toBe(0);
    const lsr = report.metrics.find((m) => m.id === "lsr" && m.windowDays === 10);
    expect([lsr?.numerator, lsr?.denominator]).toEqual([0, 2]);
    expect(report.notes).toContain(NOTE(file));
  });

  it("rows that agree (or leave the cell empty) are not noted", async () => {
    const file = join(await tempDir(), "agree.csv");
    await writeFile(
      file,
      "order-id,purchase-date,fulfillment-channel,order-status\n" +
        "111-1,2026-03-20,MFN,Shipped\n111-1,2026-03-20T18:00:00Z,Merchant,Shipped\n111-1,,,Shipped\n",
    );
    const { report } = await json(file);
    expect(report.notes.some((n) => n.includes("disagree"))).toBe(false);
  });
});

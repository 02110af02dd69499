/**
 * The formats with two or more marketplaces (SPEC 9.3), on fixtures/marketplaces as of
 * 2026-05-20 (figures: its README): the table groups the rows, Markdown names each row's
 * marketplace, the HTML page labels rows and charts without clashing ids.
 */
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { checkWithTrends } from "../../src/engine/charts.js";
import { checkHealth } from "../../src/engine/check.js";
import { resolveConfig } from "../../src/config/load.js";
import { formatHtml } from "../../src/format/html.js";
import { formatTable, visibleLength } from "../../src/format/table.js";
import { ROOT } from "../cli/helpers.js";

const DIR = join(ROOT, "fixtures", "marketplaces");
const AS_OF = "2026-05-20";

describe("formats with two marketplaces", () => {
  it("table: one group per marketplace, each line within 80 columns", async () => {
    const r = await checkHealth({ paths: [DIR], asOf: AS_OF });
    const text = formatTable(r, { color: false, width: 80 });
    const lines = text.split("\n");
    expect(lines.every((l) => visibleLength(l) <= 80)).toBe(true);
    expect(lines.filter((l) => /^Metric\s+Ch/.test(l)).length).toBe(2); // two tables
    // sentences and the no-data lines name the marketplace
    expect(text).toContain("✖ Amazon.com LSR 30d is 20.00%, a breach of < 4%: 1 late shipment out of 5");
    expect(text).toContain("– CRT 7d, 30d, 90d (Amazon.ca): no data (nothing in the window)");
    // inputs: excluded and unattributed in the header line
    expect(text).toContain("orders 11 rows (2 excluded)");
    expect(text).toContain("messages 2 rows (1 unattributed)");
  });

  it("HTML: rows and AHR blocks carry their marketplace; chart ids are unique; trends per marketplace", async () => {
    const { report, trends } = await checkWithTrends(resolveConfig({}), { paths: [DIR], asOf: AS_OF, details: true }, 5);
    const d = parseHTML(formatHtml(report, { trends })).document;
    const rows = [...d.querySelectorAll("table.metrics tbody tr")];
    expect(rows.map((tr) => tr.getAttribute("data-marketplace"))).toEqual([...Array(12).fill("Amazon.com"), ...Array(12).fill("Amazon.ca")]);
    const ids = [...d.querySelectorAll("figure.chart")].map((f) => f.getAttribute("id"));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("chart-lsr-mfn-30-amazon-ca");
    expect([...d.querySelectorAll("section.ahr")].map((s) => s.getAttribute("data-marketplace"))).toEqual(["Amazon.com", "Amazon.ca"]);
    // each chart is its marketplace's: LSR 30d on 05-20 is 1/5 (US) and 0/3 (CA), as in the rows
    const lsr = trends.find((t) => t.metric === "lsr" && t.windowDays === 30)!;
    expect(lsr.series.map((s) => [s.marketplace, s.points.at(-1)?.numerator, s.points.at(-1)?.denominator])).toEqual([
      ["Amazon.com", 1, 5],
      ["Amazon.ca", 0, 3],
    ]);
  });
});

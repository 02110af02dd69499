import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fitTokens,
  formatRollupJson,
  formatRollupMarkdown,
  formatRollupTable,
  metricLabels,
  metricTokens,
} from "../../src/format/rollup.js";
import { buildRollup, failedAccount, readReport, rowError, type RollupMetric } from "../../src/report/rollup.js";
import { reportDoc, type MetricSpec } from "../helpers/reports.js";

const DEMO_METRICS: MetricSpec[] = [
  { id: "odr", channel: "mfn", windowDays: 60, rate: 0.019455252918287938, status: "breach" },
  { id: "odr", channel: "afn", windowDays: 60, rate: 0, status: "good" },
  { id: "pfcr", channel: "mfn", windowDays: 7, rate: null, status: "no_data" },
  { id: "lsr", channel: "mfn", windowDays: 10, rate: null, status: "no_data" },
  { id: "lsr", channel: "mfn", windowDays: 30, rate: 0.02857142857142857, status: "good" },
  { id: "otdr", channel: "mfn", windowDays: 30, rate: 0.8632478632478633, status: "breach", level: "warn" },
  { id: "rdr", windowDays: 60, rate: 0.09090909090909091, status: "at_risk", level: "warn" },
];

function rollupOf(...docs: [string, Record<string, unknown>][]) {
  return buildRollup(
    docs.flatMap(([file, doc]) => readReport(file, doc, file.replace(/\.json$/, ""))),
    { version: "0.1.0" },
  );
}

const demo = (account: string, asOf: string, status: "good" | "at_risk" | "breach" = "breach", exit: 0 | 1 = 1) =>
  reportDoc({ account, asOf, status, exitCode: exit, metrics: DEMO_METRICS, ahr: { score: 202, band: "healthy", status: "good" } });

describe("metric labels and tokens", () => {
  it("channel only where the metric has two channels; window only where it has two windows", () => {
    const metrics = DEMO_METRICS.map((m) => ({ channel: "all", windowDays: 30, level: "error", ...m })) as RollupMetric[];
    expect(metricLabels(metrics)).toEqual(["ODR-MFN", "ODR-AFN", "PFCR", "LSR-10d", "LSR-30d", "OTDR", "RDR"]);
    // 0.019455... -> 1.95%; 0.8632... -> 86.32%; null -> –
    expect(metricTokens(metrics)).toEqual([
      "✖ ODR-MFN 1.95%",
      "✔ ODR-AFN 0.00%",
      "– PFCR –",
      "– LSR-10d –",
      "✔ LSR-30d 2.86%",
      "✖ OTDR 86.32%",
      "▲ RDR 9.09%",
    ]);
  });

  it("an unknown metric id (a newer ahr) is shown as written", () => {
    expect(metricLabels([{ id: "new_metric", channel: "all", windowDays: 30, rate: 0.5, status: "good", level: "warn" }])).toEqual([
      "new_metric",
    ]);
  });

  it("fitTokens: as many as fit, then +N", () => {
    const t = ["✖ A 1.00%", "▲ B 2.00%", "✔ C 3.00%"]; // 9 columns each
    expect(fitTokens(t, 29)).toBe("✖ A 1.00% ▲ B 2.00% ✔ C 3.00%"); // 9+1+9+1+9 = 29
    expect(fitTokens(t, 28)).toBe("✖ A 1.00% ▲ B 2.00% +1"); // 9+1+9+3 = 22
    expect(fitTokens(t, 12)).toBe("✖ A 1.00% +2"); // 9+3 = 12
    expect(fitTokens(t, 11)).toBe("+3");
    expect(fitTokens([], 10)).toBe("");
  });
});

describe("formatRollupTable", () => {
  it("three demo accounts worst first, the stale one marked, in 80 columns", () => {
    const r = rollupOf(
      ["r/acme.json", demo("acme", "2026-12-02")],
      ["r/bolt.json", demo("bolt", "2026-11-20")],
      ["r/calm.json", demo("calm", "2026-12-01", "at_risk", 0)],
    );
    const out = formatRollupTable(r, { color: false, width: 80 });
    expect(out).toBe(
      [
        "ahr rollup · 3 reports · newest as of 2026-12-02",
        "",
        "Status     Account  As of    AHR  Metrics (worst first)",
        "──────────────────────────────────────────────────────────────────────────────",
        "~ stale    bolt     11-20  202 ✔  ✖ ODR-MFN 1.95% ✖ OTDR 86.32% ▲ RDR 9.09% +4",
        "✖ breach   acme     12-02  202 ✔  ✖ ODR-MFN 1.95% ✖ OTDR 86.32% ▲ RDR 9.09% +4",
        "▲ at risk  calm     12-01  202 ✔  ✖ ODR-MFN 1.95% ✖ OTDR 86.32% ▲ RDR 9.09% +4",
        "",
        "~ bolt: stale, as of 2026-11-20, 12 days before the newest report (2026-12-02);",
        "  its own status: ✖ breach (r/bolt.json)",
        "",
        "3 accounts: 1 breach, 1 at risk, 0 good, 1 stale; exit code 2",
        "",
      ].join("\n"),
    );
  });

  it("unreadable, other-version and failed accounts are listed with their error", () => {
    const r = buildRollup(
      [
        ...readReport("r/v2.json", { schemaVersion: 2 }, "v2"),
        failedAccount("shop-9", rowError("FILE_NOT_FOUND", { file: "accounts/shop-9/orders.txt" })),
      ],
      { version: "0.1.0" },
    );
    const out = formatRollupTable(r, { color: false, width: 80 });
    expect(out).toContain("! failed   shop-9   –        –\n");
    expect(out).toContain("? version  v2       –        –\n");
    expect(out).toContain("! shop-9: check failed: accounts/shop-9/orders.txt: no such file or directory");
    expect(out).toContain("? v2: other version: schemaVersion 2; this ahr reads schemaVersion 1;");
    expect(out).toMatch(/; exit\s+code 2\n$/);
  });

  it("colour is on the status cell only, and the word and symbol are there without it", () => {
    const r = rollupOf(["r/acme.json", demo("acme", "2026-12-02")]);
    const coloured = formatRollupTable(r, { color: true, width: 80 });
    expect(coloured).toContain("\u001b[31m✖ breach\u001b[39m");
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(formatRollupTable(r, { color: false, width: 80 }));
  });

  const hostile = fc.string({ unit: fc.constantFrom("a", "Z", "\u001b", "[", "3", "1", "m", "\n", "\u202e", "|", "<", "é", "-", " "), maxLength: 40 });

  it("property: every line fits the width, and no control or escape character from a file reaches the terminal", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ account: hostile, file: hostile, day: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(60, 80, 100),
        (accounts, width) => {
          const docs = accounts.map(({ account, file, day }) => {
            const d = demo(account, `2026-11-${String(day).padStart(2, "0")}`);
            return [`${file}.json`, d] as [string, Record<string, unknown>];
          });
          const broken = readReport("x\u001b[2J.json", { schemaVersion: "\u001b]0;pwned\u0007" }, "x\u001b[2J");
          const r = buildRollup([...docs.flatMap(([f, d]) => readReport(f, d, "fallback")), ...broken], { version: "0" });
          const out = formatRollupTable(r, { color: false, width });
          for (const line of out.split("\n")) expect(Array.from(line).length).toBeLessThanOrEqual(width);
          // eslint-disable-next-line no-control-regex
          expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
        },
      ),
    );
  });
});

describe("formatRollupMarkdown and formatRollupJson", () => {
  it("Markdown: every metric, file text escaped (a | cannot break the table, <script> is text)", () => {
    const r = rollupOf(["r/x.json", demo("a|b <script>alert(1)</script>", "2026-12-02")]);
    const md = formatRollupMarkdown(r);
    expect(md.split("\n")[0]).toBe("# Accounts: ✖ breach");
    const row = md.split("\n").find((l) => l.includes("script"))!;
    expect(row).toContain("a\\|b &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(row.split(/(?<!\\)\|/).length).toBe(8); // 6 cells -> 7 pipes -> 8 pieces
    expect(row).toContain("✖ ODR-MFN 1.95%, ✖ OTDR 86.32%, ▲ RDR 9.09%, ✔ ODR-AFN 0.00%, ✔ LSR-30d 2.86%, – PFCR –, – LSR-10d –");
  });

  it("JSON: one document that parses back to the roll-up", () => {
    const r = rollupOf(["r/acme.json", demo("acme", "2026-12-02")], ["r/old.json", demo("old", "2026-11-01")]);
    const text = formatRollupJson(r);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(r);
    expect(JSON.parse(text).rows.map((x: { account: string; state: string }) => [x.account, x.state])).toEqual([
      ["old", "stale"],
      ["acme", "ok"],
    ]);
  });
});

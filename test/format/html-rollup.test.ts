/**
 * `ahr rollup --format html`: one self-contained page (no script, no request), rows worst first,
 * status as symbol and word beside every colour, file text escaped.
 */
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { formatRollupHtml } from "../../src/format/html-rollup.js";
import { buildRollup, failedAccount, readReport, rowError } from "../../src/report/rollup.js";
import { reportDoc, type MetricSpec } from "../helpers/reports.js";

const METRICS: MetricSpec[] = [
  { id: "odr", channel: "mfn", windowDays: 60, rate: 4 / 222, status: "breach" },
  { id: "odr", channel: "afn", windowDays: 60, rate: 0, status: "good" },
  { id: "lsr", channel: "mfn", windowDays: 10, rate: 2 / 54, status: "at_risk" },
];

const doc = (account: string, asOf: string, status: "good" | "at_risk" | "breach", exit: 0 | 1) =>
  reportDoc({ account, asOf, status, exitCode: exit, metrics: METRICS, ahr: { score: 202, band: "healthy", status: "good" } });

function rollup() {
  return buildRollup(
    [
      ...readReport("r/acme.json", doc("acme", "2026-11-20", "breach", 1), "acme"),
      ...readReport("r/calm.json", doc("calm", "2026-11-20", "good", 0), "calm"),
      ...readReport("r/bolt.json", doc("bolt", "2026-10-16", "good", 0), "bolt"),
      ...readReport("r/v2.json", { schemaVersion: 2 }, "v2"),
      failedAccount("dana", rowError("FILE_NOT_FOUND", { file: "accounts/dana/orders.txt" })),
    ],
    { version: "0.1.0", ignored: ["r/notes.txt"] },
  );
}

describe("formatRollupHtml", () => {
  it("one page, no script, no external reference; rows worst first with their exit codes", () => {
    const page = formatRollupHtml(rollup());
    expect(page.startsWith("<!doctype html>\n")).toBe(true);
    expect(page.endsWith("</html>\n")).toBe(true);
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script|https?:\/\/|src=/i);
    const { document } = parseHTML(page);
    const rows = [...document.querySelectorAll("table.rollup tbody tr")];
    // failed (exit 2, state rank 0), other version (2), stale (2), acme breach (1), calm good (0)
    expect(rows.map((r) => [r.getAttribute("data-account"), r.getAttribute("data-state"), r.getAttribute("data-exit")])).toEqual([
      ["dana", "failed", "2"],
      ["v2", "other_version", "2"],
      ["bolt", "stale", "2"],
      ["acme", "ok", "1"],
      ["calm", "ok", "0"],
    ]);
    // Status as symbol and word (never colour alone).
    expect(rows.map((r) => r.querySelector(".st")!.textContent)).toEqual(["! failed", "? other version", "~ stale", "✖ breach", "✔ good"]);
    // bolt: 2026-10-16 is 35 days before 2026-11-20 (15 to Oct 31, + 20).
    expect(rows[2]!.querySelector("td.dates")!.textContent).toBe("2026-10-16 (35 days old)");
    // acme's metrics worst first: 4/222 = 1.80% breach, 2/54 = 3.70% at risk, then good.
    expect([...rows[3]!.querySelectorAll("li.m")].map((li) => [li.textContent, li.className])).toEqual([
      ["✖ ODR-MFN 1.80%", "m m-breach"],
      ["▲ LSR 3.70%", "m m-at_risk"],
      ["✔ ODR-AFN 0.00%", "m m-good"],
    ]);
    expect(document.querySelector("h1")!.textContent).toBe("Accounts: ! failed");
    expect(document.querySelector("#problems")!.textContent).toContain("dana: check failed: accounts/dana/orders.txt: no such file or directory");
    expect(document.querySelector("#notes")!.textContent).toContain("Not read: r/notes.txt");
    expect(document.querySelector(".summary")!.textContent).toBe(
      "5 accounts: 1 breach, 0 at risk, 1 good, 1 stale, 1 of another version, 1 failed; exit code 2",
    );
  });

  it("property: file text never opens a tag or leaves an attribute", () => {
    const hostile = fc.string({ unit: fc.constantFrom("a", "<", ">", "&", '"', "'", "\u001b", "\u202e", "/", "s", " "), maxLength: 30 });
    fc.assert(
      fc.property(hostile, hostile, (account, file) => {
        const r = buildRollup(
          [...readReport(`${file}.json`, doc(account, "2026-11-20", "breach", 1), "x"), failedAccount(account, { code: "X", message: `${file}<img>` })],
          { version: "0" },
        );
        const page = formatRollupHtml(r);
        const { document } = parseHTML(page);
        expect(document.querySelectorAll("img, script").length).toBe(0);
        expect(page).not.toMatch(/[\u001b\u202e]/);
        const rows = [...document.querySelectorAll("table.rollup tbody tr")];
        expect(rows.length).toBe(2);
      }),
      { numRuns: 60 },
    );
  });
});

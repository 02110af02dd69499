/**
 * End to end (the built bin, as a child process): --marketplace and the exit codes of SPEC 9.3,
 * and the feedback file whose marketplace nothing tells (SPEC 9.2). Figures: fixtures/marketplaces
 * (README there; worked in test/engine/marketplaces.test.ts): as of 2026-05-20 Amazon.com has 4
 * breaches and an AHR of 198, Amazon.ca none and 190 (at risk).
 */
import { describe, expect, it } from "vitest";
import { spawnAhr } from "./helpers.js";

const DIR = "fixtures/marketplaces";
const AS_OF = "2026-05-20";

const ahr = (args: string[]) => spawnAhr(args);

describe.concurrent("e2e: --marketplace and exit codes (SPEC 9.3)", () => {
  it("two marketplaces: the table groups the rows under each, exit 1 (Amazon.com breaches)", async () => {
    const r = await ahr(["check", DIR, "--as-of", AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    const us = lines.indexOf("Amazon.com: ✖ breach");
    const ca = lines.indexOf("Amazon.ca: ▲ at risk");
    expect(us).toBeGreaterThan(0);
    expect(ca).toBeGreaterThan(us);
    // each group: its table (12 rows under a heading and a rule), then its AHR
    expect(lines[us + 1]).toMatch(/^Metric\s+Ch/);
    expect(lines[us + 3]).toMatch(/^ODR 60d\s+MFN.*25\.00%.*1\/4/); // 1 defect of 4 US orders
    expect(lines[ca + 3]).toMatch(/^ODR 60d\s+MFN.*0\.00%.*0\/2/);
    // Amazon.com's AHR closes its group, before Amazon.ca's heading
    const ahrUs = lines.findIndex((l) => l.startsWith("Account Health Rating (estimate), Amazon.com: 198 at risk"));
    expect(ahrUs).toBeGreaterThan(us + 14);
    expect(ahrUs).toBeLessThan(ca);
    expect(r.stdout).toContain("✖ breach: 4 breaches, 2 at risk; exit code 1");
  });

  it("--marketplace CA: only Amazon.ca, exit 0; with --fail-on at_risk its AHR 190 fails it", async () => {
    const r = await ahr(["check", DIR, "--as-of", AS_OF, "--marketplace", "CA"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("Amazon.com:");
    expect(r.stdout).toContain("Amazon.ca: ▲ at risk");
    expect(r.stdout).toContain("0 breaches, 1 at risk; exit code 0");
    const strict = await ahr(["check", DIR, "--as-of", AS_OF, "--marketplace", "CA", "--fail-on", "at_risk"]);
    expect(strict.code).toBe(1);
  });

  it("repeatable, any spelling; JSON rows and AHRs name their marketplace", async () => {
    const r = await ahr(["check", DIR, "--as-of", AS_OF, "--marketplace", "amazon.ca", "--marketplace", "ATVPDKIKX0DER", "--format", "json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      metrics: { marketplace?: string; id: string }[];
      marketplaces: { marketplace: string; accountHealth: { score: number } }[];
    };
    expect(report.marketplaces.map((m) => [m.marketplace, m.accountHealth.score])).toEqual([
      ["Amazon.com", 198],
      ["Amazon.ca", 190],
    ]);
    expect(report.metrics.filter((m) => m.marketplace === "Amazon.com").length).toBe(12);
    expect(report.metrics.filter((m) => m.marketplace === "Amazon.ca").length).toBe(12);
  });

  it("Markdown: a Marketplace column and one AHR line per marketplace", async () => {
    const r = await ahr(["check", DIR, "--as-of", AS_OF, "--format", "markdown"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("| Marketplace | Metric | Channel |");
    expect(r.stdout).toMatch(/\n\| Amazon\.ca \| ODR \(MFN\) 60d \| MFN \|/);
    expect(r.stdout).toContain("Account Health Rating (estimate), Amazon.ca: 190 at risk");
  });

  it("an unknown --marketplace: exit 2, one line listing those present, nothing on stdout", async () => {
    const r = await ahr(["check", DIR, "--as-of", AS_OF, "--marketplace", "DE"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'ahr: --marketplace "DE" is none of the marketplaces the orders hold: Amazon.com (US), Amazon.ca (CA); give one of them by name, code or marketplace id (such as --marketplace US), or leave --marketplace out to see each\n',
    );
  });

  it("a feedback file of no known marketplace with ambiguous dates: exit 2 naming --marketplace and --date-order; either fixes it", async () => {
    const file = "fixtures/marketplaces-feedback";
    const r = await ahr(["check", file, "--as-of", AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `ahr: fixtures/marketplaces-feedback/feedback.txt:2: column "Date": "3/5/26" could be 2026-03-05 or 2026-05-03, and nothing tells this feedback file's marketplace (no rater e-mail of a marketplace, a header ahr does not know); pass --marketplace with the marketplace the file comes from (such as --marketplace DE), or --date-order mdy or dmy\n`,
    );
    // no orders name a marketplace: --marketplace FR only tells the file's dates (D/M/YY)
    expect((await ahr(["check", file, "--as-of", AS_OF, "--marketplace", "FR"])).code).toBe(0);
    expect((await ahr(["check", file, "--as-of", AS_OF, "--date-order", "dmy"])).code).toBe(0);
  });

  it("ahr trend: one series per marketplace and channel", async () => {
    const r = await ahr(["trend", "lsr", DIR, "--as-of", AS_OF, "--days", "3", "--window", "30", "--format", "json"]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as { series: { marketplace: string; points: { numerator: number; denominator: number }[] }[] };
    // as of 05-20: US 1/5, CA 0/3 (as in the check)
    expect(t.series.map((s) => [s.marketplace, s.points.at(-1)?.numerator, s.points.at(-1)?.denominator])).toEqual([
      ["Amazon.com", 1, 5],
      ["Amazon.ca", 0, 3],
    ]);
  });
});

import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { AS_OF, BREACHED, HEALTHY, fakeIo, ROOT } from "./helpers.js";

const DEMO = join(ROOT, "fixtures", "demo");

// fixtures/cli/breached (see trend.test.ts): lsr 10d as of 03-31 holds order 15, shipped a day
// late, among the window's shipped orders: a breach of < 4%, so the exit code is 1.
describe("ahr check --format html", () => {
  it("writes the page to --output, nothing on stdout or stderr, exit code 1 for the breach", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ahr-html-cli-"));
    const out = join(dir, "report.html");
    const f = fakeIo();
    expect(await run(["check", "--orders", BREACHED, "--as-of", AS_OF, "--format", "html", "--output", out], f.io)).toBe(1);
    expect(f.out()).toBe("");
    expect(f.err()).toBe("");
    const page = await readFile(out, "utf8");
    expect(page.startsWith("<!doctype html>")).toBe(true);
    const doc = parseHTML(page).document;
    // A chart per metric row: lsr 10d among them, breached on 03-28 (the trend test's figures).
    const rows = doc.querySelectorAll("table.metrics tbody tr").length;
    expect(doc.querySelectorAll("figure.chart")).toHaveLength(rows);
    expect(doc.querySelector("#chart-lsr-mfn-10 figcaption")?.textContent).toContain("✖ breached on 2026-03-28");
    // Offenders are listed without --details: the late order of lsr 10d.
    expect(doc.querySelector('.offender-list[data-metric="lsr"][data-window="10"] td.id')).not.toBeNull();
  });

  it("goes to stdout without --output, and --quiet prints nothing when the exit code is 0", async () => {
    const a = fakeIo();
    expect(await run(["check", "--orders", HEALTHY, "--as-of", AS_OF, "--format", "html"], a.io)).toBe(0);
    expect(a.out()).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    const b = fakeIo();
    expect(await run(["check", "--orders", HEALTHY, "--as-of", AS_OF, "--format", "html", "--quiet"], b.io)).toBe(0);
    expect(b.out()).toBe("");
  });

  it("keeps the step summary as without --details", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ahr-html-cli-"));
    const summary = join(dir, "summary.md");
    const f = fakeIo({ env: { GITHUB_STEP_SUMMARY: summary } });
    expect(await run(["check", DEMO, "--as-of", "2026-11-20", "--format", "html", "--output", join(dir, "r.html")], f.io)).toBe(1);
    const md = await readFile(summary, "utf8");
    expect(md).toContain("# Account health: ✖ breach");
    expect(md).not.toContain("## Offenders");
  });
});

describe("ahr trend --format html", () => {
  it("gives the one metric's chart", async () => {
    const f = fakeIo();
    expect(await run(["trend", "lsr", "--orders", BREACHED, "--as-of", AS_OF, "--days", "5", "--format", "html"], f.io)).toBe(0);
    const doc = parseHTML(f.out()).document;
    expect([...doc.querySelectorAll("figure.chart")].map((x) => x.id)).toEqual(["chart-lsr-mfn-10"]);
    // 5 days 03-27 .. 03-31: breach from 03-28 on (trend.test.ts) -> 4 crosses.
    expect(doc.querySelectorAll("#chart-lsr-mfn-10 .ahr-breach path")).toHaveLength(4);
    expect(f.err()).toBe("");
  });
});

/**
 * End to end: the BUILT bin (`node bin/ahr.js`, from `npm run build`; `npm test` builds first)
 * as a child process, with pipes for stdout and stderr, as cron and CI run it.
 * Expected figures: fixtures/cli/README.md and each scenario's README.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AS_OF, ROOT, spawnAhr, tempDir } from "./helpers.js";

const ESC = "\x1b";

const ahr = spawnAhr;

const healthy = "fixtures/cli/healthy/orders.txt";
const atRisk = "fixtures/cli/at-risk/orders.txt";
const breached = "fixtures/cli/breached/orders.txt";
const broken = "fixtures/cli/broken/orders.csv";

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first (`npm test` does)");
  }
});

describe.concurrent("e2e: exit codes for healthy, at-risk, breached and broken inputs under each --fail-on", () => {
  // healthy: all good; at-risk: lsr 30-day 1/29 = 3.45%; breached: lsr 2/10 and 2/19;
  // broken: "yesterday" as a purchase date.
  const expected: [string, Record<string, number>][] = [
    [healthy, { breach: 0, at_risk: 0, never: 0 }],
    [atRisk, { breach: 0, at_risk: 1, never: 0 }],
    [breached, { breach: 1, at_risk: 1, never: 0 }],
    [broken, { breach: 2, at_risk: 2, never: 2 }],
  ];
  for (const [file, codes] of expected) {
    for (const [failOn, code] of Object.entries(codes)) {
      it(`${file} --fail-on ${failOn}: exit ${code}`, async () => {
        const r = await ahr(["check", file, "--as-of", AS_OF, "--fail-on", failOn]);
        expect(r.code).toBe(code);
        if (code === 2) {
          expect(r.stdout).toBe("");
          expect(r.stderr).toBe(
            'ahr: fixtures/cli/broken/orders.csv:3: column "purchase-date": "yesterday" is not a date like 2026-01-31, 1/31/26 or 31-Jan-2026; or pass --skip-invalid to skip such rows\n',
          );
        } else {
          expect(r.stderr).toBe("");
          expect(r.stdout).toContain("LSR");
        }
      });
    }
  }
});

describe("e2e: output a machine can trust", () => {
  it("--format json: stdout is one JSON document and nothing else; stderr is empty", async () => {
    const r = await ahr(["check", breached, "--as-of", AS_OF, "--format", "json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      schemaVersion: number;
      asOf: string;
      inputs: { files: string[] }[];
      summary: { exitCode: number; breaches: number };
    };
    expect(report.schemaVersion).toBe(1);
    expect(report.asOf).toBe(AS_OF);
    expect(report.inputs[0]?.files).toEqual([breached]); // named as the user gave it
    // Two lsr rows breached (10 and 30 days), nothing else: 2.
    expect(report.summary).toMatchObject({ exitCode: 1, breaches: 2 });
    expect(r.stdout.trimEnd().endsWith("}")).toBe(true);
    expect(r.stderr).toBe("");
  });

  it("no escape byte through a pipe, with NO_COLOR, or with TERM=dumb; FORCE_COLOR and --color bring colour", async () => {
    const envs: Record<string, string>[] = [{}, { NO_COLOR: "1" }, { TERM: "dumb" }, { NO_COLOR: "1", TERM: "xterm-256color" }];
    for (const env of envs) {
      for (const format of ["table", "markdown", "json"]) {
        const r = await ahr(["check", breached, "--as-of", AS_OF, "--format", format], { env });
        expect(r.stdout.length).toBeGreaterThan(0);
        expect(r.stdout).not.toContain(ESC);
        expect(r.stderr).not.toContain(ESC);
      }
    }
    // The same check can see colour when it is there.
    expect((await ahr(["check", breached, "--as-of", AS_OF], { env: { FORCE_COLOR: "1" } })).stdout).toContain(ESC);
    expect((await ahr(["check", breached, "--as-of", AS_OF, "--color"])).stdout).toContain(ESC);
    expect((await ahr(["check", breached, "--as-of", AS_OF, "--no-color"], { env: { FORCE_COLOR: "1" } })).stdout).not.toContain(ESC);
    // 15 processes one after another: about 1 s each alone, up to 2 s each on a loaded machine
    // (it passed in 12.8 s and timed out at the default 20 s in two runs of the whole suite).
  }, 60_000);

  it("the Markdown report is appended to the GITHUB_STEP_SUMMARY file", async () => {
    const d = await tempDir();
    const summary = join(d, "step-summary.md");
    await writeFile(summary, "## Build\n\nok\n");
    const r = await ahr(["check", breached, "--as-of", AS_OF, "--quiet"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const text = await readFile(summary, "utf8");
    expect(text.startsWith("## Build\n\nok\n")).toBe(true);
    expect(text).toMatch(/\| LSR 10d \| MFN \| 2026-03-22\.\.2026-03-31 \| 20\.00% \|/);
    expect(text).not.toContain(ESC);
    expect(Buffer.byteLength(text)).toBeLessThan(256 * 1024);

    const off = join(d, "off.md");
    await ahr(["check", breached, "--as-of", AS_OF, "--no-step-summary"], { env: { GITHUB_STEP_SUMMARY: off } });
    expect(existsSync(off)).toBe(false);
  });

  it("--quiet prints nothing when the run passes", async () => {
    const r = await ahr(["check", healthy, "--as-of", AS_OF, "--quiet"]);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("e2e: configuration", () => {
  it("an unknown config key is exit 2 with one line naming the key path", async () => {
    const d = await tempDir();
    await writeFile(join(d, "ahr.config.json"), JSON.stringify({ metrics: { lsr: { target: 0.04, windws: [10] } } }));
    const r = await ahr(["check", join(ROOT, breached), "--as-of", AS_OF], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^ahr: ahr\.config\.json: metrics\.lsr\.windws: unknown key[^\n]*\n$/);
  });

  it("ahr init, then ahr check uses the written file", async () => {
    const d = await tempDir();
    const init = await ahr(["init"], { cwd: d });
    expect(init.code).toBe(0);
    const text = await readFile(join(d, "ahr.config.json"), "utf8");
    const orders = join(ROOT, breached);
    // As written (the defaults): lsr 2/10 = 20% >= 4%: breach, exit 1.
    expect((await ahr(["check", orders, "--as-of", AS_OF], { cwd: d })).code).toBe(1);
    // lsr target 0.04 -> 0.5 (warnAt follows: 0.4): 0.2 and 2/19 = 0.105 are good: exit 0.
    await writeFile(join(d, "ahr.config.json"), text.replace('"target": 0.04', '"target": 0.5'));
    const after = await ahr(["check", orders, "--as-of", AS_OF, "--format", "json"], { cwd: d });
    expect(after.code).toBe(0);
    const report = JSON.parse(after.stdout) as { metrics: { id: string; target: number; warnAt: number; status: string }[] };
    expect(report.metrics.filter((m) => m.id === "lsr").map((m) => [m.target, m.warnAt, m.status])).toEqual([
      [0.5, 0.4, "good"],
      [0.5, 0.4, "good"],
    ]);
    // A second init does not overwrite.
    const again = await ahr(["init"], { cwd: d });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("ahr: ahr.config.json already exists; pass --force to overwrite it\n");
  });
});

describe("e2e: --version", () => {
  it("prints the package.json version", async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      expect(await ahr([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    }
  });
});

/**
 * Nothing applied silently, nothing overwritten (issue 17):
 * - the config file applied is named in every format (JSON: `configFile`; table, Markdown, the
 *   trend's table and Markdown: a line). The case from the issue: an ahr.config.json in the
 *   working directory with lsr off turns the breached scenario (LSR 10d 4/10, 30d 6/20; see
 *   fixtures/cli/README.md) into exit 0;
 * - --output naming the config file is OUTPUT_IS_CONFIG;
 * - GITHUB_STEP_SUMMARY naming an input file, or a path inside an input directory, is refused
 *   like --output (a warning; the input is untouched).
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { checkHealth } from "../../src/engine/index.js";
import { AS_OF, BREACHED, fakeIo, tempDir } from "./helpers.js";

const LSR_OFF = '{"metrics":{"lsr":{"level":"off"}}}\n';

async function cwdWithConfig(): Promise<string> {
  const d = await tempDir();
  await copyFile(BREACHED, join(d, "orders.txt"));
  await writeFile(join(d, "ahr.config.json"), LSR_OFF);
  return d;
}

async function cli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const f = fakeIo({ cwd, env });
  const code = await run(args, f.io);
  return { code, out: f.out(), err: f.err() };
}

describe("the config file applied is named in every format", () => {
  it("found in the working directory: its full path in JSON, a line in the table and Markdown", async () => {
    const d = await cwdWithConfig();
    const path = join(d, "ahr.config.json");
    const args = ["check", "orders.txt", "--as-of", AS_OF];
    const json = await cli(d, [...args, "--format", "json"]);
    expect(json.code).toBe(0); // lsr off: the breach is hidden, which is why the file is named
    expect((JSON.parse(json.out) as { configFile: unknown }).configFile).toBe(path);
    const table = await cli(d, [...args, "--no-color"]);
    // before the fix: no word of the config anywhere
    expect(table.out.split("\n").slice(0, 3)).toContain(`  config: ${path}`);
    const page = await cli(d, [...args, "--format", "html"]);
    expect(page.out).toContain(`<p class="muted config">Config file: <code>${path}</code></p>`);
    const md = await cli(d, [...args, "--format", "markdown"]);
    expect(md.out).toContain(`\nConfig file: ${path}\n`);
  });

  it("given with --config: named as given; the trend says it too", async () => {
    const d = await cwdWithConfig();
    await writeFile(join(d, "mine.json"), LSR_OFF);
    const json = await cli(d, ["check", "orders.txt", "--as-of", AS_OF, "--config", "mine.json", "--format", "json"]);
    expect((JSON.parse(json.out) as { configFile: unknown }).configFile).toBe("mine.json");
    const trend = await cli(d, ["trend", "pfcr", "orders.txt", "--as-of", AS_OF, "--no-color"]);
    expect(trend.out.split("\n")).toContain(`config: ${join(d, "ahr.config.json")}`);
    const trendMd = await cli(d, ["trend", "pfcr", "orders.txt", "--as-of", AS_OF, "--format", "markdown"]);
    expect(trendMd.out).toContain(`\nConfig file: ${join(d, "ahr.config.json")}\n`);
    const trendHtml = await cli(d, ["trend", "pfcr", "orders.txt", "--as-of", AS_OF, "--format", "html"]);
    expect(trendHtml.out).toContain(`Config file: <code>${join(d, "ahr.config.json")}</code>`);
    const trendJson = await cli(d, ["trend", "pfcr", "orders.txt", "--as-of", AS_OF, "--format", "json"]);
    expect((JSON.parse(trendJson.out) as { configFile: unknown }).configFile).toBe(join(d, "ahr.config.json"));
  });

  it("no config file: configFile null and no line", async () => {
    const d = await tempDir();
    await copyFile(BREACHED, join(d, "orders.txt"));
    const json = await cli(d, ["check", "orders.txt", "--as-of", AS_OF, "--format", "json"]);
    expect(json.code).toBe(1); // the breach, with the defaults
    expect((JSON.parse(json.out) as { configFile: unknown }).configFile).toBeNull();
    const table = await cli(d, ["check", "orders.txt", "--as-of", AS_OF, "--no-color"]);
    expect(table.out).not.toMatch(/^ {2}config: /m);
  });

  it("the library: a config path is named, a config object is not a file", async () => {
    const d = await cwdWithConfig();
    const byPath = await checkHealth({ files: { orders: [join(d, "orders.txt")] }, asOf: AS_OF, config: "ahr.config.json", cwd: d });
    expect(byPath.configFile).toBe("ahr.config.json");
    const byObject = await checkHealth({ files: { orders: [join(d, "orders.txt")] }, asOf: AS_OF, config: { metrics: { lsr: { level: "off" } } } });
    expect(byObject.configFile).toBeNull();
  });
});

describe("--output and GITHUB_STEP_SUMMARY never overwrite what ahr reads", () => {
  it("--output naming the config file (found or given): OUTPUT_IS_CONFIG, the config untouched", async () => {
    const d = await cwdWithConfig();
    for (const extra of [[], ["--config", "ahr.config.json"]]) {
      const r = await cli(d, ["check", "orders.txt", "--as-of", AS_OF, ...extra, "--output", "ahr.config.json"]);
      // before the fix: exit 0 and the config replaced by the report
      expect(r.code).toBe(2);
      expect(r.err).toBe("ahr: --output ahr.config.json is the config file; refusing to overwrite it\n");
      expect(await readFile(join(d, "ahr.config.json"), "utf8")).toBe(LSR_OFF);
    }
  });

  it("GITHUB_STEP_SUMMARY naming an input file or a path in an input directory: refused with a warning", async () => {
    const d = await tempDir();
    await mkdir(join(d, "exports"));
    await copyFile(BREACHED, join(d, "exports", "orders.txt"));
    const before = await readFile(BREACHED, "utf8");
    for (const summary of ["exports/orders.txt", "exports/summary.md"]) {
      const r = await cli(d, ["check", "exports", "--as-of", AS_OF, "--format", "json"], { GITHUB_STEP_SUMMARY: summary });
      expect(r.code).toBe(1); // the run itself stands: the breach
      // before the fix: the report appended to the export (and the next run failed on it)
      expect(r.err).toBe(`ahr: warning: GITHUB_STEP_SUMMARY ${summary} is one of the input files; refusing to overwrite it; the step summary is not written\n`);
    }
    expect(await readFile(join(d, "exports", "orders.txt"), "utf8")).toBe(before);
    const { readdir } = await import("node:fs/promises");
    expect(await readdir(join(d, "exports"))).toEqual(["orders.txt"]);
    // a summary file elsewhere is appended as before
    const ok = await cli(d, ["check", "exports", "--as-of", AS_OF, "--format", "json"], { GITHUB_STEP_SUMMARY: "summary.md" });
    expect(ok.err).toBe("");
    expect(await readFile(join(d, "summary.md"), "utf8")).toMatch(/^# Account health: ✖ breach/);
  });
});

/**
 * What each entry point loads (issue 18's start-up targets): the built library and the CLI are run
 * in a child node whose module hooks print every URL loaded, and the lists are checked. The html
 * libraries are for `--format html` only; `--version` needs nothing but the version.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

// Module hooks (they run on their own thread in node 20) that print each URL on stderr.
const HOOKS = "data:text/javascript," + encodeURIComponent('export async function load(u, c, next) { process._rawDebug("LOADED " + u); return next(u, c); }');
const REGISTER = "data:text/javascript," + encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(HOOKS)});`);

function loaded(args: string[]): Promise<{ code: number | null; urls: string[]; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", REGISTER, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (code) => {
      const urls = stderr.split("\n").filter((l) => l.startsWith("LOADED ")).map((l) => l.slice("LOADED ".length));
      resolve({ code, urls, stdout });
    });
  });
}

const packagesOf = (urls: string[]) => new Set(urls.flatMap((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []));
const HTML_LIBS = ["@observablehq/plot", "linkedom", "d3"];
const AHR = join(ROOT, "bin", "ahr.js");

describe("lazy loading", () => {
  it("the library entry loads no html library, no CLI library and no formatter", async () => {
    const r = await loaded(["--input-type=module", "-e", `await import(${JSON.stringify(join(ROOT, "dist", "index.js"))})`]);
    expect(r.code).toBe(0);
    expect(r.urls.some((u) => u.endsWith("/dist/index.js"))).toBe(true); // the hooks did see it
    const pkgs = packagesOf(r.urls);
    for (const p of [...HTML_LIBS, "commander", "cli-table3", "chalk", "zod"]) expect(pkgs.has(p), p).toBe(false);
    expect(r.urls.filter((u) => u.includes("/dist/format/"))).toEqual([]);
  });

  it("ahr --version loads the bin, main and the version, nothing else of ahr and no package", async () => {
    const r = await loaded([AHR, "--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const ours = r.urls.filter((u) => u.startsWith("file:")).map((u) => u.slice(u.lastIndexOf("/bin/") >= 0 ? u.lastIndexOf("/bin/") : u.lastIndexOf("/dist/")));
    expect(ours).toEqual(["/bin/ahr.js", "/dist/cli/main.js", "/dist/version.js"]);
  });

  it("a check to the terminal loads no html library and no zod; --format html loads them and works", async () => {
    const table = await loaded([AHR, "check", "fixtures/demo/"]);
    expect(table.code).toBe(1); // the demo has a breach
    expect(table.stdout).toContain("ahr · as of");
    const pkgs = packagesOf(table.urls);
    for (const p of [...HTML_LIBS, "zod"]) expect(pkgs.has(p), p).toBe(false);
    expect(pkgs.has("cli-table3")).toBe(true);

    const html = await loaded([AHR, "check", "fixtures/demo/", "--format", "html"]);
    expect(html.code).toBe(1);
    expect(html.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(packagesOf(html.urls).has("@observablehq/plot")).toBe(true);
  }, 60_000);
});

/**
 * The package as a user gets it (issue 16): `npm pack` output installed by name into an empty
 * project, with no network (the dependencies come from a registry on 127.0.0.1 serving the copies
 * installed here), then `npx ahr --version` and the library import run from that project.
 * Needs the build (dist/), which `npm test` runs first.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalRegistry, type LocalRegistry } from "../helpers/local-registry.js";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  name: string;
  version: string;
  bin: Record<string, string>;
};

/** The environment npm runs with: no npm_* variables inherited from `npm test`, a fresh cache. */
function npmEnv(work: string, registry: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return {
    ...env,
    npm_config_registry: registry,
    npm_config_cache: join(work, "npm-cache"),
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    npm_config_yes: "false",
  };
}

describe("npm pack -> install into an empty project -> npx ahr", () => {
  let work = "";
  let registry: LocalRegistry | null = null;
  let project = "";
  let env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    if (!existsSync(join(root, "dist/cli/main.js"))) throw new Error("dist/ is missing: run `npm run build` first");
    work = mkdtempSync(join(tmpdir(), "ahr-pack-"));
    registry = await startLocalRegistry(root, work);
    env = npmEnv(work, registry.url);
    const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: root, env });
    const [info] = JSON.parse(packed.stdout) as { filename: string }[];
    project = join(work, "empty-project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "empty-project", version: "1.0.0", private: true }));
    await run("npm", ["install", join(work, info!.filename)], { cwd: project, env });
  }, 120_000);

  afterAll(async () => {
    await registry?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("the package is not called ahr (taken on npm by another project) and installs the command ahr", () => {
    expect(pkg.name).toBe("ahr-cli");
    expect(Object.keys(pkg.bin)).toEqual(["ahr"]);
    const installed = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.keys(installed.dependencies)).toEqual(["ahr-cli"]);
  });

  it("npx ahr --version prints the package version", async () => {
    const { stdout } = await run("npx", ["ahr", "--version"], { cwd: project, env });
    expect(stdout.trim()).toBe(pkg.version);
  }, 30_000);

  it("npx ahr-cli (the package name) runs the same command", async () => {
    const { stdout } = await run("npx", ["ahr-cli", "--version"], { cwd: project, env });
    expect(stdout.trim()).toBe(pkg.version);
  }, 30_000);

  it("the installed command checks a file: a one-order export, exit 0", async () => {
    const orders = join(project, "orders.csv");
    writeFileSync(orders, "order_id,purchase_date,fulfillment_channel\n1,2026-11-01,MFN\n");
    const { stdout } = await run("npx", ["ahr", "check", orders, "--as-of", "2026-11-20", "--format", "json"], { cwd: project, env });
    const report = JSON.parse(stdout) as { asOf: string; inputs: { kind: string; rows: number }[] };
    expect(report.asOf).toBe("2026-11-20");
    expect(report.inputs).toEqual([expect.objectContaining({ kind: "orders", rows: 1 })]);
  }, 30_000);

  it("the library imports by the package name", async () => {
    const { stdout } = await run("node", ["--input-type=module", "-e", `import { checkHealth } from "ahr-cli"; console.log(typeof checkHealth);`], { cwd: project, env });
    expect(stdout.trim()).toBe("function");
  }, 30_000);
});

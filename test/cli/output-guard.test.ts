/**
 * --output never destroys what it should not (issue 17): a hard link to an input (or to a file of
 * an input directory) is the input, compared by device and inode; and the report is written to a
 * temporary file and renamed, so a failed write leaves the previous report whole.
 */
import { spawnSync } from "node:child_process";
import { chmod, link, mkdir, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputPath, writeOutputFile } from "../../src/cli/output.js";
import { run } from "../../src/cli/run.js";
import { AS_OF, BREACHED, fakeIo, HEALTHY, ROOT, tempDir } from "./helpers.js";

const ORDERS = "order-id,purchase-date,fulfillment-channel,order-status\n111-1,2026-03-20,MFN,Shipped\n";

describe("--output through a hard link to an input", () => {
  it("a hard link to an --orders file: OUTPUT_IS_INPUT, the input untouched", async () => {
    const d = await tempDir();
    const input = join(d, "orders.csv");
    await writeFile(input, ORDERS);
    const other = join(d, "elsewhere");
    await mkdir(other);
    const alias = join(other, "report.txt");
    await link(input, alias);
    const f = fakeIo();
    const code = await run(["check", "--orders", input, "--as-of", AS_OF, "--output", alias], f.io);
    // before the fix: exit 0 and orders.csv replaced by the report
    expect(code).toBe(2);
    expect(f.out()).toBe("");
    expect(f.err()).toBe(`ahr: --output ${alias} is one of the input files; refusing to overwrite it\n`);
    expect(await readFile(input, "utf8")).toBe(ORDERS);
  });

  it("a hard link to a file inside an input directory: refused too", async () => {
    const d = await tempDir();
    await mkdir(join(d, "exports"));
    const input = join(d, "exports", "orders.csv");
    await writeFile(input, ORDERS);
    const alias = join(d, "report.md");
    await link(input, alias);
    await expect(checkOutputPath(alias, "report.md", [join(d, "exports")])).rejects.toMatchObject({ code: "OUTPUT_IS_INPUT" });
    // a different file of the same content is not the input
    const copy = join(d, "copy.md");
    await writeFile(copy, ORDERS);
    await expect(checkOutputPath(copy, "copy.md", [join(d, "exports"), input])).resolves.toBeUndefined();
  });

  it("the config file (by path or hard link): OUTPUT_IS_CONFIG", async () => {
    const d = await tempDir();
    const config = join(d, "ahr.config.json");
    await writeFile(config, "{}");
    const alias = join(d, "report.json");
    await link(config, alias);
    for (const out of [config, alias]) {
      await expect(checkOutputPath(out, out, [], config)).rejects.toMatchObject({ code: "OUTPUT_IS_CONFIG" });
    }
    await expect(checkOutputPath(join(d, "other.json"), "other.json", [], config)).resolves.toBeUndefined();
  });
});

describe("--output is written whole or not at all", () => {
  const hasShell = process.platform !== "win32";

  it.skipIf(!hasShell)("a write cut by the file size limit (ulimit -f) leaves the previous report whole", async () => {
    const d = await tempDir();
    const out = join(d, "report.json");
    const previous = '{"the previous": "good report"}\n';
    await writeFile(out, previous);
    // ulimit -f 1: at most one block (512 or 1024 bytes); the JSON report is larger. Node ignores
    // SIGXFSZ, so the write fails with EFBIG.
    const r = spawnSync(
      "sh",
      ["-c", 'ulimit -f 1 && exec "$0" "$@"', process.execPath, join(ROOT, "bin", "ahr.js"), "check", "--orders", BREACHED, "--as-of", AS_OF, "--format", "json", "--output", out],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ahr: .*report\.json: cannot write the report: EFBIG\n$/);
    // before the fix: a 512-byte or 1 KiB head of the new report
    expect(await readFile(out, "utf8")).toBe(previous);
    expect(await readdir(d)).toEqual(["report.json"]); // no temporary file left
  });

  it("replaces the file, keeping its permissions, and follows a symbolic link to its target", async () => {
    const d = await tempDir();
    const out = join(d, "report.txt");
    await writeFile(out, "old\n");
    await chmod(out, 0o640);
    await writeOutputFile(out, "report.txt", "new\n");
    expect(await readFile(out, "utf8")).toBe("new\n");
    expect((await stat(out)).mode & 0o777).toBe(0o640);
    const link2 = join(d, "latest.txt");
    await symlink(out, link2);
    await writeOutputFile(link2, "latest.txt", "newer\n");
    expect(await readFile(out, "utf8")).toBe("newer\n");
    expect((await import("node:fs")).lstatSync(link2).isSymbolicLink()).toBe(true);
    expect((await readdir(d)).sort()).toEqual(["latest.txt", "report.txt"]);
  });

  it("a path that is not a regular file (/dev/null) is written directly, not replaced", async () => {
    await writeOutputFile("/dev/null", "/dev/null", "x\n");
    expect((await stat("/dev/null")).isCharacterDevice()).toBe(true);
  });

  it("the CLI still writes a new --output file", async () => {
    const d = await tempDir();
    const out = join(d, "new.json");
    const f = fakeIo();
    expect(await run(["check", "--orders", HEALTHY, "--as-of", AS_OF, "--format", "json", "--output", out], f.io)).toBe(0);
    expect(JSON.parse(await readFile(out, "utf8"))).toMatchObject({ schemaVersion: 1 });
    expect(await readdir(d)).toEqual(["new.json"]);
  });
});

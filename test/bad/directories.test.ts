/**
 * A directory of exports loses nothing silently: a symbolic link to an export is read like the
 * file itself, a subdirectory is named in a note (not read), a broken link is an error.
 */
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/types.js";
import { AS_OF, bad, cli, expectOneLineError } from "./helpers.js";

async function exportsDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ahr-dir-"));
  // orders-real.csv (2 orders), a link to it, a subdirectory with another orders file, and a link
  // to fixtures/bad/hostile/violations.csv (1 row) from outside the directory.
  await writeFile(
    join(dir, "orders-real.csv"),
    "order-id,purchase-date,fulfillment-channel\n111-0000000-0000001,2026-03-20,MFN\n111-0000000-0000002,2026-03-21,AFN\n",
  );
  await symlink(join(dir, "orders-real.csv"), join(dir, "zz-orders-link.csv"));
  await mkdir(join(dir, "2026-02"));
  await writeFile(join(dir, "2026-02", "orders.csv"), "order-id,purchase-date,fulfillment-channel\n111-0000000-0000003,2026-02-20,MFN\n");
  await symlink(bad("hostile", "violations.csv"), join(dir, "violations.csv"));
  return dir;
}

describe("directories", () => {
  it("a symbolic link is read; a subdirectory is named in a note", async () => {
    const dir = await exportsDir();
    const r = await cli(["check", dir, "--as-of", AS_OF, "--format", "json"]);
    expect(r.code).toBeLessThan(2);
    const report = JSON.parse(r.out) as Report;
    // orders-real.csv and the link to it: 2 orders, and the link's 2 rows repeat them exactly
    expect(report.inputs.map((i) => [i.kind, i.files.map((f) => f.slice(dir.length + 1)), i.rows, i.records, i.duplicates])).toEqual([
      ["orders", ["orders-real.csv", "zz-orders-link.csv"], 2, 2, 2],
      ["violations", ["violations.csv"], 1, 1, 0],
    ]);
    expect(report.notes).toContain(
      `${join(dir, "2026-02")}: a directory inside ${dir}, not read (only the files directly in it are); give its path to read it`,
    );
  });

  it("a broken link is FILE_NOT_FOUND, not skipped", async () => {
    const dir = await exportsDir();
    await symlink(join(dir, "gone.csv"), join(dir, "broken.csv"));
    const line = expectOneLineError(await cli(["check", dir, "--as-of", AS_OF]));
    expect(line).toMatch(/broken\.csv: no such file/);
  });

  it("a directory holding only a subdirectory is DIR_EMPTY", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ahr-dir-"));
    await mkdir(join(dir, "nested"));
    await writeFile(join(dir, "nested", "orders.csv"), "order-id,purchase-date,fulfillment-channel\n");
    const line = expectOneLineError(await cli(["check", dir, "--as-of", AS_OF]));
    expect(line).toMatch(/no recognised export in this directory/);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { accountOfFile, readReportFile, reportFiles, rollUp } from "../../src/engine/rollup.js";
import { AhrError } from "../../src/errors.js";
import { reportDoc } from "../helpers/reports.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-rollup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, content: string): string {
  const file = join(dir, rel);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const good = (account: string | undefined, asOf = "2026-12-02") =>
  JSON.stringify(reportDoc({ ...(account ? { account } : {}), asOf, status: "good", exitCode: 0, metrics: [] }));

function thrown(f: () => unknown): AhrError {
  try {
    f();
  } catch (e) {
    if (e instanceof AhrError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("reportFiles: which files a roll-up reads", () => {
  it("a directory: its *.json files in name order (not subfolders); other files listed as ignored", () => {
    write("d1/b.json", good("b"));
    write("d1/a.JSON", good("a"));
    write("d1/readme.txt", "x");
    write("d1/sub/c.json", good("c"));
    const got = reportFiles([join(dir, "d1")]);
    expect(got.files).toEqual([join(dir, "d1/a.JSON"), join(dir, "d1/b.json")]);
    expect(got.ignored).toEqual([join(dir, "d1/readme.txt")]);
  });

  it("the same file named twice (directly and through its folder) is read once", () => {
    const got = reportFiles([join(dir, "d1/b.json"), join(dir, "d1")]);
    expect(got.files).toEqual([join(dir, "d1/b.json"), join(dir, "d1/a.JSON")]);
  });

  it("no path: ROLLUP_NO_INPUT; a missing path: FILE_NOT_FOUND; a folder without *.json: ROLLUP_NO_REPORTS", () => {
    expect(thrown(() => reportFiles([])).code).toBe("ROLLUP_NO_INPUT");
    expect(thrown(() => reportFiles([])).message).toBe(
      "no report given; try: ahr rollup reports/  (the JSON files ahr check --format json wrote)",
    );
    const missing = thrown(() => reportFiles([join(dir, "nope")]));
    expect(missing.code).toBe("FILE_NOT_FOUND");
    expect(missing.message).toBe(`${join(dir, "nope")}: no such file or directory; name the JSON reports or the folder holding them`);
    write("empty/notes.txt", "x");
    const empty = thrown(() => reportFiles([join(dir, "empty")]));
    expect(empty.code).toBe("ROLLUP_NO_REPORTS");
    expect(empty.message).toBe(`${join(dir, "empty")}: no *.json report in this directory (looked at 1 file(s))`);
  });
});

describe("readReportFile", () => {
  it("the account is the report's, else the file name without .json", () => {
    expect(accountOfFile("reports/shop-1.json")).toBe("shop-1");
    expect(readReportFile(write("n/shop-2.json", good(undefined)))[0]!.account).toBe("shop-2");
    expect(readReportFile(write("n/x.json", good("Named")))[0]!.account).toBe("Named");
  });

  it("a UTF-8 BOM is allowed", () => {
    expect(readReportFile(write("n/bom.json", `\uFEFF${good("bom")}`))[0]!.state).toBe("ok");
  });

  it("not JSON: an unreadable row with REPORT_JSON, named after the file", () => {
    const [row] = readReportFile(write("n/broken.json", "{not json"));
    expect(row).toMatchObject({ state: "unreadable", account: "broken", error: { code: "REPORT_JSON" } });
    expect(row!.error!.message).toMatch(/^not valid JSON: .+; write it again with ahr check --format json --output FILE$/);
  });

  it("a file that cannot be read (a directory named *.json): FILE_UNREADABLE row", () => {
    mkdirSync(join(dir, "n/folder.json"), { recursive: true });
    const [row] = readReportFile(join(dir, "n/folder.json"));
    expect(row).toMatchObject({ state: "unreadable", error: { code: "FILE_UNREADABLE" } });
  });
});

describe("rollUp over a folder", () => {
  it("lists every report, the broken ones too; batch failures added as rows", () => {
    write("r/a.json", good("a"));
    write("r/old.json", good("old", "2026-11-20"));
    write("r/bad.json", "[");
    write("r/v3.json", JSON.stringify({ schemaVersion: 3, asOf: "2026-12-02" }));
    const r = rollUp([join(dir, "r")], {
      version: "1.0.0",
      extra: [{ ...readReportFile(join(dir, "r/a.json"))[0]!, state: "failed", account: "zz", source: null, error: { code: "X", message: "m" } }],
    });
    expect(r.rows.map((x) => [x.account, x.state])).toEqual([
      ["zz", "failed"],
      ["bad", "unreadable"],
      ["v3", "other_version"],
      ["old", "stale"],
      ["a", "ok"],
    ]);
    expect(r.summary.exitCode).toBe(2);
  });
});

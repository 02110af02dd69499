import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { accountDirs, runBatch } from "../../src/engine/batch.js";
import { rollUp } from "../../src/engine/rollup.js";
import { AhrError } from "../../src/errors.js";
import { jsonText } from "../../src/format/json.js";

/** What the CLI does with each document: REPORTS_DIR/NAME.json. */
const saveTo = (out: string) => (name: string, doc: object): string => {
  mkdirSync(out, { recursive: true });
  const file = join(out, `${name}.json`);
  writeFileSync(file, jsonText(doc));
  return file;
};

const DEMO = resolve(import.meta.dirname, "../../fixtures/demo");
const tmp = mkdtempSync(join(tmpdir(), "ahr-batch-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function thrown(f: () => unknown): AhrError {
  try {
    f();
  } catch (e) {
    if (e instanceof AhrError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

/** accounts/: acme and calm are the demo; bolt has an orders file ahr cannot recognise. */
function accounts(root: string): string {
  const dir = join(root, "accounts");
  for (const a of ["acme", "calm", "bolt"]) cpSync(DEMO, join(dir, a), { recursive: true });
  writeFileSync(join(dir, "bolt", "all-orders.txt"), "amazon-order-id\tfulfillment-channel\tsales-channel\n1\tMerchant\tAmazon.com\n");
  writeFileSync(join(dir, "README.md"), "the accounts\n");
  mkdirSync(join(dir, ".git"));
  return dir;
}

describe("accountDirs", () => {
  it("immediate, non-hidden subfolders in name order; the rest listed as ignored", () => {
    const dir = accounts(join(tmp, "list"));
    const got = accountDirs(dir);
    expect(got.accounts.map((a) => a.name)).toEqual(["acme", "bolt", "calm"]);
    expect(got.ignored).toEqual([join(dir, ".git"), join(dir, "README.md")]);
  });

  it("errors: not a folder, no account folder, --out inside the accounts folder", () => {
    expect(thrown(() => accountDirs(join(tmp, "missing"))).code).toBe("FILE_NOT_FOUND");
    mkdirSync(join(tmp, "none"));
    writeFileSync(join(tmp, "none", "orders.txt"), "x");
    const none = thrown(() => accountDirs(join(tmp, "none")));
    expect(none.code).toBe("BATCH_NO_ACCOUNTS");
    expect(none.message).toBe(
      `${join(tmp, "none")}: no account folders here; ahr batch wants one subfolder per account, each holding that account's exports`,
    );
    const dir = accounts(join(tmp, "inside"));
    const inside = thrown(() => accountDirs(dir, join(dir, "reports")));
    expect(inside.code).toBe("BATCH_OUT_INSIDE");
    expect(inside.message).toBe(
      `--out ${join(dir, "reports")} is inside the accounts directory; it would be read as an account: choose a folder outside it`,
    );
    // A sibling whose name starts with the same letters is not inside.
    expect(() => accountDirs(dir, `${dir}-reports`)).not.toThrow();
  });
});

describe("runBatch", () => {
  const root = join(tmp, "run");
  const dir = accounts(root);
  const out = join(root, "reports");
  const seen: [string, number, number, string | null][] = [];
  const run = runBatch({
    accountsDir: dir,
    outDir: out,
    save: saveTo(out),
    version: "0.0.1",
    asOf: "2026-11-20",
    onAccount: (name, i, n, e) => seen.push([name, i, n, e?.code ?? null]),
  });

  it("checks every account; the broken one is listed with its error and does not stop the others", async () => {
    const r = await run;
    expect(seen).toEqual([
      ["acme", 1, 3, null],
      ["bolt", 2, 3, "DIR_UNRECOGNISED"],
      ["calm", 3, 3, null],
    ]);
    expect(r.rows.map((x) => [x.account, x.state, x.exitCode])).toEqual([
      ["bolt", "failed", 2],
      ["acme", "ok", 1], // the demo as of 11-20 breaches ODR (MFN): exit 1
      ["calm", "ok", 1],
    ]);
    expect(r.rows[0]!.error!.message).toMatch(/all-orders\.txt: cannot tell which kind of export this is/);
    expect(r.summary.exitCode).toBe(2);
    expect(r.ignored).toEqual([join(dir, ".git"), join(dir, "README.md")]);
  });

  it("writes REPORTS_DIR/NAME.json: the check's report with the account name, and the failure", async () => {
    await run;
    const acme = JSON.parse(readFileSync(join(out, "acme.json"), "utf8"));
    expect(Object.keys(acme).slice(0, 4)).toEqual(["schemaVersion", "tool", "account", "asOf"]);
    expect(acme.account).toBe("acme");
    expect(acme.asOf).toBe("2026-11-20");
    expect(acme.summary.exitCode).toBe(1);
    const bolt = JSON.parse(readFileSync(join(out, "bolt.json"), "utf8"));
    expect(bolt).toEqual({
      schemaVersion: 1,
      tool: { name: "ahr", version: "0.0.1" },
      account: "bolt",
      error: { code: "DIR_UNRECOGNISED", message: expect.stringContaining("cannot tell which kind of export this is") },
    });
    expect(existsSync(join(out, "README.md.json"))).toBe(false);
  });

  it("ahr rollup over REPORTS_DIR afterwards gives the same rows as the batch", async () => {
    const r = await run;
    const again = rollUp([out], { version: "0.0.1" });
    expect(again.rows).toEqual(r.rows);
  });
});

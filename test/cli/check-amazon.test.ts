/**
 * `ahr check` with Amazon's own reports among its inputs (SPEC 10, issue 14): the V2 report is
 * used for the AHR notes only and changes no metric; without a violations file its violation
 * counts drive the repeat-limit check; Account Health lists in a directory are named, not an error.
 */
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { AHR_NO_VIOLATIONS_NOTE } from "../../src/report/build.js";
import { ROOT, fakeIo, tempDir } from "./helpers.js";

const EXPORTS = join(ROOT, "fixtures/reconcile/exports");
const AS_OF = "2026-05-19";

async function check(args: string[]): Promise<{ code: number; report: any; err: string }> {
  const f = fakeIo();
  const code = await run(["check", ...args, "--as-of", AS_OF, "--format", "json"], f.io);
  return { code, report: JSON.parse(f.out()), err: f.err() };
}

/** A folder with the fixture's orders and feedback, and the V2 report given (or none). */
async function folder(v2: object | null, extra: Record<string, string> = {}): Promise<string> {
  const dir = await tempDir();
  await copyFile(join(EXPORTS, "orders.csv"), join(dir, "orders.csv"));
  await copyFile(join(EXPORTS, "feedback.csv"), join(dir, "feedback.csv"));
  if (v2 !== null) await writeFile(join(dir, "seller-performance.json"), JSON.stringify(v2));
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, name), text);
  return dir;
}

const v2 = async (): Promise<any> => JSON.parse(await readFile(join(EXPORTS, "seller-performance.json"), "utf8"));

describe("ahr check with a V2 report among its inputs", () => {
  it("changes no metric; Amazon's AHR stands beside the estimate (accountHealth.amazon and a note)", async () => {
    const without = await check([await folder(null)]);
    const withIt = await check([EXPORTS]);
    expect(withIt.err).toBe("");
    expect(withIt.report.metrics).toEqual(without.report.metrics);
    expect(withIt.report.accountHealth.score).toBe(without.report.accountHealth.score);
    expect(withIt.report.accountHealth.amazon).toEqual({
      file: join(EXPORTS, "seller-performance.json"),
      marketplaceId: "ATVPDKIKX0DER",
      score: 250,
      status: "GREAT",
    });
    expect(withIt.report.notes).toContain(
      `Amazon's own Account Health Rating for Amazon.com (${join(EXPORTS, "seller-performance.json")}): 250 (GREAT); ahr's 200 is an estimate beside it, not a copy`,
    );
    // the fixture's report counts 1 IP complaint: under the limit of 5
    expect(withIt.report.accountHealth.repeatLimits[0]).toEqual({ category: "intellectual_property", count: 1, limit: 5, reached: false });
    expect(withIt.code).toBe(without.code);
  });

  it("without a violations file, Amazon's counts drive the repeat limits: 3 + 2 IP complaints reach 5", async () => {
    const doc = await v2();
    const block = doc.performanceMetrics[0];
    block.receivedIntellectualPropertyComplaints.defectsCount = 3;
    block.suspectedIntellectualPropertyViolations = { ...block.receivedIntellectualPropertyComplaints, defectsCount: 2 };
    const dir = await folder(doc);
    const without = await check([await folder(null), "--fail-on", "never"]);
    const r = await check([dir, "--fail-on", "never"]);
    expect(r.report.accountHealth).toMatchObject({ deactivationRisk: true, status: "breach" });
    expect(r.report.accountHealth.repeatLimits[0]).toEqual({ category: "intellectual_property", count: 5, limit: 5, reached: true });
    // one more breach than without the report: the AHR row
    expect(r.report.summary.breaches).toBe(without.report.summary.breaches + 1);
    expect(r.report.notes.some((n: string) => n.startsWith("No violations file: the repeat-limit check"))).toBe(true);
    // One note says what is used; the report without Amazon's counts says the AHR assumes none.
    expect(r.report.notes.some((n: string) => n.endsWith("its points still count no violation"))).toBe(true);
    expect(r.report.notes).not.toContain(AHR_NO_VIOLATIONS_NOTE);
    expect(without.report.notes).toContain(AHR_NO_VIOLATIONS_NOTE);
  });

  it("with a violations file, the file's counts stand", async () => {
    const doc = await v2();
    doc.performanceMetrics[0].receivedIntellectualPropertyComplaints.defectsCount = 9;
    const dir = await folder(doc, { "violations.csv": "policy,severity,detected_at\n" });
    const r = await check([dir]);
    expect(r.report.accountHealth.repeatLimits[0]).toEqual({ category: "intellectual_property", count: 0, limit: 5, reached: false });
    expect(r.report.notes.some((n: string) => n.startsWith("No violations file"))).toBe(false);
  });

  it("an Account Health list in the folder is named in a note, not an unrecognised file", async () => {
    const dir = await folder(null, { "cancellations.csv": "Order Date,Order ID,Impacts Account Health\n5/15/2026,111-0000000-0000007,Yes\n" });
    const r = await check([dir]);
    expect(r.err).toBe("");
    expect(r.report.notes).toContain(`${join(dir, "cancellations.csv")}: Amazon's cancellation list, not used by ahr check; ahr reconcile compares it order by order`);
  });
});

describe("ahr check with several marketplaces and a V2 report", () => {
  it("each marketplace's estimate stands beside its own block; metrics unchanged", async () => {
    const dir = await tempDir();
    const [header, ...rows] = (await readFile(join(EXPORTS, "orders.csv"), "utf8")).trim().split("\n");
    const orders = [`${header},sales_channel`, ...rows.map((r) => `${r},Amazon.com`), "702-0000000-0000001,2026-05-14T09:00:00Z,MFN,Shipped,,2026-05-16,2026-05-15T15:00:00Z,1Z9001,Amazon.ca"];
    await writeFile(join(dir, "orders.csv"), `${orders.join("\n")}\n`);
    const plain = await check([join(dir, "orders.csv")]);
    const doc = await v2();
    doc.performanceMetrics.push({ marketplaceId: "A2EUQ1WTGCTBG2", accountHealthRating: { ahrScore: 224, ahrStatus: "GREAT" } });
    await writeFile(join(dir, "seller-performance.json"), JSON.stringify(doc));
    const r = await check([dir]);
    expect(r.report.metrics).toEqual(plain.report.metrics);
    const amazon = r.report.marketplaces.map((m: any) => [m.marketplace, m.accountHealth.amazon?.score]);
    expect(amazon).toEqual([
      ["Amazon.com", 250],
      ["Amazon.ca", 224],
    ]);
    expect(r.report.summary).toEqual(plain.report.summary);
  });
});

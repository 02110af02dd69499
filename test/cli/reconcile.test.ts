/**
 * `ahr reconcile` end to end (SPEC 10, issue 14). fixtures/reconcile/exports holds orders,
 * feedback and a V2 report whose counts were worked by hand from them (D = 2026-05-19, the
 * report's latest reportingDateTo):
 * - ODR mfn 03-06..05-04: orders ...01-...04 = 4, one with 1-star feedback (...02) -> 1/4;
 *   ODR afn: 114-...01, 114-...02 -> 0/2;
 * - LSR 10d 05-10..05-19: shipped MFN orders due 05-15 (...05), 05-16 (...06), 05-18 (...08)
 *   = 3; ...05 shipped 05-16 after its 05-15 ship-by -> 1/3. 30d 04-20..05-19: + ...03 (due
 *   04-22) and ...04 (05-03) = 5 -> 1/5;
 * - PFCR 05-13..05-19: ...05 ...06 ...07 ...08 = 4, ...07 cancelled by the seller -> 1/4;
 * - VTR 04-20..05-19 by ship date: ...03 ...04 ...05 ...06 ...08 = 5, ...06 without tracking -> 4/5;
 * - OTDR: no delivery dates in the inputs -> not comparable (not a difference).
 * fixtures/reconcile/v2-differs.json is the same report with the 10-day LSR at 2 late shipments.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { ROOT, fakeIo, spawnAhr, tempDir } from "./helpers.js";

const EXPORTS = "fixtures/reconcile/exports";
const ORDERS = `${EXPORTS}/orders.csv`;
const FEEDBACK = `${EXPORTS}/feedback.csv`;
const DIFFERS = "fixtures/reconcile/v2-differs.json";
const SAMPLE = "fixtures/amazon/seller-performance-v2.json";

function ahr(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return spawnAhr(args);
}

describe.concurrent("e2e: the built CLI", () => {
  it("a report that agrees with the inputs exits 0 (the V2 report found in the directory by content)", async () => {
    const r = await ahr(["reconcile", EXPORTS]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("6 agree, 0 differ, 1 not comparable -> exit 0");
    expect(r.stdout).toMatch(/✔ LSR 10d +2026-05-10\.\.05-19 +1\/3 33\.33% +1\/3 33\.33% +agrees/);
    expect(r.stdout).toContain("why: missing orders columns: promised_delivery_date, delivered_at");
  });

  it("one count changed exits 1 and names the metric, Amazon's figure and ahr's", async () => {
    const r = await ahr(["reconcile", ORDERS, FEEDBACK, "--amazon", DIFFERS]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✖ LSR 10d +2026-05-10\.\.05-19 +2\/3 66\.67% +1\/3 33\.33% +differs/);
    expect(r.stdout).toContain("late shipments: Amazon 2, ahr 1");
    expect(r.stdout).toContain("orders behind ahr's count (1): 111-0000000-0000005");
    expect(r.stdout).toContain("5 agree, 1 differs, 1 not comparable -> exit 1");
  });

  it("--format json: one document on stdout, schemaVersion 1, the differing row's counts", async () => {
    const r = await ahr(["reconcile", ORDERS, FEEDBACK, "--amazon", DIFFERS, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.command).toBe("reconcile");
    expect(doc.asOf).toBe("2026-05-19");
    const rows = doc.marketplaces[0].metrics;
    const differs = rows.filter((x: { verdict: string }) => x.verdict === "differs");
    expect(differs).toHaveLength(1);
    expect(differs[0]).toMatchObject({
      name: "Late Shipment Rate",
      range: { from: "2026-05-10", to: "2026-05-19" },
      days: 10,
      lagDays: 0,
      amazon: { numerator: 2, denominator: 3 },
      ahr: { numerator: 1, denominator: 3 },
    });
    expect(doc.summary).toEqual({ agrees: 5, differs: 1, notComparable: 1, exitCode: 1 });
  });

  it("bad input: one line on stderr with file, line and the fix; exit 2; nothing on stdout", async () => {
    const dir = await tempDir();
    const bad = join(dir, "v2.json");
    await writeFile(bad, '{\n  "performanceMetrics": [\n    {"marketplaceId": "ATVPDKIKX0DER",,}\n  ]\n}\n');
    const r = await ahr(["reconcile", ORDERS, "--amazon", bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    // line 3: 4 spaces, `{` at 5, "marketplaceId" 6-20, `:` 21, space, "ATVPDKIKX0DER" 23-37,
    // `,` 38, the second `,` at 39 where a key should be
    expect(r.stderr).toBe(
      `ahr: ${bad}:3: not valid JSON (column 39: expected a key in quotes, found ","); download the seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT) again as JSON\n`,
    );
  });

  it("the sample V2 report and its sparse CA block read without error", async () => {
    const r = await ahr(["reconcile", ORDERS, "--amazon", SAMPLE, "--format", "json"]);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout);
    expect(doc.marketplaces.map((m: { marketplace: string }) => m.marketplace)).toEqual(["Amazon.com", "Amazon.ca"]);
    // the fixture's orders are not the sample's: the US counts differ (exit 1); CA is not compared
    expect(r.code).toBe(1);
    expect(doc.marketplaces[1].metrics.every((x: { verdict: string }) => x.verdict === "not_comparable")).toBe(true);
  });
});

describe("in process: formats, Amazon's files, usage errors", () => {
  it("Markdown: a table per marketplace and the differing row explained", async () => {
    const f = fakeIo();
    expect(await run(["reconcile", ORDERS, FEEDBACK, "--amazon", DIFFERS, "--format", "markdown"], f.io)).toBe(1);
    expect(f.out()).toContain("| Metric | Amazon's range | Amazon | ahr | Verdict |");
    expect(f.out()).toContain("| LSR 10d | 2026-05-10..2026-05-19 | 2/3 66.67% | 1/3 33.33% | ✖ differs |");
    expect(f.out()).toContain("- **LSR 10d** (2026-05-10..2026-05-19): late shipments: Amazon 2, ahr 1; nothing in the inputs explains it");
    expect(f.err()).toBe("");
  });

  it("a gzip V2 report named with --amazon", async () => {
    const dir = await tempDir();
    const gz = join(dir, "report.json.gz");
    await writeFile(gz, gzipSync(readFileSync(join(ROOT, EXPORTS, "seller-performance.json"))));
    const f = fakeIo();
    expect(await run(["reconcile", ORDERS, FEEDBACK, "--amazon", gz], f.io)).toBe(0);
    expect(f.out()).toContain("6 agree, 0 differ, 1 not comparable -> exit 0");
  });

  it("without the feedback file (a claims file given, so ODR is computed) the ODR difference says so", async () => {
    const dir = await tempDir();
    const claims = join(dir, "claims.csv");
    await writeFile(claims, "order_id,status\n");
    const f = fakeIo();
    expect(await run(["reconcile", ORDERS, "--claims", claims, "--amazon", DIFFERS], f.io)).toBe(1);
    const text = f.out().replace(/\s+/g, " ");
    expect(text).toContain("orders with negative feedback: Amazon 1, ahr 0");
    // ahr counts fewer and the export starts on 03-10, after the range's first day 03-06
    expect(text).toContain("- the orders export starts on 2026-03-10, after the range's first day 2026-03-06: orders purchased before it are not in the inputs");
    expect(text).toContain("- no feedback file given (--feedback): Amazon counts 1 negative feedback in the range");
  });

  it("Amazon's cancellation list, order by order: one order Amazon counts that ahr does not", async () => {
    const dir = await tempDir();
    const list = join(dir, "cancellations.csv");
    // ...07 is ahr's cancellation too; ...06 shipped, so ahr does not count it; ...05 Amazon does not count
    await writeFile(list, "Order Date,Order ID,Impacts Account Health\n5/15/2026,111-0000000-0000007,Yes\n5/14/2026,111-0000000-0000006,Yes\n5/13/2026,111-0000000-0000005,No\n");
    const f = fakeIo();
    expect(await run(["reconcile", EXPORTS, "--amazon", list, "--format", "json"], f.io)).toBe(1);
    const doc = JSON.parse(f.out());
    expect(doc.lists[0]).toMatchObject({ verdict: "differs", both: 1, notCounted: 1, outside: 0, ahrOnly: [] });
    expect(doc.lists[0].amazonOnly).toEqual([{ orderId: "111-0000000-0000006", date: "2026-05-14", source: `${list}:3` }]);
  });

  it("Amazon's valid-tracking list agrees order by order with ahr's VTR offenders (exit 0)", async () => {
    const dir = await tempDir();
    const list = join(dir, "valid-tracking.txt");
    // ...06 shipped without a tracking number: ahr's one VTR offender (promised 05-18, in Amazon's
    // range 04-20..05-19); ...05 is listed without the X, so Amazon does not count it
    const header = "Order ID\tCarrier Name\tTracking ID\tOrigin Country\tPromised Delivery Date\tShip Method\tShip Option\tNo Valid Tracking\tNo Carrier Scan\tPackage Value\tProduct Category";
    await writeFile(list, `${header}\n111-0000000-0000006\tUPS\t\tUS\t05/18/2026\tStd\tStd\tX\t\t9.00\tHome\n111-0000000-0000005\tUPS\t1Z0005\tUS\t05/19/2026\tStd\tStd\t\tX\t9.00\tHome\n`);
    const f = fakeIo();
    expect(await run(["reconcile", EXPORTS, "--amazon", list, "--format", "json"], f.io)).toBe(0);
    const doc = JSON.parse(f.out());
    expect(doc.lists[0]).toMatchObject({ title: "Amazon's valid-tracking list", verdict: "agrees", both: 1, notCounted: 1, amazonOnly: [], ahrOnly: [] });
  });

  const usage: [string, string[], string][] = [
    ["AMAZON_MISSING", ["reconcile", ORDERS], "ahr: no Amazon seller performance report given; pass --amazon FILE (the JSON of GET_V2_SELLER_PERFORMANCE_REPORT, plain or .gz), or put it among the paths"],
    [
      "AMAZON_TWICE",
      ["reconcile", EXPORTS, "--amazon", DIFFERS],
      `ahr: two Amazon seller performance reports (${DIFFERS}, ${EXPORTS}/seller-performance.json); reconcile one at a time`,
    ],
    [
      "AMAZON_UNRECOGNISED",
      ["reconcile", "--amazon", ORDERS],
      `ahr: ${ORDERS}: neither Amazon's seller performance report (JSON) nor an Account Health list (cancellations, valid tracking): headers "order_id", "purchase_date", "fulfillment_channel", "order_status", "cancelled_by", "latest_ship_date", "shipped_at", "tracking_number"; --amazon takes those, other exports go among the paths`,
    ],
    [
      "MARKETPLACE_NOT_IN_REPORT",
      ["reconcile", EXPORTS, "--marketplace", "DE"],
      `ahr: ${EXPORTS}/seller-performance.json: --marketplace "DE": the report has no block for it; its marketplaces: ATVPDKIKX0DER (Amazon.com)`,
    ],
    [
      "AMAZON_NOT_V2",
      ["reconcile", "--amazon", "package.json"],
      `ahr: package.json: a JSON document without "performanceMetrics" or "accountStatuses": not Amazon's seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT)`,
    ],
  ];
  for (const [code, argv, line] of usage) {
    it(`${code}: exit 2, one line on stderr, nothing on stdout`, async () => {
      const f = fakeIo();
      expect(await run(argv, f.io)).toBe(2);
      expect(f.err()).toBe(`${line}\n`);
      expect(f.out()).toBe("");
    });
  }
});

describe("per marketplace: each V2 block against the orders of its sales-channel", () => {
  /**
   * The fixture's 10 orders as Amazon.com, two Amazon.ca MFN orders purchased 05-14 and 05-15
   * (the second cancelled by the seller), and one Non-Amazon (MCF) order on 05-16, cancelled,
   * which no marketplace counts. Amazon's CA block: PFCR 05-13..05-19 = 1 of 2.
   */
  async function multi(caCancelled: number): Promise<string> {
    const dir = await tempDir();
    const [header, ...rows] = readFileSync(join(ROOT, ORDERS), "utf8").trim().split("\n");
    const lines = [
      `${header},sales_channel`,
      ...rows.map((r) => `${r},Amazon.com`),
      "702-0000000-0000001,2026-05-14T09:00:00Z,MFN,Shipped,,2026-05-16,2026-05-15T15:00:00Z,1Z9001,Amazon.ca",
      "702-0000000-0000002,2026-05-15T09:00:00Z,MFN,Cancelled,seller,,,,Amazon.ca",
      "S01-0000000-0000001,2026-05-16T09:00:00Z,MFN,Cancelled,seller,,,,Non-Amazon",
    ];
    await writeFile(join(dir, "orders.csv"), `${lines.join("\n")}\n`);
    await writeFile(join(dir, "feedback.csv"), readFileSync(join(ROOT, FEEDBACK)));
    const doc = JSON.parse(readFileSync(join(ROOT, EXPORTS, "seller-performance.json"), "utf8"));
    doc.performanceMetrics.push({
      marketplaceId: "A2EUQ1WTGCTBG2",
      preFulfillmentCancellationRate: {
        reportingDateRange: { reportingDateFrom: "2026-05-13T00:00:00Z", reportingDateTo: "2026-05-19T23:59:59Z" },
        orderCount: 2,
        cancellationCount: caCancelled,
      },
    });
    await writeFile(join(dir, "seller-performance.json"), JSON.stringify(doc));
    return dir;
  }

  it("US agrees on its own orders (the CA and MCF orders left out); CA 1/2 agrees: exit 0", async () => {
    const f = fakeIo();
    expect(await run(["reconcile", await multi(1), "--format", "json"], f.io)).toBe(0);
    const doc = JSON.parse(f.out());
    expect(doc.marketplaces.map((m: { marketplace: string }) => m.marketplace)).toEqual(["Amazon.com", "Amazon.ca"]);
    const us = doc.marketplaces[0].metrics.find((r: { path: string }) => r.path.endsWith("preFulfillmentCancellationRate"));
    expect(us.ahr).toMatchObject({ numerator: 1, denominator: 4 });
    expect(doc.marketplaces[1].metrics[0]).toMatchObject({ verdict: "agrees", ahr: { numerator: 1, denominator: 2 } });
    expect(doc.summary).toEqual({ agrees: 7, differs: 0, notComparable: 1, exitCode: 0 });
  });

  it("a CA count changed: exit 1, and the difference is CA's", async () => {
    const f = fakeIo();
    expect(await run(["reconcile", await multi(2)], f.io)).toBe(1);
    const text = f.out();
    const ca = text.slice(text.indexOf("Amazon.ca (A2EUQ1WTGCTBG2)"));
    expect(ca).toContain("cancelled orders: Amazon 2, ahr 1");
    expect(text.slice(0, text.indexOf("Amazon.ca ("))).not.toContain("differs");
  });

  it("--marketplace CA keeps that block only", async () => {
    const f = fakeIo();
    expect(await run(["reconcile", await multi(1), "--marketplace", "CA", "--format", "json"], f.io)).toBe(0);
    expect(JSON.parse(f.out()).marketplaces.map((m: { marketplaceId: string }) => m.marketplaceId)).toEqual(["A2EUQ1WTGCTBG2"]);
  });
});

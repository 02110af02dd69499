/**
 * End to end (the built bin): the joined reports of SPEC 9.1 on fixtures/joined, files in
 * Amazon's layouts (fixtures/joined/README.md lists them). As of D = 2026-05-20, UTC.
 *
 * The orders (all-orders.txt, Amazon.com; nothing there but purchase date, status, channel):
 *   A 111-1000001 MFN bought 05-10; OR latest ship 05-12T06:59:59Z, latest delivery 05-17T06:59:59Z;
 *     confirmed 2026-05-11 (ship-confirm.txt, carrier Other/Veho, tracked): on time
 *   B 111-1000002 MFN bought 05-10, two items; OR latest ship 05-12T06:59:59Z, delivery 05-17;
 *     package 1 confirmed 05-11 (ship-confirm.txt), package 2 05-13 (ship-confirm-new.txt, the
 *     18-column template): shipped_at = the latest, 05-13T00:00Z > 05-12T06:59:59Z: LATE; both tracked
 *   C 111-1000003 MFN bought 05-15; OR latest ship 05-17T06:59:59Z, delivery 05-20T06:59:59Z;
 *     two packages on 05-16 (ship-confirm-jp.txt: TemplateType and label rows above the header),
 *     the second without a tracking number: on time, NOT valid tracking
 *   D 111-1000004 MFN bought 05-16, Cancelled; OR is-buyer-requested-cancellation false: counts
 *   E 111-1000005 MFN bought 05-17, Cancelled; OR is-buyer-requested-cancellation true: buyer
 *   F 111-1000006 MFN bought 05-18, Unshipped; OR latest ship 05-20T06:59:59Z (before end of D):
 *     OVERDUE; OR latest delivery 05-26T06:59:59Z, unshipped-orders.txt promise-date
 *     05-27T06:59:59Z: a conflict, the order report (the first joined source) wins
 *   G 111-1000007 MFN bought 05-12; OR latest ship 05-14T06:59:59Z, delivery 05-19T06:59:59Z;
 *     shipping-tool.csv (Order Number, Ship Date 5/14/2026, Carrier, Tracking Number): shipped
 *     05-14T00:00Z: on time, tracked
 *   H 112-1000008 AFN bought 05-12; fba-shipments.txt (shipment-id, shipment-date): AFN, no
 *     seller-fulfilled metric
 *   Unmatched: X 111-9999999 in the order report (1 row), Y 112-9999999 in the FBA report (1 row).
 *
 * Figures:
 *   pfcr W(7,0) = 05-14..05-20, MFN bought then: C, D, E, F = 4; cancelled not by the buyer: D
 *     -> 1/4 = 25% (breach). Without the order report no cancelled_by: D and E -> 2/4.
 *   lsr 10d 05-11..05-20 and 30d 04-21..05-20, shipped MFN by latest ship day: A (05-12),
 *     B (05-12), C (05-17), G (05-14) = 4; late B -> 1/4 in both; overdue 1 (F).
 *   vtr 04-21..05-20 by promised delivery day (the order report gives the column): A 05-17,
 *     B 05-17, C 05-20, G 05-19 = 4; valid A, B, G -> 3/4 = 75% (breach).
 *   rows: orders 9 (8 orders), order-report 9 (1 unmatched), unshipped 1, shipments
 *     2 + 1 + 2 + 1 + 2 = 8 (fba, jp, new, classic, tool; 1 unmatched).
 */
import { existsSync } from "node:fs";
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, spawnAhr, tempDir } from "./helpers.js";

const DIR = "fixtures/joined";
const AS_OF = "2026-05-20";

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ahr(args: string[]): Promise<Result> {
  return spawnAhr(args);
}

interface Row {
  id: string;
  windowDays: number;
  numerator: number | null;
  denominator: number | null;
  status: string;
  basis?: string;
  overdue?: number;
}
interface Report {
  inputs: { kind: string; files: string[]; rows: number; records: number; unmatched: number; skipped: number }[];
  metrics: Row[];
  notes: string[];
  summary: { exitCode: number };
}

const row = (r: Report, id: string, days: number): Row => {
  const m = r.metrics.find((x) => x.id === id && x.windowDays === days);
  if (!m) throw new Error(`no ${id} ${days}d row`);
  return m;
};
const counts = (m: Row) => [m.numerator, m.denominator];

async function json(args: string[]): Promise<{ r: Result; report: Report }> {
  const r = await ahr([...args, "--as-of", AS_OF, "--format", "json"]);
  return { r, report: JSON.parse(r.stdout) as Report };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) throw new Error("dist/ is missing: run `npm run build` first");
});

describe.concurrent("joined reports (SPEC 9.1), end to end", () => {
  it("a folder: each file sorted into its kind by its headers, the FBA shipments report not taken for orders", async () => {
    const { r, report } = await json(["check", DIR]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const kinds = report.inputs.map((i) => [i.kind, i.files.map((f) => f.split("/").pop()), i.rows, i.unmatched]);
    expect(kinds).toEqual([
      ["orders", ["all-orders.txt"], 9, 0],
      ["order-report", ["order-report.txt"], 9, 1],
      ["unshipped", ["unshipped-orders.txt"], 1, 0],
      [
        "shipments",
        ["fba-shipments.txt", "ship-confirm-jp.txt", "ship-confirm-new.txt", "ship-confirm.txt", "shipping-tool.csv"],
        8,
        1,
      ],
    ]);
    expect(report.inputs[0]!.records).toBe(8);
  });

  it("the figures: pfcr 1/4, lsr 1/4 (10 and 30 days) with 1 overdue, vtr 3/4 by promised delivery date", async () => {
    const { report } = await json(["check", DIR]);
    expect(counts(row(report, "pfcr", 7))).toEqual([1, 4]);
    expect(counts(row(report, "lsr", 10))).toEqual([1, 4]);
    expect(counts(row(report, "lsr", 30))).toEqual([1, 4]);
    expect(row(report, "lsr", 10).overdue).toBe(1);
    const vtr = row(report, "vtr", 30);
    expect(counts(vtr)).toEqual([3, 4]);
    expect(vtr.basis).toMatch(/promised/);
    expect(report.summary.exitCode).toBe(1);
  });

  it("unmatched rows and conflicts are counted and noted; the JP template's leading rows are noted", async () => {
    const { report } = await json(["check", DIR]);
    expect(report.notes).toContain(
      "order-report: 1 row names an order not in the orders input (first: 111-9999999-0000009): counted as unmatched, its fields not used",
    );
    expect(report.notes).toContain(
      "shipments: 1 row names an order not in the orders input (first: 112-9999999-0000010): counted as unmatched, its fields not used",
    );
    expect(report.notes).toContain(
      "promised_delivery_date: 1 order has a different value in unshipped than in order-report (first: 111-1000006-0000006); the order-report value is used",
    );
    expect(report.notes.some((n) => n.includes("ship-confirm-jp.txt: the header is on line 3: the 2 rows above it skipped"))).toBe(true);
    // is-buyer-requested-cancellation gave cancelled_by: no "every cancellation counts" note.
    expect(report.notes.some((n) => n.includes("cancellation-initiator"))).toBe(false);
  });

  it("the same figures from the flags --order-report, --unshipped, --shipments (repeatable)", async () => {
    const f = (n: string) => join(DIR, n);
    const { r, report } = await json([
      "check",
      "--orders", f("all-orders.txt"),
      "--order-report", f("order-report.txt"),
      "--unshipped", f("unshipped-orders.txt"),
      "--shipments", f("ship-confirm.txt"),
      "--shipments", f("ship-confirm-new.txt"),
      "--shipments", f("ship-confirm-jp.txt"),
      "--shipments", f("shipping-tool.csv"),
      "--shipments", f("fba-shipments.txt"),
    ]);
    expect(r.stderr).toBe("");
    expect(counts(row(report, "pfcr", 7))).toEqual([1, 4]);
    expect(counts(row(report, "lsr", 30))).toEqual([1, 4]);
    expect(counts(row(report, "vtr", 30))).toEqual([3, 4]);
  });

  it("without the order report: no cancelled_by (D and E count, 2/4), no latest ship date (lsr no_data)", async () => {
    const f = (n: string) => join(DIR, n);
    const { report } = await json(["check", f("all-orders.txt"), f("ship-confirm.txt"), f("ship-confirm-new.txt")]);
    expect(counts(row(report, "pfcr", 7))).toEqual([2, 4]);
    expect(row(report, "lsr", 10).status).toBe("no_data");
    // vtr by ship date (no promised delivery column): A 05-11 and B 05-13 shipped, both tracked -> 2/2.
    expect(counts(row(report, "vtr", 30))).toEqual([2, 2]);
  });

  it("a joined report without an orders input: exit 2, one line telling to add the All Orders report", async () => {
    for (const args of [
      ["check", join(DIR, "order-report.txt")],
      ["check", "--shipments", join(DIR, "fba-shipments.txt"), "--unshipped", join(DIR, "unshipped-orders.txt")],
    ]) {
      const r = await ahr([...args, "--as-of", AS_OF]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain("add the All Orders report");
    }
    const r = await ahr(["check", "--shipments", join(DIR, "fba-shipments.txt"), "--unshipped", join(DIR, "unshipped-orders.txt")]);
    expect(r.stderr).toBe(
      `ahr: ${join(DIR, "unshipped-orders.txt")}, ${join(DIR, "fba-shipments.txt")}: these reports (unshipped, shipments) add fields to the orders, matched by order id, but no orders input was given; add the All Orders report (Seller Central: Reports > Fulfillment > All Orders) with --orders FILE or in the same folder\n`,
    );
  });

  it("a ship date that does not parse: exit 2, file:line, the column and the value; --skip-invalid counts it", async () => {
    const d = await tempDir();
    await copyFile(join(ROOT, DIR, "all-orders.txt"), join(d, "all-orders.txt"));
    await writeFile(
      join(d, "ship-confirm.txt"),
      "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method\n" +
        "111-1000001-0000001\t1\t1\t2026-05-11\tUSPS\t\t9400111899223344556677\tGround\n" +
        "111-1000002-0000002\t2\t1\t05/32/2026\tUSPS\t\t9400111899223344556678\tGround\n",
    );
    const r = await ahr(["check", d, "--as-of", AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `ahr: ${join(d, "ship-confirm.txt")}:3: column "ship-date": "05/32/2026" is not a date like 2026-01-31, 1/31/26 or 31-Jan-2026; or pass --skip-invalid to skip such rows\n`,
    );
    const { report } = await json(["check", d, "--skip-invalid"]);
    const s = report.inputs.find((i) => i.kind === "shipments")!;
    expect([s.rows, s.skipped]).toEqual([1, 1]);
  });

  it("a ship date in the orders input wins over the confirmations; a different one is a conflict", async () => {
    const d = await tempDir();
    // A canonical orders CSV that has shipped_at (05-11 10:00) and a confirmation saying 05-12.
    await writeFile(
      join(d, "orders.csv"),
      "order_id,purchase_date,fulfillment_channel,latest_ship_date,shipped_at\n" +
        "111-1000001-0000001,2026-05-10T10:00:00Z,MFN,2026-05-11,2026-05-11T10:00:00Z\n",
    );
    await writeFile(
      join(d, "ship-confirm.txt"),
      "order-id\tship-date\tcarrier-code\ttracking-number\n111-1000001-0000001\t2026-05-12\tUSPS\t9400111899223344556677\n",
    );
    const { report } = await json(["check", d]);
    // Used: the orders' 05-11 10:00, on time against the end of 05-11 -> lsr 0/1.
    expect(counts(row(report, "lsr", 30))).toEqual([0, 1]);
    expect(report.notes).toContain(
      "shipped_at: 1 order has a different value in shipments than in orders (first: 111-1000001-0000001); the orders value is used",
    );
  });

  it("old orders: a seller-fulfilled one is held for its joined dates, an Amazon-fulfilled one only counted", async () => {
    const d = await tempDir();
    // Both bought 2025-12-31 = D - 140, before every purchase-dated window (odr reaches back
    // 2 x 60 + 14 = 134 days for its previous window) but inside the AHR's 180 days.
    await writeFile(
      join(d, "orders.csv"),
      "order_id,purchase_date,fulfillment_channel,order_status\n" +
        "111-2000001-0000001,2025-12-31T10:00:00Z,MFN,Shipped\n" +
        "112-2000002-0000002,2025-12-31T11:00:00Z,AFN,Shipped\n",
    );
    // The order report says ship by 05-15 (a date: the end of that day); confirmed 05-18: late.
    await writeFile(join(d, "order-report.csv"), "order-id,latest-ship-date\n111-2000001-0000001,2026-05-15\n");
    await writeFile(
      join(d, "ship-confirm.txt"),
      "order-id\tship-date\tcarrier-code\ttracking-number\n" +
        "111-2000001-0000001\t2026-05-18\tUSPS\t9400111899223344556677\n" +
        "112-2000002-0000002\t2026-01-01\tUPS\t1Z999AA10123456784\n",
    );
    const { report } = await json(["check", d]);
    // lsr 30d (04-21..05-20): the MFN order, latest ship day 05-15, late -> 1/1.
    expect(counts(row(report, "lsr", 30))).toEqual([1, 1]);
    // Both matched (the AFN one is only counted for the AHR): no unmatched row; 2 orders in 180 days.
    expect(report.inputs.map((i) => i.unmatched)).toEqual([0, 0, 0]);
    expect((report as unknown as { accountHealth: { orders180d: number } }).accountHealth.orders180d).toBe(2);
  });

  it("the Order Report's sales-channel is an order's marketplace when the orders file has none", async () => {
    const d = await tempDir();
    await writeFile(
      join(d, "orders.csv"),
      "order_id,purchase_date,fulfillment_channel\n111-3000001-0000001,2026-05-10T10:00:00Z,MFN\n702-3000002-0000002,2026-05-11T10:00:00Z,MFN\n",
    );
    await writeFile(
      join(d, "order-report.txt"),
      "order-id\tsales-channel\tlatest-ship-date\n111-3000001-0000001\tAmazon.com\t2026-05-12\n702-3000002-0000002\tAmazon.ca\t2026-05-13\n",
    );
    const { report } = await json(["check", d]);
    // Two marketplaces, both from the order report: the AHR of each counts its 1 order
    // (marketplaces of equal size in name order: Amazon.ca first).
    const mps = (report as unknown as { marketplaces: { marketplace: string; accountHealth: { orders180d: number } }[] }).marketplaces;
    expect(mps.map((m) => [m.marketplace, m.accountHealth.orders180d])).toEqual([
      ["Amazon.ca", 1],
      ["Amazon.com", 1],
    ]);
  });

  it("ahr schema lists each joined kind with its flag and headers", async () => {
    for (const [kind, header] of [
      ["order-report", "is-buyer-requested-cancellation"],
      ["unshipped", "promise-date"],
      ["shipments", "shipment-date"],
    ] as const) {
      const r = await ahr(["schema", kind]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`${kind} (--${kind} FILE)`);
      expect(r.stdout).toContain(header);
    }
  });
});

import { describe, it, expect } from "vitest";
import { isAhrError } from "../../src/errors.js";
import type { Order } from "../../src/records.js";
import { blankOrderRow, type OrderRow } from "../../src/inputs/orders/reader.js";
import { OrderMerger } from "../../src/inputs/orders/merge.js";
import { readInputsWith, type ReadOptions } from "../../src/inputs/index.js";
import { defaultConfig } from "../../src/config/defaults.js";
import { countOnlyFor } from "../../src/engine/index.js";
import { buildReport } from "../../src/report/build.js";
import { formatDay, parseDay, zone } from "../../src/time.js";
import { fakeFs } from "../helpers/table.js";

const DAY = 86_400_000;
// 2026-10-01 is day 20727 (arithmetic in values.test.ts)
const OCT = (d: number) => 20726 + d;

const opts = (o: Partial<ReadOptions> = {}): ReadOptions => ({
  zone: zone("UTC"),
  dateOrder: "mdy",
  columns: {},
  skipInvalid: false,
  ...o,
});

async function readOrders(files: Record<string, string>, o: Partial<ReadOptions> = {}, extra: Record<string, string[]> = {}) {
  const fs = fakeFs(files);
  const orderFiles = Object.keys(files).filter((f) => f.startsWith("o"));
  const inputs = await readInputsWith({ files: { orders: orderFiles, ...extra }, auto: [] }, opts(o), fs.deps);
  const input = inputs.orders!;
  const byId = new Map<string, Order>(input.records.map((r) => [r.orderId, r]));
  return { input, byId, inputs };
}

const H = "order_id\tpurchase_date\tfulfillment_channel\torder_status\titem_status\tshipped_at\trefunded_at\trefund_amount\ttracking_valid\tsku";

describe("merging item rows into orders (SPEC 2.1, 8.2, 8.3, 8.7)", () => {
  it("order-level fields come from the first row whose cell is not empty", async () => {
    const { byId, input } = await readOrders({
      "o1.txt": [H, "A\t\tMerchant\t\t\t\t\t\t\ts1", "A\t2026-10-02\tAmazon\tShipped\t\t10/3/26\t\t\t\ts2"].join("\n"),
    });
    const a = byId.get("A")!;
    expect(a.channel).toBe("mfn"); // row 1 (Merchant), not row 2 (Amazon)
    expect(a.purchase).toEqual({ ms: OCT(2) * DAY, day: OCT(2) }); // row 2: row 1 was empty
    expect(a.status).toBe("shipped");
    expect(a.shippedAt).toEqual({ ms: OCT(3) * DAY, day: OCT(3) });
    expect(a.rows).toBe(2);
    expect(a.source).toEqual({ file: "o1.txt", line: 2 });
    expect(input.rows).toBe(2);
    expect(input.records.length).toBe(1);
  });
  it("one cancelled item marks the order; Canceled order status too", async () => {
    const { byId } = await readOrders({
      "o1.txt": [
        H,
        "B\t2026-10-02\tMFN\tShipped\tShipped\t\t\t\t\ts1",
        "B\t2026-10-02\tMFN\tShipped\tCancelled\t\t\t\t\ts2",
        "C\t2026-10-02\tMFN\tCanceled\t\t\t\t\t\ts1",
        "D\t2026-10-02\tMFN\tShipped\tShipped\t\t\t\t\ts1",
      ].join("\n"),
    });
    expect(byId.get("B")).toMatchObject({ cancelled: true, status: "shipped", pending: false });
    expect(byId.get("C")).toMatchObject({ cancelled: true, status: "canceled" });
    expect(byId.get("D")).toMatchObject({ cancelled: false });
  });
  it("pending is decided by order_status alone, 'Pending Availability' included", async () => {
    const { byId } = await readOrders({
      "o1.txt": [
        H,
        "P1\t2026-10-02\tMFN\tPending\tUnshipped\t\t\t\t\ts1",
        "P2\t2026-10-02\tMFN\tPending Availability\tShipped\t\t\t\t\ts1",
        "P3\t2026-10-02\tMFN\tShipped\tPending\t\t\t\t\ts1",
      ].join("\n"),
    });
    expect(byId.get("P1")!.pending).toBe(true);
    expect(byId.get("P2")).toMatchObject({ pending: true, status: "pendingavailability" });
    expect(byId.get("P3")!.pending).toBe(false);
  });
  it("a refund on any row counts: earliest refunded_at; amount without date is refundUndated", async () => {
    const { byId } = await readOrders({
      "o1.txt": [
        H,
        "E\t2026-10-02\tMFN\t\t\t\t\t0\t\ts1",
        "E\t2026-10-02\tMFN\t\t\t\t10/5/26\t5.00\t\ts2",
        "E\t2026-10-02\tMFN\t\t\t\t10/4/26\t\t\ts3",
        "F\t2026-10-02\tMFN\t\t\t\t\t$5.00\t\ts1",
        "G\t2026-10-02\tMFN\t\t\t\t\t0.00\t\ts1",
      ].join("\n"),
    });
    // E: rows 2 and 3 have dates Oct 5 and Oct 4: earliest Oct 4; row 1's amount is 0
    expect(byId.get("E")).toMatchObject({ refundedAt: { day: OCT(4) }, refundUndated: false, rows: 3 });
    expect(byId.get("F")).toMatchObject({ refundedAt: null, refundUndated: true });
    expect(byId.get("G")).toMatchObject({ refundedAt: null, refundUndated: false });
  });
  it("tracking_valid: first non-empty cell; empty cells are false; null without the column", async () => {
    const { byId } = await readOrders({
      "o1.txt": [H, "T1\t2026-10-02\tMFN\t\t\t\t\t\t\ts1", "T1\t2026-10-02\tMFN\t\t\t\t\t\tyes\ts2", "T2\t2026-10-02\tMFN\t\t\t\t\t\t\ts1"].join(
        "\n",
      ),
    });
    expect(byId.get("T1")!.trackingValid).toBe(true);
    expect(byId.get("T2")!.trackingValid).toBe(false);
    const none = await readOrders({ "o1.txt": "order_id\tpurchase_date\tfulfillment_channel\nT3\t2026-10-02\tMFN" });
    expect(none.byId.get("T3")!.trackingValid).toBeNull();
  });
  it("files are merged in the order given", async () => {
    const { byId, input } = await readOrders({
      "o1.txt": "order_id\tpurchase_date\tfulfillment_channel\tshipped_at\nA\t2026-10-02\tMFN\t",
      "o2.txt": "order_id\tpurchase_date\tfulfillment_channel\tshipped_at\nA\t2026-10-02\tAFN\t10/6/26\nB\t2026-10-03\tAFN\t",
    });
    expect(byId.get("A")).toMatchObject({ channel: "mfn", shippedAt: { day: OCT(6) }, rows: 2, source: { file: "o1.txt", line: 2 } });
    expect(input.files).toEqual(["o1.txt", "o2.txt"]);
    expect(input.records.map((r) => r.orderId)).toEqual(["A", "B"]);
  });
});

describe("duplicate rows", () => {
  it("a row identical in every selected cell to an earlier row of the order is counted and ignored", async () => {
    const row = "A\t2026-10-02\tMFN\tShipped\tShipped\t\t\t\t\ts1";
    const { byId, input } = await readOrders({
      "o1.txt": [H, row, "A\t2026-10-02\tMFN\tShipped\tShipped\t\t\t\t\ts2", row].join("\n"),
      // the same export given twice: every row repeats
      "o2.txt": [H, row].join("\n"),
    });
    // 4 rows read: rows 1 and 2 differ by sku, row 3 repeats row 1, o2's row repeats it again
    expect(input.duplicates).toBe(2);
    expect(input.rows).toBe(2);
    expect(byId.get("A")!.rows).toBe(2);
  });
  it("rows of files with different columns are never duplicates", async () => {
    const { input } = await readOrders({
      "o1.txt": "order_id\tpurchase_date\tfulfillment_channel\nA\t2026-10-02\tMFN",
      "o2.txt": "order_id\tpurchase_date\tfulfillment_channel\tsku\nA\t2026-10-02\tMFN\t",
    });
    expect(input.duplicates).toBe(0);
    expect(input.records[0]!.rows).toBe(2);
  });
  it("other kinds: a row equal to an earlier row is a duplicate", async () => {
    const fs = fakeFs({
      "fb.txt": "date\trating\torder_id\n10/9/26\t1\tA\n10/9/26\t1\tA\n10/9/26\t2\tA\n10/9/26\t1\tA",
    });
    const inputs = await readInputsWith({ files: { feedback: ["fb.txt"] }, auto: [] }, opts(), fs.deps);
    // rows 2, 3 and 5 are equal: two duplicates; row 4 (rating 2) is kept
    expect(inputs.feedback).toMatchObject({ rows: 2, duplicates: 2 });
    expect(inputs.feedback!.records.map((r) => r.rating)).toEqual([1, 2]);
  });
});

describe("empty purchase date or channel on every row", () => {
  const file = [H, "A\t2026-10-02\tMFN\t\t\t\t\t\t\ts1", "Z\t\tMFN\t\t\t\t\t\t\ts1", "Z\t\tMFN\t\t\t\t\t\t\ts2", "Y\t2026-10-02\t\t\t\t\t\t\t\ts1"].join(
    "\n",
  );
  it("is EMPTY_REQUIRED naming the order's first line", async () => {
    const e = await readOrders({ "o1.txt": file }).catch((x: unknown) => x);
    expect(isAhrError(e) && e.code).toBe("EMPTY_REQUIRED");
    if (!isAhrError(e)) return;
    expect(e.params).toMatchObject({ file: "o1.txt", line: 3, column: "purchase_date" });
    expect(e.message).toContain("o1.txt:3:");
    expect(e.message).toContain("order Z");
  });
  it("with --skip-invalid the order's rows are skipped and sampled", async () => {
    const { input } = await readOrders({ "o1.txt": file }, { skipInvalid: true });
    expect(input.records.map((r) => r.orderId)).toEqual(["A"]);
    // data rows: A, Z, Z, Y = 4; Z (2 rows, no purchase date) and Y (1 row, no channel) are
    // skipped: 3 rows; kept 4 - 3 = 1
    expect(input.skipped).toBe(3);
    expect(input.rows).toBe(1);
    expect(input.skippedSamples.map((s) => [s.line, s.message.includes("fulfillment_channel")])).toEqual([
      [3, false],
      [5, true],
    ]);
  });
});

describe("keepFromDay and outsideIds", () => {
  it("drops orders purchased before the day, keeping only the ids other inputs refer to", async () => {
    const { input } = await readOrders(
      {
        "o1.txt": [
          H,
          "X\t2026-09-20\tMFN\t\t\t\t\t\t\ts1", // old, referenced by feedback
          "Y\t2026-10-02\tMFN\t\t\t\t\t\t\ts1", // kept (on keepFromDay itself)
          "W\t2026-09-30\tMFN\t\t\t\t\t\t\ts1", // old, unreferenced
          "X\t\tMFN\t\t\t\t\t\t\ts2", // later row of dropped X with no purchase date: dropped too
          "V\t\tMFN\t\t\t\t\t\t\ts1", // first row has no date, the second says old: dropped
          "V\t2026-09-01\tMFN\t\t\t\t\t\t\ts2",
          "U\t2026-10-05\tMFN\t\t\t\t\t\t\ts1",
          "U\t2026-09-01\tMFN\t\t\t\t\t\t\ts2", // first non-empty purchase (Oct 5) decides: kept
        ].join("\n"),
        "fb.txt": "date\trating\torder_id\n10/9/26\t1\tX\n10/9/26\t1\tQ\n10/9/26\t1\tV\n10/9/26\t1\tY",
      },
      { keepFromDay: OCT(2) },
      { feedback: ["fb.txt"] },
    );
    expect(input.records.map((r) => r.orderId)).toEqual(["Y", "U"]);
    expect([...input.outsideIds].sort()).toEqual(["V", "X"]);
    expect(input.records.find((r) => r.orderId === "U")!.rows).toBe(2);
  });
  it("without keepFromDay every order is kept and outsideIds is empty", async () => {
    const { input } = await readOrders({ "o1.txt": [H, "X\t2020-01-01\tMFN\t\t\t\t\t\t\ts1"].join("\n") });
    expect(input.records.length).toBe(1);
    expect(input.outsideIds.size).toBe(0);
  });
});

describe("countOnly: orders only the AHR needs are counted, not kept", () => {
  const H2 = "order_id\tpurchase_date\tfulfillment_channel\torder_status\titem_status\tshipped_at\tlatest_ship_date\tsku";
  it("counts an order whose first row rules it out of every window and of attention; keeps the others", async () => {
    // beforeDay Oct 10, basisFrom Oct 8, as of Oct 20; promised_delivery_date is no column here
    const { input } = await readOrders(
      {
        "o1.txt": [
          H2,
          "A\t2026-10-03\tMFN\tShipped\t\t2026-10-04\t2026-10-05\ts1", // shipped by the end of D: counted
          "A\t2026-10-03\tMFN\tShipped\t\t2026-10-04\t2026-10-05\ts1", // a duplicate of it
          "A\t\t\t\t\t\t\ts2", // another row of A, no purchase date: found by its id hash
          "B\t2026-10-04\tMFN\tUnshipped\t\t\t2026-10-06\ts1", // unshipped MFN, overdue: kept
          "C\t2026-10-05\tAFN\t\t\t2026-10-06\t2026-10-07\ts1", // Amazon-fulfilled: counted
          "C\t2026-10-05\tAFN\tPending\t\t\t\ts2", // ... its first status says pending
          "E\t2026-10-05\t\tShipped\t\t2026-10-06\t2026-10-07\ts1", // no channel on the first row: kept
          "E\t2026-10-05\tMFN\t\t\t\t\ts2",
          "F\t2026-10-12\tAFN\tShipped\t\t2026-10-13\t2026-10-14\ts1", // from beforeDay on: kept
          "G\t2026-10-06\tMFN\tShipped\t\t2026-10-25\t2026-10-30\ts1", // shipped and due after D: counted
          "H\t2026-10-06\tMFN\tCanceled\t\t\t2026-10-07\ts1", // no ship date yet (a later row may bring one): kept
          "I\t2026-10-06\tMFN\tCanceled\t\t2026-10-04\t2026-10-05\ts1", // counted (not pending: in the AHR)
          "J\t2026-10-06\tMFN\tShipped\t\t2026-10-09\t2026-10-05\ts1", // shipped on Oct 9, in vtr's days: kept
          "Q\t2026-09-01\tMFN\tShipped\t\t\t\ts1", // before keepFromDay: dropped
        ].join("\n"),
        "fb.txt": "date\trating\torder_id\n10/9/26\t1\tA\n10/9/26\t1\tQ\n10/9/26\t1\tZ",
      },
      { keepFromDay: OCT(2), countOnly: { beforeDay: OCT(10), basisFrom: OCT(8), asOf: OCT(20), endOfDay: OCT(21) * DAY - 1 } },
      { feedback: ["fb.txt"] },
    );
    expect(input.records.map((r) => r.orderId)).toEqual(["B", "E", "F", "H", "J"]);
    expect(input.records.find((r) => r.orderId === "E")!.channel).toBe("mfn");
    // A, C, G, I counted; C is pending; A on Oct 3, G and I on Oct 6
    expect(input.countedOnly!.orders).toBe(4);
    expect([...input.countedOnly!.nonPendingByDay].sort()).toEqual([
      [OCT(3), 1],
      [OCT(6), 2],
    ]);
    expect([input.rows, input.duplicates, input.recordCount]).toEqual([13, 1, 9]);
    // A is counted and referenced, Q dropped and referenced: both matched, neither unmatched
    expect([...input.outsideIds].sort()).toEqual(["A", "Q"]);
  });

  it("without the date columns (one file) an order is counted on its channel and purchase date alone", async () => {
    const { input } = await readOrders(
      { "o1.txt": ["order_id\tpurchase_date\tfulfillment_channel\torder_status", "K\t2026-10-03\tMFN\tUnshipped"].join("\n") },
      { keepFromDay: OCT(2), countOnly: { beforeDay: OCT(10), basisFrom: OCT(8), asOf: OCT(20), endOfDay: OCT(21) * DAY - 1 } },
    );
    expect([input.records.length, input.countedOnly!.orders]).toEqual([0, 1]);
    // two files: a later one could bring the dates, so the order is kept
    const two = await readOrders(
      {
        "o1.txt": ["order_id\tpurchase_date\tfulfillment_channel\torder_status", "K\t2026-10-03\tMFN\tUnshipped"].join("\n"),
        "o2.txt": ["order_id\tpurchase_date\tfulfillment_channel\tlatest_ship_date", "K\t2026-10-03\tMFN\t2026-10-09"].join("\n"),
      },
      { keepFromDay: OCT(2), countOnly: { beforeDay: OCT(10), basisFrom: OCT(8), asOf: OCT(20), endOfDay: OCT(21) * DAY - 1 } },
    );
    expect(two.input.records.map((r) => [r.orderId, r.latestShip?.day])).toEqual([["K", OCT(9)]]);
    expect(two.input.countedOnly).toBeUndefined();
  });

  it("the report is the same whether the orders the AHR alone needs are counted or kept", async () => {
    const asOf = parseDay("2026-10-20")!;
    const config = defaultConfig();
    const countOnly = countOnlyFor(asOf, config)!;
    expect(countOnly.beforeDay).toBe(asOf - 133); // odr: 2 x 60 + 14 days
    expect(countOnly.basisFrom).toBe(asOf - 59); // lsr, vtr, otdr: 2 x 30 days
    const first = parseDay("2026-04-01")!;
    const rows = ["order_id\tpurchase_date\tfulfillment_channel\torder_status\titem_status\tshipped_at\tlatest_ship_date\tsku"];
    const feedback = ["date\trating\torder_id"];
    for (let k = 0; k < 400; k++) {
      const day = first + ((k * 7) % 200);
      const status = ["Shipped", "Pending", "Canceled", "Unshipped", ""][k % 5]!;
      const channel = k % 3 === 0 ? "Amazon" : k % 13 === 0 ? "" : "Merchant";
      const shipped = k % 4 === 0 ? "" : formatDay(day + 1);
      const due = k % 11 === 0 ? "2026-10-25" : k % 17 === 0 ? "2026-10-20" : formatDay(day + 2);
      const row = `O${k}\t${formatDay(day)}\t${channel}\t${status}\t${k % 19 === 0 ? "Cancelled" : ""}\t${shipped}\t${due}\ts1`;
      rows.push(row);
      if (k % 10 === 0) rows.push(row); // a duplicate
      if (k % 6 === 0) rows.push(`O${k}\t\tMerchant\t${k % 12 === 0 ? "Pending" : "Shipped"}\t\t\t\ts2`);
      if (k % 9 === 0) feedback.push(`10/1/26\t${1 + (k % 2)}\tO${k}`);
    }
    const files = { "o1.txt": rows.join("\n"), "fb.txt": feedback.join("\n") };
    const keep = { keepFromDay: asOf - 179, skipInvalid: true }; // orders with no channel on any row are skipped
    const counted = await readOrders(files, { ...keep, countOnly }, { feedback: ["fb.txt"] });
    const kept = await readOrders(files, keep, { feedback: ["fb.txt"] });
    // both kinds of order are there: counted ones, and ones from before beforeDay kept for attention
    expect(counted.input.countedOnly!.orders).toBeGreaterThan(20);
    expect(counted.input.records.some((r) => r.purchase.day < countOnly.beforeDay)).toBe(true);
    const report = (inputs: typeof kept.inputs) =>
      JSON.stringify(buildReport(inputs, { asOf, config, details: true, failOn: "breach", version: "0" }));
    expect(report(counted.inputs)).toBe(report(kept.inputs));
    expect(kept.input.countedOnly).toBeUndefined();
  });
});

describe("the merged records", () => {
  it("read as plain Orders: exactly the Order fields, nothing of the merge state", async () => {
    const { byId } = await readOrders({ "o1.txt": "order_id\tpurchase_date\tfulfillment_channel\nA\t2026-10-02\tMFN" });
    // The orders are views on a column store (issue 6): their JSON is the plain record.
    const plain = JSON.parse(JSON.stringify(byId.get("A"))) as Record<string, unknown>;
    expect(plain).toEqual({
      orderId: "A",
      channel: "mfn",
      purchase: { ms: OCT(2) * DAY, day: OCT(2) },
      status: null,
      pending: false,
      cancelled: false,
      cancelledBy: null,
      latestShip: null,
      shippedAt: null,
      trackingNumber: null,
      trackingValid: null,
      trackingExempt: false,
      promisedDelivery: null,
      deliveredAt: null,
      refundedAt: null,
      refundUndated: false,
      rows: 1,
      source: { file: "o1.txt", line: 2 },
    });
    expect(Object.keys(plain).length).toBe(18);
  });
});

describe("duplicates compare values, not spellings, for dates", () => {
  it("the same instant written two ways is the same row; a different instant is not", async () => {
    const h = "order_id\tpurchase_date\tfulfillment_channel\tsku";
    const { input } = await readOrders({
      "o1.txt": [h, "A\t2026-10-02T14:21:07+00:00\tMFN\ts1", "A\t2026-10-02 14:21:07\tMFN\ts1", "A\t2026-10-02T14:21:08+00:00\tMFN\ts1"].join("\n"),
    });
    // row 3 is row 2's instant in the UTC report zone: a duplicate; row 4 is a second later: kept
    expect(input.duplicates).toBe(1);
    expect(input.records[0]!.rows).toBe(2);
  });
});

describe("tracking numbers are given back as read", () => {
  it("Latin-1, other characters, very long, and none", async () => {
    const long = "1Z" + "9".repeat(298); // 300 characters: past the 255 of the byte pool
    const { byId } = await readOrders({
      "o1.txt": [
        "order_id\tpurchase_date\tfulfillment_channel\ttracking_number",
        "A\t2026-10-02\tMFN\tTRK-Ünïcode-ÿ",
        "B\t2026-10-02\tMFN\t追跡-123",
        `C\t2026-10-02\tMFN\t${long}`,
        "D\t2026-10-02\tMFN\t",
        "E\t2026-10-02\tMFN\t",
        "E\t2026-10-02\tMFN\t1Z2",
      ].join("\n"),
    });
    expect(["A", "B", "C", "D", "E"].map((id) => byId.get(id)!.trackingNumber)).toEqual([
      "TRK-Ünïcode-ÿ",
      "追跡-123",
      long,
      null,
      "1Z2", // row 1 empty, row 2 has it: the first non-empty wins
    ]);
  });
});

describe("the store's narrow date columns (a day offset and an instant within 24 days of it)", () => {
  const names = { purchase: "purchase_date", channel: "fulfillment_channel" };
  const row = (orderId: string, o: Partial<OrderRow> = {}): OrderRow => ({
    ...blankOrderRow(),
    orderId,
    purchase: { ms: OCT(2) * DAY + 3_600_000, day: OCT(2) },
    channel: "mfn",
    status: "shipped",
    ...o,
  });
  it("gives back every date as stored, those that do not fit the narrow columns included", () => {
    const m = new OrderMerger();
    const far = parseDay("1900-01-01")!; // 46,021 days before the first date stored (OCT(2)): past 16 bits
    const latest = { ms: OCT(3) * DAY + 40 * DAY, day: OCT(3) }; // 40 days after its day: past 32 bits of ms
    const before = { ms: OCT(3) * DAY - 5 * 3_600_000, day: OCT(3) }; // before its day's UTC start (a zone east of UTC)
    const half = { ms: OCT(4) * DAY + 0.5, day: OCT(4) }; // a fractional instant
    m.add(row("A"), 1, "o.txt", 2, names);
    m.add(row("B", { purchase: { ms: far * DAY, day: far }, latestShip: latest, shippedAt: before, deliveredAt: half }), 2, "o.txt", 3, names);
    // refunds: the earliest wins, whichever of them is kept whole
    m.add(row("C", { refundedAt: { ms: far * DAY + 7, day: far } }), 3, "o.txt", 4, names);
    m.add(row("C", { refundedAt: { ms: OCT(5) * DAY, day: OCT(5) } }), 4, "o.txt", 5, names);
    m.add(row("D", { refundedAt: { ms: OCT(6) * DAY, day: OCT(6) } }), 5, "o.txt", 6, names);
    m.add(row("D", { refundedAt: { ms: OCT(1) * DAY + 40 * DAY, day: OCT(1) } }), 6, "o.txt", 7, names); // later instant: not taken
    m.add(row("D", { refundedAt: { ms: OCT(1) * DAY - 40 * DAY, day: OCT(1) } }), 7, "o.txt", 8, names); // earlier, wide: taken
    const [a, b, c, d] = m.finish();
    expect(a!.purchase).toEqual({ ms: OCT(2) * DAY + 3_600_000, day: OCT(2) });
    expect(a!.latestShip).toBeNull();
    expect(b!.purchase).toEqual({ ms: far * DAY, day: far });
    expect(b!.latestShip).toEqual(latest);
    expect(b!.shippedAt).toEqual(before);
    expect(b!.deliveredAt).toEqual(half);
    expect(b!.promisedDelivery).toBeNull();
    expect(c!.refundedAt).toEqual({ ms: far * DAY + 7, day: far });
    expect(d!.refundedAt).toEqual({ ms: OCT(1) * DAY - 40 * DAY, day: OCT(1) });
  });
  it("an instant that is not a number is no date, as before it was stored: a later row's date fills it", () => {
    const m = new OrderMerger();
    m.add(row("A", { shippedAt: { ms: NaN, day: OCT(3) } }), 1, "o.txt", 2, names);
    m.add(row("A", { shippedAt: { ms: OCT(4) * DAY, day: OCT(4) } }), 2, "o.txt", 3, names);
    expect(m.finish()[0]!.shippedAt).toEqual({ ms: OCT(4) * DAY, day: OCT(4) });
  });
  it("orders on both sides of a page boundary (65,536 orders a page) keep their own fields", () => {
    const m = new OrderMerger();
    const n = 65_536 + 10;
    for (let i = 0; i < n; i++) {
      const day = OCT(1) + (i % 50);
      m.add(row(`O${i}`, { purchase: { ms: day * DAY + i, day }, channel: i % 2 === 0 ? "afn" : "mfn" }), i, "o.txt", i + 2, names);
    }
    m.add(row("O65536", { refundedAt: { ms: OCT(9) * DAY, day: OCT(9) } }), -1, "o.txt", n + 2, names); // second row of the first order of page 2
    const out = m.finish();
    expect(out.length).toBe(n);
    for (const i of [0, 65_535, 65_536, n - 1]) {
      const o = out[i]!;
      const day = OCT(1) + (i % 50);
      expect(o.orderId).toBe(`O${i}`);
      expect(o.purchase).toEqual({ ms: day * DAY + i, day });
      expect(o.channel).toBe(i % 2 === 0 ? "afn" : "mfn");
      expect(o.source).toEqual({ file: "o.txt", line: i + 2 });
    }
    expect(out[65_536]!.rows).toBe(2);
    expect(out[65_536]!.refundedAt).toEqual({ ms: OCT(9) * DAY, day: OCT(9) });
    expect(out[65_535]!.rows).toBe(1);
    expect(out[65_535]!.refundedAt).toBeNull();
  });
});

describe("order ids in the store's byte pool", () => {
  it("Latin-1, other characters, past 255 characters and prefixes of each other: merged and given back as read", async () => {
    const long = "L".repeat(300); // past the 8-bit length of the pool
    const long2 = "L".repeat(299) + "M";
    const ids = ["Ä-1", "注文-1", long, long2, "A", "AB", "Ab"];
    const lines = ["order_id\tpurchase_date\tfulfillment_channel\tsku"];
    ids.forEach((id, n) => lines.push(`${id}\t2026-10-02\tMFN\tfirst-${n}`));
    ids.forEach((id, n) => lines.push(`${id}\t2026-10-02\tMFN\tsecond-${n}`)); // second rows: found by id
    lines.push(`注文-1\t2026-10-02\tMFN\tfirst-1`); // a duplicate of an order whose id is not Latin-1
    const { input } = await readOrders({ "o1.txt": lines.join("\n") });
    expect(input.records.map((o) => o.orderId)).toEqual(ids);
    expect(input.records.map((o) => o.rows)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(input.records.map((o) => o.source.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(input.duplicates).toBe(1);
    expect(JSON.parse(JSON.stringify(input.records[1])).orderId).toBe("注文-1");
  });
  it("an order with neither date nor channel names its id in the error", async () => {
    const h = "order_id\tpurchase_date\tfulfillment_channel";
    const e = await readOrders({ "o1.txt": [h, "A\t2026-10-02\tMFN", "Zß\t\tMFN"].join("\n") }).catch((x: unknown) => x);
    expect(isAhrError(e) && e.params).toMatchObject({ line: 3, column: "purchase_date", expected: "a purchase date (on at least one row of order Zß)" });
  });
});

import { describe, it, expect } from "vitest";
import { AhrError, isAhrError } from "../../src/errors.js";
import type { InputKind } from "../../src/records.js";
import { overCells, type RowContext, type RowParser } from "../../src/inputs/cells.js";
import { mapColumns as mapColumnsOf } from "../../src/inputs/headers.js";
import { isMerged } from "../../src/inputs/kind.js";
import { orderRowParser } from "../../src/inputs/orders/reader.js";
import { kindOf } from "../../src/inputs/registry.js";

const mapColumns = (kind: InputKind, ...rest: [readonly string[], string, Record<string, string>?]) => mapColumnsOf(kindOf(kind), ...rest);
/** The row parser of a record kind (its contract's reader over string cells). */
function recordParser(kind: InputKind, ...rest: Parameters<typeof orderRowParser>): RowParser<unknown> {
  const k = kindOf(kind);
  if (isMerged(k)) throw new Error(`${kind} is merged`);
  return overCells(k.reader(rest[0], rest[1]));
}
import { zone } from "../../src/time.js";

const DAY = 86_400_000;
const ctx = (file: string, dateOrder: "mdy" | "dmy" = "mdy"): RowContext => ({ file, zone: zone("UTC"), dateOrder });

/** Parse TSV `lines[1..]` (header `lines[0]`) as `kind`; row i is on physical line i + 2. */
function parse(kind: Exclude<InputKind, "orders">, file: string, text: string, dateOrder: "mdy" | "dmy" = "mdy") {
  const [head, ...rows] = text.split("\n");
  const map = mapColumns(kind, head!.split("\t"), file);
  const p = recordParser(kind, map, ctx(file, dateOrder));
  return rows.map((r, i) => {
    const cells = r.split("\t");
    return p(map.columns.map((c) => cells[c] ?? ""), i + 2) as Record<string, unknown>;
  });
}

function parseOrders(file: string, text: string) {
  const [head, ...rows] = text.split("\n");
  const map = mapColumns("orders", head!.split("\t"), file);
  const p = orderRowParser(map, ctx(file));
  return rows.map((r, i) => {
    const cells = r.split("\t");
    return p(map.columns.map((c) => cells[c] ?? ""), i + 2);
  });
}

function error(f: () => unknown): AhrError {
  try {
    f();
  } catch (e) {
    if (isAhrError(e)) return e;
    throw e;
  }
  throw new Error("did not throw");
}

// 2026-10-01 is day 20727 (see values.test.ts for the arithmetic)
const OCT = (d: number) => 20726 + d;

describe("feedback", () => {
  it("reads Amazon's seller feedback report", () => {
    const [a, b] = parse(
      "feedback",
      "fb.txt",
      "Date\tRating\tComments\tResponse\tOrder ID\tRater Email\n" +
        "10/9/26\t1\tArrived cracked. Box was crushed.\t\t113-4820185-1029384\tx@y\n" +
        "10/12/26\t3\t\t\t111-7719204-8812203\tp@q",
    );
    expect(a).toEqual({
      orderId: "113-4820185-1029384",
      date: { ms: OCT(9) * DAY, day: OCT(9) },
      rating: 1,
      removed: false,
      comments: "Arrived cracked. Box was crushed.",
      source: { file: "fb.txt", line: 2 },
    });
    expect(b).toMatchObject({ rating: 3, comments: null, date: { day: OCT(12) }, source: { line: 3 } });
  });
  it("an empty date is undated; struck-through marks removed; D/M/YY with dmy", () => {
    const [a, b] = parse("feedback", "fb.txt", "date\trating\torder_id\tstruck-through\n\t2\tA\tyes\n9/10/26\t5\tB\t", "dmy");
    expect(a).toMatchObject({ date: null, removed: true, rating: 2 });
    expect(b).toMatchObject({ date: { day: OCT(9) }, removed: false });
  });
  it("a rating outside 1..5 is a value error; an empty rating is EMPTY_REQUIRED", () => {
    const e = error(() => parse("feedback", "fb.txt", "date\trating\torder_id\n10/9/26\t6\tA"));
    expect(e.code).toBe("VALUE");
    expect(e.message).toBe('fb.txt:2: column "rating": "6" is not a rating: a whole number from 1 to 5; or pass --skip-invalid to skip such rows');
    expect(error(() => parse("feedback", "fb.txt", "date\trating\torder_id\n10/9/26\t\tA")).code).toBe("EMPTY_REQUIRED");
    expect(error(() => parse("feedback", "fb.txt", "date\trating\torder_id\n10/9/26\t4\t")).message).toBe(
      'fb.txt:2: column "order_id" is empty; every row needs an order id; fix the row or pass --skip-invalid',
    );
  });
  it("a bad date names file:line, the column as written, the value and --date-order dmy", () => {
    const e = error(() => parse("feedback", "fb.txt", "Date\tRating\tOrder ID\n10/9/26\t1\tA\n13/10/26\t1\tB"));
    expect(e.code).toBe("VALUE");
    expect(e.params).toMatchObject({ file: "fb.txt", line: 3, column: "Date", value: "13/10/26" });
    expect(e.message).toBe(
      'fb.txt:3: column "Date": "13/10/26" is not a date like 2026-01-31, 1/31/26 or 31-Jan-2026; pass --date-order dmy if the file\'s dates are day/month/year',
    );
  });
});

describe("claims and chargebacks", () => {
  it("claim status normalised; amazon_funded from a boolean or funded-by", () => {
    const [a, b, c] = parse(
      "claims",
      "c.csv",
      "order_id\tclaim-status\tclaim-date\tfunded-by\nA\tSeller_Refunded\t2026-10-05\tAmazon\nB\tGranted\t\tSeller\nC\tdenied\t\t",
    );
    expect(a).toEqual({
      orderId: "A",
      status: "sellerrefunded",
      filedAt: { ms: OCT(5) * DAY, day: OCT(5) },
      amazonFunded: true,
      source: { file: "c.csv", line: 2 },
    });
    expect(b).toMatchObject({ status: "granted", filedAt: null, amazonFunded: false });
    expect(c).toMatchObject({ status: "denied", amazonFunded: false });
    const [d] = parse("claims", "c.csv", "order_id\tstatus\tamazon_funded\nD\tGranted\tY");
    expect(d).toMatchObject({ amazonFunded: true });
    expect(error(() => parse("claims", "c.csv", "order_id\tstatus\tamazon_funded\nD\tGranted\tbank")).code).toBe("VALUE");
  });
  it("chargeback type and status normalised, null when empty", () => {
    const [a, b] = parse("chargebacks", "cb.csv", "order_id\tchargeback-date\treason-type\tstatus\nA\t10/3/26\tFraud\tWon\nB\t\t\t");
    expect(a).toEqual({ orderId: "A", filedAt: { ms: OCT(3) * DAY, day: OCT(3) }, type: "fraud", status: "won", source: { file: "cb.csv", line: 2 } });
    expect(b).toMatchObject({ filedAt: null, type: null, status: null });
  });
});

describe("messages", () => {
  it("received_at required, responded_at optional, no_response_needed boolean", () => {
    const [a] = parse(
      "messages",
      "m.csv",
      "message_id\torder_id\treceived_at\tresponded_at\tno_response_needed\nM1\t\t2026-10-02T10:00:00Z\t2026-10-03T10:00:00Z\tY",
    );
    expect(a).toEqual({
      messageId: "M1",
      orderId: null,
      receivedAt: { ms: Date.UTC(2026, 9, 2, 10), day: OCT(2) },
      respondedAt: { ms: Date.UTC(2026, 9, 3, 10), day: OCT(3) },
      noResponseNeeded: true,
      source: { file: "m.csv", line: 2 },
    });
    const e = error(() => parse("messages", "m.csv", "received_at\tresponded_at\n\t2026-10-03"));
    expect(e.code).toBe("EMPTY_REQUIRED");
    expect(e.params).toMatchObject({ line: 2, column: "received_at" });
  });
});

describe("returns", () => {
  it("reads Amazon's MFN returns report: Return request status feeds action", () => {
    const header =
      "Order ID\tOrder date\tReturn request date\tReturn request status\tIn policy\tResolution\tRefunded Amount";
    const [a, b] = parse(
      "returns",
      "r.txt",
      `${header}\n113-4820185-1029384\t02-Oct-2026\t10-Oct-2026\tApproved\tY\tStandardRefund\t34.99\nX\t02-Oct-2026\t11-Oct-2026\tRejected\tY\t\t`,
    );
    expect(a).toEqual({
      orderId: "113-4820185-1029384",
      requestedAt: { ms: OCT(10) * DAY, day: OCT(10) },
      inPolicy: true,
      respondedAt: null,
      action: "authorized",
      buyerResolved: null,
      source: { file: "r.txt", line: 2 },
    });
    expect(b).toMatchObject({ action: "rejected", inPolicy: true });
  });
  it("buyer_resolved and in_policy: empty means no answer (null)", () => {
    const [a, b] = parse("returns", "r.csv", "order_id\trequested_at\tin_policy\tbuyer_resolved\nA\t2026-10-01\t\tno\nB\t2026-10-01\tN\t");
    expect(a).toMatchObject({ inPolicy: null, buyerResolved: false });
    expect(b).toMatchObject({ inPolicy: false, buyerResolved: null });
  });
});

describe("violations", () => {
  it("severity, category, dates", () => {
    const [a] = parse(
      "violations",
      "v.csv",
      "violation_id\tpolicy\tseverity\tcategory\tdetected_at\tresolved_at\tasin\nV1\tTrademark\tHigh\tIntellectual Property\t2026-09-01\t\tB0",
    );
    // Sep 1 = Oct 1 - 30 = 20697
    expect(a).toEqual({
      violationId: "V1",
      policy: "Trademark",
      severity: "high",
      category: "intellectual_property",
      detectedAt: { ms: 20697 * DAY, day: 20697 },
      resolvedAt: null,
      asin: "B0",
      source: { file: "v.csv", line: 2 },
    });
    const e = error(() => parse("violations", "v.csv", "policy\tseverity\tdetected_at\nP\tsevere\t2026-09-01"));
    expect(e.message).toBe(
      'v.csv:2: column "severity": "severe" is not a severity: low, medium, high or critical; or pass --skip-invalid to skip such rows',
    );
    const [b] = parse("violations", "v.csv", "policy\tseverity\tdetected_at\nP\tlow\t2026-09-01");
    expect(b).toMatchObject({ category: "other", violationId: null, asin: null });
  });
});

describe("order rows", () => {
  it("reads an All Orders row", () => {
    const [r] = parseOrders(
      "o.txt",
      "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\titem-status\n113-1\t2026-10-02T14:21:07+00:00\tShipped\tMerchant\tShipped",
    );
    expect(r).toEqual({
      orderId: "113-1",
      purchase: { ms: Date.UTC(2026, 9, 2, 14, 21, 7), day: OCT(2) },
      channel: "mfn",
      status: "shipped",
      itemCancelled: false,
      cancelledBy: null,
      latestShip: null,
      shippedAt: null,
      trackingNumber: null,
      trackingValid: undefined,
      trackingExempt: null,
      promisedDelivery: null,
      deliveredAt: null,
      refundedAt: null,
      refundAmountPositive: false,
      salesChannel: null, // no sales-channel column
    });
  });
  it("reads the optional order columns", () => {
    const [r] = parseOrders(
      "o.txt",
      "order_id\tpurchase_date\tchannel\titem-status\tis-buyer-requested-cancellation\tship-by-date\tship-date\ttracking-id\tvalid-tracking\tvtr-exempt\tdeliver-by-date\tdelivery-date\trefund-date\trefunded-amount\n" +
        "A\t10/2/26\tFBA\tCanceled\ttrue\t10/4/26\t10/3/26 9:00\tTRK\t\tN\t10/8/26\t10/7/26\t\t$1,234.50",
    );
    expect(r).toMatchObject({
      channel: "afn",
      itemCancelled: true,
      cancelledBy: "buyer",
      // latest ship date without time: end of Oct 4
      latestShip: { ms: (OCT(4) + 1) * DAY - 1, day: OCT(4) },
      shippedAt: { ms: Date.UTC(2026, 9, 3, 9), day: OCT(3) },
      trackingNumber: "TRK",
      trackingValid: null, // column present, cell empty
      trackingExempt: false,
      promisedDelivery: { day: OCT(8) },
      deliveredAt: { day: OCT(7) },
      refundedAt: null,
      refundAmountPositive: true,
    });
  });
  it("an unknown channel names file:line, the column, the value and what helps", () => {
    const e = error(() =>
      parseOrders("o.txt", "amazon-order-id\tpurchase-date\tfulfillment-channel\nA\t2026-10-02\tMerchant\nB\t2026-10-02\tWalmart"),
    );
    expect(e.code).toBe("VALUE");
    expect(e.params).toMatchObject({ file: "o.txt", line: 3, column: "fulfillment-channel", value: "Walmart" });
    expect(e.message).toContain('o.txt:3: column "fulfillment-channel": "Walmart" is not a fulfillment channel: Amazon, AFN or FBA, or Merchant, MFN, FBM or Seller');
    expect(e.message).toContain('"columns": {"orders": {"fulfillment_channel"');
    expect(e.message).toContain("--skip-invalid");
  });
  it("empty purchase date and channel are allowed on a row (merging decides)", () => {
    const [r] = parseOrders("o.txt", "order_id\tpurchase_date\tfulfillment_channel\nA\t\t");
    expect(r).toMatchObject({ purchase: null, channel: null });
  });
  it("a bad refund amount is a value error", () => {
    const e = error(() => parseOrders("o.txt", "order_id\tpurchase_date\tfulfillment_channel\trefund_amount\nA\t2026-10-02\tMFN\tlots"));
    expect(e.params).toMatchObject({ column: "refund_amount", value: "lots" });
  });
});

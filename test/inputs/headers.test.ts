import { describe, it, expect } from "vitest";
import { isAhrError } from "../../src/errors.js";
import { detectKind, fitKinds } from "../../src/inputs/detect.js";
import { mapColumns as mapColumnsOf, matchColumns as matchColumnsOf, normaliseHeader } from "../../src/inputs/headers.js";
import { kindOf } from "../../src/inputs/registry.js";
import type { InputKind } from "../../src/records.js";

// headers.ts takes a kind's {kind, schema}; these tests name the kind.
const mapColumns = (kind: InputKind, ...rest: [readonly string[], string, Record<string, string>?]) => mapColumnsOf(kindOf(kind), ...rest);
const matchColumns = (kind: InputKind, ...rest: [readonly string[], Record<string, string>?]) => matchColumnsOf(kindOf(kind), ...rest);

const ALL_ORDERS =
  "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tis-business-order\tpurchase-order-number\tprice-designation".split(
    "\t",
  );
const FEEDBACK = ["Date", "Rating", "Comments", "Response", "Order ID", "Rater Email"];
const RETURNS =
  "Order ID\tOrder date\tReturn request date\tReturn request status\tAmazon RMA ID\tMerchant RMA ID\tLabel type\tLabel cost\tCurrency code\tReturn carrier\tTracking ID\tLabel to be paid by\tA-to-Z Claim\tIs prime\tASIN\tMerchant SKU\tItem Name\tReturn quantity\tReturn Reason\tIn policy\tReturn type\tResolution\tInvoice number\tReturn delivery date\tOrder Amount\tOrder quantity\tSafeT Action reason\tSafeT claim id\tSafeT claim state\tSafeT claim creation time\tSafeT claim reimbursement amount\tRefunded Amount".split(
    "\t",
  );

function thrown(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (isAhrError(e)) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("normaliseHeader", () => {
  it("trims, lower-cases and turns runs of space, _ and - into one -", () => {
    expect(normaliseHeader("  Order ID ")).toBe("order-id");
    expect(normaliseHeader("amazon_order__id")).toBe("amazon-order-id");
    expect(normaliseHeader("Return  request - date")).toBe("return-request-date");
    expect(normaliseHeader("order_id")).toBe(normaliseHeader("Order-ID"));
  });
});

describe("mapColumns", () => {
  it("maps Amazon's All Orders header by aliases, ignoring unknown columns", () => {
    const m = mapColumns("orders", ALL_ORDERS, "all-orders.txt");
    // order_id <- amazon-order-id (0), purchase_date <- purchase-date (2), fulfillment_channel (5),
    // order_status (4), item_status (13), sales_channel (6), sku (11), asin (12), quantity (14)
    expect(Object.fromEntries(m.fields.map((f, i) => [f, m.columns[i]]))).toEqual({
      order_id: 0,
      purchase_date: 2,
      fulfillment_channel: 5,
      order_status: 4,
      item_status: 13,
      sales_channel: 6,
      sku: 11,
      asin: 12,
      quantity: 14,
    });
    expect(m.headers[0]).toBe("amazon-order-id");
  });
  it("maps the Title Case returns header; Return request status wins over Resolution for action", () => {
    const m = mapColumns("returns", RETURNS, "mfn-returns.txt");
    const at = (f: string) => m.headers[m.fields.indexOf(f)];
    expect(at("order_id")).toBe("Order ID");
    expect(at("requested_at")).toBe("Return request date");
    expect(at("in_policy")).toBe("In policy");
    expect(at("action")).toBe("Return request status");
    expect(m.fields).not.toContain("responded_at");
    expect(m.fields).not.toContain("buyer_resolved");
    // without the status column, Resolution feeds action
    const r = mapColumns("returns", RETURNS.filter((h) => h !== "Return request status"), "r.txt");
    expect(r.headers[r.fields.indexOf("action")]).toBe("Resolution");
  });
  it("a configured mapping wins over the canonical name and aliases", () => {
    const header = ["order_id", "purchase_date", "fulfillment_channel", "ship-date", "Ship Confirm Date"];
    const plain = mapColumns("orders", header, "o.csv");
    expect(plain.columns[plain.fields.indexOf("shipped_at")]).toBe(3);
    const conf = mapColumns("orders", header, "o.csv", { shipped_at: "ship confirm date" });
    expect(conf.columns[conf.fields.indexOf("shipped_at")]).toBe(4);
    expect(conf.configured.has("shipped_at")).toBe(true);
    // a configured header that is not in the file falls back to the aliases
    const missing = mapColumns("orders", header, "o.csv", { shipped_at: "Nope" });
    expect(missing.columns[missing.fields.indexOf("shipped_at")]).toBe(3);
  });
  it("a missing required column is MISSING_COLUMN naming the accepted and found headers", () => {
    const e = thrown(() => mapColumns("orders", ["Order ID", "Order Date", "Ship Date"], "o.csv", { fulfillment_channel: "Fulfilled By" }));
    expect(e.code).toBe("MISSING_COLUMN");
    expect(e.params).toMatchObject({
      file: "o.csv",
      kind: "orders",
      field: "fulfillment_channel",
      accepted: ["Fulfilled By", "fulfillment_channel", "fulfillment-channel", "channel"],
      found: ["Order ID", "Order Date", "Ship Date"],
    });
    expect(e.message).toContain("o.csv: the orders file has no fulfillment_channel column");
  });
  it("one header cell feeds one field only", () => {
    // violations: "date" is an alias of detected_at only; claims: "date" of filed_at
    const m = matchColumns("violations", ["policy", "severity", "date", "resolved_at"]);
    expect(m.fields).toEqual(["policy", "severity", "detected_at", "resolved_at"]);
  });
});

describe("kind detection", () => {
  it("recognises the three Amazon samples", () => {
    expect(detectKind(ALL_ORDERS, "x/all-orders.txt")).toBe("orders");
    expect(detectKind(FEEDBACK, "x/seller-feedback.txt")).toBe("feedback");
    expect(detectKind(RETURNS, "x/mfn-returns.txt")).toBe("returns");
  });
  it("recognises the canonical layouts of every kind", () => {
    expect(detectKind(["order_id", "status", "filed_at", "amazon_funded"], "a.csv")).toBe("claims");
    expect(detectKind(["order-id", "claim-status", "claim-date"], "a.csv")).toBe("claims");
    expect(detectKind(["order_id", "filed_at", "type", "status"], "a.csv")).toBe("chargebacks");
    expect(detectKind(["order_id", "chargeback-date", "reason-type", "status"], "a.csv")).toBe("chargebacks");
    expect(detectKind(["message_id", "order_id", "received_at", "responded_at", "no_response_needed"], "a.csv")).toBe(
      "messages",
    );
    expect(
      detectKind(["violation_id", "policy", "severity", "category", "detected_at", "resolved_at", "asin"], "a.csv"),
    ).toBe("violations");
    expect(
      detectKind(["order_id", "purchase_date", "fulfillment_channel", "order_status", "latest_ship_date"], "a.csv"),
    ).toBe("orders");
  });
  it("bare claims / chargebacks layouts are told apart by the file name", () => {
    // order_id + status + filed_at fits claims' and chargebacks' required columns alike
    expect(detectKind(["order_id", "status", "filed_at"], "exports/a-to-z-claims.csv")).toBe("claims");
    expect(detectKind(["order_id", "status", "filed_at"], "exports/Chargebacks.csv")).toBe("chargebacks");
    const e = thrown(() => detectKind(["order_id", "status", "filed_at"], "exports/misc.csv"));
    expect(e.code).toBe("DIR_UNRECOGNISED");
    expect(e.message).toContain("exports/misc.csv");
  });
  it("a configured claims mapping marks the file as claims", () => {
    expect(detectKind(["order_id", "Claim State"], "x.csv", { claims: { status: "Claim State" } })).toBe("claims");
  });
  it("ambiguous and unrecognised headers are coded errors naming the file", () => {
    // claims fit (amazon_funded) mapping order_id, status, amazon_funded; chargebacks fit (type)
    // mapping order_id, status, type: 3 fields each
    const amb = thrown(() => detectKind(["order_id", "status", "type", "amazon_funded"], "both.csv"));
    expect(amb.code).toBe("DIR_AMBIGUOUS");
    expect(amb.params.accepted!.sort()).toEqual(["chargebacks", "claims"]);
    expect(amb.message).toContain("both.csv");
    const none = thrown(() => detectKind(["sku", "price"], "prices.csv"));
    expect(none.code).toBe("DIR_UNRECOGNISED");
    expect(none.message).toContain('"sku"');
  });
  it("the best fit wins: a messages file with a type column is messages", () => {
    // messages maps message_id, order_id, received_at (3); chargebacks fits too (type) but maps 2
    const fits = fitKinds(["message_id", "order_id", "received_at", "type"], "m.csv");
    expect(fits.map((f) => [f.kind, f.score])).toEqual([["messages", 3], ["chargebacks", 2]]);
    expect(detectKind(["message_id", "order_id", "received_at", "type"], "m.csv")).toBe("messages");
  });
});

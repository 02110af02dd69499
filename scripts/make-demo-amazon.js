#!/usr/bin/env node
/**
 * make-demo-amazon.js: builds fixtures/demo-amazon, the second demo: only files in the exact
 * layouts Seller Central gives (../shared/samples), for a seller with a North America unified
 * account (Amazon.com and Amazon.ca, plus Multi-Channel Fulfillment orders from their own web
 * shop) and a European account (Amazon.de, fulfilled by Amazon).
 *
 *   node scripts/make-demo-amazon.js          writes fixtures/demo-amazon/
 *   node scripts/make-demo-amazon.js DIR      writes the same files into DIR
 *   node scripts/make-demo-amazon.js --quiet  writes, prints nothing
 *
 * Deterministic and small enough to count by hand: no randomness, no clock. Every order is
 * either a FILLER (a clean order on a fixed daily schedule) or one of the SPECIAL orders below,
 * each placed to show one rule; fixtures/demo-amazon/README.md works the figures from this plan.
 *
 * As-of date D = 2026-05-20, report time zone UTC.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// ------------------------------------------------------------------------------------------------
// Calendar (day numbers since 1970-01-01, UTC)

const DAY = 86_400_000;
const dayOf = (m, d) => Date.UTC(2026, m - 1, d) / DAY;
const D = dayOf(5, 20);
const isoDay = (day) => new Date(day * DAY).toISOString().slice(0, 10);
/** 2026-05-04T14:22:11+00:00 */
const isoAt = (day, h, mi = 0, s = 0) => `${isoDay(day)}T${pad(h)}:${pad(mi)}:${pad(s)}+00:00`;
const pad = (n) => String(n).padStart(2, "0");
/** End of a day in Los Angeles (PDT in March-May: UTC-7) as Amazon writes it: 06:59:59 UTC the next day. */
const endPacific = (day) => isoAt(day + 1, 6, 59, 59);
const startPacific = (day) => isoAt(day, 7, 0, 0);
const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ddMonYYYY = (day) => {
  const d = new Date(day * DAY);
  return `${pad(d.getUTCDate())}-${MON[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
};
const mdyy = (day) => {
  const d = new Date(day * DAY);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`;
};
const dmyDot = (day) => {
  const d = new Date(day * DAY);
  return `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${String(d.getUTCFullYear()).slice(2)}`;
};

// ------------------------------------------------------------------------------------------------
// The plan

/** Order ids: a fixed prefix and a running number spread over the id's digits (no randomness). */
let serial = 0;
function orderId(prefix) {
  serial++;
  const a = String((serial * 7_919_111) % 10_000_000).padStart(7, "0");
  const b = String((serial * 3_571_037 + 1_234_567) % 10_000_000).padStart(7, "0");
  return `${prefix}-${a}-${b}`;
}

const PRODUCTS = {
  US: [
    ["MUG-BLK-12", "B0EXAMPL01", "Ceramic Travel Mug 12 oz Black", "18.99", "1.52", "4.99", "0.40"],
    ["MUG-RED-16", "B0EXAMPL02", 'Ceramic Travel Mug 16 oz Red "Classic"', "20.99", "1.68", "4.99", "0.40"],
    ["LID-CLR-STD", "B0EXAMPL03", "Replacement Lid Clear", "7.49", "0.60", "3.99", "0.32"],
  ],
  CA: [["MUG-BLK-12", "B0EXAMPL01", "Ceramic Travel Mug 12 oz Black", "24.99", "3.25", "6.99", "0.91"]],
  DE: [["MUG-BLK-12-FBA", "B0EXAMPL01", "Keramik-Reisebecher 350 ml schwarz", "19.99", "3.19", "0.00", "0.00"]],
};
const PLACES = {
  US: [
    ["DAYTON", "OH", "45402"],
    ["TUCSON", "AZ", "85701"],
    ["PORTLAND", "ME", "04101"],
  ],
  CA: [["TORONTO", "ON", "M5V 2T6"]],
  DE: [["BERLIN", "", "10115"]],
};

/**
 * One order. `market`: US, CA, DE or MCF. `channel`: Merchant (MFN) or Amazon (AFN).
 * `ship`: the ship-confirm day (MFN) or Amazon's shipment day (AFN); null: not shipped by D.
 * `latestShip`, `promised`: the order report's latest ship / latest delivery day (MFN).
 */
const orders = [];
function order(o) {
  const full = {
    status: "Shipped",
    cancelledByBuyer: null,
    tracking: true,
    carrier: "USPS",
    hour: 15,
    item: 0,
    ...o,
  };
  if (full.channel === "Merchant") {
    full.latestShip ??= full.purchase + 1;
    full.promised ??= full.purchase + 6;
  }
  if (full.ship === undefined) full.ship = full.status === "Shipped" ? full.purchase + 1 : null;
  orders.push(full);
  return full;
}

// FILLERS: clean orders, shipped the day after purchase (on time, with tracking).
//   US MFN: three a day (09:00, 15:00, 21:00 UTC), 2026-03-01 .. 2026-05-20.
//   US AFN: one a day (12:00 UTC), 2026-03-01 .. 2026-05-20.
//   CA MFN: one a day (17:00 UTC), 2026-04-01 .. 2026-05-20.
//   DE AFN: three a day (08:00, 13:00, 19:00 UTC), 2026-04-01 .. 2026-05-20.
// An order purchased on D itself is not shipped yet (Unshipped in All Orders, no confirmation).
for (let p = dayOf(3, 1); p <= D; p++) {
  for (const [k, hour] of [9, 15, 21].entries()) {
    order({ id: orderId("111"), market: "US", channel: "Merchant", purchase: p, hour, item: k, status: p === D ? "Unshipped" : "Shipped" });
  }
  order({ id: orderId("114"), market: "US", channel: "Amazon", purchase: p, hour: 12, status: p === D ? "Unshipped" : "Shipped" });
}
for (let p = dayOf(4, 1); p <= D; p++) {
  order({ id: orderId("702"), market: "CA", channel: "Merchant", purchase: p, hour: 17, status: p === D ? "Unshipped" : "Shipped" });
  for (const hour of [8, 13, 19]) {
    order({ id: orderId("302"), market: "DE", channel: "Amazon", purchase: p, hour, status: p === D ? "Unshipped" : "Shipped" });
  }
}

// SPECIAL orders (ids of the samples where the sample shows that order).
const S = {
  // S1: shipped late: latest ship day 05-13 (05-12 23:59:59 Pacific = 05-13T06:59:59Z), confirmed 05-14.
  late: order({ id: "112-9034518-3371026", market: "US", channel: "Merchant", purchase: dayOf(5, 11), ship: dayOf(5, 14), carrier: "Veho" }),
  // S2: shipped late, older: latest ship day 04-24, confirmed 04-26.
  lateOld: order({ id: "111-4827361-5520917", market: "US", channel: "Merchant", purchase: dayOf(4, 22), ship: dayOf(4, 26) }),
  // S3: shipped on time, but the confirmation has no tracking number.
  noTracking: order({ id: "113-3390217-4471025", market: "US", channel: "Merchant", purchase: dayOf(5, 5), tracking: false }),
  // S4: not shipped, latest ship day 05-17 has passed: overdue.
  overdue: order({ id: "113-2281946-7714635", market: "US", channel: "Merchant", purchase: dayOf(5, 15), status: "Unshipped" }),
  // S5: cancelled by the seller (is-buyer-requested-cancellation false): a pfcr defect.
  sellerCancel: order({ id: "113-8861204-1930277", market: "US", channel: "Merchant", purchase: dayOf(5, 16), status: "Cancelled", cancelledByBuyer: false }),
  // S6: cancelled at the buyer's request: not a pfcr defect.
  buyerCancel: order({ id: "115-7302294-6651830", market: "US", channel: "Merchant", purchase: dayOf(5, 18), status: "Cancelled", cancelledByBuyer: true }),
  // S7: 1-star feedback on 03-27: an ODR defect (mfn).
  negative: order({ id: "113-4820185-1029384", market: "US", channel: "Merchant", purchase: dayOf(3, 20) }),
  // S8: return requested 04-12, rejected although in policy: an RDR defect.
  rejected: order({ id: "114-0093716-5561120", market: "US", channel: "Merchant", purchase: dayOf(4, 2) }),
  // S9: FBA order of the samples.
  fba: order({ id: "114-5561023-8890241", market: "US", channel: "Amazon", purchase: dayOf(5, 3), hour: 9, ship: dayOf(5, 3) }),
  // S10: Amazon.ca order of the samples.
  ca: order({ id: "702-6619302-4471428", market: "CA", channel: "Merchant", purchase: dayOf(5, 6), carrier: "Canada Post" }),
  // MCF: the seller's own web shop orders that Amazon's warehouses ship: excluded from everything.
  mcf1: order({ id: "S01-4415570-2209813", market: "MCF", channel: "Amazon", purchase: dayOf(5, 5), ship: dayOf(5, 5), merchantId: "SHOP-10482" }),
  mcf2: order({ id: "S01-7720193-5518306", market: "MCF", channel: "Amazon", purchase: dayOf(5, 12), ship: dayOf(5, 12), merchantId: "SHOP-10517" }),
  // DE: 1-star feedback on 05-03 (in the ODR window), 2-star on 05-12 for an order of 05-10
  // (after the ODR window's end, 05-06: the 14-day lag), 3-star on 05-17 (not negative).
  de1: order({ id: "302-1184420-6653017", market: "DE", channel: "Amazon", purchase: dayOf(4, 28), hour: 10 }),
  de2: order({ id: "028-5593017-2231846", market: "DE", channel: "Amazon", purchase: dayOf(5, 10), hour: 10 }),
  de3: order({ id: "306-7720318-9914205", market: "DE", channel: "Amazon", purchase: dayOf(5, 14), hour: 10 }),
};

const fillersOf = (market, channel) => orders.filter((o) => o.market === market && o.channel === channel && !Object.values(S).includes(o));
const usMfnFillers = fillersOf("US", "Merchant");

/** Feedback rows: [order, day, rating, comment, response]. */
const feedbackUS = [
  [S.negative, dayOf(3, 27), 1, "Arrived cracked. Box was crushed.", ""],
  [usMfnFillers.find((o) => o.purchase === dayOf(4, 30)), dayOf(5, 6), 3, "ok but slow", ""],
  [fillersOf("US", "Amazon").find((o) => o.purchase === dayOf(4, 15)), dayOf(4, 20), 3, 'Says "dishwasher safe", the print fades', "Sorry to hear that: we have sent a replacement."],
];
const feedbackDE = [
  [S.de1, dayOf(5, 3), 1, "Artikel kam beschädigt an.", ""],
  [S.de2, dayOf(5, 12), 2, "Lieferung hat zwei Wochen gedauert", "Entschuldigung, wir haben den Versanddienstleister gewechselt."],
  [S.de3, dayOf(5, 17), 3, "Ok, aber Verpackung war zu groß", ""],
];

/** Returns of seller-fulfilled orders: S8 rejected in policy; twelve fillers approved, refunded. */
const returns = [[S.rejected, dayOf(4, 12), "Rejected", "Y"]];
for (let k = 0; k < 12; k++) {
  const p = dayOf(3, 20) + 4 * k; // 03-20, 03-24, ..., 05-03
  returns.push([usMfnFillers.find((o) => o.purchase === p && o.item === 1), p + 6, "Approved", "Y"]);
}

// ------------------------------------------------------------------------------------------------
// Files, in the layouts of ../shared/samples

const tsv = (header, rows) => [header.join("\t"), ...rows.map((r) => r.join("\t"))].join("\n") + "\n";

const ALL_ORDERS = "amazon-order-id merchant-order-id purchase-date last-updated-date order-status fulfillment-channel sales-channel order-channel ship-service-level product-name sku asin item-status quantity currency item-price item-tax shipping-price shipping-tax gift-wrap-price gift-wrap-tax item-promotion-discount ship-promotion-discount ship-city ship-state ship-postal-code ship-country promotion-ids cpf is-business-order purchase-order-number price-designation signature-confirmation-recommended".split(" ");
const SALES_CHANNEL = { US: "Amazon.com", CA: "Amazon.ca", DE: "Amazon.de", MCF: "Non-Amazon" };
const CURRENCY = { US: "USD", CA: "CAD", DE: "EUR" };
const COUNTRY = { US: "US", CA: "CA", DE: "DE", MCF: "US" };

function allOrdersRow(o) {
  const market = o.market === "MCF" ? "US" : o.market;
  const [sku, asin, name, price, tax, ship, shipTax] = PRODUCTS[market][o.item % PRODUCTS[market].length];
  const [city, state, zip] = o.market === "MCF" ? ["RENO", "NV", "89501"] : PLACES[market][o.item % PLACES[market].length];
  const cancelled = o.status === "Cancelled";
  const blank = cancelled || o.market === "MCF";
  const updated = o.ship !== null ? isoAt(o.ship, 22, 40, 3) : isoAt(o.purchase, Math.min(o.hour + 1, 23), 5, 0);
  return [
    o.id, o.merchantId ?? "", isoAt(o.purchase, o.hour, 22, 11), updated, o.status, o.channel, SALES_CHANNEL[o.market], "",
    "Standard", name, o.channel === "Amazon" && market === "US" ? `${sku}-FBA` : sku, asin,
    cancelled ? "Cancelled" : o.status === "Unshipped" ? "Unshipped" : "Shipped", "1",
    o.market === "MCF" ? "" : CURRENCY[market], blank ? "" : price, blank ? "" : tax,
    blank ? "" : o.channel === "Amazon" ? "0.00" : ship, blank ? "" : o.channel === "Amazon" ? "0.00" : shipTax,
    "", "", "", "", city, state, zip, COUNTRY[o.market], "", "", "false", "", "", "false",
  ];
}

const ORDER_REPORT = "order-id order-item-id purchase-date payments-date buyer-email buyer-name payment-method-details cpf buyer-phone-number sku number-of-items product-name quantity-purchased currency item-price item-tax shipping-price shipping-tax ship-service-level recipient-name ship-address-1 ship-address-2 ship-address-3 ship-city ship-state ship-postal-code ship-country ship-phone-number item-promotion-discount item-promotion-id ship-promotion-discount ship-promotion-id delivery-start-date delivery-end-date delivery-time-zone delivery-Instructions sales-channel earliest-ship-date latest-ship-date earliest-delivery-date latest-delivery-date is-business-order purchase-order-number price-designation is-prime signature-confirmation-recommended is-buyer-requested-cancellation buyer-requested-cancel-reason".split(" ");

const itemId = (o) => String(40_000_000_000_000 + orders.indexOf(o) * 7_919 + 113);
const email = (o) => `b${String(orders.indexOf(o)).padStart(6, "0")}x@marketplace.${SALES_CHANNEL[o.market].toLowerCase()}`;

function orderReportRow(o) {
  const [sku, , name, price, tax, ship, shipTax] = PRODUCTS[o.market][o.item % PRODUCTS[o.market].length];
  const [city, state, zip] = PLACES[o.market][o.item % PLACES[o.market].length];
  const buyer = `Buyer ${orders.indexOf(o)}`;
  const cancel = o.cancelledByBuyer === null ? "false" : String(o.cancelledByBuyer);
  return [
    o.id, itemId(o), isoAt(o.purchase, o.hour, 22, 11), isoAt(o.purchase, o.hour, 22, 11), email(o), buyer, "Standard", "", "",
    sku, "1", name, "1", CURRENCY[o.market], price, tax, ship, shipTax, "Standard", buyer, "418 Maple Ave", "", "",
    city, state, zip, COUNTRY[o.market], "", "0.00", "", "0.00", "", "", "", "", "", SALES_CHANNEL[o.market],
    startPacific(o.purchase), endPacific(o.latestShip), startPacific(o.purchase + 3), endPacific(o.promised),
    "false", "", "", "false", "false", cancel, o.cancelledByBuyer === true ? "Order Created In Error" : "",
  ];
}

const SHIP_CONFIRM = "order-id order-item-id quantity ship-date carrier-code carrier-name tracking-number ship-method".split(" ");
function shipConfirmRow(o) {
  const n = orders.indexOf(o);
  const other = o.carrier === "Veho";
  const tracking = !o.tracking ? "" : other ? `VH${7_731_000_000 + n}` : o.carrier === "Canada Post" ? `70232100${String(39_418_850 + n)}` : `94001118992${String(23_344_556 + n).padStart(11, "0")}`;
  return [o.id, itemId(o), "1", isoDay(o.ship), other ? "Other" : o.carrier, other ? "Veho" : "", tracking, o.carrier === "Canada Post" ? "Expedited Parcel" : other ? "Standard" : "USPS Ground Advantage"];
}

const FBA_SHIPMENTS = "amazon-order-id merchant-order-id shipment-id shipment-item-id amazon-order-item-id merchant-order-item-id purchase-date payments-date shipment-date reporting-date buyer-email buyer-name buyer-phone-number sku product-name quantity-shipped currency item-price item-tax shipping-price shipping-tax gift-wrap-price gift-wrap-tax ship-service-level recipient-name ship-address-1 ship-address-2 ship-address-3 ship-city ship-state ship-postal-code ship-country ship-phone-number bill-address-1 bill-address-2 bill-address-3 bill-city bill-state bill-postal-code bill-country item-promotion-discount ship-promotion-discount carrier tracking-number estimated-arrival-date fulfillment-center-id fulfillment-channel sales-channel".split(" ");
function fbaRow(o) {
  const n = orders.indexOf(o);
  const mcf = o.market === "MCF";
  const [sku, , name, price, tax] = PRODUCTS.US[0];
  const [city, state, zip] = mcf ? ["Reno", "NV", "89501"] : ["Columbus", "OH", "43215"];
  return [
    o.id, o.merchantId ?? "", `Dk${n}vT9mR`, `Dp${n}x2LwN`, String(62_817_390_000_000 + n), mcf ? `${o.merchantId}-1` : "",
    isoAt(o.purchase, o.hour, 14, 2), isoAt(o.purchase, o.hour, 14, 2), isoAt(o.ship, 21, 47, 10), isoAt(o.ship + 1, 0, 12, 33),
    mcf ? "" : email(o), `Buyer ${n}`, "", `${sku}-FBA`, name, "1", "USD", mcf ? "" : price, mcf ? "" : tax, mcf ? "" : "0.00", mcf ? "" : "0.00",
    "0.00", "0.00", "Standard", `Buyer ${n}`, "", "", "", city, state, zip, "US", "", "", "", "", "", "", "", "", "0.00", "0.00",
    "UPS", `1Z999AA1${String(1_000_000_000 + n)}`, isoAt(o.ship + 3, 3, 0, 0), mcf ? "RNO4" : "CMH1", "AFN", SALES_CHANNEL[o.market],
  ];
}

const FEEDBACK_US = ["Date", "Rating", "Comments", "Response", "Order ID", "Rater Email"];
const FEEDBACK_DE = ["Datum", "Bewertung", "Kommentar", "Ihre Antwort", "Transaktionsnummer", "E-Mail des Bewertenden"];

const RETURNS = "Order ID\tOrder date\tReturn request date\tReturn request status\tAmazon RMA ID\tMerchant RMA ID\tLabel type\tLabel cost\tCurrency code\tReturn carrier\tTracking ID\tLabel to be paid by\tA-to-Z Claim\tIs prime\tASIN\tMerchant SKU\tItem Name\tReturn quantity\tReturn Reason\tIn policy\tReturn type\tResolution\tInvoice number\tReturn delivery date\tOrder Amount\tOrder quantity\tSafeT Action reason\tSafeT claim id\tSafeT claim state\tSafeT claim creation time\tSafeT claim reimbursement amount\tRefunded Amount".split("\t");
function returnRow([o, requested, status, inPolicy]) {
  const [sku, asin, name, price] = PRODUCTS.US[o.item % PRODUCTS.US.length];
  const approved = status === "Approved";
  return [
    o.id, ddMonYYYY(o.purchase), ddMonYYYY(requested), status, `Dx${orders.indexOf(o)}RMA`, "", approved ? "AmazonUnPaidLabel" : "", approved ? "0.00" : "",
    "USD", approved ? "UPS" : "", approved ? `1Z9F88W9${String(10_000_000 + orders.indexOf(o))}` : "", approved ? "Customer" : "", "N", "N", asin, sku, name,
    "1", approved ? "DEFECTIVE" : "UNWANTED_ITEM", inPolicy, "C-Returns", approved ? "StandardRefund" : "", "", "", price, "1", "", "", "", "", "", approved ? price : "",
  ];
}

// ------------------------------------------------------------------------------------------------
// Write

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const out = resolve(args.find((a) => !a.startsWith("--")) ?? join(here, "..", "fixtures", "demo-amazon"));
if (new Set(orders.map((o) => o.id)).size !== orders.length) throw new Error("make-demo-amazon: two orders share an id");
mkdirSync(out, { recursive: true });
const byPurchase = (a, b) => a.purchase - b.purchase || a.hour - b.hour || (a.id < b.id ? -1 : 1);
const sorted = [...orders].sort(byPurchase);
/** What Seller Central lets a seller download covers a date range: the joined reports start on 04-11. */
const FROM = dayOf(4, 11);
const na = sorted.filter((o) => o.market === "US" || o.market === "CA" || o.market === "MCF");
const mfnRecent = na.filter((o) => o.channel === "Merchant" && o.purchase >= FROM);

const files = {
  "all-orders.txt": tsv(ALL_ORDERS, na.map(allOrdersRow)),
  "all-orders-de.txt": tsv(ALL_ORDERS, sorted.filter((o) => o.market === "DE").map(allOrdersRow)),
  "order-report.txt": tsv(ORDER_REPORT, mfnRecent.map(orderReportRow)),
  "ship-confirm.txt": tsv(SHIP_CONFIRM, mfnRecent.filter((o) => o.ship !== null && o.status === "Shipped").map(shipConfirmRow)),
  "fba-shipments.txt": tsv(FBA_SHIPMENTS, na.filter((o) => o.channel === "Amazon" && o.ship !== null && o.purchase >= dayOf(5, 1)).map(fbaRow)),
  "seller-feedback.txt": tsv(FEEDBACK_US, feedbackUS.map(([o, day, r, c, resp]) => [mdyy(day), r, c, resp, o.id, email(o)])),
  "feedback-de.txt": tsv(FEEDBACK_DE, feedbackDE.map(([o, day, r, c, resp]) => [dmyDot(day), r, c, resp, o.id, email(o)])),
  "mfn-returns.txt": tsv(RETURNS, returns.map(returnRow)),
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
if (!args.includes("--quiet")) {
  for (const [name, text] of Object.entries(files)) console.log(`${name}: ${text.split("\n").length - 2} rows`);
}

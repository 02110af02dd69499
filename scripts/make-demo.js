#!/usr/bin/env node
/**
 * make-demo.js: builds fixtures/demo, the bundled demo export of a small US kitchenware seller,
 * from an explicit plan, deterministically (same bytes on every run, every machine).
 *
 *   node scripts/make-demo.js            writes fixtures/demo/ (next to this script's repo)
 *   node scripts/make-demo.js DIR        writes the same files into DIR
 *   node scripts/make-demo.js --quiet    writes, prints nothing
 *
 * Plain Node ESM, no dependencies, no clock: every random choice comes from one seeded mulberry32
 * stream, consumed in a fixed order.
 *
 * How it works: (1) make ~500 clean orders over 90 days from a fixed daily volume, (2) put the
 * planned problems on orders picked at random among the eligible ones in each window region
 * (PLAN below: "2 late shipments with a latest ship day in 11-11..11-18", ...), (3) derive ship,
 * delivery and refund times, returns, feedback, claims, chargebacks, messages and violations, (4)
 * count every metric from these in-memory records with the SPEC's rules (a small independent
 * implementation, not ahr's code) and stop with an error unless each status is the intended one,
 * (5) write the files and a README with the figures.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// ------------------------------------------------------------------------------------------------
// Calendar

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
const fmtDay = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const D = dayOf(2026, 11, 20); // as-of day
const END_D = (D + 1) * DAY - 1; // end of D, UTC
const FIRST = D - 89; // 2026-08-23: 90 days of orders
const NOV1 = dayOf(2026, 11, 1);
const win = (days, lag = 0) => ({ from: D - lag - days + 1, to: D - lag });
const inW = (day, w) => day >= w.from && day <= w.to;
const W = {
  odr: win(60, 14), // 2026-09-08 .. 2026-11-06
  pfcr: win(7), // 2026-11-14 .. 2026-11-20
  lsr10: win(10), // 2026-11-11 .. 2026-11-20
  lsr30: win(30), // 2026-10-22 .. 2026-11-20
  d30: win(30),
  crt7: win(7),
  crt30: win(30),
  crt90: win(90), // 2026-08-23 .. 2026-11-20
  rdr: win(60), // 2026-09-22 .. 2026-11-20
  ahr: win(180),
};

// ------------------------------------------------------------------------------------------------
// Output formats

const iso = (ms) => new Date(ms).toISOString().slice(0, 19) + "+00:00"; // 2026-10-02T14:21:07+00:00
const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ddMonYYYY = (day) => {
  const d = new Date(day * DAY);
  return `${String(d.getUTCDate()).padStart(2, "0")}-${MON[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
};
const mdyy = (day) => {
  const d = new Date(day * DAY);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`;
};
const money = (cents) => (cents / 100).toFixed(2);
const endOfDayMs = (day) => (day + 1) * DAY - 1;

// ------------------------------------------------------------------------------------------------
// Seeded randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261120);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // lo..hi inclusive
const pickOne = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join("");
const ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
const alnum = (n, set = ALNUM) => Array.from({ length: n }, () => set[int(0, set.length - 1)]).join("");

/** k distinct items of `list`, chosen at random, in the list's order. Fails loudly if too few. */
function pickK(list, k, what) {
  if (list.length < k) throw new Error(`plan: ${what}: need ${k} candidates, found ${list.length}`);
  const idx = list.map((_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx
    .slice(0, k)
    .sort((x, y) => x - y)
    .map((i) => list[i]);
}

// ------------------------------------------------------------------------------------------------
// Catalogue and customers

const MFN_PRODUCTS = [
  ['12" Cast Iron Pizza Pan, Pre-Seasoned', "CI-PAN-12", "B0C4X7KQ2D", 3499],
  ["Cast Iron Skillet 10 in", "CI-SK-10", "B0C4X8LM3Q", 2999],
  ["Enameled Cast Iron Dutch Oven, 6 Qt, Cherry Red", "CI-DO-6R", "B0BZ7TQ4WN", 7999],
  ['Pizza Peel 14" x 16", Aluminum with Folding Handle', "PP-1416", "B09XK2R7HC", 2795],
  ['Cast Iron Grill Press, 7" Round', "CI-GP-7", "B0C1M5V8PA", 1999],
  ['"Chef\'s Choice" Knife Sharpener', "KS-100", "B0B8P2M9RT", 2499],
  ["Pizza Stone Brush", "CI-BRUSH", "B0C4X9AA1P", 899],
  ['Chain Mail Scrubber for Cast Iron, 8"x6"', "CM-SCRUB-8", "B08L6QW3YZ", 1249],
  ["Cast Iron Seasoning Oil, 8 fl oz", "SEAS-OIL-8", "B0CJ3N8F2K", 1399],
  ["Bamboo Cutting Board Set, 3-Piece", "BB-CB-3", "B0B2H6R9MX", 3299],
  ['Pizza Cutter Rocker Blade, 14" Stainless', "PC-ROCK-14", "B0BX4D1T7S", 2199],
].map(([name, sku, asin, cents]) => ({ name, sku, asin, cents }));
const AFN_PRODUCTS = [
  ["Silicone Baking Mat, 2-Pack", "BM-2PK", "B07Q1ZL8HD", 1499],
  ["Digital Kitchen Scale, 11 lb / 5 kg", "DKS-11", "B08R5P7G2C", 1999],
  ["Silicone Oven Mitts, 2-Pack", "OM-SIL-2", "B09J8K4W6E", 1699],
  ['Bench Scraper & Dough Cutter, 6"', "BS-6", "B07Y9T3N5H", 999],
  ["Wooden Spoon Set (5 Pieces), Teak", "WS-TEAK-5", "B08F2M6X1L", 2299],
  ["Stainless Steel Measuring Cups & Spoons, 8-Piece", "MC-SS-8", "B09C3V8R4J", 1899],
  ['Pastry Brush, Silicone "Never Shed" Bristles', "PB-SIL", "B0B5N2Q7ZD", 799],
  ["Cast Iron Handle Cover, Silicone, 2-Pack", "HC-SIL-2", "B0CK7D2L9W", 949],
].map(([name, sku, asin, cents]) => ({ name, sku, asin, cents }));

// city, state, postal code, sales tax rate (per mille, approximate combined rate)
const PLACES = [
  ["PORTLAND", "OR", "97214", 0], ["DALLAS", "TX", "75201", 82.5], ["CHICAGO", "IL", "60614", 102.5],
  ["BOSTON", "MA", "02116", 62.5], ["SEATTLE", "WA", "98103", 102.5], ["AUSTIN", "TX", "78704", 82.5],
  ["DENVER", "CO", "80205", 88.1], ["PHOENIX", "AZ", "85016", 86], ["ATLANTA", "GA", "30309", 89],
  ["MIAMI", "FL", "33133", 70], ["BROOKLYN", "NY", "11215", 88.75], ["NEW YORK", "NY", "10025", 88.75],
  ["SAN DIEGO", "CA", "92104", 77.5], ["LOS ANGELES", "CA", "90026", 95], ["SAN JOSE", "CA", "95126", 93.75],
  ["COLUMBUS", "OH", "43215", 75], ["CHARLOTTE", "NC", "28203", 72.5], ["NASHVILLE", "TN", "37206", 92.5],
  ["MINNEAPOLIS", "MN", "55408", 80.3], ["KANSAS CITY", "MO", "64111", 89.8], ["PITTSBURGH", "PA", "15213", 70],
  ["RALEIGH", "NC", "27605", 72.5], ["SALT LAKE CITY", "UT", "84102", 77.5], ["BOISE", "ID", "83702", 60],
  ["MADISON", "WI", "53703", 55], ["RICHMOND", "VA", "23220", 60], ["TUCSON", "AZ", "85719", 87],
  ["OMAHA", "NE", "68102", 70], ["LOUISVILLE", "KY", "40204", 60], ["ALBUQUERQUE", "NM", "87106", 79],
  ["BURLINGTON", "VT", "05401", 60], ["WILMINGTON", "DE", "19801", 0], ["MISSOULA", "MT", "59801", 0],
  ["MANCHESTER", "NH", "03101", 0], ["SPOKANE", "WA", "99201", 90], ["ST. LOUIS", "MO", "63110", 96.8],
].map(([city, state, zip, taxPm]) => ({ city, state, zip, taxPm }));

// ------------------------------------------------------------------------------------------------
// THE PLAN. Every count here is deliberate; the figures it produces are checked at the end.

const PLAN = {
  // Orders per day by weekday (Sun..Sat): a quieter late summer and a busier November.
  volume: {
    mfn: { before: [4, 3, 3, 3, 4, 3, 4], november: [7, 6, 6, 6, 6, 6, 7] },
    afn: { before: [2, 1, 1, 1, 2, 2, 1], november: [3, 2, 2, 2, 3, 2, 3] },
  },
  multiItem: { two: 0.18, three: 0.07 }, // ~25% of orders have 2-3 items
  expedited: 0.15, // MFN: Expedited ships in 1 day, delivers 2 days later; Standard 2 and 5
  pending: { mfn: 3, afn: 1 }, // purchased 11-19..11-20, payment not yet authorized
  cancellations: {
    // [channel, initiator, count, from, to] (purchase days)
    plan: [
      ["mfn", "buyer", 2, "2026-11-14", "2026-11-18"], // in the pfcr window: not counted
      ["mfn", "buyer", 9, "2026-08-23", "2026-11-13"],
      ["mfn", "seller", 3, "2026-08-23", "2026-11-13"], // out of stock, before the pfcr window
      ["mfn", "amazon", 1, "2026-09-08", "2026-11-06"], // never confirmed: auto-cancelled
      ["afn", "buyer", 3, "2026-08-23", "2026-11-13"],
    ],
  },
  overdue: ["2026-11-18", "2026-11-19"], // unshipped MFN orders with these latest ship days
  dueToday: 1, // an unshipped MFN order whose latest ship day is 2026-11-20
  // Late shipments (Standard orders, shipped 1-2 days after the latest ship date), by latest ship day
  lateShipments: [
    [2, "2026-11-11", "2026-11-18"], // lsr 10 d window
    [1, "2026-10-22", "2026-11-10"], // lsr 30 d window only
    [5, "2026-08-25", "2026-10-21"], // older
  ],
  // Shipped without a tracking number, by promised delivery day
  missingTracking: [
    [3, "2026-10-22", "2026-11-20"], // vtr window
    [2, "2026-08-28", "2026-10-21"],
  ],
  // Delivered after the promised day (1-2 days late), by promised delivery day
  lateDeliveries: [
    [2, "2026-10-22", "2026-11-17"], // otdr window, delivered late
    [3, "2026-08-28", "2026-10-21"],
  ],
  lostParcel: ["2026-11-05", "2026-11-14"],
  odrDefectsPurchased: ["2026-10-01", "2026-10-25"], // the 4 MFN defect orders (A..D below) // one shipped, tracked order never delivered (otdr window)
  returns: { inRdrWindow: 13, before: 3 }, // MFN returns; 2 of the in-window ones are rejected
  afnRefunds: [
    [2, "2026-10-22", "2026-11-14"],
    [2, "2026-08-23", "2026-09-21"],
  ],
  messages: {
    // per region: answered on time, answered late (> 24 h), no response needed
    crt7: { onTime: 27, late: 2, unansweredLate: 1, noResponseNeeded: 2, unansweredFresh: 1 },
    crt30only: { onTime: 77, late: 3, unansweredLate: 0, noResponseNeeded: 4, unansweredFresh: 0 },
    older: { onTime: 174, late: 6, unansweredLate: 0, noResponseNeeded: 8, unansweredFresh: 0 },
  },
};

// The statuses the demo must show (SPEC section 2 default targets).
const INTENDED = {
  "odr mfn 60d": "breach",
  "odr afn 60d": "good",
  "pfcr mfn 7d": "good",
  "lsr mfn 10d": "at_risk",
  "lsr mfn 30d": "good",
  "vtr mfn 30d": "good",
  "otdr mfn 30d": "good",
  "crt all 7d": "at_risk",
  "crt all 30d": "good",
  "crt all 90d": "good",
  "rdr all 60d": "good",
  "refund_rate all 30d": "good",
};

const dayArg = (text) => {
  const [y, m, d] = text.split("-").map(Number);
  return dayOf(y, m, d);
};

// ------------------------------------------------------------------------------------------------
// 1. Clean orders from the daily volume

const usedIds = new Set();
function orderId() {
  for (;;) {
    const id = `${pickOne(["111", "112", "113", "114"])}-${digits(7)}-${digits(7)}`;
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}

const orders = [];
for (let day = FIRST; day <= D; day++) {
  const weekday = new Date(day * DAY).getUTCDay();
  const season = day >= NOV1 ? "november" : "before";
  const slots = [];
  for (let i = 0; i < PLAN.volume.mfn[season][weekday]; i++) slots.push("mfn");
  for (let i = 0; i < PLAN.volume.afn[season][weekday]; i++) slots.push("afn");
  const times = slots.map(() => int(0, 86_399)).sort((a, b) => a - b);
  // shuffle channels over the day's times
  const channels = slots.slice();
  for (let i = channels.length - 1; i > 0; i--) {
    const j = int(0, i);
    [channels[i], channels[j]] = [channels[j], channels[i]];
  }
  channels.forEach((channel, i) => {
    const catalogue = channel === "mfn" ? MFN_PRODUCTS : AFN_PRODUCTS;
    const r = rand();
    const n = r < PLAN.multiItem.three ? 3 : r < PLAN.multiItem.three + PLAN.multiItem.two ? 2 : 1;
    const items = pickK(catalogue, n, "items").map((p) => ({ product: p, qty: chance(0.12) ? 2 : 1 }));
    const expedited = channel === "mfn" ? chance(PLAN.expedited) : chance(0.6);
    const handling = channel === "afn" ? 1 : expedited ? 1 : 2;
    const transit = channel === "afn" ? 2 : expedited ? 2 : 5;
    const latestShipDay = day + handling;
    const business = chance(0.05);
    orders.push({
      id: orderId(),
      channel,
      purchaseMs: day * DAY + times[i] * 1000,
      purchaseDay: day,
      items,
      level: expedited ? "Expedited" : "Standard",
      latestShipDay,
      promisedDay: latestShipDay + transit,
      place: pickOne(PLACES),
      business,
      po: business ? `PO-${digits(5)}` : "",
      coupon: chance(0.08),
      // decided below
      status: "Shipped",
      cancelledBy: "",
      cancelMs: null,
      lateShip: 0,
      noTracking: false,
      lateDelivery: 0,
      lost: false,
      shipMs: null,
      carrier: "",
      tracking: "",
      deliveredMs: null,
      refund: null, // { ms, cents, item }
      role: "", // why it was picked (plan bookkeeping)
    });
  });
}
const byId = new Map(orders.map((o) => [o.id, o]));

// ------------------------------------------------------------------------------------------------
// 2. Planned problems

const free = (o) => o.role === "";
const take = (list, role) => {
  for (const o of list) o.role = role;
  return list;
};
const between = (day, from, to) => day >= dayArg(from) && day <= dayArg(to);

// Pending: the newest orders.
for (const ch of ["mfn", "afn"]) {
  const c = orders.filter((o) => o.channel === ch && o.purchaseDay >= D - 1 && free(o));
  for (const o of take(pickK(c, PLAN.pending[ch], `pending ${ch}`), "pending")) o.status = "Pending";
}

// Overdue and due today: unshipped MFN orders past / at their latest ship date.
for (const d of PLAN.overdue) {
  const c = orders.filter((o) => o.channel === "mfn" && o.latestShipDay === dayArg(d) && free(o));
  for (const o of take(pickK(c, 1, `overdue ${d}`), "overdue")) o.status = "Unshipped";
}
{
  const c = orders.filter((o) => o.channel === "mfn" && o.latestShipDay === D && free(o));
  for (const o of take(pickK(c, PLAN.dueToday, "due today"), "due today")) o.status = "Unshipped";
}
// Not yet due: MFN orders whose latest ship day is after D have not shipped yet.
for (const o of orders) {
  if (o.channel === "mfn" && o.latestShipDay > D && free(o)) {
    o.status = "Unshipped";
    o.role = "not yet due";
  }
}

// Cancellations.
for (const [ch, by, k, from, to] of PLAN.cancellations.plan) {
  const c = orders.filter((o) => o.channel === ch && between(o.purchaseDay, from, to) && free(o));
  for (const o of take(pickK(c, k, `cancel ${ch} ${by}`), `cancelled by ${by}`)) {
    o.status = "Cancelled";
    o.cancelledBy = by;
    o.cancelMs = Math.min(o.purchaseMs + int(20, by === "amazon" ? 60 * 24 * 4 : 60 * 30) * MIN, END_D);
  }
}

// Late shipments (Standard only, so the parcel still arrives by the promised day).
for (const [k, from, to] of PLAN.lateShipments) {
  const c = orders.filter(
    (o) => o.channel === "mfn" && o.level === "Standard" && between(o.latestShipDay, from, to) && free(o),
  );
  for (const o of take(pickK(c, k, `late shipment ${from}`), "late shipment")) {
    o.lateShip = Math.min(int(1, 2), D - o.latestShipDay);
  }
}
// Missing tracking numbers.
for (const [k, from, to] of PLAN.missingTracking) {
  const c = orders.filter((o) => o.channel === "mfn" && between(o.promisedDay, from, to) && free(o));
  for (const o of take(pickK(c, k, `no tracking ${from}`), "no tracking")) o.noTracking = true;
}
// Late deliveries.
for (const [k, from, to] of PLAN.lateDeliveries) {
  const c = orders.filter((o) => o.channel === "mfn" && between(o.promisedDay, from, to) && free(o));
  for (const o of take(pickK(c, k, `late delivery ${from}`), "late delivery")) {
    o.lateDelivery = Math.min(int(1, 2), D - o.promisedDay);
  }
}
{
  const [from, to] = PLAN.lostParcel;
  const c = orders.filter((o) => o.channel === "mfn" && between(o.promisedDay, from, to) && free(o));
  for (const o of take(pickK(c, 1, "lost parcel"), "lost in transit")) o.lost = true;
}

// ------------------------------------------------------------------------------------------------
// 3. Ship, delivery, tracking

const trackingFor = (carrier) =>
  carrier === "USPS"
    ? `9400${digits(18)}`
    : carrier === "UPS"
      ? `1Z${alnum(6)}03${digits(8)}`
      : carrier === "FedEx"
        ? digits(12)
        : `TBA${digits(12)}`;

for (const o of orders) {
  if (o.status !== "Shipped") continue;
  if (o.channel === "afn") {
    const ship = o.purchaseMs + int(3 * 60, 20 * 60) * MIN;
    if (ship > END_D) {
      o.status = "Unshipped";
      continue;
    }
    o.shipMs = ship;
    o.carrier = "AMZN_US";
    o.tracking = trackingFor("AMZN_US");
    const delivered = (Math.floor(ship / DAY) + int(1, 2)) * DAY + int(9 * 60, 20 * 60) * MIN;
    if (delivered <= END_D) o.deliveredMs = delivered;
    continue;
  }
  // MFN
  let shipDay;
  if (o.lateShip > 0) shipDay = o.latestShipDay + o.lateShip;
  else {
    const earliest = o.purchaseMs - o.purchaseDay * DAY < 14 * HOUR ? o.purchaseDay : o.purchaseDay + 1;
    shipDay = int(Math.min(earliest, o.latestShipDay), o.latestShipDay);
  }
  let ship = shipDay * DAY + int(15 * 60, 21 * 60) * MIN + int(0, 59) * 1000;
  if (ship <= o.purchaseMs + HOUR) ship = o.purchaseMs + HOUR + int(5, 90) * MIN; // same-day rush
  o.shipMs = ship;
  o.carrier = o.level === "Expedited" ? pickOne(["UPS", "FedEx"]) : chance(0.7) ? "USPS" : "UPS";
  if (o.noTracking) continue; // shipment confirmed without a tracking number: no delivery scan either
  o.tracking = trackingFor(o.carrier);
  if (o.lost) continue;
  const sDay = Math.floor(ship / DAY);
  const deliveredDay =
    o.lateDelivery > 0 ? o.promisedDay + o.lateDelivery : int(sDay + 1, Math.max(sDay + 1, o.promisedDay));
  const delivered = deliveredDay * DAY + int(10 * 60, 20 * 60) * MIN + int(0, 59) * 1000;
  if (delivered <= END_D) o.deliveredMs = delivered;
}

// ------------------------------------------------------------------------------------------------
// 4. Feedback, claims, chargebacks (ODR), refunds, returns

const deliveredMfn = (o) => o.channel === "mfn" && o.status === "Shipped" && o.deliveredMs !== null;
const odrCandidates = (ch, from = W.odr.from, to = W.odr.to) =>
  orders.filter(
    (o) => o.channel === ch && o.purchaseDay >= from && o.purchaseDay <= to && free(o) && o.deliveredMs !== null && o.status === "Shipped",
  );
const afterDelivery = (o, minDays, maxDays) =>
  Math.min(o.deliveredMs + int(minDays * 24 * 60, maxDays * 24 * 60) * MIN, END_D - int(1, 600) * MIN);

const feedback = []; // { ms, rating, comments, orderId }
const claims = []; // { orderId, status, ms, amazonFunded }
const chargebacks = []; // { orderId, day, type, status }

// The MFN defects in the ODR window (each order once): A 1-star + granted claim, B 2-star,
// C chargeback, D claim refunded by the seller; bought in October, so that the ODR trend is good
// until their feedback, claims and chargeback arrive and then crosses the target.
const [odrA, odrB, odrC, odrD] = take(
  pickK(odrCandidates("mfn", ...PLAN.odrDefectsPurchased.map(dayArg)), 4, "odr mfn defects"),
  "odr",
);
const [odrE, odrF, odrI] = take(pickK(odrCandidates("mfn"), 3, "odr mfn non-defects"), "odr");
// B bought the pizza pan (the comment is about it).
odrB.items = [{ product: MFN_PRODUCTS[0], qty: 1 }, ...odrB.items.filter((i) => i.product !== MFN_PRODUCTS[0])].slice(
  0,
  odrB.items.length,
);
odrA.role = "odr: 1-star feedback and A-to-z claim granted";
odrB.role = "odr: 2-star feedback";
odrC.role = "odr: chargeback";
odrD.role = "odr: A-to-z claim, seller refunded";
odrE.role = "claim denied (not a defect)";
odrF.role = "claim withdrawn (not a defect)";
odrI.role = "chargeback won (not a defect)";
const [odrG, odrH] = take(pickK(odrCandidates("afn"), 2, "odr afn"), "odr afn");
odrG.role = "claim granted, Amazon-funded (not a defect)";
odrH.role = "fraud chargeback (not a defect)";

feedback.push({ ms: afterDelivery(odrA, 1, 3), rating: 1, comments: "Arrived cracked. Box was crushed.", o: odrA });
feedback.push({ ms: afterDelivery(odrB, 2, 6), rating: 2, comments: 'Says "pre-seasoned", it is not', o: odrB });
claims.push({ o: odrA, status: "granted", ms: afterDelivery(odrA, 4, 8), amazonFunded: false });
claims.push({ o: odrD, status: "seller_refunded", ms: afterDelivery(odrD, 3, 9), amazonFunded: false });
claims.push({ o: odrE, status: "denied", ms: afterDelivery(odrE, 3, 9), amazonFunded: false });
claims.push({ o: odrF, status: "withdrawn", ms: afterDelivery(odrF, 3, 9), amazonFunded: false });
claims.push({ o: odrG, status: "granted", ms: afterDelivery(odrG, 3, 9), amazonFunded: true });
chargebacks.push({ o: odrC, ms: afterDelivery(odrC, 10, 25), type: "item_not_received", status: "lost" });
chargebacks.push({ o: odrH, ms: afterDelivery(odrH, 5, 20), type: "fraud", status: "open" });
chargebacks.push({ o: odrI, ms: afterDelivery(odrI, 8, 20), type: "not_as_described", status: "won" });
{
  const claimD = claims[1];
  odrD.refund = { ms: claimD.ms + int(2, 20) * HOUR, item: 0 };
}
// Feedback that is not a defect in today's window: 3 stars anywhere; a 1-star on an order bought
// after the window (it will count when the window moves); a 2-star on an order bought before it.
for (const o of take(
  pickK(
    orders.filter((x) => free(x) && x.deliveredMs !== null && x.status === "Shipped" && x.deliveredMs < END_D - 2 * DAY),
    4,
    "3-star",
  ),
  "3-star feedback",
)) {
  feedback.push({
    ms: afterDelivery(o, 1, 2),
    rating: 3,
    comments: pickOne(["ok but slow", "Does the job. Smaller than I expected.", "Fine, packaging could be better", "Good product, shipping took a while"]),
    o,
  });
}
{
  const late = orders.filter(
    (o) => deliveredMfn(o) && free(o) && o.purchaseDay > W.odr.to && o.purchaseDay <= W.odr.to + 7 && o.deliveredMs < END_D - DAY,
  );
  const [o] = take(pickK(late, 1, "1-star after window"), "1-star feedback (after the odr window)");
  feedback.push({ ms: afterDelivery(o, 0, 1), rating: 1, comments: "Handle snapped off the first time I used it", o });
  // bought before today's window, feedback left late (about 7 weeks after purchase)
  const early = orders.filter((x) => deliveredMfn(x) && free(x) && x.purchaseDay < W.odr.from);
  const [p] = take(pickK(early, 1, "2-star before window"), "2-star feedback (before the odr window)");
  const lateMs = (p.purchaseDay + int(48, 52)) * DAY + int(8 * 60, 22 * 60) * MIN;
  feedback.push({ ms: lateMs, rating: 2, comments: "Rusty spots after two weeks of use", o: p });
}

// Returns (seller-fulfilled): requested 2-14 days after delivery, 1 rejected while in policy
// (a negative return), 1 rejected because it was out of policy (not negative).
const returns = []; // { o, item, requestedDay, status, resolution, inPolicy, reason, deliveredBackDay, refundCents }
const RETURN_REASONS = [
  ["DEFECTIVE", "Seller"],
  ["NOT_AS_DESCRIBED", "Seller"],
  ["DAMAGED_BY_CARRIER", "Seller"],
  ["UNWANTED_ITEM", "Customer"],
  ["ORDERED_WRONG_ITEM", "Customer"],
  ["FOUND_BETTER_PRICE", "Customer"],
];
function addReturn(o, requestedDay, kind) {
  const item = 0;
  const [reason, payer] = kind === "rejected in policy" ? ["UNWANTED_ITEM", "Customer"] : pickOne(RETURN_REASONS);
  const r = { o, item, requestedDay, reason, payer, inPolicy: kind !== "rejected out of policy" };
  if (kind.startsWith("rejected")) {
    r.status = "Rejected";
    r.resolution = "Rejected";
  } else if (requestedDay + 10 <= D) {
    r.status = "Closed";
    r.resolution = "StandardRefund";
    r.deliveredBackDay = requestedDay + int(4, 6);
    o.refund = { ms: (r.deliveredBackDay + 1) * DAY + int(9 * 60, 17 * 60) * MIN, item };
  } else {
    r.status = "Approved";
    r.resolution = "";
  }
  o.role = `return (${r.status.toLowerCase()}${r.inPolicy ? "" : ", out of policy"})`;
  returns.push(r);
}
{
  const inWindow = orders.filter((o) => {
    if (!deliveredMfn(o) || !free(o)) return false;
    const dd = Math.floor(o.deliveredMs / DAY);
    return dd + 2 >= W.rdr.from && dd + 2 <= D - 1;
  });
  const chosen = pickK(inWindow, PLAN.returns.inRdrWindow - 1, "returns in rdr window");
  const rejectIn = pickK(chosen, 1, "rejected in policy")[0];
  for (const o of chosen) {
    const dd = Math.floor(o.deliveredMs / DAY);
    const requested = Math.max(W.rdr.from, int(dd + 2, Math.min(dd + 14, D)));
    addReturn(o, requested, o === rejectIn ? "rejected in policy" : "approved");
  }
  // Out of policy: asked for 40+ days after delivery, inside the rdr window.
  const old = orders.filter(
    (o) => deliveredMfn(o) && free(o) && Math.floor(o.deliveredMs / DAY) + 40 >= W.rdr.from && Math.floor(o.deliveredMs / DAY) + 40 <= D - 3,
  );
  const [oo] = pickK(old, 1, "out of policy return");
  addReturn(oo, Math.floor(oo.deliveredMs / DAY) + 40, "rejected out of policy");
  const before = orders.filter((o) => {
    if (!deliveredMfn(o) || !free(o)) return false;
    const dd = Math.floor(o.deliveredMs / DAY);
    return dd + 14 < W.rdr.from;
  });
  for (const o of pickK(before, PLAN.returns.before, "returns before rdr window")) {
    const dd = Math.floor(o.deliveredMs / DAY);
    addReturn(o, int(dd + 2, dd + 14), "approved");
  }
}
returns.sort((a, b) => a.requestedDay - b.requestedDay || (a.o.id < b.o.id ? -1 : 1));

// FBA refunds.
for (const [k, from, to] of PLAN.afnRefunds) {
  const c = orders.filter(
    (o) => o.channel === "afn" && o.deliveredMs !== null && free(o) && between(o.purchaseDay, from, to) && o.deliveredMs + 8 * DAY < END_D,
  );
  for (const o of take(pickK(c, k, `afn refund ${from}`), "refund (FBA return)")) {
    o.refund = { ms: o.deliveredMs + int(3 * 24, 8 * 24) * HOUR, item: 0 };
  }
}

// ------------------------------------------------------------------------------------------------
// 5. Prices per item row

const taxOf = (cents, place) => Math.round((cents * place.taxPm) / 1000);
for (const o of orders) {
  let first = true;
  const subtotal = o.items.reduce((s, i) => s + i.product.cents * i.qty, 0);
  for (const it of o.items) {
    it.price = it.product.cents * it.qty;
    it.tax = taxOf(it.price, o.place);
    it.ship = o.channel === "afn" ? 0 : !first ? 0 : o.level === "Expedited" ? 1299 : subtotal >= 2500 ? 0 : 599;
    it.discount = o.coupon && first ? -Math.round(it.price * 0.1) : 0;
    first = false;
  }
  if (o.refund) {
    const it = o.items[o.refund.item];
    o.refund.cents = it.price + it.tax + it.discount;
  }
}

// ------------------------------------------------------------------------------------------------
// 6. Messages (buyer-seller messaging): 3 regions of the crt windows, counts from the plan

const messages = []; // { id, orderId, receivedMs, respondedMs, nrn }
{
  const regions = [
    ["crt7", W.crt7.from, D],
    ["crt30only", W.crt30.from, W.crt7.from - 1],
    ["older", W.crt90.from, W.crt30.from - 1],
  ];
  for (const [name, from, to] of regions) {
    const p = PLAN.messages[name];
    const kinds = [];
    for (const [kind, n] of Object.entries(p)) for (let i = 0; i < n; i++) kinds.push(kind);
    for (const kind of kinds) {
      let day;
      if (kind === "unansweredFresh") day = D;
      else if (kind === "late") day = int(from, Math.min(to, D - 2));
      else if (kind === "unansweredLate") day = int(from, Math.min(to, D - 2));
      else day = int(from, to);
      let received = day * DAY + int(6 * 60, 22 * 60) * MIN + int(0, 59) * 1000;
      if (kind === "unansweredFresh") received = D * DAY + 16 * HOUR + 5 * MIN;
      let responded = null;
      if (kind === "onTime") {
        let delay = chance(0.8) ? int(10, 6 * 60) * MIN : int(6 * 60, 22 * 60) * MIN;
        const room = END_D - received - MIN;
        if (delay > room) delay = Math.max(MIN, Math.floor(room / 2));
        responded = received + delay;
      } else if (kind === "late") responded = received + int(25 * 60, 40 * 60) * MIN;
      messages.push({ kind, day, receivedMs: received, respondedMs: responded, nrn: kind === "noResponseNeeded" });
    }
  }
  // One reply after exactly 24 hours (on time by the SPEC): the first on-time message of 11-16.
  const exact = messages.find((m) => m.kind === "onTime" && m.day === dayArg("2026-11-16"));
  if (!exact) throw new Error("plan: no on-time message on 2026-11-16 for the exact-24-h reply");
  exact.respondedMs = exact.receivedMs + 24 * HOUR;
  exact.exact24 = true;
  messages.sort((a, b) => a.receivedMs - b.receivedMs);
  const sortedOrders = orders.slice().sort((a, b) => a.purchaseMs - b.purchaseMs);
  messages.forEach((m, i) => {
    m.id = `M${String(i + 1).padStart(4, "0")}-${alnum(6, "abcdefghjkmnpqrstuvwxyz23456789")}`;
    if (chance(0.12)) {
      m.orderId = ""; // a question before buying
      return;
    }
    const recent = sortedOrders.filter((o) => o.purchaseMs < m.receivedMs && o.purchaseMs > m.receivedMs - 14 * DAY);
    m.orderId = recent.length ? pickOne(recent).id : "";
  });
}

// ------------------------------------------------------------------------------------------------
// 7. Violations (Account Health): one resolved, two open, none critical

const violations = [
  { id: "V-7Q2K8M", policy: "Restricted Product Policy Violations", category: "restricted_products", severity: "high", detected: "2026-07-28", resolved: "2026-08-03", asin: "B0CJ3N8F2K" },
  { id: "V-3HX9TP", policy: "Received Intellectual Property Complaints", category: "intellectual_property", severity: "medium", detected: "2026-10-07", resolved: "", asin: "B0BZ7TQ4WN" },
  { id: "V-8LD4WC", policy: "Listing Policy Violations", category: "other", severity: "low", detected: "2026-10-29", resolved: "", asin: "B0BX4D1T7S" },
];

// ------------------------------------------------------------------------------------------------
// 8. The figures, counted from the plan's own records (SPEC section 2 rules, not ahr's code)

const nonPending = (o) => o.status !== "Pending";
const isCancelled = (o) => o.status === "Cancelled";
const shippedByD = (o) => o.shipMs !== null && o.shipMs <= END_D;
const hasTracking = (o) => o.tracking !== "";
const refundedByD = (o) => o.refund !== null && o.refund.ms <= END_D;

const PPM = 1_000_000;
function statusOf(num, den, condition, target, warnAt) {
  if (den === 0) return "no_data";
  const t = Math.round(target * PPM) * den;
  const w = Math.round(warnAt * PPM) * den;
  const n = num * PPM;
  if (condition === "lt") return n >= t ? "breach" : n >= w ? "at_risk" : "good";
  return n < t ? "breach" : n < w ? "at_risk" : "good";
}
const TARGETS = {
  odr: ["lt", 0.01, 0.008],
  pfcr: ["lt", 0.025, 0.02],
  lsr: ["lt", 0.04, 0.032],
  vtr: ["gte", 0.95, 0.96],
  otdr: ["gte", 0.97, 0.976],
  crt: ["gte", 0.9, 0.92],
  rdr: ["lt", 0.1, 0.08],
  refund_rate: ["lt", 0.05, 0.04],
};
const figures = [];
function figure(id, channel, w, num, den, extra = {}) {
  const [cond, target, warnAt] = TARGETS[id];
  const days = w.to - w.from + 1;
  const key = `${id} ${channel} ${days}d`;
  const status = statusOf(num, den, cond, target, warnAt);
  figures.push({ key, id, channel, days, from: fmtDay(w.from), to: fmtDay(w.to), num, den, status, cond, target, ...extra });
}

/** ODR counts for one channel as of any day (replay: only defects dated by the end of that day). */
function odrCounts(ch, asOfDay) {
  const w = { from: asOfDay - 14 - 59, to: asOfDay - 14 };
  const end = endOfDayMs(asOfDay);
  const inWin = orders.filter((o) => o.channel === ch && nonPending(o) && inW(o.purchaseDay, w));
  const ids = new Set(inWin.map((o) => o.id));
  const neg = new Set(feedback.filter((f) => f.rating <= 2 && f.ms <= end && ids.has(f.o.id)).map((f) => f.o.id));
  const cl = new Set(
    claims
      .filter((c) => (c.status === "granted" || c.status === "seller_refunded") && !c.amazonFunded && c.ms <= end && ids.has(c.o.id))
      .map((c) => c.o.id),
  );
  const cb = new Set(
    chargebacks
      .filter((c) => c.type !== "fraud" && !["won", "reversed", "withdrawn"].includes(c.status) && c.ms <= end && ids.has(c.o.id))
      .map((c) => c.o.id),
  );
  return { w, num: new Set([...neg, ...cl, ...cb]).size, den: inWin.length, neg: neg.size, cl: cl.size, cb: cb.size };
}
for (const ch of ["mfn", "afn"]) {
  const c = odrCounts(ch, D);
  figure("odr", ch, c.w, c.num, c.den, { components: { negativeFeedback: c.neg, claims: c.cl, chargebacks: c.cb } });
}
// The day the MFN ODR first breached (replaying every as-of day of the 90), and the day before.
const odrCrossing = (() => {
  for (let d = FIRST; d <= D; d++) {
    const c = odrCounts("mfn", d);
    if (statusOf(c.num, c.den, ...TARGETS.odr) === "breach") {
      const b = odrCounts("mfn", d - 1);
      return { day: d, num: c.num, den: c.den, before: { num: b.num, den: b.den, status: statusOf(b.num, b.den, ...TARGETS.odr) } };
    }
  }
  throw new Error("plan: the MFN ODR never breaches");
})();
{
  const den = orders.filter((o) => o.channel === "mfn" && nonPending(o) && inW(o.purchaseDay, W.pfcr));
  figure("pfcr", "mfn", W.pfcr, den.filter((o) => isCancelled(o) && o.cancelledBy !== "buyer").length, den.length, {
    buyerCancels: den.filter((o) => isCancelled(o) && o.cancelledBy === "buyer").length,
  });
}
for (const w of [W.lsr10, W.lsr30]) {
  const mfn = orders.filter((o) => o.channel === "mfn" && nonPending(o) && !isCancelled(o) && inW(o.latestShipDay, w));
  const den = mfn.filter(shippedByD);
  // a latest ship date without a time means the end of that day
  const late = den.filter((o) => o.shipMs > endOfDayMs(o.latestShipDay));
  const overdue = mfn.filter((o) => !shippedByD(o) && endOfDayMs(o.latestShipDay) < END_D);
  figure("lsr", "mfn", w, late.length, den.length, { overdue: overdue.length });
}
{
  const den = orders.filter((o) => o.channel === "mfn" && nonPending(o) && shippedByD(o) && inW(o.promisedDay, W.d30));
  figure("vtr", "mfn", W.d30, den.filter(hasTracking).length, den.length);
  const ot = den.filter(hasTracking);
  const onTime = ot.filter((o) => o.deliveredMs !== null && o.deliveredMs <= END_D && Math.floor(o.deliveredMs / DAY) <= o.promisedDay);
  figure("otdr", "mfn", W.d30, onTime.length, ot.length);
}
for (const w of [W.crt7, W.crt30, W.crt90]) {
  const counted = messages.filter((m) => {
    if (!inW(Math.floor(m.receivedMs / DAY), w) || m.nrn) return false;
    if (m.respondedMs !== null && m.respondedMs <= END_D) return true;
    return END_D - m.receivedMs > 24 * HOUR; // unanswered: late once 24 h have passed
  });
  const answered = counted.filter((m) => m.respondedMs !== null && m.respondedMs <= END_D);
  const onTime = answered.filter((m) => m.respondedMs - m.receivedMs <= 24 * HOUR);
  const avg = answered.length ? answered.reduce((s, m) => s + (m.respondedMs - m.receivedMs), 0) / answered.length / HOUR : null;
  figure("crt", "all", w, onTime.length, counted.length, {
    averageResponseHours: avg,
    excluded: messages.filter((m) => inW(Math.floor(m.receivedMs / DAY), w)).length - counted.length,
  });
}
{
  const den = returns.filter((r) => inW(r.requestedDay, W.rdr));
  figure("rdr", "all", W.rdr, den.filter((r) => r.status === "Rejected" && r.inPolicy).length, den.length);
}
{
  const den = orders.filter((o) => nonPending(o) && inW(o.purchaseDay, W.d30));
  figure("refund_rate", "all", W.d30, den.filter(refundedByD).length, den.length);
}
// Account Health Rating estimate
const ahr = (() => {
  const orders180 = orders.filter((o) => nonPending(o) && inW(o.purchaseDay, W.ahr)).length;
  const points = { low: 2, medium: 4, high: 8 };
  const open = violations.filter((v) => inW(dayArg(v.detected), W.ahr) && (v.resolved === "" || dayArg(v.resolved) > D));
  const deductions = open.reduce((s, v) => s + points[v.severity], 0);
  const bonus = 4 * Math.floor(orders180 / 200);
  const score = Math.max(0, Math.min(1000, 200 + bonus - deductions));
  const band = score >= 200 ? "healthy" : score >= 100 ? "at_risk" : "unhealthy";
  const ip = violations.filter((v) => v.category === "intellectual_property" && inW(dayArg(v.detected), W.ahr)).length;
  const rp = violations.filter((v) => v.category === "restricted_products" && inW(dayArg(v.detected), W.ahr)).length;
  return { orders180, bonus, deductions, score, band, deactivationRisk: ip >= 5 || rp >= 2, open: open.length };
})();

const wrong = figures.filter((f) => INTENDED[f.key] !== f.status);
if (wrong.length > 0 || Object.keys(INTENDED).length !== figures.length || ahr.band !== "healthy" || ahr.deactivationRisk) {
  for (const f of figures) console.error(`plan: ${f.key}: ${f.num}/${f.den} is ${f.status}, intended ${INTENDED[f.key]}`);
  console.error(`plan: AHR ${ahr.score} ${ahr.band}`);
  throw new Error("the plan does not give the intended statuses; adjust PLAN");
}

// ------------------------------------------------------------------------------------------------
// 9. Files

const ORDER_HEADER = [
  "amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date", "order-status",
  "fulfillment-channel", "sales-channel", "order-channel", "url", "ship-service-level", "product-name",
  "sku", "asin", "item-status", "quantity", "currency", "item-price", "item-tax", "shipping-price",
  "shipping-tax", "gift-wrap-price", "gift-wrap-tax", "item-promotion-discount", "ship-promotion-discount",
  "ship-city", "ship-state", "ship-postal-code", "ship-country", "promotion-ids", "is-business-order",
  "purchase-order-number", "price-designation",
  // added by the seller from the shipping, tracking, cancellation and refund reports
  "latest-ship-date", "ship-date", "carrier", "tracking-number", "latest-delivery-date", "delivery-date",
  "cancellation-initiator", "refund-date", "refunded-amount",
];

function orderRows(o) {
  const pending = o.status === "Pending";
  const cancelled = o.status === "Cancelled";
  const priced = !pending && !cancelled;
  const itemStatus = cancelled ? "Cancelled" : o.status === "Shipped" ? "Shipped" : "Unshipped";
  const updated = Math.max(
    o.purchaseMs,
    o.cancelMs ?? 0,
    o.shipMs ?? 0,
    o.deliveredMs ?? 0,
    o.refund && o.refund.ms <= END_D ? o.refund.ms : 0,
  );
  return o.items.map((it, i) => {
    const refund = o.refund && o.refund.item === i && o.refund.ms <= END_D ? o.refund : null;
    return [
      o.id, "", iso(o.purchaseMs), iso(updated), o.status,
      o.channel === "mfn" ? "Merchant" : "Amazon", "Amazon.com", "", "", o.level, it.product.name,
      it.product.sku, it.product.asin, itemStatus, String(it.qty), "USD",
      priced ? money(it.price) : "", priced ? money(it.tax) : "", priced ? money(it.ship) : "", priced ? "0.00" : "",
      "", "", priced && it.discount ? money(it.discount) : "", "",
      o.place.city, o.place.state, o.place.zip, "US",
      priced && it.discount ? "Coupon 10% off Cookware" : "", o.business ? "true" : "false",
      o.po, o.business && priced ? "BusinessPrice" : "",
      pending ? "" : fmtDay(o.latestShipDay), // a date: the end of that day (SPEC 8.11)
      o.shipMs !== null ? iso(o.shipMs) : "",
      o.shipMs !== null ? o.carrier : "",
      o.tracking,
      pending ? "" : fmtDay(o.promisedDay),
      o.deliveredMs !== null ? iso(o.deliveredMs) : "",
      o.cancelledBy,
      refund ? iso(refund.ms) : "",
      refund ? money(refund.cents) : "",
    ].join("\t");
  });
}

const raterEmail = () => `${alnum(7, "abcdefghijkmnpqrstuvwxyz0123456789")}@marketplace.amazon.com`;
const files = {};
files["all-orders.txt"] =
  [ORDER_HEADER.join("\t"), ...orders.slice().sort((a, b) => a.purchaseMs - b.purchaseMs).flatMap(orderRows)].join("\n") + "\n";

feedback.sort((a, b) => a.ms - b.ms);
files["seller-feedback.txt"] =
  [
    "Date\tRating\tComments\tResponse\tOrder ID\tRater Email",
    ...feedback.map((f) =>
      [
        mdyy(Math.floor(f.ms / DAY)),
        String(f.rating),
        f.comments,
        f.rating === 1 && f.o === odrA ? "We are sorry, a replacement is on its way." : "",
        f.o.id,
        raterEmail(),
      ].join("\t"),
    ),
  ].join("\n") + "\n";

claims.sort((a, b) => a.ms - b.ms);
files["claims.csv"] =
  ["order_id,status,filed_at,amazon_funded", ...claims.map((c) => [c.o.id, c.status, iso(c.ms), String(c.amazonFunded)].join(","))].join("\n") +
  "\n";

chargebacks.sort((a, b) => a.ms - b.ms);
files["chargebacks.csv"] =
  ["order_id,filed_at,type,status", ...chargebacks.map((c) => [c.o.id, fmtDay(Math.floor(c.ms / DAY)), c.type, c.status].join(","))].join(
    "\n",
  ) + "\n";

files["messages.csv"] =
  [
    "message_id,order_id,received_at,responded_at,no_response_needed",
    ...messages.map((m) =>
      [m.id, m.orderId, iso(m.receivedMs), m.respondedMs !== null ? iso(m.respondedMs) : "", m.nrn ? "true" : "false"].join(","),
    ),
  ].join("\n") + "\n";

files["violations.csv"] =
  [
    "violation_id,policy,category,severity,detected_at,resolved_at,asin",
    ...violations.map((v) => [v.id, v.policy, v.category, v.severity, v.detected, v.resolved, v.asin].join(",")),
  ].join("\n") + "\n";

const RETURN_HEADER = [
  "Order ID", "Order date", "Return request date", "Return request status", "Amazon RMA ID", "Merchant RMA ID",
  "Label type", "Label cost", "Currency code", "Return carrier", "Tracking ID", "Label to be paid by",
  "A-to-Z Claim", "Is prime", "ASIN", "Merchant SKU", "Item Name", "Return quantity", "Return Reason",
  "In policy", "Return type", "Resolution", "Invoice number", "Return delivery date", "Order Amount",
  "Order quantity", "SafeT Action reason", "SafeT claim id", "SafeT claim state", "SafeT claim creation time",
  "SafeT claim reimbursement amount", "Refunded Amount",
];
files["mfn-returns.txt"] =
  [
    RETURN_HEADER.join("\t"),
    ...returns.map((r) => {
      const it = r.o.items[r.item];
      const labelled = r.status !== "Rejected";
      const carrier = labelled ? (r.payer === "Seller" ? "UPS" : "USPS") : "";
      const refunded = r.status === "Closed" ? money(r.o.refund.cents) : "";
      return [
        r.o.id, ddMonYYYY(r.o.purchaseDay), ddMonYYYY(r.requestedDay), r.status, `${alnum(8, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789")}RRMA`, "",
        labelled ? (r.payer === "Seller" ? "AmazonPrePaidLabel" : "AmazonUnPaidLabel") : "",
        labelled ? (r.payer === "Seller" ? money(int(590, 1190)) : "0.00") : "", "USD",
        carrier, labelled ? trackingFor(carrier) : "", labelled ? r.payer : "",
        "N", r.o.level === "Expedited" ? "Y" : "N", it.product.asin, it.product.sku, it.product.name, String(it.qty), r.reason,
        r.inPolicy ? "Y" : "N", "C-Returns", r.resolution, "",
        r.deliveredBackDay !== undefined ? ddMonYYYY(r.deliveredBackDay) : "", money(it.price), String(it.qty),
        "", "", "", "", "", refunded,
      ].join("\t");
    }),
  ].join("\n") + "\n";

// ------------------------------------------------------------------------------------------------
// 10. README with the figures

const pct = (n, d) => (d === 0 ? "-" : `${((100 * n) / d).toFixed(2)}%`);
const targetText = (f) => (f.cond === "lt" ? `< ${+(f.target * 100).toFixed(2)}%` : `>= ${+(f.target * 100).toFixed(2)}%`);
const orderCount = orders.length;
const rowCount = files["all-orders.txt"].split("\n").length - 2;
const mfnCount = orders.filter((o) => o.channel === "mfn").length;
const multi = orders.filter((o) => o.items.length > 1).length;
const countRole = (prefix) => orders.filter((o) => o.role.startsWith(prefix)).length;
const fig = (key) => figures.find((f) => f.key === key);
const odrM = fig("odr mfn 60d");
const crt7 = fig("crt all 7d");
const lsr10 = fig("lsr mfn 10d");

const spotlightOrders = orders
  .filter(
    (o) =>
      o.role.startsWith("odr:") ||
      o.role === "overdue" ||
      o.role === "due today" ||
      (o.role === "late shipment" && inW(o.latestShipDay, W.lsr30)) ||
      ((o.role === "no tracking" || o.role === "late delivery" || o.role === "lost in transit") && inW(o.promisedDay, W.d30)) ||
      o.role === "return (rejected)",
  )
  .sort((a, b) => a.purchaseMs - b.purchaseMs);
const roleText = (o) =>
  o.role === "overdue"
    ? `overdue: latest ship date ${fmtDay(o.latestShipDay)}, not shipped`
    : o.role === "due today"
      ? `due today: latest ship date ${fmtDay(o.latestShipDay)}, not shipped`
      : o.role === "late shipment"
        ? `late shipment: latest ship date ${fmtDay(o.latestShipDay)}, shipped ${fmtDay(Math.floor(o.shipMs / DAY))}`
        : o.role === "no tracking"
          ? `shipped without tracking, promised ${fmtDay(o.promisedDay)}`
          : o.role === "late delivery"
            ? `promised ${fmtDay(o.promisedDay)}, delivered ${o.deliveredMs === null ? "not yet" : fmtDay(Math.floor(o.deliveredMs / DAY))}`
            : o.role === "lost in transit"
              ? `promised ${fmtDay(o.promisedDay)}, never delivered`
              : o.role === "return (rejected)"
                ? "return rejected although in policy (rdr)"
                : o.role;
const spotlight = spotlightOrders.map((o) => `| ${o.id} | ${fmtDay(o.purchaseDay)} | ${roleText(o)} |`).join("\n");

const table = figures
  .map((f) => {
    const note =
      f.id === "odr"
        ? ` (feedback ${f.components.negativeFeedback}, claims ${f.components.claims}, chargebacks ${f.components.chargebacks})`
        : f.id === "lsr"
          ? ` (overdue ${f.overdue})`
          : f.id === "crt"
            ? ` (avg ${f.averageResponseHours.toFixed(4)} h)`
            : "";
    const good = f.cond === "gte" ? "good items" : "bad items";
    return `| ${f.id} | ${f.channel} | ${f.days} d | ${f.from} .. ${f.to} | ${f.num} / ${f.den} ${good}${note} | ${pct(f.num, f.den)} | ${targetText(f)} | **${f.status}** |`;
  })
  .join("\n");

files["README.md"] = `# fixtures/demo: a 90-day export of a small US kitchenware seller

Generated by \`node scripts/make-demo.js\` (deterministic: a seeded PRNG, no clock; running it
again writes the same bytes). Do not edit these files by hand: change the PLAN in the script and
regenerate. Made-up orders in Amazon's real layouts.

\`\`\`
ahr check fixtures/demo/ --as-of 2026-11-20
\`\`\`

As-of date **2026-11-20**, report time zone **UTC**. Orders run from 2026-08-23 to 2026-11-20.

| file | what it is |
|---|---|
| all-orders.txt | Amazon's All Orders report (tab-delimited, never quoted; literal \`"\` in product names; one row per item), ${orderCount} orders in ${rowCount} rows, ${mfnCount} MFN (Merchant) and ${orderCount - mfnCount} AFN (Amazon), ${multi} with 2-3 items. After Amazon's 32 columns come the columns a seller adds from the shipping, tracking, cancellation and refund reports: \`latest-ship-date\`, \`ship-date\`, \`carrier\`, \`tracking-number\`, \`latest-delivery-date\` (the promised delivery date), \`delivery-date\`, \`cancellation-initiator\`, \`refund-date\`, \`refunded-amount\`. |
| seller-feedback.txt | Seller feedback report (1-3 star entries, US \`M/D/YY\` dates), ${feedback.length} rows |
| claims.csv | A-to-z claims, canonical layout, ${claims.length} rows (granted, seller refunded, denied, withdrawn, Amazon-funded) |
| chargebacks.csv | chargebacks, canonical layout, ${chargebacks.length} rows (one counts, one fraud, one won) |
| messages.csv | buyer messages, canonical layout, ${messages.length} rows |
| mfn-returns.txt | Returns report for seller-fulfilled orders (Title Case headers, \`DD-Mon-YYYY\`), ${returns.length} rows |
| violations.csv | policy violations, canonical layout, ${violations.length} rows (one resolved, two open, none critical) |

## What the demo shows (the plan's figures)

Counted by the generator from its own plan with the rules of SPEC section 2, independently of
ahr's code; test/fixtures/demo.test.ts checks ahr against these numbers. For \`>=\` metrics the
numerator counts the good items.

| metric | channel | window | dates | numerator / denominator | rate | target | status |
|---|---|---|---|---|---|---|---|
${table}

Account Health Rating (estimate): ${ahr.orders180} orders in 180 days -> volume bonus 4 x floor(${ahr.orders180} / 200) = ${ahr.bonus};
${ahr.open} open violations (medium IP complaint 4 + low listing violation 2 = ${ahr.deductions} points; the high
restricted-product violation was resolved) -> score 200 + ${ahr.bonus} - ${ahr.deductions} = **${ahr.score}, ${ahr.band}**, no
deactivation risk (1 IP violation of 5 allowed, 1 restricted-product violation of 2).

What to look at:
- **ODR (MFN) breaches**: ${odrM.num} defective orders of ${odrM.den}: one has a 1-star feedback and a granted A-to-z
  claim (counted once), one a 2-star feedback, one a chargeback, one a claim the seller refunded.
  Not defects: a denied and a withdrawn claim, an Amazon-funded claim (AFN), a fraud chargeback
  (AFN), a chargeback the seller won, 3-star feedback, a 1-star on an order bought after the
  window (2026-11-06) and a 2-star on one bought before it (2026-09-08).
- The MFN ODR was fine until its October defects arrived: as of ${fmtDay(odrCrossing.day - 1)} it was
  ${odrCrossing.before.num} / ${odrCrossing.before.den} (${odrCrossing.before.status}); as of ${fmtDay(odrCrossing.day)} it is ${odrCrossing.num} / ${odrCrossing.den}, a breach
  (\`ahr trend odr\` shows the crossing; \`--as-of ${fmtDay(odrCrossing.day)}\` replays it).
- **LSR 10 d is at risk**: ${lsr10.num} late of ${lsr10.den}; the 30-day window is good. ${lsr10.overdue} orders are overdue (latest ship
  dates 2026-11-18 and 2026-11-19, not shipped) and 1 is due today (latest ship date 2026-11-20).
- **CRT 7 d is at risk at exactly the target**: ${crt7.num} of ${crt7.den} answered within 24 h = 90.00%, which is not a
  breach of ">= 90%". One reply came after exactly 24 h (on time); one message from 2026-11-20
  16:05 is unanswered but under 24 h old (left out); 2 need no response (left out).
- PFCR is good: the ${fig("pfcr mfn 7d").buyerCancels} cancellations in its window were requested by buyers (seller and
  Amazon cancellations happened earlier). VTR: 3 shipments without tracking. OTDR: 2 late
  deliveries and one parcel never delivered. RDR: one return rejected although in policy
  (the out-of-policy rejection does not count). Refunds come from closed returns, FBA returns and
  the seller-refunded claim.
- A few MFN orders from 2026-11-19 and 2026-11-20 are pending (no prices, left out of every
  metric) or not yet due to ship.

The orders behind the figures above (what \`--details\` should list):

| order | purchased | what |
|---|---|---|
${spotlight}

Decisions worth knowing:
- \`latest-ship-date\` and \`latest-delivery-date\` are written as dates (\`2026-11-20\`), which
  the SPEC reads as the end of that day (8.11): an order due on 2026-11-20 is due today, not
  overdue. Every other time is an ISO 8601 timestamp with \`+00:00\`, like Amazon's.
- \`refund-date\` and \`refunded-amount\` are on the refunded item's row only;
  \`cancellation-initiator\` is repeated on every row of a cancelled order, like the other
  order-level fields.
- No event (order, shipment, delivery, refund, feedback, claim, chargeback, message, return) is
  stamped after the end of 2026-11-20; only the ship-by and deliver-by dates of the newest orders
  lie ahead. An earlier \`--as-of\` replays what the seller would have seen that day.

Regenerate: \`node scripts/make-demo.js\` (or \`npm run fixtures:demo\`); \`node scripts/make-demo.js DIR\`
writes the same files elsewhere.
`;

// ------------------------------------------------------------------------------------------------
// Write and print

const args = process.argv.slice(2);
const quiet = args.includes("--quiet");
const dirArg = args.find((a) => !a.startsWith("--"));
const here = dirname(fileURLToPath(import.meta.url));
const out = dirArg ? resolve(dirArg) : join(here, "..", "fixtures", "demo");
mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);

if (!quiet) {
  const log = (s) => process.stdout.write(s + "\n");
  log(`wrote ${Object.keys(files).length} files to ${out}`);
  log(`as of ${fmtDay(D)} (UTC): ${orderCount} orders, ${rowCount} order rows, ${messages.length} messages, ${returns.length} returns`);
  for (const f of figures) {
    const extra =
      f.id === "odr"
        ? ` components ${JSON.stringify(f.components)}`
        : f.id === "lsr"
          ? ` overdue ${f.overdue}`
          : f.id === "crt"
            ? ` avg ${f.averageResponseHours.toFixed(6)} h`
            : "";
    log(`${f.key.padEnd(20)} ${f.from}..${f.to}  ${String(f.num).padStart(3)}/${String(f.den).padEnd(4)} ${pct(f.num, f.den).padStart(7)}  ${f.status}${extra}`);
  }
  log(`odr mfn first breached as of ${fmtDay(odrCrossing.day)}: ${odrCrossing.num}/${odrCrossing.den} (the day before ${odrCrossing.before.num}/${odrCrossing.before.den} ${odrCrossing.before.status})`);
  log(`ahr: orders180 ${ahr.orders180}, bonus ${ahr.bonus}, deductions ${ahr.deductions}, score ${ahr.score}, ${ahr.band}`);
  for (const c of ["pending", "overdue", "due today", "not yet due", "cancelled by", "late shipment", "no tracking", "late delivery", "lost", "return", "refund"])
    log(`  ${c}: ${countRole(c)}`);
}

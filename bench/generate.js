#!/usr/bin/env node
/**
 * Deterministic benchmark data for `npm run bench` (issue 6), streamed to disk (never built in
 * memory): an All Orders flat file (TSV, Amazon's layout plus the ship/tracking/delivery/refund
 * columns), the same orders as a comma CSV (RFC 4180 quoting where needed), a seller feedback
 * report (TSV, M/D/YY dates) and a messages file (canonical comma CSV).
 *
 *   node bench/generate.js [--rows 1000000] [--as-of 2026-11-20] [--dir DIR] [--no-csv] [--force]
 *
 * Volume: 5,000 item rows a day (~3,850 orders at ~1.3 rows per order), so 1M rows span 200 days
 * ending the day before the as-of date; 5M rows span 1,000 days at the same daily volume (the
 * windows then hold the same amount of data, and only the file grows). Feedback and messages are
 * 20% of the order rows each (200k at 1M): messages picked uniformly over the order rows (any
 * number per order), feedback at most one per order (its total lands within a few of the aim).
 *
 * The output folder is os.tmpdir()/ahr-bench-<rows> by default; manifest.json (written last)
 * records the generator version and parameters so bench/run.js can reuse the data.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Bump when the data changes shape or content: cached data of another version is regenerated. */
export const GENERATOR_VERSION = 2;
export const ROWS_PER_DAY = 5000;
export const SIDE_SHARE = 0.2; // feedback rows and message rows, each, per order row
export const DEFAULT_AS_OF = "2026-11-20";

export const FILES = {
  ordersTsv: "all-orders.txt",
  ordersCsv: "all-orders.csv",
  feedback: "seller-feedback.txt",
  messages: "messages.csv",
};

// The sample's header (shared/samples/all-orders.txt) without six columns real exports leave
// empty or that add nothing here (order-channel, url, gift-wrap-price, gift-wrap-tax,
// purchase-order-number, price-designation), plus the six columns the mfn metrics need:
// 32 columns, like the 27-33 of real All Orders exports.
export const ORDER_HEADER = [
  "amazon-order-id",
  "merchant-order-id",
  "purchase-date",
  "last-updated-date",
  "order-status",
  "fulfillment-channel",
  "sales-channel",
  "ship-service-level",
  "product-name",
  "sku",
  "asin",
  "item-status",
  "quantity",
  "currency",
  "item-price",
  "item-tax",
  "shipping-price",
  "shipping-tax",
  "item-promotion-discount",
  "ship-promotion-discount",
  "ship-city",
  "ship-state",
  "ship-postal-code",
  "ship-country",
  "promotion-ids",
  "is-business-order",
  "latest-ship-date",
  "ship-date",
  "tracking-number",
  "latest-delivery-date",
  "delivery-date",
  "refund-date",
];
export const FEEDBACK_HEADER = ["Date", "Rating", "Comments", "Response", "Order ID", "Rater Email"];
export const MESSAGE_HEADER = ["message_id", "order_id", "received_at", "responded_at", "no_response_needed"];

// ------------------------------------------------------------------ dates

const DAY = 86400;

export function dayNumber(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso} (want YYYY-MM-DD)`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

export function isoDay(day) {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const P2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const isoDayCache = new Map();
const usDayCache = new Map();

function dayIso(day) {
  let s = isoDayCache.get(day);
  if (s === undefined) {
    s = isoDay(day);
    isoDayCache.set(day, s);
  }
  return s;
}

/** Seconds since the epoch -> `2026-10-02T14:21:07+00:00`. */
function stamp(sec) {
  const day = Math.floor(sec / DAY);
  let r = sec - day * DAY;
  const h = Math.floor(r / 3600);
  r -= h * 3600;
  const mi = Math.floor(r / 60);
  return `${dayIso(day)}T${P2[h]}:${P2[mi]}:${P2[r - mi * 60]}+00:00`;
}

/** Day number -> `10/9/26` (seller feedback report, US). */
function usDay(day) {
  let s = usDayCache.get(day);
  if (s === undefined) {
    const d = new Date(day * 86_400_000);
    s = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear() % 100).padStart(2, "0")}`;
    usDayCache.set(day, s);
  }
  return s;
}

// ------------------------------------------------------------------ randomness

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function digits(r, n) {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(r() * 10));
  return s;
}

// ------------------------------------------------------------------ catalogue and addresses

const ADJ = ["Pre-Seasoned", "Stainless Steel", "Non-Stick", "Heavy Duty", "Silicone", "Bamboo", "Cast Iron",
  "Professional", "Compact", "Extra Large", "Heat Resistant", "Dishwasher Safe", "BPA-Free", "Reusable", "Premium"];
const NOUN = ["Pizza Pan", "Skillet", "Knife Sharpener", "Baking Mat", "Cutting Board", "Dutch Oven", "Spatula Set",
  "Mixing Bowls", "Measuring Cups", "Pizza Stone", "Grill Brush", "Oven Mitts", "Storage Containers", "Whisk",
  "Rolling Pin", "Colander", "Tongs", "Thermometer", "Sheet Pan", "Trivet"];
const EXTRA = ["2-Pack", "Set of 3", "for Oven and Grill", "with Handle", "Gift Box", "Black", "Red", "12 inch",
  "10 in", "for Home Kitchen", "Restaurant Grade", "Easy Clean", "with Lid", "Large, 5 Qt", "Family Size"];
const CITIES = [
  ["PORTLAND", "OR", "97214"], ["DALLAS", "TX", "75201"], ["CHICAGO", "IL", "60614"], ["BOSTON", "MA", "02116"],
  ["SEATTLE", "WA", "98101"], ["DENVER", "CO", "80202"], ["ATLANTA", "GA", "30303"], ["MIAMI", "FL", "33101"],
  ["PHOENIX", "AZ", "85004"], ["NEW YORK", "NY", "10001"], ["BROOKLYN", "NY", "11201"], ["AUSTIN", "TX", "78701"],
  ["SAN JOSE", "CA", "95113"], ["LOS ANGELES", "CA", "90012"], ["SAN DIEGO", "CA", "92101"], ["COLUMBUS", "OH", "43215"],
  ["NASHVILLE", "TN", "37203"], ["CHARLOTTE", "NC", "28202"], ["DETROIT", "MI", "48226"], ["MINNEAPOLIS", "MN", "55401"],
  ["SALT LAKE CITY", "UT", "84101"], ["KANSAS CITY", "MO", "64105"], ["RALEIGH", "NC", "27601"], ["OMAHA", "NE", "68102"],
];
const PROMOS = ["", "", "", "", "", "", "Core Free Shipping", "US Core Free Shipping Promotion 5489210367",
  "Core Free Shipping,US Core Free Shipping Promotion 7702941136", "Subscribe and Save Discount 20231117"];
const COMMENTS = ["Arrived cracked. Box was crushed.", "ok but slow", 'Says "pre-seasoned", it is not',
  "Great product, fast shipping!", "As described", "Never arrived", "Item was used, not new",
  "Excellent seller, would buy again", "Packaging damaged but item fine", "Wrong colour sent", ""];

function catalogue(r) {
  const items = [];
  for (let i = 0; i < 600; i++) {
    let name = `${pick(r, ADJ)} ${pick(r, NOUN)}`;
    const extra = Math.floor(r() * 4) + (r() < 0.5 ? 1 : 0);
    for (let k = 0; k < extra; k++) name += `, ${pick(r, EXTRA)}`;
    if (r() < 0.15) name = `${10 + Math.floor(r() * 6)}" ${name}`; // a literal quote, as in real exports
    if (r() < 0.05) name = `"${pick(r, ["Chef's Choice", "Best", "Original"])}" ${name}`;
    const cents = 499 + Math.floor(r() * 8000);
    items.push({
      name,
      csvName: csvField(name),
      sku: `${pick(r, ["CI", "KS", "BM", "SP", "GR"])}-${pick(r, ["PAN", "SK", "MAT", "SET", "BRUSH"])}-${i}`,
      asin: `B0${Array.from({ length: 8 }, () => pick(r, UPPER)).join("")}`,
      cents,
    });
  }
  return items;
}

// ------------------------------------------------------------------ output

function csvField(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A write stream with a string buffer: joins rows into ~1 MiB writes and respects backpressure. */
class Out {
  constructor(path) {
    this.path = path;
    this.tmp = `${path}.partial`;
    this.stream = createWriteStream(this.tmp);
    this.parts = [];
    this.size = 0;
    this.bytes = 0;
    this.rows = 0;
  }
  line(s) {
    this.parts.push(s);
    this.size += s.length + 1;
    this.rows++;
  }
  async flush(force = false) {
    if (this.parts.length === 0 || (!force && this.size < 1 << 20)) return;
    const chunk = this.parts.join("\n") + "\n";
    this.parts = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await new Promise((res) => this.stream.once("drain", res));
  }
  async close() {
    await this.flush(true);
    await new Promise((res, rej) => {
      this.stream.once("error", rej);
      this.stream.end(res);
    });
    renameSync(this.tmp, this.path);
  }
}

// ------------------------------------------------------------------ the generator

export function defaultDir(rows) {
  return join(tmpdir(), `ahr-bench-${rows}`);
}

/** The manifest of cached data in `dir` when it matches these parameters, else null. */
export function cached(dir, rows, asOf, withCsv = true) {
  const mf = join(dir, "manifest.json");
  if (!existsSync(mf)) return null;
  try {
    const m = JSON.parse(readFileSync(mf, "utf8"));
    if (m.version !== GENERATOR_VERSION || m.rows !== rows || m.asOf !== asOf) return null;
    if (withCsv && m.files.ordersCsv === undefined) return null;
    for (const f of Object.values(m.files)) if (!existsSync(join(dir, f.name))) return null;
    return m;
  } catch {
    return null;
  }
}

/**
 * Write the four files into `dir` and return the manifest. Days: rows / rowsPerDay (default
 * ROWS_PER_DAY; at least one), ending the day before `asOf`. `seed` varies the data (the
 * many-accounts bench gives each generated account its own).
 */
export async function generate({
  rows = 1_000_000,
  asOf = DEFAULT_AS_OF,
  dir = defaultDir(rows),
  withCsv = true,
  log = () => {},
  rowsPerDay = ROWS_PER_DAY,
  seed = 0x5eed_0006,
} = {}) {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a positive integer, got ${rows}`);
  mkdirSync(dir, { recursive: true });
  const asOfDay = dayNumber(asOf);
  const days = Math.max(1, Math.round(rows / rowsPerDay));
  const firstDay = asOfDay - days;
  const endOfD = (asOfDay + 1) * DAY - 1; // the export is taken at the end of the as-of day
  const sideRows = Math.round(rows * SIDE_SHARE);

  const r = rng(seed);
  const items = catalogue(r);
  const tsv = new Out(join(dir, FILES.ordersTsv));
  const csv = withCsv ? new Out(join(dir, FILES.ordersCsv)) : null;
  const fb = new Out(join(dir, FILES.feedback));
  const msg = new Out(join(dir, FILES.messages));
  tsv.line(ORDER_HEADER.join("\t"));
  csv?.line(ORDER_HEADER.join(","));
  fb.line(FEEDBACK_HEADER.join("\t"));
  msg.line(MESSAGE_HEADER.join(","));
  tsv.rows = fb.rows = msg.rows = 0;
  if (csv) csv.rows = 0;

  // Selection sampling (Knuth's algorithm S) over the order rows, see below.
  let seen = 0;
  let fbLeft = sideRows;
  let msgLeft = sideRows;
  let orderIndex = 0;
  let rowsWritten = 0;
  const started = Date.now();

  for (let di = 0; di < days; di++) {
    const day = firstDay + di;
    const quota = Math.floor(((di + 1) * rows) / days) - Math.floor((di * rows) / days);
    let inDay = 0;
    while (inDay < quota) {
      const oi = orderIndex++;
      const u = r();
      const nItems = Math.min(quota - inDay, u < 0.75 ? 1 : u < 0.95 ? 2 : 3);
      const purchase = day * DAY + Math.floor(((inDay + r()) / quota) * DAY);
      const id = `11${1 + (oi % 4)}-${String((oi * 7919 + 1234567) % 10_000_000).padStart(7, "0")}-${digits(r, 7)}`;
      const mfn = r() < 0.6;
      const addr = pick(r, CITIES);
      const business = r() < 0.05 ? "true" : "false";
      const level = r() < 0.8 ? "Standard" : "Expedited";
      const promo = pick(r, PROMOS);

      // Order life: pending, cancelled, or shipped (maybe late, maybe untracked, maybe refunded).
      const fate = r();
      const recent = day >= asOfDay - 2;
      const pending = fate < (recent ? 0.2 : 0.003);
      const cancelled = !pending && fate > 0.985;
      const shipBy = (day + 2) * DAY + DAY - 1; // latest ship date: end of purchase day + 2
      let shipAt = -1;
      let deliverBy = -1;
      let deliveredAt = -1;
      let refundAt = -1;
      let tracking = "";
      if (!pending && !cancelled) {
        const late = r() < 0.03;
        shipAt = late ? shipBy + 3600 + Math.floor(r() * 2 * DAY) : purchase + 1800 + Math.floor(r() * (shipBy - purchase - 1800));
        if (shipAt > endOfD) shipAt = -1;
        deliverBy = (day + 3 + Math.floor(r() * 4)) * DAY + DAY - 1;
        if (shipAt >= 0) {
          if (r() < 0.97) tracking = r() < 0.5 ? `1Z${digits(r, 16)}` : `9400${digits(r, 18)}`;
          const transit = r() < 0.96 ? Math.floor(r() * Math.max(DAY, deliverBy - shipAt)) : deliverBy - shipAt + DAY + Math.floor(r() * 3 * DAY);
          deliveredAt = shipAt + Math.max(3600, transit);
          if (deliveredAt > endOfD) deliveredAt = -1;
          if (r() < 0.02) {
            refundAt = shipAt + 3 * DAY + Math.floor(r() * 17 * DAY);
            if (refundAt > endOfD) refundAt = -1;
          }
        }
      }
      const status = pending ? "Pending" : cancelled ? "Cancelled" : shipAt >= 0 ? "Shipped" : "Unshipped";
      const updated = Math.max(purchase + Math.floor(r() * 3600), shipAt, deliveredAt, refundAt);
      const purchaseS = stamp(purchase);
      const updatedS = stamp(Math.min(updated, endOfD));
      const shipByS = stamp(shipBy);
      const shipAtS = shipAt >= 0 ? stamp(shipAt) : "";
      const deliverByS = deliverBy >= 0 ? stamp(deliverBy) : "";
      const deliveredS = deliveredAt >= 0 ? stamp(deliveredAt) : "";

      // At most one feedback per order (as on Amazon), picked with the order's share of the rows
      // left (selection sampling at order granularity: the total lands within a few of the aim).
      if (r() * (rows - seen) < fbLeft * nItems) {
        fbLeft--;
        let fday = day + 2 + Math.floor(r() * 28);
        if (fday >= asOfDay) fday = day + Math.floor(r() * (asOfDay - day));
        const g = r();
        const rating = g < 0.06 ? 1 : g < 0.1 ? 2 : g < 0.15 ? 3 : g < 0.3 ? 4 : 5;
        const comment = pick(r, COMMENTS);
        const response = rating <= 2 && r() < 0.3 ? "We are sorry; a replacement is on its way." : "";
        let email = "";
        for (let c = 0; c < 6; c++) email += ALNUM[Math.floor(r() * 36)];
        fb.line(`${usDay(fday)}\t${rating}\t${comment}\t${response}\t${id}\t${email}@marketplace.amazon.com`);
      }
      // Messages: any number per order, picked over the order rows (exactly sideRows in all).
      for (let k = 0; k < nItems; k++) {
        if (r() * (rows - seen - k) < msgLeft) {
          msgLeft--;
          let received = purchase + 3600 + Math.floor(r() * 10 * DAY);
          if (received >= asOfDay * DAY) received = purchase + Math.floor(r() * (asOfDay * DAY - purchase));
          const noNeed = r() < 0.04;
          const a = r();
          const delay = a < 0.85 ? 600 + Math.floor(r() * 23 * 3600) : a < 0.95 ? DAY + Math.floor(r() * 2 * DAY) : -1;
          const responded = noNeed || delay < 0 ? "" : stamp(received + delay);
          msg.line(`M${String(msg.rows + 1).padStart(9, "0")},${id},${stamp(received)},${responded},${noNeed ? "true" : "false"}`);
        }
      }

      const firstItem = Math.floor(r() * items.length);
      for (let k = 0; k < nItems; k++) {
        const item = items[(firstItem + k * 37) % items.length]; // distinct items: no repeated rows
        const q = r();
        const qty = q < 0.9 ? 1 : q < 0.97 ? 2 : 3;
        const priced = !pending && !cancelled;
        const cents = item.cents * qty;
        const price = priced ? (cents / 100).toFixed(2) : "";
        const tax = priced ? ((cents * 0.0825) / 100).toFixed(2) : "";
        const ship = priced ? (level === "Expedited" ? "9.99" : promo ? "0.00" : "5.99") : "";
        const shipTax = priced ? "0.00" : "";
        const itemDisc = priced && promo.startsWith("Subscribe") ? `-${((cents * 0.05) / 100).toFixed(2)}` : "";
        const shipDisc = priced && promo.startsWith("Core") && ship !== "0.00" ? `-${ship}` : "";
        const itemStatus = pending ? "Unshipped" : cancelled ? "Cancelled" : shipAt >= 0 ? "Shipped" : "Unshipped";
        const fields = [
          id, "", purchaseS, updatedS, status, mfn ? "Merchant" : "Amazon", "Amazon.com", level,
          item.name, item.sku, item.asin, itemStatus, String(qty), "USD", price, tax, ship, shipTax,
          itemDisc, shipDisc, addr[0], addr[1], addr[2], "US", promo, business,
          shipByS, shipAtS, tracking, deliverByS, deliveredS, k === 0 && refundAt >= 0 ? stamp(refundAt) : "",
        ];
        tsv.line(fields.join("\t"));
        if (csv) {
          fields[8] = item.csvName;
          fields[24] = csvField(promo);
          csv.line(fields.join(","));
        }

        seen++;
        inDay++;
        rowsWritten++;
      }
    }
    await tsv.flush();
    await csv?.flush();
    await fb.flush();
    await msg.flush();
    if (di % 50 === 49) log(`  day ${di + 1}/${days}: ${rowsWritten} rows`);
  }
  await Promise.all([tsv.close(), csv?.close(), fb.close(), msg.close()]);

  const manifest = {
    version: GENERATOR_VERSION,
    rows,
    asOf,
    days,
    firstDay: isoDay(firstDay),
    lastDay: isoDay(asOfDay - 1),
    orders: orderIndex,
    files: {
      ordersTsv: { name: FILES.ordersTsv, rows: tsv.rows, bytes: statSync(tsv.path).size },
      ...(csv ? { ordersCsv: { name: FILES.ordersCsv, rows: csv.rows, bytes: statSync(csv.path).size } } : {}),
      feedback: { name: FILES.feedback, rows: fb.rows, bytes: statSync(fb.path).size },
      messages: { name: FILES.messages, rows: msg.rows, bytes: statSync(msg.path).size },
    },
    seconds: (Date.now() - started) / 1000,
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

/** Cached data when it matches, else freshly generated. */
export async function ensureData({ rows, asOf, dir = defaultDir(rows), withCsv = true, force = false, log = () => {} }) {
  const hit = force ? null : cached(dir, rows, asOf, withCsv);
  if (hit) return { dir, manifest: hit, reused: true };
  log(`generating ${rows.toLocaleString("en-US")} order rows into ${dir} ...`);
  const manifest = await generate({ rows, asOf, dir, withCsv, log });
  return { dir, manifest, reused: false };
}

// ------------------------------------------------------------------ command line

export function argValue(argv, name, fallback) {
  const i = argv.indexOf(name);
  if (i === -1) return fallback;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`${name} needs a value`);
  return v;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2);
  try {
    const rows = Number(argValue(argv, "--rows", "1000000").replace(/[_,]/g, ""));
    const asOf = argValue(argv, "--as-of", DEFAULT_AS_OF);
    const dir = argValue(argv, "--dir", defaultDir(rows));
    const { manifest, reused } = await ensureData({
      rows,
      asOf,
      dir,
      withCsv: !argv.includes("--no-csv"),
      force: argv.includes("--force"),
      log: (s) => process.stderr.write(s + "\n"),
    });
    process.stdout.write(`${reused ? "reused" : "generated"} ${dir}\n${JSON.stringify(manifest, null, 2)}\n`);
  } catch (e) {
    process.stderr.write(`generate: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}

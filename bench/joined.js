#!/usr/bin/env node
/**
 * The joined reports of the bench (issue 13, SPEC 9.1): an Order Report and a ship-confirm file
 * derived from the bench's All Orders file (bench/generate.js), streamed, deterministic (they are
 * a function of that file's bytes), written next to it with their own manifest:
 *
 *   order-report.txt  one row per All Orders item row (1M at 1M rows): Amazon's Order Report
 *                     columns (the sample's header), latest-ship-date and latest-delivery-date
 *                     as in All Orders, is-buyer-requested-cancellation (true on every third
 *                     cancelled order), sales-channel. A real Order Report holds only the
 *                     seller-fulfilled rows (60% here): this one is heavier than a real one.
 *   ship-confirm.txt  one row per item row that has a ship date (~98%): Amazon's classic
 *                     8-column shipping confirmation, the ship date and tracking number of All
 *                     Orders (so the join finds no conflict), carrier from the tracking number.
 *
 *   node bench/joined.js [--rows 1000000] [--as-of 2026-11-20]   # prints the manifest
 */
import { createReadStream, existsSync, readFileSync, renameSync, statSync, writeFileSync, createWriteStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { DEFAULT_AS_OF, ORDER_HEADER, argValue, ensureData } from "./generate.js";

/** Bump when the joined files change shape or content. */
export const JOINED_VERSION = 1;
export const JOINED_FILES = { orderReport: "order-report.txt", shipConfirm: "ship-confirm.txt" };

// The Order Report sample's header (shared/samples/order-report.txt), with the buyer-requested
// cancellation column a seller can add.
const OR_HEADER = [
  "order-id", "order-item-id", "purchase-date", "payments-date", "buyer-email", "buyer-name", "payment-method-details",
  "cpf", "buyer-phone-number", "sku", "number-of-items", "product-name", "quantity-purchased", "currency", "item-price",
  "item-tax", "shipping-price", "shipping-tax", "ship-service-level", "recipient-name", "ship-address-1", "ship-address-2",
  "ship-address-3", "ship-city", "ship-state", "ship-postal-code", "ship-country", "ship-phone-number",
  "item-promotion-discount", "item-promotion-id", "ship-promotion-discount", "ship-promotion-id", "delivery-start-date",
  "delivery-end-date", "delivery-time-zone", "delivery-Instructions", "sales-channel", "earliest-ship-date",
  "latest-ship-date", "earliest-delivery-date", "latest-delivery-date", "is-business-order", "purchase-order-number",
  "price-designation", "is-prime", "signature-confirmation-recommended", "is-buyer-requested-cancellation",
];
const SC_HEADER = ["order-id", "order-item-id", "quantity", "ship-date", "carrier-code", "carrier-name", "tracking-number", "ship-method"];

const col = (name) => {
  const i = ORDER_HEADER.indexOf(name);
  if (i === -1) throw new Error(`bench/joined.js: All Orders has no ${name} column`);
  return i;
};

/** A write stream with ~1 MiB writes that respects backpressure. */
class Out {
  constructor(path) {
    this.path = path;
    this.stream = createWriteStream(`${path}.partial`);
    this.parts = [];
    this.size = 0;
    this.rows = -1; // the header is not a row
  }
  async line(s) {
    this.parts.push(s);
    this.size += s.length + 1;
    this.rows++;
    if (this.size >= 1 << 20) await this.flush();
  }
  async flush() {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join("\n") + "\n";
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise((res) => this.stream.once("drain", res));
  }
  async close() {
    await this.flush();
    await new Promise((res, rej) => {
      this.stream.once("error", rej);
      this.stream.end(res);
    });
    renameSync(`${this.path}.partial`, this.path);
  }
}

/** The joined files for the data in `dir` (manifest `m` of generate.js), reused when current. */
export async function ensureJoined(dir, m, log = () => {}) {
  const mf = join(dir, "joined-manifest.json");
  if (existsSync(mf)) {
    try {
      const j = JSON.parse(readFileSync(mf, "utf8"));
      if (j.version === JOINED_VERSION && j.rows === m.rows && j.asOf === m.asOf && Object.values(j.files).every((f) => existsSync(join(dir, f.name)))) {
        return { manifest: j, reused: true };
      }
    } catch {
      /* regenerate */
    }
  }
  log(`deriving the Order Report and ship confirmations from ${m.files.ordersTsv.name} ...`);
  const started = Date.now();
  const c = {
    id: col("amazon-order-id"), purchase: col("purchase-date"), status: col("order-status"), channel: col("sales-channel"),
    level: col("ship-service-level"), name: col("product-name"), sku: col("sku"), qty: col("quantity"), currency: col("currency"),
    price: col("item-price"), tax: col("item-tax"), shipPrice: col("shipping-price"), shipTax: col("shipping-tax"),
    city: col("ship-city"), state: col("ship-state"), zip: col("ship-postal-code"), country: col("ship-country"),
    business: col("is-business-order"), latestShip: col("latest-ship-date"), shipped: col("ship-date"),
    tracking: col("tracking-number"), latestDelivery: col("latest-delivery-date"),
  };
  const or = new Out(join(dir, JOINED_FILES.orderReport));
  const sc = new Out(join(dir, JOINED_FILES.shipConfirm));
  await or.line(OR_HEADER.join("\t"));
  await sc.line(SC_HEADER.join("\t"));
  const lines = createInterface({ input: createReadStream(join(dir, m.files.ordersTsv.name), { encoding: "utf8", highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let n = -1;
  let cancelledOrders = 0;
  let lastId = "";
  let buyer = "false";
  for await (const line of lines) {
    n++;
    if (n === 0) continue; // the header
    const f = line.split("\t");
    const id = f[c.id];
    const item = String(10_000_000_000_000 + n);
    if (id !== lastId) {
      lastId = id;
      if (f[c.status] === "Cancelled") buyer = cancelledOrders++ % 3 === 0 ? "true" : "false";
      else buyer = "false";
    }
    const latestShip = f[c.latestShip];
    const earliestShip = latestShip === "" ? "" : `${latestShip.slice(0, 10)}T07:00:00+00:00`;
    const latestDelivery = f[c.latestDelivery];
    const earliestDelivery = latestDelivery === "" ? "" : `${latestDelivery.slice(0, 10)}T07:00:00+00:00`;
    const row = new Array(OR_HEADER.length).fill("");
    row[0] = id;
    row[1] = item;
    row[2] = row[3] = f[c.purchase];
    row[4] = `${id.slice(4, 11)}x@marketplace.amazon.com`;
    row[5] = "Buyer Name";
    row[6] = "Standard";
    row[9] = f[c.sku];
    row[10] = "1";
    row[11] = f[c.name];
    row[12] = f[c.qty];
    row[13] = f[c.currency];
    row[14] = f[c.price];
    row[15] = f[c.tax];
    row[16] = f[c.shipPrice];
    row[17] = f[c.shipTax];
    row[18] = f[c.level];
    row[19] = "Buyer Name";
    row[20] = "1 Main St";
    row[23] = f[c.city];
    row[24] = f[c.state];
    row[25] = f[c.zip];
    row[26] = f[c.country];
    row[36] = f[c.channel];
    row[37] = earliestShip;
    row[38] = latestShip;
    row[39] = earliestDelivery;
    row[40] = latestDelivery;
    row[41] = f[c.business];
    row[44] = "false";
    row[45] = "false";
    row[46] = buyer;
    await or.line(row.join("\t"));
    const shipped = f[c.shipped];
    if (shipped !== "") {
      const tracking = f[c.tracking];
      const carrier = tracking.startsWith("1Z") ? "UPS" : tracking === "" ? "Other" : "USPS";
      const carrierName = tracking === "" ? "Local Courier" : "";
      await sc.line([id, item, f[c.qty], shipped, carrier, carrierName, tracking, f[c.level]].join("\t"));
    }
  }
  await Promise.all([or.close(), sc.close()]);
  const manifest = {
    version: JOINED_VERSION,
    rows: m.rows,
    asOf: m.asOf,
    files: {
      orderReport: { name: JOINED_FILES.orderReport, rows: or.rows, bytes: statSync(or.path).size },
      shipConfirm: { name: JOINED_FILES.shipConfirm, rows: sc.rows, bytes: statSync(sc.path).size },
    },
    seconds: (Date.now() - started) / 1000,
  };
  writeFileSync(mf, JSON.stringify(manifest, null, 2) + "\n");
  return { manifest, reused: false };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2);
  try {
    const rows = Number(argValue(argv, "--rows", "1000000").replace(/[_,]/g, ""));
    const asOf = argValue(argv, "--as-of", DEFAULT_AS_OF);
    const log = (s) => process.stderr.write(s + "\n");
    const { dir, manifest: m } = await ensureData({ rows, asOf, withCsv: false, log });
    const { manifest, reused } = await ensureJoined(dir, m, log);
    process.stdout.write(`${reused ? "reused" : "derived"} in ${dir}\n${JSON.stringify(manifest, null, 2)}\n`);
  } catch (e) {
    process.stderr.write(`joined: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}

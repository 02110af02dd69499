#!/usr/bin/env node
/**
 * The DuckDB side of `npm run bench`: what a user who knows SQL would run instead of ahr, over the
 * same three files, computing the counts the issue names (SPEC sections 2.2, 2.4, 2.7, 8.1):
 *
 *   - orders per channel in the odr window W(60, 14): non-pending orders by purchase day;
 *   - late shipments in W(30, 0): MFN, not cancelled, shipped by the end of D, latest ship day in
 *     the window, shipped after the latest ship time (and that window's denominator);
 *   - messages answered within 24 h in W(90, 0), and the messages counted there;
 *   - negative feedback (rating 1-2) dated by D, so DuckDB reads every file ahr reads.
 *
 * Needs `@duckdb/node-api` (not a dependency: `npm install --no-save @duckdb/node-api`).
 *
 *   node bench/duckdb-counts.js --orders TSV --feedback TSV --messages CSV --as-of YYYY-MM-DD
 * prints one JSON line: { counts: {...}, queryMs }.
 */
import { argValue, dayNumber, isoDay } from "./generate.js";

const argv = process.argv.slice(2);
const orders = argValue(argv, "--orders");
const feedback = argValue(argv, "--feedback");
const messages = argValue(argv, "--messages");
const asOf = argValue(argv, "--as-of");
if (!orders || !feedback || !messages || !asOf) {
  process.stderr.write("usage: node bench/duckdb-counts.js --orders F --feedback F --messages F --as-of D\n");
  process.exit(2);
}

/** W(days, lag) as SQL date literals. */
function windowFor(asOfDay, days, lag) {
  const to = asOfDay - lag;
  return { from: `DATE '${isoDay(to - days + 1)}'`, to: `DATE '${isoDay(to)}'` };
}

const D = dayNumber(asOf);
const odr = windowFor(D, 60, 14);
const lsr = windowFor(D, 30, 0);
const crt = windowFor(D, 90, 0);
const endOfD = `TIMESTAMPTZ '${asOf} 23:59:59.999+00'`;
const q = (s) => `'${s.replace(/'/g, "''")}'`;

const { DuckDBInstance } = await import("@duckdb/node-api");
const started = performance.now();
const instance = await DuckDBInstance.create(":memory:");
const con = await instance.connect();
await con.run("SET TimeZone = 'UTC'");

const ordersSql = `
WITH item AS (
  SELECT "amazon-order-id" AS id, "fulfillment-channel" AS channel,
         "order-status" AS status, "item-status" AS item_status,
         CAST("purchase-date" AS TIMESTAMPTZ) AS purchased,
         CAST(NULLIF("latest-ship-date", '') AS TIMESTAMPTZ) AS ship_by,
         CAST(NULLIF("ship-date", '') AS TIMESTAMPTZ) AS shipped
  FROM read_csv(${q(orders)}, delim = '\t', quote = '', escape = '', header = true, all_varchar = true)
), o AS (
  SELECT id, any_value(channel) AS channel,
         bool_or(status IN ('Pending', 'PendingAvailability')) AS pending,
         bool_or(status IN ('Cancelled', 'Canceled') OR item_status IN ('Cancelled', 'Canceled')) AS cancelled,
         min(purchased) AS purchased, min(ship_by) AS ship_by, min(shipped) AS shipped
  FROM item GROUP BY id
), lsr AS (
  SELECT * FROM o
  WHERE channel = 'Merchant' AND NOT pending AND NOT cancelled AND shipped <= ${endOfD}
    AND CAST(ship_by AS DATE) BETWEEN ${lsr.from} AND ${lsr.to}
)
SELECT
  (SELECT count(*) FROM o WHERE NOT pending AND channel = 'Merchant'
     AND CAST(purchased AS DATE) BETWEEN ${odr.from} AND ${odr.to}) AS odr_orders_mfn,
  (SELECT count(*) FROM o WHERE NOT pending AND channel = 'Amazon'
     AND CAST(purchased AS DATE) BETWEEN ${odr.from} AND ${odr.to}) AS odr_orders_afn,
  (SELECT count(*) FROM lsr WHERE shipped > ship_by) AS lsr30_late,
  (SELECT count(*) FROM lsr) AS lsr30_orders`;

const messagesSql = `
WITH m AS (
  SELECT CAST(received_at AS TIMESTAMPTZ) AS received,
         CAST(NULLIF(responded_at, '') AS TIMESTAMPTZ) AS responded,
         lower(no_response_needed) IN ('true', 'yes', 'y', '1', 'x') AS no_need
  FROM read_csv(${q(messages)}, delim = ',', header = true, all_varchar = true)
), c AS (
  SELECT received, CASE WHEN responded <= ${endOfD} THEN responded END AS responded FROM m
  WHERE NOT no_need AND CAST(received AS DATE) BETWEEN ${crt.from} AND ${crt.to}
)
SELECT
  count(*) FILTER (WHERE responded IS NOT NULL AND responded - received <= INTERVAL 24 HOURS) AS crt90_on_time,
  count(*) FILTER (WHERE responded IS NOT NULL OR received + INTERVAL 24 HOURS < ${endOfD}) AS crt90_messages
FROM c`;

const feedbackSql = `
SELECT count(*) AS negative_feedback
FROM read_csv(${q(feedback)}, delim = '\t', quote = '', escape = '', header = true, all_varchar = true)
WHERE CAST("Rating" AS INTEGER) <= 2 AND CAST(strptime("Date", '%m/%d/%y') AS DATE) <= DATE '${asOf}'`;

const counts = {};
for (const sql of [ordersSql, messagesSql, feedbackSql]) {
  const reader = await con.runAndReadAll(sql);
  for (const [k, v] of Object.entries(reader.getRowObjectsJS()[0] ?? {})) counts[k] = Number(v);
}
const queryMs = performance.now() - started;
con.closeSync?.();
process.stdout.write(JSON.stringify({ counts, queryMs }) + "\n");

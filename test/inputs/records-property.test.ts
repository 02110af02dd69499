/**
 * Issue 6's invariant at the record level: the same table written as a tab-delimited flat file
 * (read by the TSV path, whose rows are cell bounds read in place: dates, hashes) and as RFC 4180
 * CSV (csv-parse, string cells) gives the same records, the same duplicates, the same skipped
 * rows and the same errors. The cells mix the fixed ISO 8601 shape (read in place) with every
 * near miss of it, other date forms, non-ASCII text and white space at the ends.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAhrError } from "../../src/errors.js";
import { readInputs, type ReadOptions } from "../../src/inputs/index.js";
import { openTable } from "../../src/read/open.js";
import { rowHash, rowHashAt } from "../../src/read/row-hash.js";
import { orderRowHash, orderRowHashAt } from "../../src/inputs/orders/row-hash.js";
import { RowCursor, batchSize } from "../../src/read/rows.js";
import { blankOrderRow, type OrderRow } from "../../src/inputs/orders/reader.js";
import { zone } from "../../src/time.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-rec-prop-"));
let counter = 0;

/** Dates: the fixed ISO shape and its near misses (read in place or handed to the general rules). */
const dateArb = fc.oneof(
  fc.constantFrom(
    "2026-10-02T14:21:07+00:00",
    "2026-10-02T14:21:07-07:00",
    "2026-10-02 23:59:59+05:30",
    "2026-10-02T14:21:07Z",
    "2026-10-02T14:21:07z",
    "2026-10-02T14:21:07",
    "2026-10-02 14:21:07",
    "2026-02-29T10:00:00Z", // not a leap year: invalid
    "2028-02-29T10:00:00Z",
    "2026-13-01T10:00:00Z",
    "2026-10-02T24:00:00Z",
    "2026-10-02T10:00:00+24:00",
    "2026-10-02T10:00:00+0a:00",
    "2026-10-02T10:00:0xZ",
    "2026-10-02T10:00:00.123Z",
    "2026-10-02T10:00Z",
    "2026-10-02",
    "10/2/26",
    "2-Oct-2026",
    "2026-10-02T10:00:00 PST",
    "not a date",
    "",
  ),
  fc
    .record({
      d: fc.integer({ min: 1, max: 31 }),
      h: fc.integer({ min: 0, max: 23 }),
      z: fc.constantFrom("+00:00", "-08:00", "Z", ""),
    })
    .map(({ d, h, z }) => `2026-10-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:30:00${z}`),
);
/** Text cells: ASCII, non-ASCII, and (Unicode) white space at either end. */
const textArb = fc.oneof(
  fc.constantFrom("Shipped", "Cancelled", "Pending", "", "café", "配送済み", "\u00a0Shipped", "Merchant\u2003", " x "),
  fc.string({ unit: "grapheme", maxLength: 8 }).filter((s) => !/[\t\r\n\u0000]/.test(s)),
);
const idArb = fc.constantFrom("113-1", "113-2", "114-3", "114-3 ", "ü-4", "");
const channelArb = fc.constantFrom("Merchant", "Amazon", "AFN", " MFN", "Seller", "", "Robot");
const amountArb = fc.constantFrom("", "0", "12.50", "1,234.50", "x");

const orderRowArb = fc.tuple(idArb, dateArb, channelArb, textArb, textArb, dateArb, textArb, dateArb, amountArb);
const ORDER_HEADER = [
  "amazon-order-id",
  "purchase-date",
  "fulfillment-channel",
  "order-status",
  "item-status",
  "ship-date",
  "tracking-number",
  "refund-date",
  "refunded-amount",
];
const FEEDBACK_HEADER = ["Date", "Rating", "Comments", "Order ID"];
const feedbackRowArb = fc.tuple(dateArb, fc.constantFrom("1", "2", "5", "4.0", "six", ""), textArb, idArb);

function csvCell(cell: string): string {
  return /[",;\s]|^$/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function write(name: string, content: string): string {
  const file = join(dir, `${counter++}-${name}`);
  writeFileSync(file, content);
  return file;
}

const opts = (skipInvalid: boolean): ReadOptions => ({
  zone: zone("America/Los_Angeles"),
  dateOrder: "mdy",
  columns: {},
  skipInvalid,
});

/** What a read gave, with the file names replaced by the kind of file. */
async function outcome(files: { orders?: string; feedback?: string }, skipInvalid: boolean): Promise<string> {
  const names = Object.values(files) as string[];
  const clean = (s: string): string => names.reduce((t, f, i) => t.split(f).join(`<file ${i}>`), s);
  try {
    const inputs = await readInputs(
      { files: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, [f]])), auto: [] },
      opts(skipInvalid),
    );
    return clean(
      JSON.stringify({ orders: inputs.orders, feedback: inputs.feedback }, (k, v: unknown) =>
        v instanceof Set ? [...(v as Set<unknown>)] : k === "files" ? undefined : v,
      ),
    );
  } catch (e) {
    if (!isAhrError(e)) throw e;
    return clean(`${e.code} ${JSON.stringify(e.params)} ${e.message}`);
  }
}

describe("TSV and CSV give the same records", () => {
  it("orders and feedback, with and without --skip-invalid", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderRowArb, { maxLength: 12 }),
        fc.array(feedbackRowArb, { maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        async (orders, feedback, crlf, skipInvalid) => {
          // Repeat some rows so that duplicates are found (by row hash) on both paths.
          const rows = [...orders, ...orders.filter((_, i) => i % 3 === 0)];
          const eol = crlf ? "\r\n" : "\n";
          const tsv = (h: string[], r: string[][]): string => [h, ...r].map((x) => x.join("\t")).join(eol) + eol;
          const csv = (h: string[], r: string[][]): string => [h, ...r].map((x) => x.map(csvCell).join(",")).join(eol);
          const a = await outcome(
            { orders: write("o.txt", tsv(ORDER_HEADER, rows)), feedback: write("f.txt", tsv(FEEDBACK_HEADER, feedback)) },
            skipInvalid,
          );
          const b = await outcome(
            { orders: write("o.csv", csv(ORDER_HEADER, rows)), feedback: write("f.csv", csv(FEEDBACK_HEADER, feedback)) },
            skipInvalid,
          );
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("row hashes read in place", () => {
  const row = (ms: number | null): OrderRow => {
    const st = ms === null ? null : { ms, day: Math.floor(ms / 86_400_000) };
    return { ...blankOrderRow(), orderId: "x", purchase: st, shippedAt: st };
  };
  it("equal the hashes of the same cells as strings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(textArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 5 }),
        fc.integer(),
        async (rows, columns, seed) => {
          const content = [["h0", "h1", "h2", "h3", "h4"], ...rows].map((r) => r.join("\t")).join("\n");
          const file = write("h.txt", content);
          const strings: string[][] = [];
          for await (const batch of (await openTable(file)).rows(columns)) for (const r of batch) strings.push(r.cells);
          const table = await openTable(file);
          const cursor = new RowCursor();
          const skip = Uint8Array.from(columns, (c) => c % 2);
          let i = 0;
          for await (const batch of table.cellBatches!(columns)) {
            for (let k = 0; k < batchSize(batch); k++, i++) {
              cursor.at(batch, k);
              const cells = strings[i]!;
              expect(cells.map((_, p) => cursor.str(p))).toEqual(cells);
              expect(rowHashAt(cursor, columns.length, seed)).toBe(rowHash(cells, seed));
              expect(rowHashAt(cursor, columns.length, seed, skip)).toBe(rowHash(cells, seed, skip));
              const parsed = row(i % 2 === 0 ? null : 1_790_000_000_000 + i);
              expect(orderRowHashAt(cursor, columns.length, parsed, seed, skip)).toBe(orderRowHash(cells, parsed, seed, skip));
            }
          }
          expect(i).toBe(strings.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

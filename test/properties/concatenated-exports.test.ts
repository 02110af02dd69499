/**
 * Issue 17's property, on records: two valid exports of the same kind whose line ends differ
 * (LF, CRLF, a lone CR), concatenated as `cat a b` gives them (the second without its header,
 * as `tail -n +2`), read as the same records as the two files given separately
 * (`--orders a --orders b`). Only the records' sources (file and line) differ, and those by
 * the offset of the first file's lines.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readInputs, type ReadOptions } from "../../src/inputs/index.js";
import { zone } from "../../src/time.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-concat-"));
let n = 0;
const put = (text: string, ext: string): string => {
  const f = join(dir, `f${n++}.${ext}`);
  writeFileSync(f, text);
  return f;
};

const OPTIONS: ReadOptions = { zone: zone("UTC"), dateOrder: "mdy", columns: {}, skipInvalid: false };
const HEADER = ["amazon-order-id", "purchase-date", "order-status", "fulfillment-channel", "latest-ship-date", "ship-date", "product-name"];

const dayArb = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, "0")}`);
/** A product name: text without a delimiter, quote or line break (as a valid export has). */
const nameArb = fc.string({ unit: fc.constantFrom("a", "b", " ", "é", "1", "-"), maxLength: 8 }).map((s) => s.trim());
const rowArb = fc.record({
  id: fc.integer({ min: 1, max: 40 }).map((i) => `111-0000000-${String(i).padStart(7, "0")}`),
  purchase: dayArb,
  status: fc.constantFrom("Shipped", "Pending", "Cancelled"),
  channel: fc.constantFrom("Merchant", "Amazon"),
  shipBy: dayArb,
  shipped: fc.option(dayArb, { nil: "" }),
  name: nameArb,
});
type Row = { id: string; purchase: string; status: string; channel: string; shipBy: string; shipped: string; name: string };
const cells = (r: Row): string[] => [r.id, r.purchase, r.status, r.channel, r.shipBy, r.shipped, r.name];
/** Rows with unique ids per file pair, so that an order's rows never disagree. */
const rowsArb = fc.uniqueArray(rowArb, { selector: (r) => r.id, maxLength: 12 });

async function orders(files: string[]) {
  const inputs = await readInputs({ files: { orders: files }, auto: [] }, OPTIONS);
  return (inputs.orders?.records ?? []).map((o) => ({
    orderId: o.orderId,
    channel: o.channel,
    purchase: o.purchase,
    status: o.status,
    pending: o.pending,
    cancelled: o.cancelled,
    latestShip: o.latestShip,
    shippedAt: o.shippedAt,
    rows: o.rows,
    line: o.source.line,
  }));
}

describe("property: concatenated exports with different line ends give the same records", () => {
  it("orders, TSV or comma CSV, LF/CRLF/CR in either part", async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb.chain((all) => fc.record({ cut: fc.nat({ max: all.length }), all: fc.constant(all) })),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.constantFrom("\t", ","),
        async ({ all, cut }, eolA, eolB, delim) => {
          const a = all.slice(0, cut);
          const b = all.slice(cut);
          const ext = delim === "\t" ? "txt" : "csv";
          const line = (r: string[]): string => r.join(delim);
          const fileA = [HEADER, ...a.map(cells)].map((r) => line(r) + eolA).join("");
          const rowsB = b.map((r) => line(cells(r)) + eolB).join("");
          const joined = await orders([put(fileA + rowsB, ext)]);
          const separate = await orders([put(fileA, ext), put(line(HEADER) + eolB + rowsB, ext)]);
          // the same records, in the same order; B's lines moved down by A's rows
          const shifted = separate.map((o, i) => (i < a.length ? o : { ...o, line: o.line + a.length }));
          expect(joined).toEqual(shifted);
          expect(joined.length).toBe(all.length);
        },
      ),
      { numRuns: 120 },
    );
  });
});

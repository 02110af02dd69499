/**
 * The duplicate hash of an orders row (README, Decisions: duplicate rows): read/row-hash.ts over
 * the cells, plus the dates' instants.
 */
import { hashCells, hashEnd, hashStamp, hashStart } from "../../read/row-hash.js";
import { RowCursor } from "../../read/rows.js";
import type { OrderRow } from "./reader.js";

/**
 * The duplicate hash of an orders row: the text cells except the order id and the dates, plus
 * the dates' instants (so two rows equal in every value are duplicates even if a date was
 * written differently). Hashing numbers instead of 25-character timestamps keeps this cheap;
 * both 32-bit lanes are carried through the whole row and joined into 53 bits once.
 */
export function orderRowHash(cells: readonly string[], row: OrderRow, seed: number, skip: Uint8Array): number {
  const cursor = new RowCursor();
  cursor.setCells(cells as string[], 0);
  return orderRowHashAt(cursor, cells.length, row, seed, skip);
}

/** orderRowHash of the cursor's row (n cells). */
export function orderRowHashAt(cells: RowCursor, n: number, row: OrderRow, seed: number, skip: Uint8Array): number {
  hashStart(seed);
  hashCells(cells, n, skip);
  hashStamp(row.purchase);
  hashStamp(row.latestShip);
  hashStamp(row.shippedAt);
  hashStamp(row.promisedDelivery);
  hashStamp(row.deliveredAt);
  hashStamp(row.refundedAt);
  return hashEnd();
}

/** Which positions of an orders ColumnMap orderRowHash skips. */
export function orderHashSkip(fields: readonly string[]): Uint8Array {
  const skip = new Uint8Array(fields.length);
  const dates = new Set(["order_id", "purchase_date", "latest_ship_date", "shipped_at", "promised_delivery_date", "delivered_at", "refunded_at"]);
  fields.forEach((f, i) => (skip[i] = dates.has(f) ? 1 : 0));
  return skip;
}

/**
 * One shipment confirmation row -> one JoinRow (join.ts): ship date (a date without a time is
 * the start of that day, SPEC 8.11; one that does not parse is the usual file:line:column
 * error), tracking number, and the carrier: the code, or the name when the code is `Other` (or
 * empty).
 */
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { blankJoinRow, readJoinId, readJoinTracking, type JoinRow } from "../join.js";
import { normaliseWord } from "../values.js";

/** A carrier-code cell, and whether it says `Other` (the name is the carrier then). */
const carrierCode = (text: string) => ({ text, other: normaliseWord(text) === "other" });
const same = (text: string): string => text;

/** The same JoinRow is overwritten by every call (the join copies what it keeps). */
export function shipmentReader(map: ColumnMap, ctx: RowContext): RowReader<JoinRow> {
  const c = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pShipped = c.pos("shipped_at");
  const pCode = c.pos("carrier_code");
  const pName = c.pos("carrier_name");
  const pTracking = c.pos("tracking_number");
  c.shareDates(pShipped);
  const r = blankJoinRow();
  return (row) => {
    const line = row.line;
    readJoinId(c, row, pId, r);
    r.shippedAt = c.date(row, pShipped, line);
    readJoinTracking(c, row, pTracking, r);
    const code = c.mapped(row, pCode, carrierCode);
    r.carrier = code === null || code.other ? (c.mapped(row, pName, same) ?? code?.text ?? null) : code.text;
    return r;
  };
}

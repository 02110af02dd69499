/**
 * One shipment confirmation row -> one JoinRow (join.ts): ship date (a date without a time is
 * the start of that day, SPEC 8.11; one that does not parse is the usual file:line:column
 * error), tracking number, and the carrier: the code, or the name when the code is `Other` (or
 * empty).
 */
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { blankJoinRow, readJoinId, type JoinRow } from "../join.js";
import { normaliseWord } from "../values.js";

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
    r.trackingNumber = c.opt(row, pTracking);
    const code = c.opt(row, pCode);
    r.carrier = code === null || normaliseWord(code) === "other" ? (c.opt(row, pName) ?? code) : code;
    return r;
  };
}

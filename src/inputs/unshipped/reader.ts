/** One Unshipped Orders row -> one JoinRow (join.ts): the promise date. */
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { blankJoinRow, readJoinId, type JoinRow } from "../join.js";

/** The same JoinRow is overwritten by every call (the join copies what it keeps). */
export function unshippedReader(map: ColumnMap, ctx: RowContext): RowReader<JoinRow> {
  const c = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pPromised = c.pos("promised_delivery_date");
  c.shareDates(pPromised);
  const r = blankJoinRow();
  return (row) => {
    const line = row.line;
    readJoinId(c, row, pId, r);
    r.promisedDelivery = c.date(row, pPromised, line);
    return r;
  };
}

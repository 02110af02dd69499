/**
 * One Order Report row -> one JoinRow (join.ts). The ship-by and delivery dates are UTC
 * timestamps (23:59:59 Pacific is 06:59:59+00:00 the next day); a date without a time as ship-by
 * means the end of that day (SPEC 8.11). `is-buyer-requested-cancellation` true -> buyer, false
 * -> not the buyer (SPEC 8.9).
 */
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { blankJoinRow, readJoinId, type JoinRow } from "../join.js";
import { marketplaceName } from "../../marketplaces.js";
import { parseCancelledBy } from "../orders/vocabulary.js";

/** The same JoinRow is overwritten by every call (the join copies what it keeps). */
export function orderReportReader(map: ColumnMap, ctx: RowContext): RowReader<JoinRow> {
  const c = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pLatest = c.pos("latest_ship_date");
  const pPromised = c.pos("promised_delivery_date");
  const pBy = c.pos("cancelled_by");
  const pChannel = c.pos("sales_channel");
  c.shareDates(pLatest);
  c.shareDates(pPromised);
  const r = blankJoinRow();
  return (row) => {
    const line = row.line;
    readJoinId(c, row, pId, r);
    r.latestShip = c.date(row, pLatest, line, true);
    r.promisedDelivery = c.date(row, pPromised, line);
    r.cancelledBy = c.mapped(row, pBy, parseCancelledBy);
    r.salesChannel = c.mapped(row, pChannel, marketplaceName);
    return r;
  };
}

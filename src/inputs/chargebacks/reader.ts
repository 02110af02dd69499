/**
 * One chargebacks row (the cells a ColumnMap selected) -> one Chargeback (SPEC sections 3 and 8). A value
 * that does not parse is AhrError VALUE, an empty required one EMPTY_REQUIRED (cells.ts).
 */
import type { Chargeback } from "../../records.js";
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { normaliseWord } from "../values.js";

export function chargebackReader(map: ColumnMap, ctx: RowContext): RowReader<Chargeback> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pFiled = c.pos("filed_at");
  const pType = c.pos("type");
  const pStatus = c.pos("status");
  return (r) => {
    const line = r.line;
    const orderId = c.required(r, pId, line, "an order id");
    const type = c.opt(r, pType);
    const status = c.opt(r, pStatus);
    return {
      orderId,
      filedAt: c.date(r, pFiled, line),
      type: type === null ? null : normaliseWord(type),
      status: status === null ? null : normaliseWord(status),
      source: { file: ctx.file, line },
    };
  };
}

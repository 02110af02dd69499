/**
 * One returns row (the cells a ColumnMap selected) -> one ReturnRequest (SPEC sections 3 and 8). A value
 * that does not parse is AhrError VALUE, an empty required one EMPTY_REQUIRED (cells.ts).
 */
import type { ReturnRequest } from "../../records.js";
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { parseAction } from "./vocabulary.js";

export function returnReader(map: ColumnMap, ctx: RowContext): RowReader<ReturnRequest> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pRequested = c.pos("requested_at");
  const pPolicy = c.pos("in_policy");
  const pResponded = c.pos("responded_at");
  const pAction = c.pos("action");
  const pResolved = c.pos("buyer_resolved");
  return (r) => {
    const line = r.line;
    return {
      orderId: c.required(r, pId, line, "an order id"),
      requestedAt: c.requiredDate(r, pRequested, line),
      inPolicy: c.bool(r, pPolicy, line, null),
      respondedAt: c.date(r, pResponded, line),
      action: parseAction(c.text(r, pAction)),
      buyerResolved: c.bool(r, pResolved, line, null),
      source: { file: ctx.file, line },
    };
  };
}

/**
 * One messages row (the cells a ColumnMap selected) -> one Message (SPEC sections 3 and 8). A value
 * that does not parse is AhrError VALUE, an empty required one EMPTY_REQUIRED (cells.ts).
 */
import type { Message } from "../../records.js";
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";

export function messageReader(map: ColumnMap, ctx: RowContext): RowReader<Message> {
  const c: Cells = new Cells(map, ctx);
  const pReceived = c.pos("received_at");
  const pResponded = c.pos("responded_at");
  const pNo = c.pos("no_response_needed");
  const pOrder = c.pos("order_id");
  const pId = c.pos("message_id");
  return (r) => {
    const line = r.line;
    return {
      messageId: c.opt(r, pId),
      orderId: c.opt(r, pOrder),
      receivedAt: c.requiredDate(r, pReceived, line),
      respondedAt: c.date(r, pResponded, line),
      noResponseNeeded: c.bool(r, pNo, line, false),
      source: { file: ctx.file, line },
    };
  };
}

/**
 * One claims row (the cells a ColumnMap selected) -> one Claim (SPEC sections 3 and 8). A value
 * that does not parse is AhrError VALUE, an empty required one EMPTY_REQUIRED (cells.ts).
 */
import type { Claim } from "../../records.js";
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { normaliseWord, parseBool } from "../values.js";

export function claimReader(map: ColumnMap, ctx: RowContext): RowReader<Claim> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pStatus = c.pos("status");
  const pFiled = c.pos("filed_at");
  const pFunded = c.pos("amazon_funded");
  return (r) => {
    const line = r.line;
    const orderId = c.required(r, pId, line, "an order id");
    const status = normaliseWord(c.required(r, pStatus, line, "a claim status"));
    const filedAt = c.date(r, pFiled, line);
    // amazon_funded: a boolean, or funded-by: amazon -> true, seller/merchant -> false.
    const fundedText = c.text(r, pFunded);
    const w = normaliseWord(fundedText);
    let amazonFunded: boolean;
    if (w === "amazon") amazonFunded = true;
    else if (w === "seller" || w === "merchant") amazonFunded = false;
    else {
      const b = parseBool(fundedText);
      if (b === null) c.fail(pFunded, line, fundedText, "yes or no (or funded-by: amazon / seller)");
      amazonFunded = b;
    }
    return { orderId, status, filedAt, amazonFunded, source: { file: ctx.file, line } };
  };
}

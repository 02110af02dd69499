/**
 * One feedback row (the cells a ColumnMap selected) -> one Feedback (SPEC sections 3 and 8). A value
 * that does not parse is AhrError VALUE, an empty required one EMPTY_REQUIRED (cells.ts).
 */
import type { Feedback } from "../../records.js";
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { parseRating } from "./vocabulary.js";

export function feedbackReader(map: ColumnMap, ctx: RowContext): RowReader<Feedback> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pDate = c.pos("date");
  const pRating = c.pos("rating");
  const pRemoved = c.pos("removed");
  const pComments = c.pos("comments");
  return (r) => {
    const line = r.line;
    const orderId = c.required(r, pId, line, "an order id");
    const date = c.date(r, pDate, line);
    const ratingText = c.required(r, pRating, line, "a rating from 1 to 5");
    const rating = parseRating(ratingText);
    if (rating === null) c.fail(pRating, line, ratingText, "a rating: a whole number from 1 to 5");
    return {
      orderId,
      date,
      rating,
      removed: c.bool(r, pRemoved, line, false),
      comments: c.opt(r, pComments),
      source: { file: ctx.file, line },
    };
  };
}

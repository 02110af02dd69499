/**
 * One feedback row (the cells a ColumnMap selected) -> one Feedback (SPEC sections 3 and 8). A value
 * that does not parse is AhrError VALUE, an empty required one EMPTY_REQUIRED (cells.ts).
 *
 * Dates (SPEC 9.2): with the date order given (`--date-order`, config `dateOrder`, or a caller
 * that passes one), every date is read in it, as before marketplaces were known. With the
 * default date order, each row's date is read in its marketplace's format (locales.ts: the
 * rater e-mail domain, the header's language, `--marketplace`; an English header: M/D/YY); a
 * file read by position whose marketplace nothing tells has no known format, and a date it could
 * read two ways is FEEDBACK_DATE_AMBIGUOUS.
 */
import { AhrError } from "../../errors.js";
import type { Feedback, Stamp } from "../../records.js";
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { dateExpected, dateHint } from "../values.js";
import { FeedbackDates, formatExpected, headerLanguage } from "./locales.js";
import { parseRating } from "./vocabulary.js";

const FORMAT_WORDS = { mdy: "M/D/YY", dmy: "D/M/YY", dot: "D.M.YY", ymd: "YY/M/D", iso: "YYYY-MM-DD" } as const;

export function feedbackReader(map: ColumnMap, ctx: RowContext): RowReader<Feedback> {
  const c: Cells = new Cells(map, ctx);
  const pId = c.pos("order_id");
  const pDate = c.pos("date");
  const pRating = c.pos("rating");
  const pRemoved = c.pos("removed");
  const pComments = c.pos("comments");
  const pEmail = c.pos("rater_email");
  const language = map.header !== undefined ? headerLanguage(map.header) : undefined;
  const dates =
    ctx.dateOrderExplicit === false
      ? new FeedbackDates({
          zone: ctx.zone,
          dateOrder: ctx.dateOrder,
          dateOrderExplicit: false,
          ...(language?.marketplace !== undefined ? { header: language.marketplace } : {}),
          ...(ctx.marketplaces !== undefined ? { selected: ctx.marketplaces } : {}),
          positional: map.positional === true,
        })
      : null;
  const date = (r: Parameters<RowReader<Feedback>>[0], line: number): Stamp | null => {
    if (dates === null) return c.date(r, pDate, line);
    const text = c.text(r, pDate);
    if (text === "") return null;
    const email = c.text(r, pEmail);
    const got = dates.read(text, email);
    if (got.ok) return got.stamp;
    if (got.ambiguous) {
      throw new AhrError("FEEDBACK_DATE_AMBIGUOUS", {
        file: ctx.file,
        line,
        column: map.headers[pDate] ?? "",
        value: text,
        accepted: got.readings,
      });
    }
    if (got.from === "english" || got.from === "date-order") {
      c.fail(pDate, line, text, dateExpected(ctx.dateOrder), dateHint(text, ctx.dateOrder));
    }
    const why =
      got.from === "e-mail"
        ? `the rater e-mail ${JSON.stringify(email.slice(email.lastIndexOf("@")))} is of a marketplace that writes ${FORMAT_WORDS[got.format!]}`
        : got.from === "header"
          ? `the header is that of ${language?.marketplace?.name ?? "a marketplace"}, which writes ${FORMAT_WORDS[got.format!]}`
          : got.format !== null
            ? `--marketplace selects a marketplace that writes ${FORMAT_WORDS[got.format]}`
            : "the file's marketplace is not known";
    c.fail(pDate, line, text, formatExpected(got.format), `${why}; pass --date-order mdy or dmy if the file writes dates otherwise`);
  };
  return (r) => {
    const line = r.line;
    const orderId = c.required(r, pId, line, "an order id");
    const d = date(r, line);
    const ratingText = c.required(r, pRating, line, "a rating from 1 to 5");
    const rating = parseRating(ratingText);
    if (rating === null) c.fail(pRating, line, ratingText, "a rating: a whole number from 1 to 5");
    return {
      orderId,
      date: d,
      rating,
      removed: c.bool(r, pRemoved, line, false),
      comments: c.opt(r, pComments),
      source: { file: ctx.file, line },
    };
  };
}

/**
 * The feedback export's fields (SPEC section 3): per canonical field (names and meanings in
 * records.ts INPUT_FIELDS), whether it is required and the headers accepted beyond its name.
 * The Seller Feedback report's translated headers (locales.ts, SPEC 9.2) are aliases too.
 */
import { schemaOf } from "../fields.js";
import type { ColumnMap } from "../headers.js";
import { byPosition as positions, translatedAliases } from "./locales.js";

/** The existing aliases, then the translated headers not among them. */
const plus = (aliases: string[], field: Parameters<typeof translatedAliases>[0]): string[] => [
  ...aliases,
  ...translatedAliases(field).filter((a) => !aliases.includes(a)),
];

export const schema = schemaOf("feedback", {
  order_id: [true, plus(["Order ID"], "order_id")],
  date: [true, plus(["feedback-date", "Date"], "date")],
  rating: [true, plus(["Rating"], "rating")],
  removed: [false, ["struck-through"]],
  comments: [false, plus(["Comments"], "comments")],
  rater_email: [false, translatedAliases("rater_email")],
});

/**
 * Kind detection (detect.ts): a header whose required fields are present is a feedback export
 * when it has rating and date (required anyway).
 */
export const signature = (m: ColumnMap): boolean => m.fields.includes("rating") && m.fields.includes("date");

/** The six-column Seller Feedback report in a language without aliases, by position (SPEC 9.2). */
export function byPosition(header: readonly string[], sample: readonly (readonly string[])[]): ColumnMap | null {
  const at = positions(header, sample);
  if (at === null) return null;
  const fields = schema.map((s) => s.name).filter((f) => at[f] !== undefined);
  const columns = fields.map((f) => at[f]!);
  return {
    kind: "feedback",
    fields,
    columns,
    headers: columns.map((i) => header[i]!),
    configured: new Set(),
    header,
    positional: true,
  };
}

export const byPositionLayout = "date, rating, comments, response, order id, rater e-mail";

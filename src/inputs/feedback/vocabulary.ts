/**
 * The feedback vocabulary: star ratings.
 */

/** Feedback rating: a whole number 1..5 (`4` or `4.0`); null otherwise. */
export function parseRating(text: string): number | null {
  return /^[1-5](\.0+)?$/.test(text) ? Number(text[0]) : null;
}

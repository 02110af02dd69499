/**
 * The returns vocabulary: what was done with a return request.
 */
import { normaliseWord } from "../values.js";

const ACTIONS: Record<string, string> = {
  approved: "authorized",
  approve: "authorized",
  authorized: "authorized",
  authorised: "authorized",
  rejected: "rejected",
  reject: "rejected",
  denied: "rejected",
  declined: "rejected",
  refunded: "refunded",
  refund: "refunded",
  standardrefund: "refunded",
  returnlessrefund: "refunded",
  fullrefund: "refunded",
  partialrefund: "refunded",
  closed: "closed",
};

/**
 * Return action: the normalised word, with the spellings Amazon uses mapped onto rejected /
 * authorized / refunded / closed (Approved -> authorized, Denied -> rejected, StandardRefund ->
 * refunded). Other words are kept normalised. Empty: null.
 */
export function parseAction(text: string): string | null {
  if (text === "") return null;
  const w = normaliseWord(text);
  return ACTIONS[w] ?? w;
}

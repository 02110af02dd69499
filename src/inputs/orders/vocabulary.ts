/**
 * The orders vocabulary: fulfillment channels, who cancelled, cancelled words.
 */
import type { CancelledBy, Channel } from "../../records.js";
import { normaliseWord, parseBool } from "../values.js";

/** Amazon, AFN, FBA -> afn; Merchant, MFN, FBM, Seller -> mfn; null otherwise. */
export function parseChannel(text: string): Channel | null {
  if (text === "Merchant") return "mfn";
  if (text === "Amazon") return "afn";
  switch (normaliseWord(text)) {
    case "amazon":
    case "afn":
    case "fba":
      return "afn";
    case "merchant":
    case "mfn":
    case "fbm":
    case "seller":
      return "mfn";
    default:
      return null;
  }
}

export const CHANNEL_EXPECTED = "a fulfillment channel: Amazon, AFN or FBA, or Merchant, MFN, FBM or Seller";

/**
 * Who cancelled. buyer/customer -> buyer, seller/merchant -> seller, amazon/system -> amazon.
 * The boolean columns (is-buyer-requested-cancellation): true -> buyer, false -> "unknown"
 * (not the buyer, SPEC 8.9). Any other word is "unknown" (counts as not-buyer, SPEC 8.9).
 * Empty: null.
 */
export function parseCancelledBy(text: string): CancelledBy | null {
  if (text === "") return null;
  const w = normaliseWord(text);
  switch (w) {
    case "buyer":
    case "customer":
      return "buyer";
    case "seller":
    case "merchant":
      return "seller";
    case "amazon":
    case "system":
      return "amazon";
  }
  return parseBool(w) === true ? "buyer" : "unknown";
}

/** An item status that marks the order cancelled. */
export const isCancelledWord = (w: string): boolean => w === "cancelled" || w === "canceled";

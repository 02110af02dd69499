/**
 * The violations vocabulary: severities and categories.
 */
import type { Severity, ViolationCategory } from "../../records.js";
import { normaliseWord } from "../values.js";

/** low, medium, high, critical (case-insensitive); null otherwise. */
export function parseSeverity(text: string): Severity | null {
  const w = normaliseWord(text);
  return w === "low" || w === "medium" || w === "high" || w === "critical" ? w : null;
}

export const SEVERITY_EXPECTED = "a severity: low, medium, high or critical";

const IP_WORDS = new Set(["ip", "trademark", "copyright", "patent", "counterfeit", "inauthentic", "authenticity"]);

/**
 * Violation category: any spelling containing "intellectual property" (Intellectual Property
 * Complaints, intellectual_property, IP, trademark, copyright, patent, counterfeit) ->
 * intellectual_property; containing "restricted" (Restricted Product Policy Violations) ->
 * restricted_products; anything else, empty included -> other.
 */
export function parseCategory(text: string): ViolationCategory {
  const w = normaliseWord(text);
  if (w.includes("intellectualproperty") || IP_WORDS.has(w)) return "intellectual_property";
  for (const x of IP_WORDS) if (x.length > 2 && w.includes(x)) return "intellectual_property";
  if (w.includes("restricted")) return "restricted_products";
  return "other";
}

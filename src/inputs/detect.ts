/**
 * Kind detection (a file given without --orders/--feedback/..., or found in a directory).
 *
 * A kind FITS a header when every required field of the kind is present AND its signature is
 * (each kind's schema.ts says what its signature is). Among the kinds that fit, the one with the
 * most fields mapped wins; two with the same count is DIR_AMBIGUOUS. When none fits, a kind whose
 * layout its first data rows show (KindBase.byPosition: a translated feedback report) is taken;
 * else DIR_UNRECOGNISED.
 */
import { AhrError } from "../errors.js";
import type { InputKind } from "../records.js";
import { matchColumns, normaliseHeader } from "./headers.js";
import { KINDS } from "./registry.js";

export interface KindFit {
  kind: InputKind;
  /** Fields mapped. */
  score: number;
}

/** The kinds a header fits, best first. */
export function fitKinds(
  header: readonly string[],
  file: string,
  columns: Partial<Record<InputKind, Record<string, string>>> = {},
): KindFit[] {
  const norm = new Set(header.map(normaliseHeader));
  const base = (file.split(/[\\/]/).pop() ?? file).toLowerCase();
  const fits: KindFit[] = [];
  for (const k of KINDS) {
    const map = matchColumns(k, header, columns[k.kind]);
    const required = k.schema.filter((s) => s.required).every((s) => map.fields.includes(s.name));
    if (required && k.signature(map, norm, base)) fits.push({ kind: k.kind, score: map.fields.length });
  }
  return fits.sort((a, b) => b.score - a.score);
}

/** The kind of a file from its header: the single best fit, else DIR_AMBIGUOUS / DIR_UNRECOGNISED. */
export function detectKind(
  header: readonly string[],
  file: string,
  columns: Partial<Record<InputKind, Record<string, string>>> = {},
  sample: readonly (readonly string[])[] = [],
): InputKind {
  const fits = fitKinds(header, file, columns);
  const best = fits[0];
  if (!best) {
    // No kind's names fit: a kind that knows its layout by position (KindBase.byPosition).
    for (const k of KINDS) if (k.byPosition?.(header, sample)) return k.kind;
    throw new AhrError("DIR_UNRECOGNISED", { file, found: [...header] });
  }
  const tied = fits.filter((x) => x.score === best.score);
  if (tied.length > 1) throw new AhrError("DIR_AMBIGUOUS", { file, accepted: tied.map((x) => x.kind) });
  return best.kind;
}

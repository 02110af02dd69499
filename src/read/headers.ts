/**
 * Header cells -> canonical fields (SPEC section 3), and which kind of export a header is.
 *
 * Matching: every header cell and every accepted name is normalised (trim, lower-case, runs of
 * space, `_` and `-` become one `-`). For each field the candidates are tried in order: the
 * configured header (config `columns[kind][field]`), the canonical name, then the aliases in
 * schema order; the first candidate present in the file wins and each header cell feeds at most
 * one field. Unknown columns are ignored. A missing required column is MISSING_COLUMN.
 */
import { AhrError } from "../errors.js";
import type { InputKind } from "../records.js";
import { INPUT_KINDS } from "../records.js";
import { SCHEMAS } from "./schema.js";

/** trim, lower-case, runs of space / `_` / `-` -> one `-`. */
export function normaliseHeader(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, "-");
}

/** The columns of one file, mapped. Parallel arrays: one entry per selected field. */
export interface ColumnMap {
  kind: InputKind;
  /** Canonical field names, in schema order, only those present. */
  fields: string[];
  /** Header index of each field (what to pass to Table.rows). */
  columns: number[];
  /** The header of each field as written in the file (for error messages). */
  headers: string[];
  /** Fields whose column was found through the configured mapping. */
  configured: Set<string>;
}

/** Position of `field` in a ColumnMap's cells, or -1 when the file has no such column. */
export function position(map: ColumnMap, field: string): number {
  return map.fields.indexOf(field);
}

/** Headers accepted for a field, as written (configured first), for MISSING_COLUMN. */
export function acceptedHeaders(kind: InputKind, field: string, configured?: Record<string, string>): string[] {
  const spec = SCHEMAS[kind].find((s) => s.name === field);
  const out: string[] = [];
  const conf = configured?.[field];
  if (conf !== undefined) out.push(conf);
  if (spec) out.push(spec.name, ...spec.aliases);
  return out;
}

/**
 * Map a header to the kind's fields. Does not check required columns (see requireColumns), so
 * kind detection can use it too.
 */
export function matchColumns(
  kind: InputKind,
  header: readonly string[],
  configured?: Record<string, string>,
): ColumnMap {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const n = normaliseHeader(cell);
    if (n !== "" && !index.has(n)) index.set(n, i);
  });
  const used = new Set<number>();
  const map: ColumnMap = { kind, fields: [], columns: [], headers: [], configured: new Set() };
  for (const spec of SCHEMAS[kind]) {
    const conf = configured?.[spec.name];
    const candidates = [...(conf !== undefined ? [conf] : []), spec.name, ...spec.aliases];
    for (let c = 0; c < candidates.length; c++) {
      const i = index.get(normaliseHeader(candidates[c]!));
      if (i === undefined || used.has(i)) continue;
      used.add(i);
      map.fields.push(spec.name);
      map.columns.push(i);
      map.headers.push(header[i]!);
      if (conf !== undefined && c === 0) map.configured.add(spec.name);
      break;
    }
  }
  return map;
}

/** Map a header and require the kind's required columns (MISSING_COLUMN naming the first missing). */
export function mapColumns(
  kind: InputKind,
  header: readonly string[],
  file: string,
  configured?: Record<string, string>,
): ColumnMap {
  const map = matchColumns(kind, header, configured);
  for (const spec of SCHEMAS[kind]) {
    if (spec.required && !map.fields.includes(spec.name)) {
      throw new AhrError("MISSING_COLUMN", {
        file,
        kind,
        field: spec.name,
        accepted: acceptedHeaders(kind, spec.name, configured),
        found: [...header],
      });
    }
  }
  return map;
}

/*
 * Kind detection (a file given without --orders/--feedback/..., or found in a directory).
 *
 * A kind FITS a header when every required field of the kind is present AND its signature is:
 *   orders       purchase_date and fulfillment_channel            (required anyway)
 *   feedback     rating and date                                   (required anyway)
 *   returns      requested_at                                      (required anyway)
 *   messages     received_at                                       (required anyway)
 *   violations   policy, severity and detected_at                  (required anyway)
 *   claims       a claim-specific column: the status column is not the bare `status` (e.g.
 *                `claim-status`, or a configured header), or one of amazon_funded / funded-by /
 *                claim-date / claim-id / claim-amount / claim-reason / claim-type; or the file
 *                name contains "claim"
 *   chargebacks  a chargeback-specific column: `type` / `reason-type` / chargeback-date /
 *                chargeback-id / chargeback-type / chargeback-status / chargeback-amount, or
 *                any configured chargebacks column; or the file name contains "chargeback"
 * (claims need only order_id + status and chargebacks only order_id, so without a signature
 * almost any file would fit them.)
 * Among the kinds that fit, the one with the most fields mapped wins; two with the same count is
 * DIR_AMBIGUOUS, none is DIR_UNRECOGNISED.
 */
const CLAIM_MARKS = new Set(["claim-status", "amazon-funded", "funded-by", "claim-date", "claim-id", "claim-amount", "claim-reason", "claim-type"]);
const CHARGEBACK_MARKS = new Set([
  "type",
  "reason-type",
  "chargeback-date",
  "chargeback-id",
  "chargeback-type",
  "chargeback-status",
  "chargeback-amount",
]);

const SIGNATURE: Record<InputKind, (map: ColumnMap, norm: Set<string>, base: string) => boolean> = {
  orders: (m) => m.fields.includes("purchase_date") && m.fields.includes("fulfillment_channel"),
  feedback: (m) => m.fields.includes("rating") && m.fields.includes("date"),
  returns: (m) => m.fields.includes("requested_at"),
  messages: (m) => m.fields.includes("received_at"),
  violations: (m) => ["policy", "severity", "detected_at"].every((x) => m.fields.includes(x)),
  claims: (m, norm, base) => {
    const s = m.fields.indexOf("status");
    if (s >= 0 && normaliseHeader(m.headers[s]!) !== "status") return true;
    if (m.configured.size > 0) return true;
    for (const h of norm) if (CLAIM_MARKS.has(h)) return true;
    return base.includes("claim");
  },
  chargebacks: (m, norm, base) => {
    if (m.configured.size > 0) return true;
    for (const h of norm) if (CHARGEBACK_MARKS.has(h)) return true;
    return base.includes("chargeback");
  },
};

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
  for (const kind of INPUT_KINDS) {
    const map = matchColumns(kind, header, columns[kind]);
    const required = SCHEMAS[kind].filter((s) => s.required).every((s) => map.fields.includes(s.name));
    if (required && SIGNATURE[kind](map, norm, base)) fits.push({ kind, score: map.fields.length });
  }
  return fits.sort((a, b) => b.score - a.score);
}

/** The kind of a file from its header: the single best fit, else DIR_AMBIGUOUS / DIR_UNRECOGNISED. */
export function detectKind(
  header: readonly string[],
  file: string,
  columns: Partial<Record<InputKind, Record<string, string>>> = {},
): InputKind {
  const fits = fitKinds(header, file, columns);
  const best = fits[0];
  if (!best) throw new AhrError("DIR_UNRECOGNISED", { file, found: [...header] });
  const tied = fits.filter((x) => x.score === best.score);
  if (tied.length > 1) throw new AhrError("DIR_AMBIGUOUS", { file, accepted: tied.map((x) => x.kind) });
  return best.kind;
}

/**
 * Header cells -> canonical fields of a kind (SPEC section 3). Which kind a header is: detect.ts.
 *
 * Matching: every header cell and every accepted name is normalised (trim, lower-case, runs of
 * space, `_` and `-` become one `-`). For each field the candidates are tried in order: the
 * configured header (config `columns[kind][field]`), the canonical name, then the aliases in
 * schema order; the first candidate present in the file wins and each header cell feeds at most
 * one field. Unknown columns are ignored. A missing required column is MISSING_COLUMN.
 */
import { AhrError } from "../errors.js";
import type { InputKind } from "../records.js";
import type { FieldSpec } from "./fields.js";

/** What header matching needs of a kind (a KindBase, kind.ts). */
export interface KindSchema {
  kind: InputKind;
  schema: readonly FieldSpec[];
}

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
  /** The file's whole header (mapColumns sets it; a reader may look at its language). */
  header?: readonly string[];
  /** The columns were taken by position, the header matching no accepted names (KindBase.byPosition). */
  positional?: boolean;
}

/** Position of `field` in a ColumnMap's cells, or -1 when the file has no such column. */
export function position(map: ColumnMap, field: string): number {
  return map.fields.indexOf(field);
}

/** Headers accepted for a field, as written (configured first), for MISSING_COLUMN. */
export function acceptedHeaders(kind: KindSchema, field: string, configured?: Record<string, string>): string[] {
  const spec = kind.schema.find((s) => s.name === field);
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
  { kind, schema }: KindSchema,
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
  for (const spec of schema) {
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
  kind: KindSchema,
  header: readonly string[],
  file: string,
  configured?: Record<string, string>,
): ColumnMap {
  const map = matchColumns(kind, header, configured);
  for (const spec of kind.schema) {
    if (spec.required && !map.fields.includes(spec.name)) {
      throw new AhrError("MISSING_COLUMN", {
        file,
        kind: kind.kind,
        field: spec.name,
        accepted: acceptedHeaders(kind, spec.name, configured),
        found: [...header],
      });
    }
  }
  map.header = header;
  return map;
}

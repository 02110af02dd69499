/**
 * The fields of an input kind (SPEC section 3): canonical name, whether the column is required,
 * the headers accepted for it beyond the canonical name, and what it means. The names and
 * meanings are contract data in records.ts (INPUT_FIELDS); each kind's schema.ts adds the rest.
 *
 * Alias order matters where one file can carry two accepted headers for the same field: the
 * canonical name wins, then the aliases in the order written (returns: `Return request status`
 * before `Resolution`, so a rejection is seen).
 */
import { INPUT_FIELDS, type FieldOf, type InputKind } from "../records.js";

export interface FieldSpec {
  /** Canonical field name (snake_case). */
  name: string;
  required: boolean;
  /** Accepted headers beyond the canonical name, as Amazon or the docs spell them. */
  aliases: string[];
  description: string;
}

/** A kind's schema: per canonical field (every one of INPUT_FIELDS[kind]), [required, aliases]. */
export function schemaOf<K extends InputKind>(
  kind: K,
  specs: { [F in FieldOf<K>]: readonly [required: boolean, aliases: readonly string[]] },
): FieldSpec[] {
  const meanings = INPUT_FIELDS[kind] as Record<string, string>;
  const table = specs as Record<string, readonly [boolean, readonly string[]]>;
  return Object.keys(meanings).map((name) => {
    const [required, aliases] = table[name]!;
    return { name, required, aliases: [...aliases], description: meanings[name]! };
  });
}

/**
 * What the metrics keep between calls, by one rule: a value is computed from records alone (not
 * from the as-of day) and kept with them, and used again only for those very records (the same
 * array, of the same length). So one cache serves every context built over the same inputs:
 * buildReport's, and every replayed day of buildTrend's. Kept this way: the orders' columns
 * (facts.ts), the messages' (crt.ts), and the defect rows matched to the orders (defects.ts), each
 * read once however many days and metrics use them.
 *
 * A context without a cache (tests make bare ones) computes each value at every call. This file
 * imports nothing: `cached` takes anything with a `cache` (a MetricContext, types.ts).
 */
interface Kept {
  /** The records the value was computed from. */
  of: readonly unknown[];
  /** Their length then. */
  length: number;
  value: unknown;
}

/** The kept values by name; one per set of inputs (MetricContext.cache). */
export type Cache = Map<string, Kept>;

export function newCache(): Cache {
  return new Map();
}

/**
 * The value kept under `key` in the context's cache if it was computed from `of` (the same array,
 * still of the same length); else `build()`, kept for `of` in place of whatever was kept under
 * `key`.
 */
export function cached<T>(ctx: { readonly cache?: Cache | undefined }, key: string, of: readonly unknown[], build: () => T): T {
  const cache = ctx.cache;
  const kept = cache?.get(key);
  if (kept !== undefined && kept.of === of && kept.length === of.length) return kept.value as T;
  const value = build();
  cache?.set(key, { of, length: of.length, value });
  return value;
}

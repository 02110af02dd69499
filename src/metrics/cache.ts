/**
 * What the metrics keep between calls, by one rule: a value is kept with what it was computed
 * from, and used again only for that very object.
 *
 * - Facts of the inputs alone (the orders' columns, facts.ts; the messages', crt.ts) are kept
 *   with the records they were read from. They do not depend on the as-of day, so one cache
 *   serves every context built over the same inputs: buildReport's, and every replayed day of
 *   buildTrend's.
 * - Values that depend on the as-of day too (the defects as of D, defects.ts) are kept with the
 *   context: a context is one as-of day over one set of inputs, so another day's context (the
 *   next day of a trend, sharing the cache) builds its own.
 *
 * A context without a cache (tests make bare ones) computes each value at every call.
 */
import type { MetricContext } from "./types.js";

interface Kept {
  /** What the value was computed from: records, or a context. */
  of: object;
  /** The length of `of` when it is records (an array), else -1. */
  length: number;
  value: unknown;
}

/** The kept values by name; one per set of inputs (MetricContext.cache). */
export type Cache = Map<string, Kept>;

export function newCache(): Cache {
  return new Map();
}

/**
 * The value kept under `key` in the context's cache if it was computed from `of` (the same
 * object; for records, still of the same length); else `build()`, kept for `of` in place of
 * whatever was kept under `key`.
 */
export function cached<T>(ctx: MetricContext, key: string, of: readonly unknown[] | MetricContext, build: () => T): T {
  const cache = ctx.cache;
  const length = Array.isArray(of) ? of.length : -1;
  const kept = cache?.get(key);
  if (kept !== undefined && kept.of === of && kept.length === length) return kept.value as T;
  const value = build();
  cache?.set(key, { of, length, value });
  return value;
}

/**
 * A day column's positions sorted by day, so a metric visits only the items whose basis day is
 * in its window instead of every kept item (a trend asks 90 windows of the same columns; a
 * 10-day window holds a twentieth of a 200-day export). Stable: within a day, positions keep
 * their order, so a metric that visits a window through the index sees its items in the order a
 * pass over every position would have (the offenders it lists come out the same).
 *
 * Built once per column (counting sort over the days present; kept in the context's cache with
 * the records, cache.ts) and read with `dayRange`.
 */
import { cached } from "./cache.js";
import type { MetricContext } from "./types.js";

export interface DayIndex {
  /** Positions, by day then position. Missing days (the `none` value) come first. */
  readonly positions: Int32Array;
  /** The day of each entry of `positions` (ascending). */
  readonly days: Int32Array;
}

/** Counting sort over the span of days when it is at most this many days (179 years); else a comparison sort. */
const MAX_SPAN = 1 << 16;

/**
 * The index of `column`; with `include`, of the positions it accepts only (a metric of one
 * channel need not visit the other's orders).
 */
export function dayIndex(column: Int32Array, include?: (j: number) => boolean): DayIndex {
  if (include !== undefined) {
    const kept: number[] = [];
    for (let j = 0; j < column.length; j++) if (include(j)) kept.push(j);
    const sub = new Int32Array(kept.length);
    for (let k = 0; k < kept.length; k++) sub[k] = column[kept[k]!]!;
    const ix = dayIndex(sub);
    const positions = ix.positions;
    for (let k = 0; k < positions.length; k++) positions[k] = kept[positions[k]!]!;
    return ix;
  }
  const n = column.length;
  const positions = new Int32Array(n);
  const days = new Int32Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    const d = column[j]!;
    if (d === MISSING) continue;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  let missing = 0;
  for (let j = 0; j < n; j++) if (column[j] === MISSING) missing++;
  if (max - min + 1 > MAX_SPAN) {
    const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => column[a]! - column[b]! || a - b);
    for (let k = 0; k < n; k++) {
      positions[k] = order[k]!;
      days[k] = column[order[k]!]!;
    }
    return { positions, days };
  }
  // Slots: start of each day's run after the missing ones.
  const span = max >= min ? max - min + 1 : 0;
  const start = new Int32Array(span + 1);
  for (let j = 0; j < n; j++) {
    const d = column[j]!;
    if (d !== MISSING) start[d - min + 1]!++;
  }
  start[0] = missing;
  for (let s = 1; s <= span; s++) start[s]! += start[s - 1]!;
  let nextMissing = 0;
  for (let j = 0; j < n; j++) {
    const d = column[j]!;
    const k = d === MISSING ? nextMissing++ : start[d - min]!++;
    positions[k] = j;
    days[k] = d;
  }
  return { positions, days };
}

/** The day of a missing date in the order and message columns (facts.ts NONE). */
const MISSING = -2147483648;

/** The index of `column` in the context's cache, kept with `of` (the records it was read from). */
export function dayIndexOf(
  ctx: MetricContext,
  key: string,
  of: readonly unknown[],
  column: Int32Array,
  include?: (j: number) => boolean,
): DayIndex | null {
  if (!indexed(ctx)) return null;
  return cached(ctx, `day-index:${key}`, of, () => dayIndex(column, include));
}

/** The first k with days[k] >= day. */
function lowerBound(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entries [lo, hi) of `ix` whose day is in from..to (both included). */
export function dayRange(ix: DayIndex, from: number, to: number): [number, number] {
  if (to < from) return [0, 0];
  return [lowerBound(ix.days, from), lowerBound(ix.days, to + 1)];
}

/**
 * Which positions a metric visits for a window: entries lo..hi of `positions`, or, when
 * `positions` is null, every position from lo to hi (a report: no index).
 */
export interface Visit {
  readonly positions: Int32Array | null;
  readonly lo: number;
  readonly hi: number;
}

/** The positions of `ix` whose day is in from..to; without an index, all `n` positions. */
export function visitDays(ix: DayIndex | null, n: number, from: number, to: number): Visit {
  if (ix === null) return { positions: null, lo: 0, hi: n };
  const [lo, hi] = dayRange(ix, from, to);
  return { positions: ix.positions, lo, hi };
}

/** Position k of a visit. */
export function at(v: Visit, k: number): number {
  return v.positions === null ? k : v.positions[k]!;
}

/**
 * Whether a metric call should visit its window through a day index: on a trend's replayed
 * days (countsOnly), where one index serves 90 windows. A report asks each window once or
 * twice, for which a full pass is as quick and the index's memory (8 bytes an order) is not
 * worth it.
 */
export function indexed(ctx: MetricContext): boolean {
  return ctx.countsOnly === true;
}

/**
 * A trend's running totals (issue 18): a metric's counts for every replayed as-of day from one
 * pass over its items instead of one pass per day.
 *
 * Every metric's item counts on day D when its basis day is in D's window and something about
 * it has happened by D (purchased by D, shipped or delivered or refunded or answered by the end
 * of D, a defect dated by the end of D, 24 h passed since a message came). Each of those only
 * becomes true as D grows, and stays true. So an item is, for the replayed days, its basis day
 * and two indexes: the first replayed day it counts in the denominator from, and the first it
 * counts in the numerator from. A metric's `running` hook puts its items so (`Steps.add`,
 * with the day helpers below, which compare exactly as its replay does); `runningTotals` adds
 * them up per basis day and replayed day, then sums each day's window: one pass over the items
 * and (window + days) x days cells, where replaying walks the window's items on every day.
 *
 * A hook gives the counts its metric's `compute` gives on a trend's day, and nothing else (no
 * offenders, notes or reasons: a trend prints none). It returns false where the metric has no
 * data (its no_data reason): the trend then replays the metric, which says so.
 * test/metrics/running.test.ts checks every hook against the replay on random inputs.
 */
import type { ChannelScope } from "../catalog.js";
import { channelBits, PENDING, type OrderFacts } from "./facts.js";
import type { ReplayDays, Steps } from "./types.js";

export type { ReplayDays, RunningFn, Steps } from "./types.js";

/** The first replayed day k for which `holds(k)`, a predicate that stays true once true; count when none. */
function firstDay(days: ReplayDays, holds: (k: number) => boolean): number {
  let lo = 0;
  let hi = days.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first replayed day by whose end instant `ms` has happened (`ms <= endOfDay`; NaN: never). */
export function byEnd(days: ReplayDays, ms: number): number {
  const e = days.endOfDay;
  return firstDay(days, (k) => ms <= e[k]!);
}

/** The first replayed day whose end is more than `limit` ms after `ms` (`endOfDay - ms > limit`). */
export function pastBy(days: ReplayDays, ms: number, limit: number): number {
  const e = days.endOfDay;
  return firstDay(days, (k) => e[k]! - ms > limit);
}

/** The first replayed day on or after day `day` (`day <= D`). */
export function fromDay(days: ReplayDays, day: number): number {
  const k = day - days.first;
  return k <= 0 ? 0 : k >= days.count ? days.count : k;
}

/** The replayed days ending at `asOf`, `count` of them, with their ends from `endOfDay`. */
export function replayDays(asOf: number, count: number, endOfDay: (day: number) => number): ReplayDays {
  const first = asOf - count + 1;
  const ends = new Float64Array(count);
  for (let k = 0; k < count; k++) ends[k] = endOfDay(first + k);
  return { first, count, endOfDay: ends };
}

/** Cells (basis days x replayed days) above which a trend replays instead (~2 x 32 MiB). */
const MAX_CELLS = 1 << 23;

/**
 * Each replayed day's numerator and denominator over W(windowDays, lagDays) as of that day, from
 * the items `fill` puts; null when `fill` returns false (no data) or the grid would be too big.
 */
export function runningTotals(
  days: ReplayDays,
  windowDays: number,
  lagDays: number,
  fill: (steps: Steps) => boolean,
): { numerator: Int32Array; denominator: Int32Array } | null {
  const n = days.count;
  if (windowDays < 1 || n < 1) return null;
  // Basis days of the windows: W as of first + k is [bFrom + k, bFrom + k + windowDays - 1].
  const bFrom = days.first - lagDays - windowDays + 1;
  const span = windowDays + n - 1;
  if (span * n > MAX_CELLS) return null;
  const den = new Int32Array(span * n);
  const num = new Int32Array(span * n);
  const steps: Steps = {
    add(day, d, m) {
      const b = day - bFrom;
      if (!(b >= 0 && b < span) || !(d < n)) return;
      den[b * n + (d < 0 ? 0 : d)]!++;
      const from = m > d ? m : d;
      if (from < n) num[b * n + (from < 0 ? 0 : from)]!++;
    },
  };
  if (!fill(steps)) return null;
  // Per basis day, the items counting on replayed day k: the sum over the days up to k.
  for (let b = 0; b < span; b++) {
    const row = b * n;
    for (let k = 1; k < n; k++) {
      den[row + k]! += den[row + k - 1]!;
      num[row + k]! += num[row + k - 1]!;
    }
  }
  const numerator = new Int32Array(n);
  const denominator = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let a = 0;
    let c = 0;
    for (let b = k; b < k + windowDays; b++) {
      a += num[b * n + k]!;
      c += den[b * n + k]!;
    }
    numerator[k] = a;
    denominator[k] = c;
  }
  return { numerator, denominator };
}

/**
 * A purchase-dated metric's items (odr, pfcr, refund_rate; purchaseDated in facts.ts): the
 * channel's non-pending orders by purchase day, counted from their purchase day on, bad from the
 * replayed day `badFrom` gives (count: never).
 */
export function purchaseDatedSteps(
  f: OrderFacts,
  channel: ChannelScope,
  steps: Steps,
  days: ReplayDays,
  badFrom: (j: number) => number,
): void {
  const bits = channelBits(channel);
  const { flags, purchaseDay } = f;
  for (let j = 0; j < flags.length; j++) {
    if ((flags[j]! & (PENDING | bits)) !== bits) continue;
    const day = purchaseDay[j]!;
    steps.add(day, fromDay(days, day), badFrom(j));
  }
}

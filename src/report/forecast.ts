/**
 * Recovery forecast for a breached lower-is-better metric (issue 5). The rule, as the README
 * states it:
 *
 * - The window of as-of day D' is [D' - lag - days + 1, D' - lag]. A bad item whose basis date is
 *   p is in it while D' - lag - days + 1 <= p, so it **drops off** on the first as-of day that no
 *   longer contains it: D' = p + days + lag. `dropOffs` groups the current bad items by that day
 *   (ascending, with how many leave that day).
 * - **clearsOn** is the first as-of day D' after D on which the metric would no longer be a
 *   breach if no new bad item arrives and daily volume stays at the window's average, i.e. the
 *   denominator stays the size it is now: numerator(D') = current bad items still in the window
 *   on D', status of numerator(D') / denominator decided exactly as for the report (status.ts).
 *   Every current item has dropped off by D + days + lag, so the search stops there; clearsOn is
 *   null only when even a numerator of 0 is a breach (a target of 0).
 */
import type { Condition } from "../catalog.js";
import type { Offender } from "../metrics/types.js";
import { statusOf } from "../metrics/status.js";
import { formatDay, parseDay } from "../time.js";
import type { Forecast } from "./types.js";

export interface ForecastInput {
  /** The as-of day D. */
  asOf: number;
  days: number;
  lagDays: number;
  numerator: number;
  denominator: number;
  /** The bad items now in the window, each with its basis date. */
  offenders: readonly Offender[];
  target: number;
  warnAt: number;
  condition: Condition;
}

/**
 * The bad items as the numerator counts them: a metric that lists one offender per defect (two
 * defects on one order) counts the order once, so when there are more offenders than the
 * numerator, offenders with the same order id and date are one item.
 */
function items(offenders: readonly Offender[], numerator: number): Offender[] {
  if (offenders.length <= numerator) return [...offenders];
  const seen = new Set<string>();
  const out: Offender[] = [];
  for (const o of offenders) {
    const key = o.orderId === null ? null : `${o.orderId}\u0000${o.date}`;
    if (key !== null) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(o);
  }
  return out;
}

export function forecastOf(f: ForecastInput): Forecast {
  const leaving = new Map<number, number>();
  for (const o of items(f.offenders, f.numerator)) {
    const p = parseDay(o.date);
    if (p === null) continue;
    const leaves = p + f.days + f.lagDays;
    leaving.set(leaves, (leaving.get(leaves) ?? 0) + 1);
  }
  const days = [...leaving.keys()].sort((a, b) => a - b);
  const dropOffs = days.map((d) => ({ date: formatDay(d), count: leaving.get(d) ?? 0 }));

  let clearsOn: string | null = null;
  let left = 0;
  for (let d = f.asOf + 1; d <= f.asOf + f.days + f.lagDays; d++) {
    left += leaving.get(d) ?? 0;
    const numerator = Math.max(0, f.numerator - left);
    const status = statusOf({ numerator, denominator: f.denominator }, f.condition, f.target, f.warnAt);
    if (status !== "breach") {
      clearsOn = formatDay(d);
      break;
    }
  }
  return { dropOffs, clearsOn };
}

/**
 * Status and headroom, decided on integers. Targets and warning points are decimals; they are
 * scaled to millionths (exact for up to six decimal places, which the config schema enforces) and
 * compared against numerator x 1e6 vs ppm x denominator, never as binary floats.
 */
import type { Condition } from "../catalog.js";

export type Status = "good" | "at_risk" | "breach" | "no_data";

const SCALE = 1_000_000;

export function toPpm(fraction: number): number {
  return Math.round(fraction * SCALE);
}

/** numerator / denominator compared with a decimal threshold: -1 below, 0 equal, 1 above. */
export function compareRate(numerator: number, denominator: number, threshold: number): -1 | 0 | 1 {
  const left = numerator * SCALE;
  const right = toPpm(threshold) * denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export interface Counts {
  numerator: number | null;
  denominator: number | null;
}

/**
 * lt: breach if rate >= target, at_risk if rate >= warnAt, else good.
 * gte: breach if rate < target, at_risk if rate < warnAt, else good.
 * no_data when the denominator is 0 or unknown.
 */
export function statusOf(c: Counts, condition: Condition, target: number, warnAt: number): Status {
  if (c.numerator === null || c.denominator === null || c.denominator === 0) return "no_data";
  const { numerator: n, denominator: d } = c;
  if (condition === "lt") {
    if (compareRate(n, d, target) >= 0) return "breach";
    if (compareRate(n, d, warnAt) >= 0) return "at_risk";
    return "good";
  }
  if (compareRate(n, d, target) < 0) return "breach";
  if (compareRate(n, d, warnAt) < 0) return "at_risk";
  return "good";
}

/**
 * How many more bad items the window takes before it breaches, the denominator held fixed.
 * lt: largest k >= 0 with (n + k) / d < target. gte: largest k >= 0 with (n - k) / d >= target.
 * 0 when breached, null on no_data.
 */
export function headroomOf(c: Counts, condition: Condition, target: number): number | null {
  if (c.numerator === null || c.denominator === null || c.denominator === 0) return null;
  const { numerator: n, denominator: d } = c;
  const limit = toPpm(target) * d; // compare against (count x 1e6)
  if (condition === "lt") {
    // largest m with m * 1e6 < limit is floor((limit - 1) / 1e6)
    const m = limit <= 0 ? -1 : Math.floor((limit - 1) / SCALE);
    return Math.max(0, m - n);
  }
  // smallest m with m * 1e6 >= limit is ceil(limit / 1e6)
  const m = Math.ceil(limit / SCALE);
  return Math.max(0, n - m);
}

export function rateOf(c: Counts): number | null {
  if (c.numerator === null || c.denominator === null || c.denominator === 0) return null;
  return c.numerator / c.denominator;
}

/**
 * The Account Health Rating estimate (SPEC 2.10, 8.12, 8.17). Amazon does not publish its point
 * table; this is the arithmetic sellers and Amazon's policy text give, always labelled an estimate.
 *
 * - score = 200 + 4 x floor(orders180d / 200) - points of open violations, clamped to 0..1000.
 *   orders180d: non-pending orders, all channels, purchase day in W(180, 0).
 * - A violation is open if it was detected in W(180, 0) and is not resolved by the end of D (no
 *   resolved_at, or one stamped after the end of D). Points by severity from config
 *   (`ahr.severityPoints`); an open critical violation sets the score to 0. With
 *   `ahr.repeatDoubling`, the n-th open violation of the same policy (the name as written, in
 *   detection order) costs base x 2^(n-1).
 * - Band: healthy >= 200, at_risk 100..199, unhealthy <= 99.
 * - Repeat limits, whatever the score: violations detected in W(180, 0), resolved or not, per
 *   category (intellectual_property, restricted_products) against `ahr.repeatLimits`; reaching a
 *   limit is a deactivation risk, which is a breach.
 * - status: breach if unhealthy or at deactivation risk, at_risk if the band is at_risk, else good.
 */
import type { MetricContext } from "../metrics/types.js";
import { channelBits, factsOf, purchasedIn } from "../metrics/facts.js";
import { inWindow, windowFor } from "../metrics/window.js";
import type { Violation } from "../records.js";
import type { AccountHealth, Deduction, RepeatLimit } from "./types.js";
import { formatDay } from "../time.js";

export const BASELINE = 200;
/** 4 points per 200 orders in the last 180 days. */
export const VOLUME_STEP_ORDERS = 200;
export const VOLUME_STEP_POINTS = 4;
export const HEALTH_DAYS = 180;
export const MAX_SCORE = 1000;

export const NO_ORDERS_NOTE =
  "The Account Health Rating counts 0 orders in the last 180 days (no orders input): no volume bonus";

export type Band = AccountHealth["band"];

export function bandOf(score: number): Band {
  if (score >= 200) return "healthy";
  if (score >= 100) return "at_risk";
  return "unhealthy";
}

export function volumeBonusOf(orders180d: number): number {
  return VOLUME_STEP_POINTS * Math.floor(orders180d / VOLUME_STEP_ORDERS);
}

function byDetection(a: Violation, b: Violation): number {
  if (a.detectedAt.ms !== b.detectedAt.ms) return a.detectedAt.ms - b.detectedAt.ms;
  if (a.policy !== b.policy) return a.policy < b.policy ? -1 : 1;
  if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
  return a.source.line - b.source.line;
}

const LIMITED = ["intellectual_property", "restricted_products"] as const;

export function accountHealth(ctx: MetricContext): AccountHealth {
  const { inputs, asOf, endOfDay, config } = ctx;
  const window = windowFor(asOf, HEALTH_DAYS, 0);
  const notes: string[] = [];

  // Volume
  let orders180d = 0;
  if (inputs.orders === undefined) notes.push(NO_ORDERS_NOTE);
  else {
    const f = factsOf(ctx, inputs.orders);
    // Non-pending orders of every channel purchased in W(180, 0) (which ends on D itself).
    const all = channelBits("all");
    for (let j = 0; j < f.records.length; j++) {
      if (purchasedIn(f, j, asOf, all, window.from, window.to)) orders180d++;
    }
    // Orders the reader only counted (older than every metric's windows).
    for (const [day, n] of inputs.orders.countedOnly?.nonPendingByDay ?? []) {
      if (inWindow(day, window)) orders180d += n;
    }
  }
  const volumeBonus = volumeBonusOf(orders180d);

  // Violations detected in the window (later ones have not happened yet)
  const detected = (inputs.violations?.records ?? []).filter((v) => inWindow(v.detectedAt.day, window));
  const open = detected.filter((v) => v.resolvedAt === null || v.resolvedAt.ms > endOfDay).sort(byDetection);

  const { severityPoints, repeatDoubling, repeatLimits: limits } = config.ahr;
  const seen = new Map<string, number>();
  const deductions: Deduction[] = [];
  let critical = false;
  let points = 0;
  for (const v of open) {
    const n = (seen.get(v.policy) ?? 0) + 1;
    seen.set(v.policy, n);
    let cost = 0;
    if (v.severity === "critical") critical = true;
    else cost = repeatDoubling ? severityPoints[v.severity] * 2 ** (n - 1) : severityPoints[v.severity];
    points += cost;
    deductions.push({ policy: v.policy, severity: v.severity, points: cost, detectedAt: formatDay(v.detectedAt.day) });
  }

  const raw = BASELINE + volumeBonus - points;
  const score = critical ? 0 : Math.min(MAX_SCORE, Math.max(0, raw));
  const band = bandOf(score);

  const repeatLimits: RepeatLimit[] = LIMITED.map((category) => {
    const count = detected.filter((v) => v.category === category).length;
    const limit = limits[category];
    return { category, count, limit, reached: count >= limit };
  });
  const deactivationRisk = repeatLimits.some((r) => r.reached);

  const status = band === "unhealthy" || deactivationRisk ? "breach" : band === "at_risk" ? "at_risk" : "good";
  return {
    score,
    band,
    estimated: true,
    violationsProvided: inputs.violations !== undefined,
    baseline: BASELINE,
    volumeBonus,
    orders180d,
    deductions,
    critical,
    deactivationRisk,
    repeatLimits,
    status,
    notes,
  };
}

/**
 * odr, Order Defect Rate, per channel (SPEC 2.2, 8.8, 8.10).
 *
 * - Denominator: non-pending orders of the channel whose purchase date is in W(60, 14).
 *   Cancelled orders stay in (a claim on a cancelled order counts).
 * - Numerator: orders with at least one defect dated by the end of D (or undated), each order
 *   once however many defects it has. The defect rules live in defects.ts.
 * - components: per kind, how many of those orders have it (they can add up to more than the
 *   numerator).
 * - Needs an orders input and at least one of feedback, claims, chargebacks (8.8); with only some
 *   of those, it counts what is there and a note names the missing ones.
 */
import { METRICS } from "../catalog.js";
import type { Metric, MetricFn, OdrComponents } from "./types.js";
import { defectInputsGiven, defectsAsOf, firstDefectMs, type DefectKind } from "./defects.js";
import { factsOf, purchaseDated } from "./facts.js";
import { byEnd, purchaseDatedSteps, type RunningFn } from "./running.js";
import { noData, tallied } from "./orders.js";

const BASIS = "purchase date";

export const NO_DEFECT_INPUTS_REASON = "needs a feedback, claims or chargebacks input";
export const NO_ORDERS_REASON = "needs an orders input";
export const NO_INPUTS_REASON = "needs an orders input and a feedback, claims or chargebacks input";

function list(kinds: DefectKind[], and: string): string {
  if (kinds.length <= 1) return kinds.join("");
  return `${kinds.slice(0, -1).join(", ")} ${and} ${kinds[kinds.length - 1]}`;
}

/** "odr: no claims or chargebacks input; defects counted from feedback only" */
export function missingDefectInputsNote(given: DefectKind[], missing: DefectKind[]): string {
  return `odr: no ${list(missing, "or")} input; defects counted from ${list(given, "and")} only`;
}

export const odr: MetricFn = (ctx, window, channel) => {
  const { given, missing } = defectInputsGiven(ctx.inputs);
  const orders = ctx.inputs.orders;
  if (given.length === 0) return noData(BASIS, orders === undefined ? NO_INPUTS_REASON : NO_DEFECT_INPUTS_REASON);
  if (orders === undefined) return noData(BASIS, NO_ORDERS_REASON);

  const components: OdrComponents = { negativeFeedback: 0, claims: 0, chargebacks: 0 };
  const defectsOf = defectsAsOf(ctx, orders);
  const { denominator, bad, offenders } = purchaseDated(ctx, orders, window, channel, (_, j) => {
    const d = defectsOf(j);
    if (d === undefined) return null;
    if (d.negativeFeedback) components.negativeFeedback++;
    if (d.claims) components.claims++;
    if (d.chargebacks) components.chargebacks++;
    return d.words.join("; ");
  });

  const notes = missing.length > 0 ? [missingDefectInputsNote(given, missing)] : [];
  return { ...tallied(BASIS, denominator, offenders, notes, bad), components };
};

/** A trend's counts (running.ts): an order is a defect from its first defect's date on. */
export const odrRunning: RunningFn = (ctx, days, channel, steps) => {
  const orders = ctx.inputs.orders;
  if (defectInputsGiven(ctx.inputs).given.length === 0 || orders === undefined) return false;
  const first = firstDefectMs(ctx, orders);
  purchaseDatedSteps(factsOf(ctx, orders), channel, steps, days, (j) => byEnd(days, first(j)));
  return true;
};

export default { meta: METRICS.odr, compute: odr, running: odrRunning } satisfies Metric;

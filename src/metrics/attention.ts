/**
 * Tomorrow's late shipments, over every order (not only a window): the orders lsr waits on as of
 * D (awaitsShipment: MFN, not pending, purchased by D, not cancelled) that have a latest ship date
 * and are not shipped by the end of D. Overdue: lsr's overdue rule (shipmentState), the latest
 * ship time before the end of D. Due today: latest ship day is D and not overdue (a ship-by date
 * without a time means the end of D, so it is due today).
 */
import { channelBits, factsOf, msAt, NONE } from "./facts.js";
import { awaitsShipment, shipmentState } from "./lsr.js";
import { dayText, latenessWords, sourceOf } from "./orders.js";
import type { MetricContext, Offender } from "./types.js";

export interface Attention {
  /** Unshipped, not cancelled, past the latest ship time: tomorrow's late shipments. */
  overdue: Offender[];
  /** Unshipped, not cancelled, latest ship date is D itself and not yet passed. */
  dueToday: Offender[];
}

function byShipTime(a: { ms: number; o: Offender }, b: { ms: number; o: Offender }): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  const x = a.o.orderId ?? "";
  const y = b.o.orderId ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The attention lists as of the context's D, each by latest ship time, then order id. */
export function attentionOf(ctx: MetricContext): Attention {
  const orders = ctx.inputs.orders;
  if (orders === undefined || !orders.columns.has("latest_ship_date")) return { overdue: [], dueToday: [] };
  const overdue: { ms: number; o: Offender }[] = [];
  const dueToday: { ms: number; o: Offender }[] = [];
  const f = factsOf(ctx, orders);
  const mfn = channelBits("mfn");
  const { asOf, endOfDay } = ctx;
  for (let j = 0; j < f.records.length; j++) {
    if (!awaitsShipment(f, j, asOf, mfn)) continue;
    const dueDay = f.latestShip.day[j]!;
    if (dueDay === NONE) continue; // no latest ship date
    const dueMs = msAt(f.latestShip, j);
    const state = shipmentState(msAt(f.shipped, j), dueMs, endOfDay);
    if (state === "shipped") continue;
    if (state === "overdue") {
      const o = f.records[j]!;
      const date = dayText(dueDay);
      const late = latenessWords({ ms: dueMs, day: dueDay }, endOfDay, asOf);
      const reason = `ship by ${date}: ${late} overdue`;
      overdue.push({ ms: dueMs, o: { orderId: o.orderId, date, reason, source: sourceOf(o) } });
    } else if (dueDay === asOf) {
      const o = f.records[j]!;
      const date = dayText(dueDay);
      dueToday.push({ ms: dueMs, o: { orderId: o.orderId, date, reason: `ship by ${date}`, source: sourceOf(o) } });
    }
  }
  return {
    overdue: overdue.sort(byShipTime).map((x) => x.o),
    dueToday: dueToday.sort(byShipTime).map((x) => x.o),
  };
}

import { describe, it, expect } from "vitest";
import {
  AFN,
  CANCELLED,
  MFN,
  NONE,
  PENDING,
  REFUND_UNDATED,
  SELLER_CANCEL,
  TRACKING_EXEMPT,
  VALID_TRACKING,
  WIDE,
  channelBits,
  counts,
  factsOf,
  msAt,
  orderFacts,
  purchasedIn,
} from "../../src/metrics/facts.js";
import { newCache } from "../../src/metrics/cache.js";
import { METRIC_FNS } from "../../src/metrics/index.js";
import { windowFor } from "../../src/metrics/window.js";
import { parseDay } from "../../src/time.js";
import { at, context, endOf, feedback, input, order, orders } from "../helpers/records.js";

const day = (s: string): number => parseDay(s)!;

const A = order({
  orderId: "A",
  purchase: at("2026-09-01T10:00"),
  latestShip: endOf("2026-09-03"),
  shippedAt: at("2026-09-04T08:00"),
  trackingNumber: "1Z",
  trackingValid: true,
  promisedDelivery: at("2026-09-08"),
  deliveredAt: at("2026-09-07T12:00"),
});
const B = order({
  orderId: "B",
  channel: "afn",
  purchase: at("2026-09-02"),
  pending: true,
  cancelled: true,
  cancelledBy: "buyer",
  refundUndated: true,
});
const C = order({
  orderId: "C",
  purchase: at("2026-09-05"),
  cancelled: true,
  cancelledBy: null,
  trackingExempt: true,
  refundedAt: at("2026-09-06T01:00"),
});

describe("order facts", () => {
  it("hold each order's filter fields, a missing date as NONE / NaN", () => {
    const f = orderFacts(orders([A, B, C]));
    expect([...f.flags]).toEqual([MFN | VALID_TRACKING, AFN | PENDING | CANCELLED | REFUND_UNDATED, MFN | CANCELLED | SELLER_CANCEL | TRACKING_EXEMPT]);
    expect([...f.purchaseDay]).toEqual([day("2026-09-01"), day("2026-09-02"), day("2026-09-05")]);
    expect([...f.latestShip.day]).toEqual([day("2026-09-03"), NONE, NONE]);
    expect(msAt(f.latestShip, 0)).toBe(Date.parse("2026-09-04T00:00:00Z") - 1);
    expect(f.latestShip.off[0]).toBe(86_400_000 - 1); // the last ms of its day
    expect(msAt(f.latestShip, 1)).toBeNaN();
    expect(msAt(f.shipped, 0)).toBe(Date.parse("2026-09-04T08:00:00Z"));
    expect(f.shipped.off[0]).toBe(8 * 3_600_000);
    expect([...f.shipped.day]).toEqual([day("2026-09-04"), NONE, NONE]);
    expect(msAt(f.shipped, 2)).toBeNaN();
    expect([...f.promisedDay]).toEqual([day("2026-09-08"), NONE, NONE]);
    expect([...f.delivered.day]).toEqual([day("2026-09-07"), NONE, NONE]);
    expect(msAt(f.delivered, 0)).toBe(Date.parse("2026-09-07T12:00:00Z"));
    expect(f.shipped.wide.size + f.latestShip.wide.size + f.delivered.wide.size).toBe(0);
    expect([...f.refundedMs].map((x) => (Number.isNaN(x) ? null : x))).toEqual([null, null, Date.parse("2026-09-06T01:00:00Z")]);
  });
  it("an instant far from its day, fractional or NaN is kept whole (exact)", () => {
    // A day of 2026-09-04 in some zone: its instant 30 days later does not fit 32 bits of ms
    // from the day's UTC start (2^31 ms is ~24.9 days); 12.5 ms is not a whole number; the
    // last one's offset would be WIDE itself.
    const d = day("2026-09-04");
    const far = d * 86_400_000 + 30 * 86_400_000 + 7;
    const odd = order({ orderId: "W", purchase: at("2026-09-01"), shippedAt: { day: d, ms: far } });
    const frac = order({ orderId: "X", purchase: at("2026-09-01"), shippedAt: { day: d, ms: d * 86_400_000 + 12.5 } });
    const nan = order({ orderId: "Y", purchase: at("2026-09-01"), shippedAt: { day: d, ms: NaN } });
    const edge = order({ orderId: "Z", purchase: at("2026-09-01"), shippedAt: { day: d, ms: d * 86_400_000 - 2147483648 } });
    const near = order({ orderId: "V", purchase: at("2026-09-01"), shippedAt: { day: d, ms: d * 86_400_000 - 2147483647 } });
    const f = orderFacts(orders([odd, frac, nan, edge, near]));
    expect([...f.shipped.day]).toEqual([d, d, d, d, d]);
    expect([...f.shipped.off]).toEqual([WIDE, WIDE, WIDE, WIDE, -2147483647]);
    expect(msAt(f.shipped, 0)).toBe(far);
    expect(msAt(f.shipped, 1)).toBe(d * 86_400_000 + 12.5);
    expect(msAt(f.shipped, 2)).toBeNaN();
    expect(msAt(f.shipped, 3)).toBe(d * 86_400_000 - 2147483648);
    expect(msAt(f.shipped, 4)).toBe(d * 86_400_000 - 2147483647);
    expect([...f.shipped.wide.keys()]).toEqual([0, 1, 2, 3]);
  });
  it("valid tracking follows the input's columns: tracking_valid, else a tracking number", () => {
    const noNumber = order({ orderId: "N", purchase: at("2026-09-01"), trackingValid: true });
    const withValid = orderFacts(orders([noNumber]));
    expect(withValid.flags[0]! & VALID_TRACKING).toBe(VALID_TRACKING);
    const numberOnly = orderFacts(orders([noNumber], ["order_id", "purchase_date", "tracking_number"]));
    expect(numberOnly.flags[0]! & VALID_TRACKING).toBe(0);
  });
  it("counts: not pending, purchased by D, of the channel ('all': any)", () => {
    const f = orderFacts(orders([A, B, C]));
    const asOf = day("2026-09-04");
    expect([0, 1, 2].map((j) => counts(f, j, asOf, channelBits("all")))).toEqual([true, false, false]);
    expect([0, 1, 2].map((j) => counts(f, j, day("2026-09-30"), channelBits("mfn")))).toEqual([true, false, true]);
    expect([0, 1, 2].map((j) => counts(f, j, day("2026-09-30"), channelBits("afn")))).toEqual([false, false, false]);
  });
  it("purchasedIn: counts, and the purchase day within from..to (both ends in)", () => {
    // A bought 09-01 (mfn), C bought 09-05 (mfn), B pending: never
    const f = orderFacts(orders([A, B, C]));
    const D = day("2026-09-30");
    const mfn = channelBits("mfn");
    const within = (from: string, to: string): boolean[] =>
      [0, 1, 2].map((j) => purchasedIn(f, j, D, mfn, day(from), day(to)));
    expect(within("2026-09-01", "2026-09-05")).toEqual([true, false, true]); // first and last day in
    expect(within("2026-09-02", "2026-09-04")).toEqual([false, false, false]); // the day after A, before C
    expect(within("2026-08-01", "2026-08-31")).toEqual([false, false, false]);
    // as of 09-04 C is not bought yet, whatever the window
    expect([0, 1, 2].map((j) => purchasedIn(f, j, day("2026-09-04"), mfn, day("2026-09-01"), day("2026-09-30")))).toEqual([
      true,
      false,
      false,
    ]);
    expect([0, 1, 2].map((j) => purchasedIn(f, j, D, channelBits("afn"), day("2026-09-01"), D))).toEqual([false, false, false]);
  });
  it("factsOf: the facts kept in the context's cache when they are of these records, else read anew", () => {
    const input1 = orders([A, B, C]);
    const ctx = context("2026-09-30", { orders: input1 });
    expect(factsOf(ctx, input1)).not.toBe(factsOf(ctx, input1)); // no cache: read at each call
    ctx.cache = newCache();
    const built = factsOf(ctx, input1);
    expect(factsOf(ctx, input1)).toBe(built);
    // Another day's context with the same cache (a trend's) shares them.
    expect(factsOf({ ...context("2026-09-10", { orders: input1 }), cache: ctx.cache }, input1)).toBe(built);
    const other = orders([C]);
    const f = factsOf(ctx, other);
    expect(f).not.toBe(built);
    expect([...f.purchaseDay]).toEqual([day("2026-09-05")]);
  });
  it("facts built once for the context give each order metric the tally it gets reading the orders itself", () => {
    const list = [A, B, C];
    for (let k = 0; k < 40; k++) {
      const p = `2026-09-${String(1 + (k % 28)).padStart(2, "0")}`;
      list.push(
        order({
          orderId: `O${k}`,
          channel: k % 3 === 0 ? "afn" : "mfn",
          purchase: at(`${p}T0${k % 10}:00`),
          latestShip: k % 4 === 0 ? null : endOf(p),
          shippedAt: k % 5 === 0 ? null : at(`${p}T${10 + (k % 14)}:30`),
          trackingNumber: k % 6 === 0 ? null : `T${k}`,
          trackingValid: k % 7 === 0 ? false : true,
          promisedDelivery: k % 8 === 0 ? null : at(p),
          deliveredAt: k % 9 === 0 ? null : at(`${p}T20:00`),
          cancelled: k % 11 === 0,
          refundedAt: k % 10 === 0 ? at(p) : null,
        }),
      );
    }
    const inputs = {
      orders: orders(list),
      feedback: input("feedback", [feedback({ orderId: "O3", rating: 1 }), feedback({ orderId: "A", rating: 2 })], ["order_id", "rating"]),
    };
    for (const asOf of ["2026-09-10", "2026-09-30"]) {
      const plain = context(asOf, inputs);
      const withFacts = context(asOf, inputs);
      withFacts.cache = newCache();
      for (const id of ["odr", "pfcr", "lsr", "vtr", "otdr", "refund_rate"] as const) {
        for (const channel of ["mfn", "afn", "all"] as const) {
          const w = windowFor(plain.asOf, 30, 0);
          expect(METRIC_FNS[id](withFacts, w, channel), `${id} ${channel} ${asOf}`).toEqual(METRIC_FNS[id](plain, w, channel));
        }
      }
    }
  });
});

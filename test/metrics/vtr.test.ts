import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/defaults.js";
import { headroomOf, statusOf } from "../../src/metrics/status.js";
import { SHIP_DATE_BASIS_NOTE, vtr } from "../../src/metrics/vtr.js";
import { windowFor } from "../../src/metrics/window.js";
import type { Order } from "../../src/records.js";
import { parseDay } from "../../src/time.js";
import { ALL_ORDER_COLUMNS, at, context, order, orders } from "../helpers/records.js";

const D = "2026-11-20";
const W30 = windowFor(parseDay(D)!, 30, 0); // 2026-10-22 .. 2026-11-20
const S = defaultConfig().metrics.vtr; // target 0.95, warnAt 0.96

const NO_PROMISE = ALL_ORDER_COLUMNS.filter((c) => c !== "promised_delivery_date");
const NUMBER_ONLY = ALL_ORDER_COLUMNS.filter((c) => c !== "tracking_valid");

const run = (list: Order[], columns: string[] = ALL_ORDER_COLUMNS, asOf = D) =>
  vtr(context(asOf, { orders: orders(list, columns) }), windowFor(parseDay(asOf)!, 30, 0), "mfn");

/** A shipped MFN order; good tracking unless `extra` says otherwise. */
function shipped(id: string, shippedAt: string, promised: string | null, extra: Partial<Order> = {}): Order {
  return order({
    orderId: id,
    purchase: at("2026-10-01"),
    shippedAt: at(shippedAt),
    promisedDelivery: promised === null ? null : at(promised),
    trackingNumber: "1Z999",
    trackingValid: true,
    ...extra,
  });
}

describe("vtr on the promised delivery date", () => {
  it("first and last day in, the day before and after out; good ones in the numerator", () => {
    const list = [
      shipped("before", "2026-10-18", "2026-10-21"),
      shipped("first", "2026-10-19", "2026-10-22", { trackingNumber: null, trackingValid: false, source: { file: "o.txt", line: 9 } }),
      shipped("last", "2026-11-17", "2026-11-20"),
      shipped("after", "2026-11-19", "2026-11-21"),
    ];
    const t = run(list);
    // in: first, last -> 2; valid: last -> numerator 1
    expect([t.numerator, t.denominator]).toEqual([1, 2]);
    expect(t.basis).toBe("promised delivery date");
    expect(t.offenders).toEqual([{ orderId: "first", date: "2026-10-22", reason: "no tracking number", source: "o.txt:9" }]);
    expect(t.notes).toEqual([]);
  });

  it("an order with an empty promised date is left out, no fallback to its ship date (8.4)", () => {
    const list = [
      shipped("p", "2026-11-10", "2026-11-14"),
      shipped("n1", "2026-11-10", null, { trackingNumber: null, trackingValid: false }),
      shipped("n2", "2026-11-11", null),
    ];
    const t = run(list);
    // only p: 1 of 1; n1 and n2 shipped in the window without a promised date -> the note counts 2
    expect([t.numerator, t.denominator]).toEqual([1, 1]);
    expect(t.notes).toEqual(["2 orders shipped in the vtr window without a promised delivery date: left out of vtr"]);
  });

  it("replay: an order shipped after D is not shipped as of D", () => {
    const t = run([shipped("late", "2026-11-21T08:00", "2026-11-18")]);
    expect([t.numerator, t.denominator]).toEqual([0, 0]);
    const next = run([shipped("late", "2026-11-21T08:00", "2026-11-18")], ALL_ORDER_COLUMNS, "2026-11-21");
    expect([next.numerator, next.denominator]).toEqual([1, 1]);
  });
});

describe("vtr on the ship date when there is no promised delivery date column", () => {
  it("uses shipped_at days, says so in basis and a note", () => {
    const list = [
      shipped("before", "2026-10-21T23:59", "2026-10-25"),
      shipped("first", "2026-10-22T00:00", null),
      shipped("last", "2026-11-20T23:59", "2026-11-28"), // promised date ignored: the column is not there
      shipped("after", "2026-11-21T00:00", null), // not shipped as of D
    ];
    const t = run(list, NO_PROMISE);
    // in: first, last -> 2, both valid
    expect([t.numerator, t.denominator]).toEqual([2, 2]);
    expect(t.basis).toBe("ship date");
    expect(t.notes).toEqual([SHIP_DATE_BASIS_NOTE]);
  });
});

describe("vtr who counts", () => {
  it("keeps cancelled orders that shipped; leaves out exempt, pending, AFN and unshipped ones", () => {
    const list = [
      shipped("ok", "2026-11-10", "2026-11-14"),
      shipped("cancelled", "2026-11-10", "2026-11-14", { cancelled: true, cancelledBy: "seller", trackingValid: false }),
      shipped("exempt", "2026-11-10", "2026-11-14", { trackingExempt: true, trackingNumber: null, trackingValid: false }),
      shipped("pending", "2026-11-10", "2026-11-14", { pending: true, status: "pending" }),
      shipped("afn", "2026-11-10", "2026-11-14", { channel: "afn" }),
      order({ orderId: "unshipped", purchase: at("2026-11-10"), promisedDelivery: at("2026-11-14") }),
    ];
    const t = run(list);
    // in: ok, cancelled -> 2; valid: ok -> 1
    expect([t.numerator, t.denominator]).toEqual([1, 2]);
    expect(t.offenders.map((o) => [o.orderId, o.reason])).toEqual([["cancelled", "tracking not valid"]]);
  });

  it("with a tracking_valid column, an empty value is not valid", () => {
    const list = [
      shipped("yes", "2026-11-10", "2026-11-14"),
      shipped("empty", "2026-11-10", "2026-11-14", { trackingValid: null }),
      shipped("no", "2026-11-10", "2026-11-15", { trackingValid: false }),
      shipped("none", "2026-11-10", "2026-11-15", { trackingNumber: "", trackingValid: false }),
    ];
    const t = run(list);
    // 4 in, 1 valid
    expect([t.numerator, t.denominator]).toEqual([1, 4]);
    expect(t.offenders.map((o) => [o.orderId, o.reason])).toEqual([
      ["empty", "tracking not valid"],
      ["no", "tracking not valid"],
      ["none", "no tracking number"],
    ]);
  });

  it("without a tracking_valid column, a non-empty tracking number is valid", () => {
    const list = [
      shipped("num", "2026-11-10", "2026-11-14", { trackingValid: null }),
      shipped("blank", "2026-11-10", "2026-11-14", { trackingNumber: "  ", trackingValid: null }),
      shipped("null", "2026-11-10", "2026-11-14", { trackingNumber: null, trackingValid: null }),
    ];
    const t = run(list, NUMBER_ONLY);
    // 3 in, 1 valid
    expect([t.numerator, t.denominator]).toEqual([1, 3]);
    expect(t.offenders.map((o) => o.reason)).toEqual(["no tracking number", "no tracking number"]);
  });

  it("an empty window is 0 of 0", () => {
    const t = run([shipped("old", "2026-09-01", "2026-09-05")]);
    expect([t.numerator, t.denominator, t.reason]).toEqual([0, 0, null]);
  });
});

describe("vtr exact at the target (>= 95%)", () => {
  const set = (good: number, bad: number) => [
    ...Array.from({ length: good }, (_, i) => shipped(`g${i}`, "2026-11-10", "2026-11-14")),
    ...Array.from({ length: bad }, (_, i) => shipped(`b${i}`, "2026-11-10", "2026-11-14", { trackingValid: false })),
  ];
  it("95 valid of 100 is at_risk, headroom 0", () => {
    const t = run(set(95, 5));
    // 95e6 >= 950,000 x 100 = 95e6 -> no breach; 95e6 < 960,000 x 100 = 96e6 -> at_risk
    // headroom: smallest m with m x 1e6 >= 95e6 is 95 -> 95 - 95 = 0
    expect([t.numerator, t.denominator]).toEqual([95, 100]);
    expect(statusOf(t, "gte", S.target, S.warnAt)).toBe("at_risk");
    expect(headroomOf(t, "gte", S.target)).toBe(0);
  });
  it("94 of 100 breaches; 96 of 100 is good with headroom 1", () => {
    const t94 = run(set(94, 6));
    // 94e6 < 95e6 -> breach, headroom 0
    expect(statusOf(t94, "gte", S.target, S.warnAt)).toBe("breach");
    expect(headroomOf(t94, "gte", S.target)).toBe(0);
    const t96 = run(set(96, 4));
    // 96e6 >= 96e6 -> good; 96 - 95 = 1
    expect(statusOf(t96, "gte", S.target, S.warnAt)).toBe("good");
    expect(headroomOf(t96, "gte", S.target)).toBe(1);
  });
});

describe("vtr no_data (SPEC 8.13)", () => {
  it("needs shipped_at and a tracking column", () => {
    const noShip = ALL_ORDER_COLUMNS.filter((c) => c !== "shipped_at");
    expect(run([], noShip)).toMatchObject({ numerator: null, denominator: null, reason: "missing orders column: shipped_at" });
    const noTracking = ALL_ORDER_COLUMNS.filter((c) => c !== "tracking_number" && c !== "tracking_valid");
    expect(run([], noTracking).reason).toBe("missing orders column: tracking_number or tracking_valid");
    const neither = noTracking.filter((c) => c !== "shipped_at");
    const t = run([], neither);
    expect(t.reason).toBe("missing orders columns: shipped_at, tracking_number or tracking_valid");
    expect(statusOf(t, "gte", S.target, S.warnAt)).toBe("no_data");
  });
  it("tracking_valid alone is enough", () => {
    const cols = ALL_ORDER_COLUMNS.filter((c) => c !== "tracking_number");
    const t = run([shipped("v", "2026-11-10", "2026-11-14", { trackingNumber: null })], cols);
    expect([t.numerator, t.denominator]).toEqual([1, 1]);
  });
  it("no orders input", () => {
    expect(vtr(context(D, {}), W30, "mfn")).toMatchObject({ numerator: null, denominator: null, reason: "no orders input" });
  });
});

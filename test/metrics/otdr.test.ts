import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/defaults.js";
import { otdr } from "../../src/metrics/otdr.js";
import { headroomOf, statusOf } from "../../src/metrics/status.js";
import { windowFor } from "../../src/metrics/window.js";
import type { Order } from "../../src/records.js";
import { parseDay } from "../../src/time.js";
import { ALL_ORDER_COLUMNS, at, context, order, orders } from "../helpers/records.js";

const D = "2026-11-20";
const W30 = windowFor(parseDay(D)!, 30, 0); // 2026-10-22 .. 2026-11-20
const S = defaultConfig().metrics.otdr; // target 0.97, warnAt 0.976

const run = (list: Order[], columns: string[] = ALL_ORDER_COLUMNS, asOf = D) =>
  otdr(context(asOf, { orders: orders(list, columns) }), windowFor(parseDay(asOf)!, 30, 0), "mfn");

/** A shipped MFN order with valid tracking, promised on `promised`, delivered at `delivered`. */
function sent(id: string, promised: string, delivered: string | null, extra: Partial<Order> = {}): Order {
  return order({
    orderId: id,
    purchase: at("2026-10-01"),
    shippedAt: at("2026-10-05"),
    trackingNumber: "1Z999",
    trackingValid: true,
    promisedDelivery: at(promised),
    deliveredAt: delivered === null ? null : at(delivered),
    ...extra,
  });
}

describe("otdr window on the promised delivery date", () => {
  it("first and last day in, the day before and after out", () => {
    const list = [
      sent("before", "2026-10-21", "2026-10-20"),
      sent("first", "2026-10-22", "2026-10-22T09:00"),
      sent("last", "2026-11-20", "2026-11-19"),
      sent("after", "2026-11-21", "2026-11-20"),
    ];
    const t = run(list);
    // in: first, last -> 2, both on time
    expect([t.numerator, t.denominator]).toEqual([2, 2]);
    expect(t.basis).toBe("promised delivery date");
    expect(t.offenders).toEqual([]);
  });

  it("an empty window is 0 of 0", () => {
    expect(run([sent("old", "2026-09-01", "2026-09-01")])).toMatchObject({ numerator: 0, denominator: 0, reason: null });
  });
});

describe("otdr on time by calendar day", () => {
  it("23:59 on the promised day is on time; 00:00 the next day is 1 day late; not delivered is late", () => {
    const list = [
      sent("lastMinute", "2026-11-15", "2026-11-15T23:59"),
      sent("nextDay", "2026-11-15", "2026-11-16T00:00", { source: { file: "o.txt", line: 4 } }),
      sent("three", "2026-11-14", "2026-11-17T08:00", { source: { file: "o.txt", line: 5 } }),
      sent("never", "2026-11-16", null, { source: { file: "o.txt", line: 6 } }),
      sent("early", "2026-11-16", "2026-11-12"),
    ];
    const t = run(list);
    // 5 in; on time: lastMinute, early -> 2
    expect([t.numerator, t.denominator]).toEqual([2, 5]);
    expect(t.offenders).toEqual([
      // by date: 11-14 three; 11-15 nextDay; 11-16 never
      { orderId: "three", date: "2026-11-14", reason: "delivered 3 days after the promised date", source: "o.txt:5" },
      { orderId: "nextDay", date: "2026-11-15", reason: "delivered 1 day after the promised date", source: "o.txt:4" },
      { orderId: "never", date: "2026-11-16", reason: "not delivered by the promised date", source: "o.txt:6" },
    ]);
  });

  it("compares the stamps' calendar days (report zone), not UTC instants", () => {
    // delivered 2026-11-16 03:00 UTC, which the reader placed on 11-15 (e.g. Los Angeles, 19:00)
    const ms = Date.parse("2026-11-16T03:00:00Z");
    const day = parseDay("2026-11-15")!;
    const t = run([sent("la", "2026-11-15", null, { deliveredAt: { ms, day } })]);
    // delivered day 11-15 <= promised day 11-15 -> on time: 1 of 1
    expect([t.numerator, t.denominator]).toEqual([1, 1]);
  });

  it("replay: a delivery after D has not happened yet", () => {
    const o = sent("r", "2026-11-19", "2026-11-21T10:00");
    const t = run([o]);
    // as of 11-20: not delivered -> 0 of 1
    expect([t.numerator, t.denominator]).toEqual([0, 1]);
    expect(t.offenders.map((x) => x.reason)).toEqual(["not delivered by the promised date"]);
    const next = run([o], ALL_ORDER_COLUMNS, "2026-11-21");
    // as of 11-21: delivered 11-21, promised 11-19 -> 2 days late, still 0 of 1
    expect(next.offenders.map((x) => x.reason)).toEqual(["delivered 2 days after the promised date"]);
  });
});

describe("otdr who counts", () => {
  it("needs shipped with valid tracking; ignores tracking_exempt; keeps cancelled-but-shipped", () => {
    const list = [
      sent("ok", "2026-11-10", "2026-11-09"),
      sent("exemptValid", "2026-11-10", "2026-11-09", { trackingExempt: true }), // counted: otdr ignores exempt
      sent("exemptNone", "2026-11-10", "2026-11-09", { trackingExempt: true, trackingNumber: null, trackingValid: false }),
      sent("invalid", "2026-11-10", "2026-11-09", { trackingValid: false }),
      sent("cancelled", "2026-11-10", null, { cancelled: true, cancelledBy: "buyer" }),
      sent("unshipped", "2026-11-10", null, { shippedAt: null }),
      sent("shippedAfterD", "2026-11-10", null, { shippedAt: at("2026-11-21") }),
      sent("pending", "2026-11-10", "2026-11-09", { pending: true, status: "pending" }),
      sent("afn", "2026-11-10", "2026-11-09", { channel: "afn" }),
    ];
    const t = run(list);
    // in: ok, exemptValid, cancelled -> 3; on time: ok, exemptValid -> 2
    expect([t.numerator, t.denominator]).toEqual([2, 3]);
    expect(t.offenders.map((o) => o.orderId)).toEqual(["cancelled"]);
  });

  it("without tracking_valid, valid tracking is a non-empty tracking number", () => {
    const cols = ALL_ORDER_COLUMNS.filter((c) => c !== "tracking_valid");
    const list = [
      sent("num", "2026-11-10", "2026-11-09", { trackingValid: null }),
      sent("none", "2026-11-10", "2026-11-09", { trackingNumber: "", trackingValid: null }),
    ];
    // in: num only -> 1 of 1
    expect(run(list, cols)).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe("otdr exact at the target (>= 97%)", () => {
  const set = (good: number, bad: number) => [
    ...Array.from({ length: good }, (_, i) => sent(`g${i}`, "2026-11-10", "2026-11-10")),
    ...Array.from({ length: bad }, (_, i) => sent(`b${i}`, "2026-11-10", "2026-11-11")),
  ];
  it("97 of 100 is at_risk with headroom 0; 96 of 100 breaches", () => {
    const t = run(set(97, 3));
    // 97e6 >= 970,000 x 100 = 97e6 -> no breach; 97e6 < 976,000 x 100 = 97.6e6 -> at_risk; 97 - 97 = 0
    expect([t.numerator, t.denominator]).toEqual([97, 100]);
    expect(statusOf(t, "gte", S.target, S.warnAt)).toBe("at_risk");
    expect(headroomOf(t, "gte", S.target)).toBe(0);
    const t96 = run(set(96, 4));
    // 96e6 < 97e6 -> breach
    expect(statusOf(t96, "gte", S.target, S.warnAt)).toBe("breach");
    expect(headroomOf(t96, "gte", S.target)).toBe(0);
  });
  it("123 of 125 is good with headroom 1", () => {
    const t = run(set(123, 2));
    // 123e6 >= 976,000 x 125 = 122e6 -> good; smallest m with m x 1e6 >= 970,000 x 125 = 121.25e6 is 122
    // headroom 123 - 122 = 1
    expect(statusOf(t, "gte", S.target, S.warnAt)).toBe("good");
    expect(headroomOf(t, "gte", S.target)).toBe(1);
  });
});

describe("otdr no_data (SPEC 8.13)", () => {
  const without = (...drop: string[]) => ALL_ORDER_COLUMNS.filter((c) => !drop.includes(c));
  it("needs promised_delivery_date, delivered_at, shipped_at and tracking", () => {
    expect(run([], without("promised_delivery_date"))).toMatchObject({
      numerator: null,
      denominator: null,
      reason: "missing orders column: promised_delivery_date",
    });
    expect(run([], without("delivered_at")).reason).toBe("missing orders column: delivered_at");
    expect(run([], without("shipped_at")).reason).toBe("missing orders column: shipped_at");
    expect(run([], without("tracking_number", "tracking_valid")).reason).toBe(
      "missing orders column: tracking_number or tracking_valid",
    );
    const t = run([], without("promised_delivery_date", "delivered_at"));
    expect(t.reason).toBe("missing orders columns: promised_delivery_date, delivered_at");
    expect(statusOf(t, "gte", S.target, S.warnAt)).toBe("no_data");
  });
  it("no orders input", () => {
    expect(otdr(context(D, {}), W30, "mfn")).toMatchObject({ numerator: null, denominator: null, reason: "no orders input" });
  });
});

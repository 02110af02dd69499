import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/defaults.js";
import { NO_INITIATOR_NOTE, pfcr } from "../../src/metrics/pfcr.js";
import { headroomOf, statusOf } from "../../src/metrics/status.js";
import { windowFor } from "../../src/metrics/window.js";
import type { Order } from "../../src/records.js";
import { parseDay } from "../../src/time.js";
import { ALL_ORDER_COLUMNS, at, context, order, orders } from "../helpers/records.js";

const D = "2026-11-20";
const asOf = parseDay(D)!;
const W7 = windowFor(asOf, 7, 0); // 2026-11-14 .. 2026-11-20
const S = defaultConfig().metrics.pfcr; // target 0.025, warnAt 0.02

const run = (list: Order[], columns: string[] = ALL_ORDER_COLUMNS) =>
  pfcr(context(D, { orders: orders(list, columns) }), W7, "mfn");

/** n plain MFN orders purchased on D, ids `${prefix}1..n`. */
function many(n: number, prefix: string, extra: Partial<Order> = {}): Order[] {
  return Array.from({ length: n }, (_, i) => order({ orderId: `${prefix}${i + 1}`, purchase: at(D), ...extra }));
}

describe("pfcr window W(7, 0) on purchase date", () => {
  it("takes the first and last day, not the day before or after", () => {
    const list = [
      order({ orderId: "before", purchase: at("2026-11-13T12:00"), cancelled: true, cancelledBy: "seller" }),
      order({ orderId: "first", purchase: at("2026-11-14T00:00"), cancelled: true, cancelledBy: "seller" }),
      order({ orderId: "last", purchase: at("2026-11-20T23:59"), cancelled: true, cancelledBy: "seller" }),
      order({ orderId: "after", purchase: at("2026-11-21T00:00"), cancelled: true, cancelledBy: "seller" }),
    ];
    const t = run(list);
    // in: first (11-14) and last (11-20) -> 2 orders, both cancelled by the seller
    expect(t.denominator).toBe(2);
    expect(t.numerator).toBe(2);
    expect(t.offenders.map((o) => o.orderId)).toEqual(["first", "last"]);
    expect(t.basis).toBe("purchase date");
  });

  it("an empty window is 0 of 0 (no_data by status, no reason)", () => {
    const t = run([order({ orderId: "old", purchase: at("2026-10-01") })]);
    expect(t.numerator).toBe(0);
    expect(t.denominator).toBe(0);
    expect(t.reason).toBeNull();
    expect(statusOf(t, "lt", S.target, S.warnAt)).toBe("no_data");
  });
});

describe("pfcr counting", () => {
  it("counts seller, amazon and unknown cancellations with their reasons, not buyer ones", () => {
    const list = [
      order({ orderId: "S", purchase: at("2026-11-15"), cancelled: true, cancelledBy: "seller", source: { file: "o.txt", line: 2 } }),
      order({ orderId: "A", purchase: at("2026-11-16"), cancelled: true, cancelledBy: "amazon", source: { file: "o.txt", line: 3 } }),
      order({ orderId: "U", purchase: at("2026-11-16"), cancelled: true, cancelledBy: "unknown", source: { file: "o.txt", line: 4 } }),
      order({ orderId: "N", purchase: at("2026-11-17"), cancelled: true, cancelledBy: null, source: { file: "o.txt", line: 5 } }),
      order({ orderId: "B", purchase: at("2026-11-17"), cancelled: true, cancelledBy: "buyer" }),
      order({ orderId: "ok", purchase: at("2026-11-18") }),
    ];
    const t = run(list);
    // denominator: all 6 (buyer-cancelled stays in); numerator: S, A, U, N = 4
    expect(t.denominator).toBe(6);
    expect(t.numerator).toBe(4);
    // sorted by date then id: 11-15 S; 11-16 A, U; 11-17 N
    expect(t.offenders).toEqual([
      { orderId: "S", date: "2026-11-15", reason: "cancelled by the seller", source: "o.txt:2" },
      { orderId: "A", date: "2026-11-16", reason: "cancelled by Amazon", source: "o.txt:3" },
      { orderId: "U", date: "2026-11-16", reason: "cancelled (initiator unknown)", source: "o.txt:4" },
      { orderId: "N", date: "2026-11-17", reason: "cancelled (initiator unknown)", source: "o.txt:5" },
    ]);
    expect(t.notes).toEqual([]);
  });

  it("a multi-item order with one cancelled item counts once", () => {
    // the reader merged 3 item rows into one order, one of them cancelled
    const list = [
      order({ orderId: "multi", purchase: at("2026-11-19"), rows: 3, cancelled: true, cancelledBy: "seller" }),
      order({ orderId: "single", purchase: at("2026-11-19") }),
    ];
    const t = run(list);
    // 1 cancelled order of 2 orders (not 3 items)
    expect(t.numerator).toBe(1);
    expect(t.denominator).toBe(2);
  });

  it("leaves pending orders and AFN orders out", () => {
    const list = [
      order({ orderId: "p", purchase: at("2026-11-19"), pending: true, status: "pending", cancelled: true }),
      order({ orderId: "afn", purchase: at("2026-11-19"), channel: "afn", cancelled: true, cancelledBy: "seller" }),
      order({ orderId: "m", purchase: at("2026-11-19") }),
    ];
    const t = run(list);
    // only "m" counts: 0 of 1
    expect(t.numerator).toBe(0);
    expect(t.denominator).toBe(1);
  });

  it("without a cancelled_by column every cancellation counts, and a note says so", () => {
    const cols = ALL_ORDER_COLUMNS.filter((c) => c !== "cancelled_by");
    // what the reader gives without the column: cancelledBy null, even for a buyer's request
    const list = [
      order({ orderId: "c1", purchase: at("2026-11-19"), cancelled: true, cancelledBy: null }),
      order({ orderId: "c2", purchase: at("2026-11-19"), cancelled: true, cancelledBy: null }),
      order({ orderId: "ok", purchase: at("2026-11-19") }),
    ];
    const t = run(list, cols);
    // 2 cancellations of 3 orders
    expect(t.numerator).toBe(2);
    expect(t.denominator).toBe(3);
    expect(t.notes).toEqual([NO_INITIATOR_NOTE]);
    expect(NO_INITIATOR_NOTE).toMatch(/every cancellation counts/);
  });
});

describe("pfcr exact at the target (< 2.5%)", () => {
  it("1 cancelled of 40 = 2.5% is a breach with headroom 0", () => {
    const list = [...many(39, "g"), order({ orderId: "c", purchase: at(D), cancelled: true, cancelledBy: "seller" })];
    const t = run(list);
    // 1 x 1e6 = 1,000,000 vs 25,000 x 40 = 1,000,000: equal -> breach
    expect([t.numerator, t.denominator]).toEqual([1, 40]);
    expect(statusOf(t, "lt", S.target, S.warnAt)).toBe("breach");
    expect(headroomOf(t, "lt", S.target)).toBe(0);
  });

  it("1 cancelled of 41 is at_risk with headroom 0; 1 of 51 is good", () => {
    const c = () => order({ orderId: "c", purchase: at(D), cancelled: true, cancelledBy: "amazon" });
    const t41 = run([...many(40, "g"), c()]);
    // 1/41 = 2.44%: 1e6 < 25,000 x 41 = 1,025,000 (no breach); 1e6 >= 20,000 x 41 = 820,000 -> at_risk
    // headroom: largest m with m x 1e6 < 1,025,000 is 1 -> 1 - 1 = 0
    expect(statusOf(t41, "lt", S.target, S.warnAt)).toBe("at_risk");
    expect(headroomOf(t41, "lt", S.target)).toBe(0);
    const t51 = run([...many(50, "g"), c()]);
    // 1/51: 1e6 < 20,000 x 51 = 1,020,000 -> good; 25,000 x 51 = 1,275,000 -> m = 1, headroom 0
    expect(statusOf(t51, "lt", S.target, S.warnAt)).toBe("good");
    expect(headroomOf(t51, "lt", S.target)).toBe(0);
  });
});

describe("pfcr no_data (SPEC 8.13)", () => {
  it("needs order_status or item_status", () => {
    const cols = ALL_ORDER_COLUMNS.filter((c) => c !== "order_status" && c !== "item_status");
    const t = run([order({ orderId: "x", purchase: at(D) })], cols);
    expect(t.numerator).toBeNull();
    expect(t.denominator).toBeNull();
    expect(t.reason).toBe("missing orders column: order_status or item_status");
    expect(statusOf(t, "lt", S.target, S.warnAt)).toBe("no_data");
  });

  it("item_status alone is enough", () => {
    const t = run([order({ orderId: "x", purchase: at(D) })], ["order_id", "purchase_date", "fulfillment_channel", "item_status"]);
    // 0 of 1; and no cancelled_by column -> the note
    expect([t.numerator, t.denominator]).toEqual([0, 1]);
    expect(t.notes).toEqual([NO_INITIATOR_NOTE]);
  });

  it("no orders input at all", () => {
    const t = pfcr(context(D, {}), W7, "mfn");
    expect(t).toMatchObject({ numerator: null, denominator: null, reason: "no orders input", basis: "purchase date" });
  });
});

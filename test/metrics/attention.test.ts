import { describe, expect, it } from "vitest";
import { attentionOf } from "../../src/metrics/attention.js";
import { lsr } from "../../src/metrics/lsr.js";
import { windowFor } from "../../src/metrics/window.js";
import { context, endOf, at, order, orders } from "../helpers/records.js";

// D = 2026-11-20, end of D = 2026-11-20T23:59:59.999Z.
const attentionOrders = [
  order({ orderId: "A", purchase: at("2026-11-15"), latestShip: endOf("2026-11-18") }),
  order({ orderId: "B", purchase: at("2026-11-18"), latestShip: endOf("2026-11-20") }),
  order({ orderId: "C", purchase: at("2026-11-18"), latestShip: at("2026-11-20T10:00") }),
  order({ orderId: "D", purchase: at("2026-11-15"), latestShip: endOf("2026-11-18"), shippedAt: at("2026-11-19T09:00") }),
  // Shipped after D: unshipped as of D (SPEC 8.1).
  order({ orderId: "E", purchase: at("2026-11-15"), latestShip: endOf("2026-11-19"), shippedAt: at("2026-11-21T09:00") }),
  order({ orderId: "F", purchase: at("2026-11-15"), latestShip: endOf("2026-11-18"), cancelled: true }),
  order({ orderId: "G", purchase: at("2026-11-15"), latestShip: endOf("2026-11-18"), pending: true }),
  order({ orderId: "H", purchase: at("2026-11-15"), latestShip: endOf("2026-11-18"), channel: "afn" }),
  order({ orderId: "I", purchase: at("2026-11-19"), latestShip: endOf("2026-11-21") }),
  order({ orderId: "J", purchase: at("2026-11-21"), latestShip: endOf("2026-11-20") }),
  // A year old and never shipped: still overdue (not only a window).
  order({ orderId: "K", purchase: at("2025-11-01"), latestShip: endOf("2025-11-03") }),
];

describe("attention: overdue and due today (SPEC 8.5, over all orders)", () => {
  const list = attentionOrders;

  it("lists overdue by latest ship time, then due today", () => {
    const a = attentionOf(context("2026-11-20", { orders: orders(list) }));
    expect(a.overdue.map((o) => o.orderId)).toEqual(["K", "A", "E", "C"]);
    // A: due end of 11-18, end of D is exactly 2 days later -> "2 days" (calendar days 20 - 18).
    expect(a.overdue[1]).toMatchObject({
      date: "2026-11-18",
      reason: "ship by 2026-11-18: 2 days overdue",
    });
    expect(a.overdue[1]?.source).toMatch(/^orders\.txt:\d+$/);
    // C: due 10:00 on D; end of D is 13 h 59 min 59.999 s later -> floor = 13 hours.
    expect(a.overdue[3]?.reason).toBe("ship by 2026-11-20: 13 hours overdue");
    // B: ship-by date D without a time means the end of D: not before the end of D, so due today.
    expect(a.dueToday).toEqual([{ orderId: "B", date: "2026-11-20", reason: "ship by 2026-11-20", source: list[1]!.source.file + ":" + list[1]!.source.line }]);
  });

  it("is empty without a latest_ship_date column or without orders", () => {
    expect(attentionOf(context("2026-11-20", { orders: orders(list, ["order_id", "purchase_date"]) }))).toEqual({ overdue: [], dueToday: [] });
    expect(attentionOf(context("2026-11-20", {}))).toEqual({ overdue: [], dueToday: [] });
  });
});


describe("attention and lsr share the overdue rule", () => {
  // D = 2026-11-20. lsr's 30-day window W(30, 0) = 10-22..11-20: A, C, E (due 11-18, 11-20 10:00,
  // 11-19) are overdue in both; K (due 2025-11-03) is outside lsr's window, so only attention
  // lists it; B (due the end of D) is overdue in neither.
  it("every order lsr lists as overdue is overdue in the attention list, with the same date", () => {
    const ctx = context("2026-11-20", { orders: orders(attentionOrders) });
    const fromLsr = lsr(ctx, windowFor(ctx.asOf, 30, 0), "mfn").overdue ?? [];
    expect(fromLsr.map((o) => o.orderId).sort()).toEqual(["A", "C", "E"]);
    const listed = new Map(attentionOf(ctx).overdue.map((o) => [o.orderId, o.date]));
    for (const o of fromLsr) expect(listed.get(o.orderId)).toBe(o.date);
    expect([...listed.keys()].sort()).toEqual(["A", "C", "E", "K"]);
  });
});

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import type { CancelledBy, Stamp } from "../../src/records.js";
import {
  blankJoinRow,
  Joiner,
  KNOWN,
  UNKNOWN,
  type JoinRow,
  type JoinTarget,
  type StampField,
  type TextField,
} from "../../src/inputs/join.js";

const DAY = 86_400_000;
// 2026-05-05 is day 20578: 2026-01-01 is day 20454 (56 years * 365 + 14 leap days = 20454),
// plus 31 + 28 + 31 + 30 (Jan-Apr) + 4 = 124.
const MAY = (d: number) => 20573 + d;
const at = (day: number, hours = 0): Stamp => ({ ms: day * DAY + hours * 3_600_000, day });

interface Fields {
  latest_ship_date: Stamp | null;
  promised_delivery_date: Stamp | null;
  shipped_at: Stamp | null;
  sales_channel: string | null;
  tracking_number: string | null;
  carrier: string | null;
  cancelled_by: CancelledBy | null;
}
const none = (): Fields => ({
  latest_ship_date: null,
  promised_delivery_date: null,
  shipped_at: null,
  sales_channel: null,
  tracking_number: null,
  carrier: null,
  cancelled_by: null,
});

/** A plain JoinTarget: orders by id, `old` ids read but not kept. */
function target(orders: Record<string, Partial<Fields>>, old: string[] = []) {
  const ids = Object.keys(orders);
  const rows: Fields[] = ids.map((id) => ({ ...none(), ...orders[id] }));
  const t: JoinTarget = {
    find: (id) => (ids.includes(id) ? ids.indexOf(id) : old.includes(id) ? KNOWN : UNKNOWN),
    size: () => ids.length,
    stamp: (i, f: StampField) => rows[i]![f],
    setStamp: (i, f: StampField, v) => {
      rows[i]![f] = v;
    },
    text: (i, f: TextField) => rows[i]![f],
    setText: (i, f: TextField, v) => {
      rows[i]![f] = v;
    },
    cancelledBy: (i) => rows[i]!.cancelled_by,
    setCancelledBy: (i, v) => {
      rows[i]!.cancelled_by = v;
    },
  };
  const get = (id: string) => rows[ids.indexOf(id)]!;
  return { t, get, idOf: (i: number) => ids[i]! };
}

const row = (orderId: string, r: Partial<JoinRow>): JoinRow => ({ ...blankJoinRow(), orderId, ...r });

describe("the join of SPEC 9.1 (fields onto the orders by order id)", () => {
  it("fills what the orders lack from the order report, leaves what they have", () => {
    // All Orders has no ship-by or delivery columns (samples/all-orders-multi.txt); the order
    // report (samples/order-report.txt) gives latest-ship-date 2026-05-06T06:59:59Z and
    // latest-delivery-date 2026-05-13T06:59:59Z for 111-4827361-5520917.
    const { t, get, idOf } = target({ "111-4827361-5520917": {}, "702-6619302-4471428": { latest_ship_date: at(MAY(8), 6) } });
    const j = new Joiner(t, "orders");
    const report = j.input("order-report", false);
    report.add(row("111-4827361-5520917", { latestShip: at(MAY(6), 6), promisedDelivery: at(MAY(13), 6), salesChannel: "Amazon.com" }));
    report.add(row("702-6619302-4471428", { latestShip: at(MAY(8), 6), cancelledBy: "unknown" }));
    const s = j.finish(idOf);
    expect(get("111-4827361-5520917").latest_ship_date).toEqual(at(MAY(6), 6));
    expect(get("111-4827361-5520917").promised_delivery_date).toEqual(at(MAY(13), 6));
    expect(get("111-4827361-5520917").sales_channel).toBe("Amazon.com");
    expect(get("702-6619302-4471428").cancelled_by).toBe("unknown");
    // The same value in both sources is no conflict.
    expect(s.conflicts).toEqual([]);
    expect(s.inputs).toEqual([{ label: "order-report", rows: 2, unmatched: 0, unmatchedIds: [], excluded: 0 }]);
  });

  it("counts unmatched rows per input and keeps a few distinct ids; an order read but not kept is matched", () => {
    const { t, idOf } = target({ A: {} }, ["OLD"]);
    const j = new Joiner(t, "orders");
    const ship = j.input("shipments", true);
    // 6 rows: A (matched), OLD (matched, not kept), X twice, Y, Z, W -> unmatched 5, ids X, Y, Z.
    for (const id of ["A", "OLD", "X", "X", "Y", "Z", "W"]) ship.add(row(id, { shippedAt: at(MAY(5)) }));
    const s = j.finish(idOf);
    expect(s.inputs[0]).toEqual({ label: "shipments", rows: 7, unmatched: 5, unmatchedIds: ["X", "Y", "Z"], excluded: 0 });
  });

  it("a row naming an order of no marketplace (SPEC 9.3: MCF) is counted as excluded and changes nothing", () => {
    const { t, get, idOf } = target({ "S01-4415570-2209813": {}, A: {} });
    const excludedTarget = { ...t, excluded: (i: number) => idOf(i).startsWith("S01-") };
    const j = new Joiner(excludedTarget, "orders");
    const ship = j.input("shipments", true);
    // 3 rows: the MCF order twice (excluded 2), A once (applied).
    ship.add(row("S01-4415570-2209813", { shippedAt: at(MAY(5)), trackingNumber: "1Z" }));
    ship.add(row("S01-4415570-2209813", { shippedAt: at(MAY(6)), trackingNumber: "1Z" }));
    ship.add(row("A", { shippedAt: at(MAY(7)), trackingNumber: "94" }));
    const s = j.finish(idOf);
    expect(s.inputs[0]).toEqual({ label: "shipments", rows: 3, unmatched: 0, unmatchedIds: [], excluded: 2 });
    expect(get("S01-4415570-2209813").shipped_at).toBeNull();
    expect(get("A").shipped_at).toEqual(at(MAY(7)));
  });

  it("a field from the orders input wins; a joined source that disagrees is a conflict, counted once per order", () => {
    const { t, get, idOf } = target({
      A: { latest_ship_date: at(MAY(6)) },
      B: { latest_ship_date: at(MAY(6)) },
      C: {},
    });
    const j = new Joiner(t, "orders");
    const report = j.input("order-report", false);
    // A differs (twice: two item rows, still one order), B agrees, C is filled: 1 order affected.
    report.add(row("A", { latestShip: at(MAY(7)) }));
    report.add(row("A", { latestShip: at(MAY(8)) }));
    report.add(row("B", { latestShip: at(MAY(6)) }));
    report.add(row("C", { latestShip: at(MAY(9)) }));
    const s = j.finish(idOf);
    expect(get("A").latest_ship_date).toEqual(at(MAY(6)));
    expect(get("C").latest_ship_date).toEqual(at(MAY(9)));
    expect(s.conflicts).toEqual([
      { field: "latest_ship_date", orders: 1, example: { orderId: "A", used: "orders", other: "order-report" } },
    ]);
  });

  it("two joined sources: the first added wins, the second disagreeing is counted; rows of one source are not", () => {
    const { t, get, idOf } = target({ A: {}, B: {}, C: {} });
    const j = new Joiner(t, "orders");
    const report = j.input("order-report", false);
    const unshipped = j.input("unshipped", false);
    // A: the report's second item row disagrees with its first: first row wins, no conflict.
    report.add(row("A", { promisedDelivery: at(MAY(13)) }));
    report.add(row("A", { promisedDelivery: at(MAY(14)) }));
    // B: report says 05-20, unshipped says 05-21: conflict, report's used. C: only unshipped.
    report.add(row("B", { promisedDelivery: at(MAY(20)) }));
    unshipped.add(row("B", { promisedDelivery: at(MAY(21)) }));
    unshipped.add(row("C", { promisedDelivery: at(MAY(27)) }));
    const s = j.finish(idOf);
    expect(get("A").promised_delivery_date).toEqual(at(MAY(13)));
    expect(get("B").promised_delivery_date).toEqual(at(MAY(20)));
    expect(get("C").promised_delivery_date).toEqual(at(MAY(27)));
    expect(s.conflicts).toEqual([
      { field: "promised_delivery_date", orders: 1, example: { orderId: "B", used: "order-report", other: "unshipped" } },
    ]);
  });

  it("shipments: the latest ship date of an order's rows, tracking only when every row has one, carrier from the first", () => {
    const { t, get, idOf } = target({ A: {}, B: {}, C: {} });
    const j = new Joiner(t, "orders");
    const ship = j.input("shipments", true);
    // A: two packages, 05-08 then 05-05 -> shipped 05-08; both tracked -> the first number.
    ship.add(row("A", { shippedAt: at(MAY(8)), trackingNumber: "T1", carrier: "Veho" }));
    ship.add(row("A", { shippedAt: at(MAY(5)), trackingNumber: "T2", carrier: "USPS" }));
    // B: the second package has no tracking number -> no tracking (vtr: not valid).
    ship.add(row("B", { shippedAt: at(MAY(5)), trackingNumber: "T3" }));
    ship.add(row("B", { shippedAt: at(MAY(6)) }));
    // C: one row, untracked.
    ship.add(row("C", { shippedAt: at(MAY(7)) }));
    const s = j.finish(idOf);
    expect(get("A")).toMatchObject({ shipped_at: at(MAY(8)), tracking_number: "T1", carrier: "Veho" });
    expect(get("B")).toMatchObject({ shipped_at: at(MAY(6)), tracking_number: null });
    expect(get("C")).toMatchObject({ shipped_at: at(MAY(7)), tracking_number: null });
    expect(s.conflicts).toEqual([]);
  });

  it("shipments against the orders input: compared on the latest date once every row is in", () => {
    const { t, get, idOf } = target({
      A: { shipped_at: at(MAY(8)), tracking_number: "T1" },
      B: { shipped_at: at(MAY(5)), tracking_number: "T3" },
    });
    const j = new Joiner(t, "orders");
    const ship = j.input("ship-confirm.txt", true);
    // A: rows 05-05 and 05-08; the latest equals the orders' 05-08: no conflict (a row-by-row
    // comparison would have called 05-05 one). Its tracking stays the orders' even though the
    // second row has none.
    ship.add(row("A", { shippedAt: at(MAY(5)), trackingNumber: "T1" }));
    ship.add(row("A", { shippedAt: at(MAY(8)) }));
    // B: 05-06 against the orders' 05-05, and another tracking number: two conflicts.
    ship.add(row("B", { shippedAt: at(MAY(6)), trackingNumber: "T9" }));
    const s = j.finish(idOf);
    expect(get("A")).toMatchObject({ shipped_at: at(MAY(8)), tracking_number: "T1" });
    expect(get("B")).toMatchObject({ shipped_at: at(MAY(5)), tracking_number: "T3" });
    expect(s.conflicts).toEqual([
      { field: "shipped_at", orders: 1, example: { orderId: "B", used: "orders", other: "ship-confirm.txt" } },
      { field: "tracking_number", orders: 1, example: { orderId: "B", used: "orders", other: "ship-confirm.txt" } },
    ]);
  });

  it("property: the joined ship date is the maximum of the rows, whatever their order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 }), (days) => {
        const { t, get, idOf } = target({ A: {} });
        const j = new Joiner(t, "orders");
        const ship = j.input("shipments", true);
        for (const d of days) ship.add(row("A", { shippedAt: at(MAY(d)), trackingNumber: `T${d}` }));
        j.finish(idOf);
        expect(get("A").shipped_at).toEqual(at(MAY(Math.max(...days))));
        expect(get("A").tracking_number).toBe(`T${days[0]}`);
      }),
    );
  });

  it("property: the unmatched rows plus the matched ones are the rows", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("A", "B", "C", "X", "Y"), { maxLength: 30 }), (ids) => {
        const { t, idOf } = target({ A: {}, B: {}, C: {} });
        const j = new Joiner(t, "orders");
        const input = j.input("order-report", false);
        for (const id of ids) input.add(row(id, { latestShip: at(MAY(1)) }));
        const s = j.finish(idOf);
        expect(s.inputs[0]!.rows).toBe(ids.length);
        expect(s.inputs[0]!.unmatched).toBe(ids.filter((id) => id === "X" || id === "Y").length);
      }),
    );
  });
});

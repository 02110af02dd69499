/**
 * The join's two ways of matching a row to an order (join.ts): by the order id's string
 * (JoinTarget.find) and by the id cell read in place (JoinTarget.findAt: a hash of the cell,
 * compared in place, and the previous row's result reused for a row of the same order), and a
 * shipment's tracking number as a string or in place (JoinTarget.trackingAt, compared with the
 * store's bytes). They must agree on every count and every value written. And joined rows of an MCF order dropped as
 * too old (SPEC 9.3) are `excluded`, as those of a kept MCF order are.
 */
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { blankJoinRow, Joiner, type JoinRow } from "../../src/inputs/join.js";
import { OrderMerger } from "../../src/inputs/orders/merge.js";
import { blankOrderRow, type OrderRow } from "../../src/inputs/orders/reader.js";

const DAY = 86_400_000;
const D0 = 20_600;
const names = { purchase: "purchase_date", channel: "fulfillment_channel" };
const stamp = (day: number, h = 0) => ({ ms: day * DAY + h * 3_600_000, day });

function orderRow(orderId: string, o: Partial<OrderRow> = {}): OrderRow {
  return { ...blankOrderRow(), orderId, purchase: stamp(D0, 1), channel: "mfn", status: "shipped", ...o };
}

interface Joined {
  id: string;
  ship: number | null;
  tracking: string | null;
  latest: number | null;
}

/** The orders (ids `kept`, some dropped as too old: `old`), and a join of `rows` onto them. */
function run(kept: string[], old: string[], rows: Joined[], inPlace: boolean) {
  const m = new OrderMerger({ joins: true, keepFromDay: D0 - 10 });
  let h = 1;
  for (const id of kept) m.add(orderRow(id, { trackingNumber: id.endsWith("0") ? "T" + id : null }), h++, "o.txt", h, names);
  for (const id of old) m.add(orderRow(id, { purchase: stamp(D0 - 30) }), h++, "o.txt", h, names);
  const { target, orderIdOf } = m.joinTarget();
  const j = new Joiner(target, "orders");
  const report = j.input("order-report", false);
  const ships = j.input("shipments", true);
  const r = blankJoinRow();
  for (const x of rows) {
    // In place: the id and the tracking number inside a longer text, as a TSV line holds them
    // (other cells around them; an empty tracking cell is no tracking number).
    const tracking = x.tracking ?? "";
    const text = `x\t${x.id}\t${tracking}\ty`;
    const set = (row: JoinRow) => {
      if (inPlace) {
        row.orderId = "";
        row.idText = text;
        row.idStart = 2;
        row.idEnd = 2 + x.id.length;
      } else {
        row.orderId = x.id;
        row.idText = null;
      }
    };
    set(r);
    r.latestShip = x.latest === null ? null : stamp(D0 + x.latest);
    r.shippedAt = null;
    r.trackingNumber = null;
    r.trackingText = null;
    report.add(r);
    set(r);
    r.latestShip = null;
    r.shippedAt = x.ship === null ? null : stamp(D0 + 1, x.ship);
    if (inPlace) {
      r.trackingNumber = null;
      r.trackingText = text;
      r.trackingStart = 3 + x.id.length;
      r.trackingEnd = r.trackingStart + tracking.length;
    } else {
      r.trackingNumber = x.tracking;
      r.trackingText = null;
    }
    ships.add(r);
  }
  const summary = j.finish(orderIdOf);
  const orders = m.finish().map((o) => [o.orderId, o.latestShip?.ms ?? null, o.shippedAt?.ms ?? null, o.trackingNumber]);
  return { summary, orders };
}

describe("the join matches a row by its id cell in place as by its id string", () => {
  it("gives the same counts, samples, conflicts and values (ids one character apart, repeated rows)", () => {
    // Ids from a tiny alphabet, so that many differ in one character only, and rows that repeat
    // an order (consecutively and not), ids of orders dropped as too old, and ids of none.
    const id = fc.string({ unit: fc.constantFrom("1", "2", "-"), minLength: 1, maxLength: 4 }).map((s) => "11" + s);
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { maxLength: 12 }),
        fc.array(
          fc.record({
            pick: fc.nat(40),
            stranger: id,
            ship: fc.option(fc.integer({ min: 0, max: 23 })),
            tracking: fc.option(fc.constantFrom("T1", "T2", "T10", "T1x")),
            latest: fc.option(fc.integer({ min: 0, max: 2 })),
            repeat: fc.nat(2),
          }),
          { maxLength: 40 },
        ),
        (ids, picks) => {
          const split = Math.floor(ids.length / 3);
          const old = ids.slice(0, split);
          const kept = ids.slice(split);
          const rows: Joined[] = [];
          for (const p of picks) {
            const x = { id: p.pick < 30 && ids.length > 0 ? ids[p.pick % ids.length]! : p.stranger, ship: p.ship, tracking: p.tracking, latest: p.latest };
            for (let k = 0; k <= p.repeat; k++) rows.push(x);
          }
          const a = run(kept, old, rows, false);
          const b = run(kept, old, rows, true);
          expect(b.summary).toEqual(a.summary);
          expect(b.orders).toEqual(a.orders);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("tells ids one character apart: 111-1 matches, 111-2 and 111-10 are unmatched", () => {
    // Orders 111-1 and 111-3. Rows: 111-1 (matched), 111-2, 111-10, 111-2 again (3 unmatched, 2 ids).
    const rows = ["111-1", "111-2", "111-10", "111-2"].map((id) => ({ id, ship: 5, tracking: "T", latest: null }));
    for (const inPlace of [false, true]) {
      const { summary } = run(["111-1", "111-3"], [], rows, inPlace);
      expect(summary.inputs[1]).toEqual({ label: "shipments", rows: 4, unmatched: 3, unmatchedIds: ["111-2", "111-10"], excluded: 0 });
    }
  });
});

describe("joined rows of an MCF order dropped as too old (SPEC 9.3)", () => {
  it("are counted as excluded, not as matched or unmatched", () => {
    // keepFromDay D0 - 10. Orders: A (kept, Amazon.com), S01-1 (kept, Non-Amazon),
    // S01-2 (purchased D0 - 30: dropped, Non-Amazon), B (D0 - 30: dropped, Amazon.com).
    // Ship-confirm rows: A, S01-1, S01-2, S01-2, B, Z.
    // -> excluded 3 (S01-1 once, S01-2 twice), unmatched 1 (Z), B read but not kept: matched.
    const m = new OrderMerger({ joins: true, keepFromDay: D0 - 10 });
    m.add(orderRow("A", { salesChannel: "Amazon.com" }), 1, "o.txt", 2, names);
    m.add(orderRow("S01-1", { salesChannel: "Non-Amazon" }), 2, "o.txt", 3, names);
    m.add(orderRow("S01-2", { salesChannel: "Non-Amazon", purchase: stamp(D0 - 30) }), 3, "o.txt", 4, names);
    m.add(orderRow("B", { salesChannel: "Amazon.com", purchase: stamp(D0 - 30) }), 4, "o.txt", 5, names);
    const { target, orderIdOf } = m.joinTarget();
    for (const inPlace of [false, true]) {
      const j = new Joiner(target, "orders");
      const ships = j.input("shipments", true);
      for (const id of ["A", "S01-1", "S01-2", "S01-2", "B", "Z"]) {
        const r = blankJoinRow();
        if (inPlace) {
          r.idText = `\t${id}`;
          r.idStart = 1;
          r.idEnd = 1 + id.length;
        } else r.orderId = id;
        r.shippedAt = stamp(D0 + 1);
        ships.add(r);
      }
      expect(j.finish(orderIdOf).inputs[0]).toEqual({ label: "shipments", rows: 6, unmatched: 1, unmatchedIds: ["Z"], excluded: 3 });
    }
  });
});

import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/defaults.js";
import { buildReport } from "../../src/report/build.js";
import { at, endOf, order, orders } from "../helpers/records.js";
import { day } from "./fakes.js";

describe("buildReport with the real metric modules", () => {
  it("LSR 10d from orders: 1 late of 10, its drop-off and clearsOn", () => {
    // D = 2026-11-20, W(10, 0) = 11-11..11-20. Ten MFN orders due end of 11-15; nine shipped 11-14,
    // one shipped 11-17 (after the latest ship date): 1/10 = 10% >= 4%: breach.
    // The late one (basis 11-15) leaves on 11-15 + 10 + 0 = 11-25; then 0/10: clearsOn 11-25.
    const list = Array.from({ length: 10 }, (_, i) =>
      order({
        orderId: `o${i}`,
        purchase: at("2026-11-13"),
        latestShip: endOf("2026-11-15"),
        shippedAt: at(i === 0 ? "2026-11-17T09:00" : "2026-11-14T09:00"),
        trackingNumber: "1Z",
        source: { file: "orders.txt", line: i + 2 },
      }),
    );
    const config = defaultConfig();
    const r = buildReport({ orders: orders(list) }, { asOf: day("2026-11-20"), config, details: true, failOn: "breach", version: "0" });
    const lsr = r.metrics.find((m) => m.id === "lsr" && m.windowDays === 10)!;
    expect(lsr).toMatchObject({ numerator: 1, denominator: 10, rate: 0.1, status: "breach", headroom: 0, overdue: 0 });
    expect(lsr.offenders).toEqual([
      { orderId: "o0", date: "2026-11-15", reason: "shipped 2 days after the latest ship date", source: "orders.txt:2" },
    ]);
    expect(lsr.forecast).toEqual({ dropOffs: [{ date: "2026-11-25", count: 1 }], clearsOn: "2026-11-25" });
    expect(r.summary.exitCode).toBe(1);
    expect(r.accountHealth.orders180d).toBe(10);
  });
});

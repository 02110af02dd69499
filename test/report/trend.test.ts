import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/defaults.js";
import { formatTrendJson, formatTrendTable, sparkline } from "../../src/format/trend.js";
import { crt } from "../../src/metrics/crt.js";
import { pfcr } from "../../src/metrics/pfcr.js";
import { windowFor } from "../../src/metrics/window.js";
import { buildTrend } from "../../src/report/trend.js";
import { parseDay } from "../../src/time.js";
import { at, context, countingReads, input, message, order, orders } from "../helpers/records.js";

// Four MFN orders a day, 2026-10-25 .. 2026-11-20; one of them (2026-11-10) cancelled by the
// seller. pfcr's 7-day window holds 7 x 4 = 28 orders, so while the cancel is inside it the rate
// is 1/28 = 3.57% >= 2.5%: a breach. The window W(7,0) as of D is [D-6, D]: the cancel is in it
// for D = Nov 10 .. Nov 16 and leaves on Nov 17 (window Nov 11 .. Nov 17).
function fixture() {
  const list = [];
  for (let d = parseDay("2026-10-25")!; d <= parseDay("2026-11-20")!; d++) {
    for (let i = 0; i < 4; i++) {
      const day = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const cancel = day === "2026-11-10" && i === 0;
      list.push(
        order({
          orderId: `${day}-${i}`,
          purchase: at(`${day}T1${i}:00`),
          cancelled: cancel,
          cancelledBy: cancel ? "seller" : null,
          status: cancel ? "cancelled" : "shipped",
        }),
      );
    }
  }
  return { orders: orders(list) };
}

describe("trend", () => {
  const trend = buildTrend(
    fixture(),
    { metric: "pfcr", asOf: parseDay("2026-11-20")!, days: 20, config: defaultConfig(), version: "test" },
    pfcr,
  );
  const points = trend.series[0]!.points;

  it("replays one point per as-of day, oldest first", () => {
    // 20 days ending Nov 20 start on Nov 1
    expect(points).toHaveLength(20);
    expect(points[0]!.asOf).toBe("2026-11-01");
    expect(points[19]!.asOf).toBe("2026-11-20");
  });

  it("crosses the target on the day the cancel enters and clears the day it leaves", () => {
    expect(trend.series[0]!.crossings).toEqual([
      { asOf: "2026-11-10", status: "breach" },
      { asOf: "2026-11-17", status: "good" },
    ]);
    const nov9 = points.find((p) => p.asOf === "2026-11-09")!;
    const nov16 = points.find((p) => p.asOf === "2026-11-16")!;
    expect(nov9).toMatchObject({ numerator: 0, denominator: 28, status: "good" });
    expect(nov16).toMatchObject({ numerator: 1, denominator: 28, status: "breach" });
    expect(nov16.rate).toBeCloseTo(1 / 28, 12);
  });

  it("a replayed day equals a direct check on that day", () => {
    const direct = buildTrend(
      fixture(),
      { metric: "pfcr", asOf: parseDay("2026-11-12")!, days: 1, config: defaultConfig(), version: "test" },
      pfcr,
    ).series[0]!.points[0];
    expect(points.find((p) => p.asOf === "2026-11-12")).toEqual(direct);
  });

  it("the sparkline marks breach days and the table fits 80 columns without colour", () => {
    const s = sparkline(trend, trend.series[0]!, 60);
    // 20 points fit in 60 cells one per day: days 10..16 of the series (Nov 10..16) are breaches
    expect(s.marks).toBe("·········✖✖✖✖✖✖✖····");
    const text = formatTrendTable(trend, { color: false, width: 80 });
    expect(text).not.toContain("\u001b");
    for (const line of text.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text).toContain("breached on 2026-11-10; back within target on 2026-11-17");
    expect(JSON.parse(formatTrendJson(trend)).series[0].points).toHaveLength(20);
  });
});

describe("trend of crt", () => {
  it("reads the messages once for all the days, and each day equals crt on that day alone", () => {
    const msg = (received: string, responded: string | null) =>
      message({ receivedAt: at(received), respondedAt: responded === null ? null : at(responded) });
    const { list, reads } = countingReads([
      msg("2026-11-12T10:00", "2026-11-12T20:00"), // on time
      msg("2026-11-15T10:00", "2026-11-17T10:00"), // waiting, then unanswered late, then answered late
      msg("2026-11-18T09:00", null), // waiting, then late
    ]);
    const columns = ["received_at", "responded_at"];
    const config = defaultConfig();
    const days = 10;
    const trend = buildTrend(
      { messages: input("messages", list, columns) },
      { metric: "crt", asOf: parseDay("2026-11-20")!, days, config, version: "test" },
      crt,
    );
    expect(reads()).toBe(list.length);
    const points = trend.series[0]!.points;
    const bare = { messages: input("messages", list, columns) };
    for (const p of points) {
      const ctx = context(p.asOf, bare, config);
      const t = crt(ctx, windowFor(ctx.asOf, config.metrics.crt.windows[0]!, config.metrics.crt.lagDays), "all");
      expect([p.numerator, p.denominator], p.asOf).toEqual([t.numerator, t.denominator]);
    }
    expect(points.map((p) => p.denominator)).toContain(2); // the days differ
  });
});

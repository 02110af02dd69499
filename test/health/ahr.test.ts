import { describe, expect, it } from "vitest";
import { defaultConfig, type ResolvedConfig } from "../../src/config/defaults.js";
import { accountHealth, bandOf, NO_ORDERS_NOTE, volumeBonusOf } from "../../src/health/ahr.js";
import { windowDates, windowFor } from "../../src/metrics/window.js";
import type { Inputs, Order, Violation } from "../../src/records.js";
import { parseDay } from "../../src/time.js";
import { at, context, input, order, orders, violation } from "../helpers/records.js";

const D = "2026-11-20";
const asOf = parseDay(D)!;

function nOrders(n: number, purchase = "2026-10-01", extra: Partial<Order> = {}): Order[] {
  return Array.from({ length: n }, (_, i) => order({ orderId: `o${i}`, purchase: at(purchase), ...extra }));
}
function health(vs: Violation[] | undefined, list: Order[] = [], config?: ResolvedConfig, asOfDay = D) {
  const inputs: Inputs = { orders: orders(list) };
  if (vs !== undefined) inputs.violations = input("violations", vs, ["policy", "severity", "detected_at", "category", "resolved_at"]);
  return accountHealth(context(asOfDay, inputs, config));
}
const v = (policy: string, detected: string, extra: Partial<Violation> = {}) =>
  violation({ policy, detectedAt: at(detected), ...extra });

describe("AHR volume (SPEC 2.10)", () => {
  it("orders the reader only counted (countedOnly) add their non-pending count per day in W(180, 0)", () => {
    // 150 kept + 40 counted on 2026-06-01 + 15 on 2026-05-25 (the window's first day) = 205;
    // 30 on 2026-05-24 are a day too early
    const o = orders(nOrders(150));
    o.countedOnly = {
      orders: 100,
      nonPendingByDay: new Map([
        [parseDay("2026-06-01")!, 40],
        [parseDay("2026-05-25")!, 15],
        [parseDay("2026-05-24")!, 30],
      ]),
    };
    const h = accountHealth(context(D, { orders: o }));
    expect([h.orders180d, h.volumeBonus]).toEqual([205, 4]);
  });

  it("W(180, 0) is 2026-05-25 .. 2026-11-20", () => {
    // 11-20 minus 179 days: 20 to 10-31, +31 to 09-30, +30 to 08-31, +31 to 07-31, +30 to 06-30,
    // +31 to 05-31 (173), +6 to 05-25 (179)
    expect(windowDates(windowFor(asOf, 180, 0))).toEqual({ from: "2026-05-25", to: "2026-11-20" });
  });

  it("the volume bonus at 199, 200 and 400 orders: 0, 4 and 8 points", () => {
    // 4 x floor(199/200) = 4 x 0 = 0 -> 200; 4 x 1 = 4 -> 204; 4 x floor(400/200) = 8 -> 208
    for (const [n, bonus] of [
      [199, 0],
      [200, 4],
      [400, 8],
    ] as const) {
      const h = health(undefined, nOrders(n));
      expect([h.orders180d, h.volumeBonus, h.score, h.baseline]).toEqual([n, bonus, 200 + bonus, 200]);
      expect(h.band).toBe("healthy");
    }
    expect([volumeBonusOf(0), volumeBonusOf(399), volumeBonusOf(401)]).toEqual([0, 4, 8]);
  });

  it("orders180d: non-pending, all channels, purchase day in W(180, 0)", () => {
    const list = [
      order({ orderId: "first", purchase: at("2026-05-25") }),
      order({ orderId: "last", purchase: at("2026-11-20T23:59"), channel: "afn" }),
      order({ orderId: "before", purchase: at("2026-05-24") }),
      order({ orderId: "after", purchase: at("2026-11-21") }),
      order({ orderId: "pending", purchase: at("2026-10-01"), pending: true, status: "pending" }),
      order({ orderId: "cancelled", purchase: at("2026-10-01"), cancelled: true }),
    ];
    // in: first, last (afn), cancelled -> 3
    expect(health(undefined, list).orders180d).toBe(3);
  });

  it("without an orders input: 0 orders, no bonus, and a note", () => {
    const h = accountHealth(context(D, {}));
    expect([h.orders180d, h.volumeBonus, h.score]).toEqual([0, 0, 200]);
    expect(h.notes).toEqual([NO_ORDERS_NOTE]);
    expect(health(undefined, []).notes).toEqual([]);
  });

  it("the score is clamped to 1000", () => {
    // 41,000 orders: 4 x floor(41000/200) = 4 x 205 = 820; 200 + 820 = 1020 -> 1000
    const h = health(undefined, nOrders(41_000));
    expect([h.volumeBonus, h.score]).toEqual([820, 1000]);
  });
});

describe("AHR violations (SPEC 2.10)", () => {
  it("open violations deduct by severity: low 2, medium 4, high 8", () => {
    const h = health([v("A", "2026-10-01", { severity: "low" }), v("B", "2026-10-02", { severity: "medium" }), v("C", "2026-10-03", { severity: "high" })]);
    // 200 - (2 + 4 + 8) = 186 -> at_risk
    expect(h.score).toBe(186);
    expect([h.band, h.status]).toEqual(["at_risk", "at_risk"]);
    expect(h.deductions).toEqual([
      { policy: "A", severity: "low", points: 2, detectedAt: "2026-10-01" },
      { policy: "B", severity: "medium", points: 4, detectedAt: "2026-10-02" },
      { policy: "C", severity: "high", points: 8, detectedAt: "2026-10-03" },
    ]);
    expect(h.violationsProvided).toBe(true);
  });

  it("a critical violation sets the score to 0", () => {
    const h = health([v("Product safety", "2026-11-01", { severity: "critical" })], nOrders(400));
    // 200 + 8 would be 208; the open critical makes it 0
    expect([h.score, h.critical, h.band, h.status]).toEqual([0, true, "unhealthy", "breach"]);
    expect(h.deductions).toEqual([{ policy: "Product safety", severity: "critical", points: 0, detectedAt: "2026-11-01" }]);
  });

  it("a resolved critical violation does not", () => {
    const h = health([v("Product safety", "2026-11-01", { severity: "critical", resolvedAt: at("2026-11-05") })]);
    expect([h.score, h.critical]).toEqual([200, false]);
  });

  it("a violation resolved by the end of D is not deducted; one resolved after D is", () => {
    const h = health([
      v("resolved", "2026-10-01", { severity: "high", resolvedAt: at("2026-11-20T23:59") }),
      v("resolved later", "2026-10-01", { severity: "high", resolvedAt: at("2026-11-21") }),
    ]);
    // only "resolved later" is open as of D: 200 - 8 = 192
    expect(h.score).toBe(192);
    expect(h.deductions.map((d) => d.policy)).toEqual(["resolved later"]);
  });

  it("only violations detected in W(180, 0): not before 05-25, not after D", () => {
    const h = health([
      v("too old", "2026-05-24", { severity: "high" }),
      v("first day", "2026-05-25", { severity: "high" }),
      v("after D", "2026-11-21", { severity: "critical" }),
    ]);
    // first day only: 200 - 8 = 192; the critical is detected after D: not yet
    expect([h.score, h.critical]).toEqual([192, false]);
  });

  it("repeatDoubling: three open violations of one policy cost 2 + 4 + 8 (low)", () => {
    const list = [
      v("Listing policy", "2026-10-03"),
      v("Listing policy", "2026-10-01"),
      v("Other", "2026-10-02"),
      v("Listing policy", "2026-10-02"),
    ];
    const cfg = defaultConfig();
    cfg.ahr.repeatDoubling = true;
    const h = health(list, [], cfg);
    // Listing policy in detection order 10-01, 10-02, 10-03: 2 x 2^0 + 2 x 2^1 + 2 x 2^2 = 2 + 4 + 8
    // Other: first of its own: 2. Total 16 -> 200 - 16 = 184
    expect(h.score).toBe(184);
    expect(h.deductions.map((d) => [d.detectedAt, d.policy, d.points])).toEqual([
      ["2026-10-01", "Listing policy", 2],
      ["2026-10-02", "Listing policy", 4],
      ["2026-10-02", "Other", 2],
      ["2026-10-03", "Listing policy", 8],
    ]);
    // off (the default): 4 x 2 = 8 -> 192
    expect(health(list).score).toBe(192);
  });

  it("repeatDoubling counts the policy name as written, and only open violations", () => {
    const cfg = defaultConfig();
    cfg.ahr.repeatDoubling = true;
    const h = health(
      [
        v("Listing policy", "2026-10-01", { resolvedAt: at("2026-10-05") }), // resolved: not in the count
        v("Listing policy", "2026-10-02"),
        v("listing policy", "2026-10-03"), // another name as written
      ],
      [],
      cfg,
    );
    // 2 + 2 -> 196
    expect(h.score).toBe(196);
  });

  it("the severity points come from config", () => {
    const cfg = defaultConfig();
    cfg.ahr.severityPoints = { low: 1, medium: 50, high: 101 };
    expect(health([v("a", "2026-10-01", { severity: "low" })], [], cfg).score).toBe(199); // 200 - 1
    expect(health([v("a", "2026-10-01", { severity: "high" })], [], cfg).score).toBe(99); // 200 - 101
  });

  it("the score is clamped to 0", () => {
    // 30 high: 30 x 8 = 240 > 200 -> 0, not critical
    const h = health(Array.from({ length: 30 }, (_, i) => v(`p${i}`, "2026-10-01", { severity: "high" })));
    expect([h.score, h.critical, h.band]).toEqual([0, false, "unhealthy"]);
  });

  it("deductions are sorted by detection time, then policy", () => {
    const h = health([v("b", "2026-10-01T10:00"), v("a", "2026-10-01T10:00"), v("c", "2026-10-01T09:00")]);
    expect(h.deductions.map((d) => d.policy)).toEqual(["c", "a", "b"]);
  });
});

describe("AHR bands and status", () => {
  it("healthy >= 200, at_risk 100..199, unhealthy <= 99", () => {
    expect([bandOf(1000), bandOf(200), bandOf(199), bandOf(100), bandOf(99), bandOf(0)]).toEqual([
      "healthy",
      "healthy",
      "at_risk",
      "at_risk",
      "unhealthy",
      "unhealthy",
    ]);
  });
  it("score 99 is a breach", () => {
    const cfg = defaultConfig();
    cfg.ahr.severityPoints = { low: 2, medium: 4, high: 101 };
    const h = health([v("a", "2026-10-01", { severity: "high" })], [], cfg);
    // 200 - 101 = 99 -> unhealthy -> breach
    expect([h.score, h.band, h.status]).toEqual([99, "unhealthy", "breach"]);
  });
});

describe("AHR repeat limits (SPEC 2.10)", () => {
  const ip = (n: number, extra: Partial<Violation> = {}) =>
    Array.from({ length: n }, (_, i) =>
      v(`IP ${i}`, "2026-09-01", { category: "intellectual_property", resolvedAt: at("2026-09-10"), ...extra }),
    );

  it("five intellectual-property violations in 180 days (resolved or not) put the account at risk of deactivation", () => {
    const h = health(ip(5), nOrders(10));
    // all resolved: no deductions, score 200 (healthy), but 5 >= limit 5 -> deactivation risk -> breach
    expect([h.score, h.band, h.deactivationRisk, h.status]).toEqual([200, "healthy", true, "breach"]);
    expect(h.repeatLimits).toEqual([
      { category: "intellectual_property", count: 5, limit: 5, reached: true },
      { category: "restricted_products", count: 0, limit: 2, reached: false },
    ]);
  });

  it("four do not", () => {
    const h = health(ip(4));
    expect([h.deactivationRisk, h.status]).toEqual([false, "good"]);
    expect(h.repeatLimits[0]).toEqual({ category: "intellectual_property", count: 4, limit: 5, reached: false });
  });

  it("one outside the window does not count toward the limit", () => {
    const h = health([...ip(4), v("IP old", "2026-05-24", { category: "intellectual_property" })]);
    // 4 in W(180, 0) + 1 detected 05-24 (outside) -> 4 < 5
    expect(h.deactivationRisk).toBe(false);
  });

  it("two restricted-products violations reach that limit", () => {
    const rp = [v("R1", "2026-10-01", { category: "restricted_products" }), v("R2", "2026-10-02", { category: "restricted_products" })];
    const h = health(rp);
    // two open lows: 200 - 4 = 196 (at_risk band), and 2 >= 2 -> deactivation risk -> breach
    expect([h.score, h.deactivationRisk, h.status]).toEqual([196, true, "breach"]);
    expect(health(rp.slice(0, 1)).deactivationRisk).toBe(false);
  });

  it("the limits come from config", () => {
    const cfg = defaultConfig();
    cfg.ahr.repeatLimits = { intellectual_property: 3, restricted_products: 2 };
    expect(health(ip(3), [], cfg).deactivationRisk).toBe(true);
  });
});

describe("AHR without violations", () => {
  it("no violations input: score from volume alone, violationsProvided false", () => {
    const h = health(undefined, nOrders(200));
    expect(h).toMatchObject({
      score: 204,
      estimated: true,
      violationsProvided: false,
      deductions: [],
      critical: false,
      deactivationRisk: false,
      status: "good",
    });
  });
  it("a header-only violations input is provided (8.17)", () => {
    expect(health([]).violationsProvided).toBe(true);
  });
});

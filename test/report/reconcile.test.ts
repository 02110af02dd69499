/**
 * The reconciliation core (report/reconcile.ts) on hand-made figures and tallies: every verdict,
 * every explanation, the list comparison and the AHR side by side. D = 2026-05-19 throughout.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { METRICS, type ChannelScope, type MetricId } from "../../src/catalog.js";
import { resolveConfig } from "../../src/config/load.js";
import type { AccountHealth } from "../../src/health/types.js";
import type { AmazonList } from "../../src/inputs/amazon/lists.js";
import type { AmazonFigure, AmazonMarketplace } from "../../src/inputs/amazon/v2.js";
import type { Offender, Tally } from "../../src/metrics/types.js";
import { buildReconcile, rateAgrees, type Coverage, type MarketplaceInput, type ReconcileInput } from "../../src/report/reconcile.js";
import { parseDay } from "../../src/time.js";

const day = (s: string): number => parseDay(s)!;
const D = day("2026-05-19");
const config = resolveConfig(null);

function figure(metric: MetricId, channel: ChannelScope, from: string, to: string, numerator: number | null, denominator: number | null, extra: Partial<AmazonFigure> = {}): AmazonFigure {
  return { metric, channel, path: `p.${metric}.${channel}`, range: { from: day(from), to: day(to) }, denominator, numerator, rate: null, status: "GOOD", targetValue: null, targetCondition: null, ...extra };
}
const off = (orderId: string, date = "2026-05-10"): Offender => ({ orderId, date, reason: "r", source: `orders.txt:${orderId.length}` });
function tally(numerator: number | null, denominator: number | null, extra: Partial<Tally> = {}): Tally {
  return { numerator, denominator, basis: "b", reason: null, offenders: [], notes: [], ...extra };
}
function market(id: string, figures: AmazonFigure[], extra: Partial<AmazonMarketplace> = {}): AmazonMarketplace {
  return { marketplaceId: id, accountStatus: "NORMAL", figures, others: [], ahr: null, violations: [], warnings: null, warningStates: [], ...extra };
}
const fullCoverage: Coverage = { firstPurchase: day("2025-11-01"), lastPurchase: day("2026-05-19"), defectInputs: { negativeFeedback: true, claims: true, chargebacks: true } };
function input(marketplaces: MarketplaceInput[], extra: Partial<ReconcileInput> = {}): ReconcileInput {
  return { asOf: D, timeZone: "UTC", version: "0.0.0", amazonFile: "v2.json", config, inputs: [], marketplaces, lists: [], violationsProvided: false, notes: [], ...extra };
}
const estimate = (score: number): AccountHealth => ({
  score, band: "healthy", estimated: true, violationsProvided: false, baseline: 200, volumeBonus: score - 200, orders180d: 0, deductions: [], critical: false, deactivationRisk: false,
  repeatLimits: [], status: "good",
});

describe("rateAgrees: ahr's rate rounded to the digits Amazon printed", () => {
  it("1/64 = 0.015625 at 6 digits; 25/26 = 0.9615384... -> 0.961538; 24/26 = 0.923077 is not 0.961538", () => {
    expect(rateAgrees({ value: 0.015625, decimals: 6 }, 1, 64)).toBe(true);
    expect(rateAgrees({ value: 0.961538, decimals: 6 }, 25, 26)).toBe(true);
    expect(rateAgrees({ value: 0.961538, decimals: 6 }, 24, 26)).toBe(false);
    // 0.96 printed with 2 digits: 24/25 = 0.96 yes, 23/25 = 0.92 no
    expect(rateAgrees({ value: 0.96, decimals: 2 }, 24, 25)).toBe(true);
    expect(rateAgrees({ value: 0.96, decimals: 2 }, 23, 25)).toBe(false);
    // a rate over no items agrees only with 0
    expect(rateAgrees({ value: 0, decimals: 1 }, 0, 0)).toBe(true);
  });
});

describe("one marketplace, every verdict", () => {
  const figures = [
    // 0: ODR mfn 2026-03-06..05-04 = 60 days, ends 15 days before D (ahr check: 14)
    figure(METRICS.odr.id, "mfn", "2026-03-06", "2026-05-04", 2, 100, { components: { negativeFeedback: 1, claims: 1, chargebacks: 0 } }),
    // 1: PFCR 05-13..05-19 = 7 days ending on D, ahr check's own window
    figure(METRICS.pfcr.id, "mfn", "2026-05-13", "2026-05-19", 1, 50),
    // 2: LSR 10 days 05-09..05-18, Amazon 2 late of 40, ahr 1 of 40
    figure(METRICS.lsr.id, "mfn", "2026-05-09", "2026-05-18", 2, 40),
    // 3: ODR afn: Amazon 3 defects, 3 negative feedback; ahr 1 and 1
    figure(METRICS.odr.id, "afn", "2026-03-06", "2026-05-04", 3, 200, { components: { negativeFeedback: 3, claims: 0, chargebacks: 0 } }),
    // 4: VTR: 26 shipments, rate only (0.961538 = 25/26)
    figure(METRICS.vtr.id, "mfn", "2026-04-20", "2026-05-19", null, 26, { rate: { value: 0.961538, decimals: 6 } }),
    // 5: OTDR: the inputs cannot compute it
    figure(METRICS.otdr.id, "mfn", "2026-04-20", "2026-05-19", 24, 25),
    // 6: a block without a range
    { ...figure(METRICS.lsr.id, "mfn", "2026-04-20", "2026-05-19", 1, 10), range: null },
  ];
  const tallies = [
    tally(2, 100, { components: { negativeFeedback: 1, claims: 1, chargebacks: 0 } }),
    tally(1, 50),
    tally(1, 40, { offenders: [off("111-LATE")] }),
    tally(1, 200, { components: { negativeFeedback: 1, claims: 0, chargebacks: 0 }, offenders: [off("114-NEG")] }),
    tally(25, 26),
    tally(null, null, { reason: "needs delivered_at" }),
    tally(1, 10),
  ];
  const r = buildReconcile(
    input([
      {
        amazon: market("ATVPDKIKX0DER", figures, { ahr: { score: 312, status: "GREAT", range: null } }),
        marketplace: "Amazon.com",
        tallies,
        coverage: fullCoverage,
        estimate: estimate(236),
      },
    ]),
  );
  const rows = r.marketplaces[0]!.metrics;

  it("agrees when every count Amazon gives is ahr's (ODR mfn: 100 orders, 2 defective, components 1/1/0)", () => {
    expect(rows[0]!.verdict).toBe("agrees");
    expect(rows[0]!.fields.map((f) => [f.field, f.amazon, f.ahr, f.agrees])).toEqual([
      ["denominator", 100, 100, true],
      ["numerator", 2, 2, true],
      ["negativeFeedback", 1, 1, true],
      ["claims", 1, 1, true],
      ["chargebacks", 0, 0, true],
    ]);
    expect([rows[0]!.days, rows[0]!.lagDays]).toEqual([60, 15]);
  });

  it("the window note: ODR's range ends 15 days before D where ahr check's ends 14; PFCR's is ahr check's own", () => {
    expect(rows[0]!.window).toBe(
      "Amazon's range is 60 days ending 15 days before D; ahr check's window is 60 days ending 14 days before D: ahr check shows other figures for that reason alone (here ahr counts over Amazon's range)",
    );
    expect(rows[1]!.verdict).toBe("agrees");
    expect(rows[1]!.window).toBeNull();
  });

  it("differs, nothing in the inputs explains it, and the orders behind ahr's count are listed (LSR 2 vs 1)", () => {
    const row = rows[2]!;
    expect(row.verdict).toBe("differs");
    expect(row.fields.find((f) => !f.agrees)).toEqual({ field: "numerator", amazon: 2, ahr: 1, agrees: false });
    expect(row.explanations).toEqual([
      "nothing in the inputs explains it",
      "Amazon's range is 10 days ending 1 day before D; ahr check's window is 10 days ending on D: ahr check shows other figures for that reason alone (here ahr counts over Amazon's range)",
    ]);
    expect(row.orders?.map((o) => o.orderId)).toEqual(["111-LATE"]);
  });

  it("the feedback file holds N fewer negative feedback than Amazon counts (ODR afn: 3 - 1 = 2)", () => {
    const row = rows[3]!;
    expect(row.verdict).toBe("differs");
    expect(row.explanations[0]).toBe("the feedback file holds 2 fewer negative feedback in the range than Amazon counts (1 vs 3)");
    expect(row.orders?.map((o) => o.orderId)).toEqual(["114-NEG"]);
  });

  it("a rate alone is compared at Amazon's digits (VTR 25/26 = 0.961538)", () => {
    expect(rows[4]!.verdict).toBe("agrees");
    expect(rows[4]!.fields.map((f) => f.field)).toEqual(["denominator", "rate"]);
  });

  it("not comparable with the reason: the inputs cannot compute it; no range", () => {
    expect([rows[5]!.verdict, rows[5]!.reason]).toEqual(["not_comparable", "needs delivered_at"]);
    expect([rows[6]!.verdict, rows[6]!.reason]).toEqual(["not_comparable", "Amazon's block has no reportingDateRange: no range to count over"]);
  });

  it("summary: 3 agree (rows 0, 1, 4), 2 differ (2, 3), 2 not comparable (5, 6); exit code 1", () => {
    // agrees: rows 0, 1, 4 (3) ... and no list; differs: rows 2, 3; not comparable: 5, 6
    expect(r.summary).toEqual({ agrees: 3, differs: 2, notComparable: 2, exitCode: 1 });
  });

  it("Amazon's AHR beside the estimate, shown not compared", () => {
    expect(r.marketplaces[0]!.accountHealth.amazon).toEqual({ score: 312, status: "GREAT", accountStatus: "NORMAL", range: null });
    expect(r.marketplaces[0]!.accountHealth.estimate).toEqual({ score: 236, band: "healthy", status: "good", estimated: true, deactivationRisk: false });
    expect(r.notes).toContain("The Account Health Rating is shown, not compared: the estimate cannot know Amazon's point table");
  });
});

describe("explanations from the data", () => {
  const odr = figure(METRICS.odr.id, "mfn", "2026-03-06", "2026-05-04", 2, 100, { components: { negativeFeedback: 2, claims: 0, chargebacks: 0 } });
  it("the export starts after the range's first day (first order 2026-03-20 > 2026-03-06); no feedback file given", () => {
    const r = buildReconcile(
      input([
        {
          amazon: market("ATVPDKIKX0DER", [odr]),
          marketplace: "Amazon.com",
          // ahr: 80 orders (those from 03-20 on), 0 defects, no feedback input
          tallies: [tally(0, 80, { components: { negativeFeedback: 0, claims: 0, chargebacks: 0 } })],
          coverage: { firstPurchase: day("2026-03-20"), lastPurchase: day("2026-05-19"), defectInputs: { negativeFeedback: false, claims: true, chargebacks: true } },
          estimate: null,
        },
      ]),
    );
    expect(r.marketplaces[0]!.metrics[0]!.explanations).toEqual([
      "the orders export starts on 2026-03-20, after the range's first day 2026-03-06: orders purchased before it are not in the inputs",
      "no feedback file given (--feedback): Amazon counts 2 negative feedback in the range",
      expect.stringContaining("Amazon's range is 60 days ending 15 days before D"),
    ]);
    expect(r.summary.exitCode).toBe(1);
  });
  it("the export ends before the range's last day; N more claims than Amazon counts", () => {
    const r = buildReconcile(
      input([
        {
          amazon: market("ATVPDKIKX0DER", [odr]),
          marketplace: "Amazon.com",
          // ahr: 90 orders (fewer: the export ends 04-30), 3 defective: 2 feedback + 1 claim Amazon does not count
          tallies: [tally(3, 90, { components: { negativeFeedback: 2, claims: 1, chargebacks: 0 } })],
          coverage: { firstPurchase: day("2026-01-01"), lastPurchase: day("2026-04-30"), defectInputs: { negativeFeedback: true, claims: true, chargebacks: true } },
          estimate: null,
        },
      ]),
    );
    expect(r.marketplaces[0]!.metrics[0]!.explanations.slice(0, 2)).toEqual([
      "the orders export ends on 2026-04-30, before the range's last day 2026-05-04",
      "the claims file holds 1 more A-to-z claims in the range than Amazon counts (1 vs 0)",
    ]);
  });
  it("a marketplace without orders in the inputs: every figure not comparable, with the reason", () => {
    const r = buildReconcile(
      input([{ amazon: market("A2EUQ1WTGCTBG2", [odr]), marketplace: "Amazon.ca", tallies: null, coverage: fullCoverage, estimate: null, missing: "no orders with sales-channel Amazon.ca in the inputs" }]),
    );
    expect(r.marketplaces[0]!.metrics[0]).toMatchObject({ verdict: "not_comparable", reason: "no orders with sales-channel Amazon.ca in the inputs" });
    expect(r.summary).toEqual({ agrees: 0, differs: 0, notComparable: 1, exitCode: 0 });
  });
});

describe("V2's violation counts drive the repeat limits when there is no violations file", () => {
  const amazon = market("ATVPDKIKX0DER", [], {
    ahr: { score: 150, status: "AT_RISK", range: null },
    violations: [
      { key: "receivedIntellectualPropertyComplaints", category: "intellectual_property", count: 3, status: "BAD", range: null },
      { key: "suspectedIntellectualPropertyViolations", category: "intellectual_property", count: 2, status: "BAD", range: null },
      { key: "restrictedProductPolicyViolations", category: "restricted_products", count: 1, status: "BAD", range: null },
      { key: "listingPolicyViolations", category: "other", count: 4, status: "BAD", range: null },
    ],
  });
  it("IP 3 + 2 = 5 reaches the limit 5; restricted 1 < 2; the estimate is at deactivation risk and the report says why", () => {
    const r = buildReconcile(input([{ amazon, marketplace: "Amazon.com", tallies: [], coverage: fullCoverage, estimate: estimate(240) }]));
    const ah = r.marketplaces[0]!.accountHealth;
    expect(ah.repeatLimitsFrom).toBe("amazon");
    expect(ah.repeatLimits).toEqual([
      { category: "intellectual_property", count: 5, limit: 5, reached: true },
      { category: "restricted_products", count: 1, limit: 2, reached: false },
    ]);
    expect(ah.estimate).toMatchObject({ score: 240, deactivationRisk: true, status: "breach" });
    expect(r.notes).toContain("No violations file: the repeat-limit check of the Account Health Rating estimate uses Amazon's violation counts per category");
  });
  it("with a violations file, the file's repeat limits stand", () => {
    const e = { ...estimate(240), repeatLimits: [{ category: "intellectual_property" as const, count: 0, limit: 5, reached: false }] };
    const r = buildReconcile(input([{ amazon, marketplace: "Amazon.com", tallies: [], coverage: fullCoverage, estimate: e }], { violationsProvided: true }));
    expect(r.marketplaces[0]!.accountHealth.repeatLimitsFrom).toBe("file");
    expect(r.marketplaces[0]!.accountHealth.estimate?.deactivationRisk).toBe(false);
  });
});

describe("Amazon's lists, order by order", () => {
  const pfcr = figure(METRICS.pfcr.id, "mfn", "2026-05-13", "2026-05-19", 2, 50);
  const list: AmazonList = {
    file: "cancellations.csv",
    metric: METRICS.pfcr.id,
    title: "Amazon's cancellation list",
    rows: [
      { orderId: "A", day: day("2026-05-14"), counts: true, source: { file: "cancellations.csv", line: 2 } },
      { orderId: "B", day: day("2026-05-15"), counts: true, source: { file: "cancellations.csv", line: 3 } },
      { orderId: "C", day: day("2026-05-15"), counts: false, source: { file: "cancellations.csv", line: 4 } },
      { orderId: "D", day: day("2026-05-01"), counts: true, source: { file: "cancellations.csv", line: 5 } },
    ],
  };
  it("A in both; B only Amazon's; E only ahr's; C not counted by Amazon; D outside the range", () => {
    const r = buildReconcile(
      input([{ amazon: market("ATVPDKIKX0DER", [pfcr]), marketplace: "Amazon.com", tallies: [tally(2, 50, { offenders: [off("A"), off("E")] })], coverage: fullCoverage, estimate: null }], {
        lists: [list],
      }),
    );
    const l = r.lists[0]!;
    expect(l).toMatchObject({ verdict: "differs", both: 1, notCounted: 1, outside: 1 });
    expect(l.amazonOnly).toEqual([{ orderId: "B", date: "2026-05-15", source: "cancellations.csv:3" }]);
    expect(l.ahrOnly.map((o) => o.orderId)).toEqual(["E"]);
    // the counts agree (2 and 2) but the orders do not: the list is a difference
    expect(r.summary).toEqual({ agrees: 1, differs: 1, notComparable: 0, exitCode: 1 });
  });
  it("with no range for its metric the list is not comparable", () => {
    const r = buildReconcile(input([{ amazon: market("X", []), marketplace: null, tallies: [], coverage: fullCoverage, estimate: null }], { lists: [list] }));
    expect(r.lists[0]).toMatchObject({ verdict: "not_comparable", reason: "Amazon's report gives no range for PFCR: nothing to compare the list over" });
  });
});

describe("properties", () => {
  it("a rate Amazon printed from the same counts (n/d rounded to k digits) always agrees; one more bad item at 6 digits never does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 6 }), (d, n0, k) => {
        const n = n0 % (d + 1);
        const printed = { value: Number((n / d).toFixed(k)), decimals: k };
        expect(rateAgrees(printed, n, d)).toBe(true);
        // 1/d >= 1e-5 > 0.5e-6 for d <= 100000: one more item moves the 6-digit rate
        if (n < d) expect(rateAgrees({ value: Number((n / d).toFixed(6)), decimals: 6 }, n + 1, d)).toBe(false);
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { METRIC_IDS, defaultConfig } from "../../src/config/defaults.js";
import { AHR_ESTIMATE_NOTE, AHR_NO_VIOLATIONS_NOTE, buildReport } from "../../src/report/build.js";
import type { FailOn } from "../../src/report/types.js";
import { formatJson } from "../../src/format/json.js";
import { context, endOf, at, input, order, orders } from "../helpers/records.js";
import { day, fakeFns, health, run, tally, type RunOptions } from "./fakes.js";

// As of D = 2026-11-20 (UTC). Default windows:
// odr W(60, 14): to = 11-20 - 14 = 11-06; from = 11-06 - 59 = 09-08 (11-06 - 31 = 10-06, - 28 = 09-08).
// lsr W(10, 0): 11-11..11-20; W(30, 0): 10-22..11-20 (11-20 - 29: 20 days back is 10-31, 9 more 10-22).
const ODR_FROM = "2026-09-08";
const ODR_MFN = `odr mfn ${ODR_FROM}`;
const REFUND = "refund_rate all 2026-10-22";

function exitCodes(o: RunOptions): Record<FailOn, number> {
  return {
    breach: run({ ...o, failOn: "breach" }).summary.exitCode,
    at_risk: run({ ...o, failOn: "at_risk" }).summary.exitCode,
    never: run({ ...o, failOn: "never" }).summary.exitCode,
  };
}

describe("summary and exit code (SPEC 5, 8.12)", () => {
  it("all good: exit 0 under every failOn, status good", () => {
    expect(exitCodes({})).toEqual({ breach: 0, at_risk: 0, never: 0 });
    expect(run().summary).toEqual({ status: "good", breaches: 0, atRisk: 0, exitCode: 0 });
  });

  it("an error-level breach fails under breach and at_risk, not never", () => {
    // odr: 1 of 100 = 1%, which is a breach of "< 1%" (rate >= target).
    const o = { table: { [ODR_MFN]: { numerator: 1, denominator: 100 } } };
    expect(exitCodes(o)).toEqual({ breach: 1, at_risk: 1, never: 0 });
    expect(run(o).summary).toEqual({ status: "breach", breaches: 1, atRisk: 0, exitCode: 1 });
  });

  it("a warn-level breach never fails the run but is counted", () => {
    // refund_rate (warn): 5 of 100 = 5% >= 5% target: breach.
    const o = { table: { [REFUND]: { numerator: 5, denominator: 100 } } };
    expect(exitCodes(o)).toEqual({ breach: 0, at_risk: 0, never: 0 });
    expect(run(o).summary).toEqual({ status: "breach", breaches: 1, atRisk: 0, exitCode: 0 });
  });

  it("a warn-level at_risk never fails, even under at_risk", () => {
    // refund_rate: 4 of 100 = 4% >= warnAt 4% and < 5%: at_risk.
    const o = { table: { [REFUND]: { numerator: 4, denominator: 100 } } };
    expect(exitCodes(o)).toEqual({ breach: 0, at_risk: 0, never: 0 });
    expect(run(o).summary).toEqual({ status: "at_risk", breaches: 0, atRisk: 1, exitCode: 0 });
  });

  it("an error-level at_risk fails only under at_risk", () => {
    // odr: 8 of 1000 = 0.8% >= warnAt 0.8%, < 1%: at_risk.
    const o = { table: { [ODR_MFN]: { numerator: 8, denominator: 1000 } } };
    expect(exitCodes(o)).toEqual({ breach: 0, at_risk: 1, never: 0 });
    expect(run(o).summary).toEqual({ status: "at_risk", breaches: 0, atRisk: 1, exitCode: 0 });
  });

  it("AHR at_risk counts as an error-level at_risk row", () => {
    const o = { health: { score: 150, band: "at_risk" as const, status: "at_risk" as const } };
    expect(exitCodes(o)).toEqual({ breach: 0, at_risk: 1, never: 0 });
    expect(run(o).summary).toEqual({ status: "at_risk", breaches: 0, atRisk: 1, exitCode: 0 });
  });

  it("AHR deactivation risk is a breach", () => {
    const o = { health: { deactivationRisk: true, status: "breach" as const } };
    expect(exitCodes(o)).toEqual({ breach: 1, at_risk: 1, never: 0 });
    expect(run(o).summary.breaches).toBe(1);
  });

  it("counts every shown row plus the AHR", () => {
    // odr mfn breach, refund breach (warn), odr afn at_risk (8/1000), AHR at_risk: 2 breaches, 2 at risk.
    const r = run({
      table: {
        [ODR_MFN]: { numerator: 2, denominator: 100 },
        [REFUND]: { numerator: 9, denominator: 100 },
        [`odr afn ${ODR_FROM}`]: { numerator: 8, denominator: 1000 },
      },
      health: { band: "at_risk", status: "at_risk", score: 120 },
    });
    expect(r.summary).toEqual({ status: "breach", breaches: 2, atRisk: 2, exitCode: 1 });
  });
});

describe("rows", () => {
  it("one row per metric, window (ascending) and channel, in METRIC_IDS order, with window dates", () => {
    const r = run({ config: (c) => void (c.metrics.lsr.windows = [30, 10]) });
    expect(r.metrics.map((m) => `${m.id} ${m.channel} ${m.windowDays}`)).toEqual([
      "odr mfn 60",
      "odr afn 60",
      "pfcr mfn 7",
      "lsr mfn 10",
      "lsr mfn 30",
      "vtr mfn 30",
      "otdr mfn 30",
      "crt all 7",
      "crt all 30",
      "crt all 90",
      "rdr all 60",
      "refund_rate all 30",
    ]);
    const lsr = r.metrics.filter((m) => m.id === "lsr");
    expect(lsr.map((m) => m.window)).toEqual([
      { from: "2026-11-11", to: "2026-11-20" },
      { from: "2026-10-22", to: "2026-11-20" },
    ]);
    expect(r.metrics[0]?.window).toEqual({ from: ODR_FROM, to: "2026-11-06" });
    expect(r.metrics[0]?.lagDays).toBe(14);
  });

  it("level off hides a metric and never computes it", () => {
    const calls: string[] = [];
    const r = run({ calls, config: (c) => void (c.metrics.crt.level = "off") });
    expect(r.metrics.some((m) => m.id === "crt")).toBe(false);
    expect(calls.some((c) => c.startsWith("crt"))).toBe(false);
    expect(r.metrics).toHaveLength(9);
  });

  it("fills rate, status, headroom and level from the tally with the shared arithmetic", () => {
    // lsr 10d: 3 late of 100. Target 4%: largest m with m / 100 < 4% is 3, so headroom 3 - 3 = 0.
    // 3% < warnAt 3.2%: good. vtr: 96 valid of 100 vs 95%: headroom 96 - 95 = 1; 96% >= 96%: good.
    const r = run({
      table: {
        "lsr mfn 2026-11-11": { numerator: 3, denominator: 100, overdue: [] },
        "vtr mfn 2026-10-22": { numerator: 96, denominator: 100 },
      },
    });
    const lsr = r.metrics.find((m) => m.id === "lsr");
    expect(lsr).toMatchObject({ rate: 0.03, status: "good", headroom: 0, level: "error", overdue: 0, condition: "lt" });
    const vtr = r.metrics.find((m) => m.id === "vtr");
    expect(vtr).toMatchObject({ rate: 0.96, status: "good", headroom: 1, target: 0.95, warnAt: 0.96 });
    const otdr = r.metrics.find((m) => m.id === "otdr");
    expect(otdr?.level).toBe("warn");
  });

  it("no_data rows keep null counts and the reason; crt gets averageResponseHours", () => {
    const r = run({
      table: {
        "otdr mfn 2026-10-22": { numerator: null, denominator: null, reason: "missing orders column: delivered_at" },
        "crt all 2026-11-14": { numerator: 9, denominator: 10, averageResponseHours: 5.5 },
      },
    });
    const otdr = r.metrics.find((m) => m.id === "otdr");
    expect(otdr).toMatchObject({ status: "no_data", rate: null, headroom: null, numerator: null, reason: "missing orders column: delivered_at" });
    expect(r.metrics.find((m) => m.id === "crt" && m.windowDays === 7)?.averageResponseHours).toBe(5.5);
    expect(r.metrics.find((m) => m.id === "crt" && m.windowDays === 30)?.averageResponseHours).toBeNull();
  });

  it("offenders only with details, all of them", () => {
    const offenders = Array.from({ length: 12 }, (_, i) => ({
      orderId: `o${String(i).padStart(2, "0")}`,
      date: "2026-11-12",
      reason: "shipped 1 day after the latest ship date",
      source: `orders.txt:${i + 2}`,
    }));
    const table = { "lsr mfn 2026-11-11": { numerator: 12, denominator: 1000, offenders } };
    expect(run({ table }).metrics.find((m) => m.id === "lsr")?.offenders).toBeUndefined();
    expect(run({ table, details: true }).metrics.find((m) => m.id === "lsr")?.offenders).toHaveLength(12);
  });

  it("previous: the same metric over the window just before, rate only", () => {
    // lsr 10d window 11-11..11-20; the one before: 11-01..11-10. 2 of 50 there = 0.04.
    const calls: string[] = [];
    const r = run({ calls, table: { "lsr mfn 2026-11-01": { numerator: 2, denominator: 50 } } });
    const lsr = r.metrics.find((m) => m.id === "lsr" && m.windowDays === 10);
    expect(lsr?.previous).toEqual({ window: { from: "2026-11-01", to: "2026-11-10" }, rate: 0.04 });
    expect(calls).toContain("lsr mfn 2026-11-01..2026-11-10");
    // odr: 09-08..11-06 -> the 60 days before: 07-10..09-07 (09-07 - 59: 09-07 - 31 = 08-07, - 28 = 07-10).
    expect(r.metrics[0]?.previous?.window).toEqual({ from: "2026-07-10", to: "2026-09-07" });
  });
});

describe("forecast (breached lt rows)", () => {
  // odr mfn, D = 2026-11-20, W(60, 14) = 09-08..11-06, 3 defective of 100 = 3%: breach of < 1%.
  // An item dated p leaves on as-of day p + 60 + 14 = p + 74:
  //   09-08 + 74: 09-08 + 22 = 09-30, + 31 = 10-31 (53 days), + 21 = 11-21 (74). So 11-21 (= D + 1,
  //   right: 09-08 is the window's first day).
  //   09-20 + 74 = 11-21 + 12 = 12-03.
  // Numerator after 11-21: 3 - 2 = 1 -> 1/100 = 1% is still a breach (1% >= 1%).
  // After 12-03: 0/100 = good. clearsOn = 2026-12-03.
  const offenders = [
    { orderId: "A", date: "2026-09-08", reason: "1-star feedback", source: "feedback.txt:2" },
    { orderId: "B", date: "2026-09-08", reason: "A-to-z claim granted", source: "claims.csv:2" },
    { orderId: "C", date: "2026-09-20", reason: "chargeback", source: "chargebacks.csv:2" },
  ];

  it("drop-off dates and clearsOn, denominator held", () => {
    const r = run({ table: { [ODR_MFN]: { numerator: 3, denominator: 100, offenders } } });
    const odr = r.metrics[0];
    expect(odr?.status).toBe("breach");
    expect(odr?.headroom).toBe(0);
    expect(odr?.forecast).toEqual({
      dropOffs: [
        { date: "2026-11-21", count: 2 },
        { date: "2026-12-03", count: 1 },
      ],
      clearsOn: "2026-12-03",
    });
  });

  it("clears as soon as the rate is under target: 200 orders", () => {
    // Same items, 200 orders: 3/200 = 1.5% breach; after 11-21, 1/200 = 0.5% < 1%: clearsOn 11-21.
    const r = run({ table: { [ODR_MFN]: { numerator: 3, denominator: 200, offenders } } });
    expect(r.metrics[0]?.forecast?.clearsOn).toBe("2026-11-21");
  });

  it("an order listed once per defect counts once", () => {
    // A has feedback and a claim (two offenders, one defective order): numerator 2, items A, C.
    // 2/100 = 2% breach; A leaves 11-21 -> 1/100 = 1% still a breach; C leaves 12-03 -> 0: clears.
    const twice = [offenders[0]!, { ...offenders[1]!, orderId: "A" }, offenders[2]!];
    const r = run({ table: { [ODR_MFN]: { numerator: 2, denominator: 100, offenders: twice } } });
    expect(r.metrics[0]?.forecast).toEqual({
      dropOffs: [
        { date: "2026-11-21", count: 1 },
        { date: "2026-12-03", count: 1 },
      ],
      clearsOn: "2026-12-03",
    });
  });

  it("no forecast for gte metrics, at-risk or good rows", () => {
    const r = run({
      table: {
        "vtr mfn 2026-10-22": { numerator: 90, denominator: 100 },
        [`odr afn ${ODR_FROM}`]: { numerator: 8, denominator: 1000 },
      },
    });
    expect(r.metrics.find((m) => m.id === "vtr")?.status).toBe("breach");
    expect(r.metrics.every((m) => m.forecast === undefined)).toBe(true);
  });
});

describe("inputs and notes", () => {
  const ordersInput = { ...orders([order({ orderId: "A", purchase: at("2026-11-15") })]), notes: ["orders.csv: read as Windows-1252"], duplicates: 2 };
  const claims = {
    ...input("claims", [], ["order_id", "status"]),
    rows: 5,
    skipped: 3,
    skippedSamples: [{ file: "claims.csv", line: 4, message: "claims.csv:4: bad date" }],
  };

  it("one summary per given input, in INPUT_KINDS order, unmatched from the defect counter", () => {
    const r = run({ inputs: { claims, orders: ordersInput }, unmatched: { feedback: 0, claims: 2, chargebacks: 0 } });
    expect(r.inputs).toEqual([
      { kind: "orders", files: ["orders.csv"], rows: 1, records: 1, skipped: 0, unmatched: 0, duplicates: 2, skippedRows: [] },
      {
        kind: "claims",
        files: ["claims.csv"],
        rows: 5,
        records: 0,
        skipped: 3,
        unmatched: 2,
        duplicates: 0,
        skippedRows: [{ file: "claims.csv", line: 4, message: "claims.csv:4: bad date" }],
      },
    ]);
  });

  it("notes: reader, skipped, unmatched, duplicates, metric notes (deduplicated), AHR labels", () => {
    const dup = "orders have no cancellation-initiator column";
    const r = run({
      inputs: { claims, orders: ordersInput, notes: ["empty.csv: empty file, skipped"] },
      unmatched: { feedback: 0, claims: 2, chargebacks: 0 },
      table: {
        "pfcr mfn 2026-11-14": { notes: [dup] },
        "lsr mfn 2026-11-11": { notes: [dup, "another"] },
      },
    });
    expect(r.notes).toEqual([
      "empty.csv: empty file, skipped",
      "orders.csv: read as Windows-1252",
      "3 rows skipped in claims (--skip-invalid); first: claims.csv:4: bad date",
      "2 claims rows refer to orders not in the orders input; counted as unmatched, left out of ODR",
      "2 rows repeat an earlier orders row exactly; counted once",
      dup,
      "another",
      AHR_ESTIMATE_NOTE,
      AHR_NO_VIOLATIONS_NOTE,
    ]);
  });

  it("with a violations input, no 'assumes no violations' note", () => {
    const r = run({ health: { violationsProvided: true } });
    expect(r.notes).toEqual([AHR_ESTIMATE_NOTE]);
  });
});

describe("the report object", () => {
  it("top-level keys in SPEC order and tool/asOf/timeZone", () => {
    const r = run();
    expect(Object.keys(r)).toEqual([
      "schemaVersion",
      "tool",
      "asOf",
      "timeZone",
      "configFile",
      "inputs",
      "metrics",
      "accountHealth",
      "attention",
      "summary",
      "notes",
    ]);
    expect(r.tool).toEqual({ name: "ahr", version: "9.9.9" });
    expect(r.asOf).toBe("2026-11-20");
    expect(r.timeZone).toBe("UTC");
  });

  it("is deterministic: two builds give identical JSON", () => {
    const o: RunOptions = {
      details: true,
      table: {
        [ODR_MFN]: {
          numerator: 2,
          denominator: 100,
          offenders: [
            { orderId: "A", date: "2026-09-10", reason: "1-star feedback", source: "f:2" },
            { orderId: "B", date: "2026-09-11", reason: "chargeback", source: "c:2" },
          ],
        },
      },
    };
    expect(formatJson(run(o))).toBe(formatJson(run(o)));
  });

  it("uses the injected metric functions with a MetricContext as of D in the report zone", () => {
    const config = defaultConfig();
    for (const id of METRIC_IDS) config.metrics[id].level = "off";
    config.metrics.pfcr.level = "error";
    config.timeZone = "America/Los_Angeles";
    let seen: { asOf: number; endOfDay: number } | null = null;
    const fns = fakeFns({});
    fns.pfcr = (ctx) => {
      seen = { asOf: ctx.asOf, endOfDay: ctx.endOfDay };
      return tally();
    };
    const asOf = day("2025-11-21");
    buildReport({}, { asOf, config, details: false, failOn: "breach", version: "0" }, {
      metricFns: fns,
      accountHealth: () => health(),
      unmatchedDefects: () => ({ feedback: 0, claims: 0, chargebacks: 0 }),
    });
    // Los Angeles is UTC-8 in November: the end of 2025-11-21 there is 2025-11-22T07:59:59.999Z.
    expect(seen).toEqual({ asOf, endOfDay: Date.parse("2025-11-22T07:59:59.999Z") });
  });
});

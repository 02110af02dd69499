/**
 * The V2 seller performance report reader (SPEC 10): the sample (US block as the official schema,
 * CA block sparse), the schema example's spellings, dates with and without seconds, gzip, and
 * one coded error per kind of bad input. Expected figures are the sample's numbers, read by hand.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { METRICS } from "../../../src/catalog.js";
import { isAhrError } from "../../../src/errors.js";
import { JsonNumber, parseJson } from "../../../src/inputs/amazon/json.js";
import { parseSellerPerformance } from "../../../src/inputs/amazon/v2.js";
import { looksLikeJson, readDocument } from "../../../src/read/document.js";
import { formatDay, parseDay } from "../../../src/time.js";

const SAMPLE = "/work/shared/samples/seller-performance-v2.json";
const sampleText = (): string => readFileSync(new URL("../../../fixtures/amazon/seller-performance-v2.json", import.meta.url), "utf8");
const day = (s: string): number => parseDay(s)!;

function codeOf(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isAhrError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("no error");
}

describe("the sample document", () => {
  const doc = parseSellerPerformance(sampleText(), "v2.json");
  const us = doc.marketplaces.find((m) => m.marketplaceId === "ATVPDKIKX0DER")!;
  const ca = doc.marketplaces.find((m) => m.marketplaceId === "A2EUQ1WTGCTBG2")!;

  it("is the repository's copy of the shared sample", () => {
    let shared: string | null = null;
    try {
      shared = readFileSync(SAMPLE, "utf8");
    } catch {
      shared = null; // not on every machine
    }
    if (shared !== null) expect(sampleText()).toBe(shared);
  });

  it("has both marketplaces, their account statuses, and D = 2026-05-19 (the latest reportingDateTo)", () => {
    expect(doc.marketplaces.map((m) => [m.marketplaceId, m.accountStatus])).toEqual([
      ["ATVPDKIKX0DER", "NORMAL"],
      ["A2EUQ1WTGCTBG2", "NORMAL"],
    ]);
    expect(formatDay(doc.lastDay!)).toBe("2026-05-19");
  });

  it("US: every metric block, the 30-day LSR once (list and single block name the same range)", () => {
    const rows = us.figures.map((f) => [f.metric, f.channel, formatDay(f.range!.from), formatDay(f.range!.to), f.numerator, f.denominator]);
    expect(rows).toEqual([
      [METRICS.odr.id, "mfn", "2026-03-06", "2026-05-04", 9, 1840],
      [METRICS.odr.id, "afn", "2026-03-06", "2026-05-04", 12, 3120],
      [METRICS.lsr.id, "mfn", "2026-05-09", "2026-05-18", 14, 301],
      [METRICS.lsr.id, "mfn", "2026-04-19", "2026-05-18", 21, 905],
      [METRICS.pfcr.id, "mfn", "2026-05-12", "2026-05-18", 3, 212],
      [METRICS.vtr.id, "mfn", "2026-04-10", "2026-05-09", 871, 880],
      [METRICS.otdr.id, "mfn", "2026-04-10", "2026-05-09", 833, 871],
    ]);
    expect(us.figures[0]!.components).toEqual({ negativeFeedback: 5, claims: 4, chargebacks: 1 });
    expect(us.figures[0]!.rate).toEqual({ value: 0.004891, decimals: 6 });
    expect(us.figures[0]!.status).toBe("GOOD");
    expect(us.figures[0]!.targetValue).toBe(0.01);
    expect(us.figures[0]!.targetCondition).toBe("LESS_THAN");
    expect(us.others.map((o) => o.path)).toEqual(["performanceMetrics[0].unitOnTimeDeliveryRate", "performanceMetrics[0].invoiceDefectRate"]);
  });

  it("US: the AHR score and status, the violation counts by category", () => {
    expect(us.ahr).toEqual({ score: 312, status: "GREAT", range: { from: day("2025-11-21"), to: day("2026-05-19") } });
    expect(us.violations).toHaveLength(11);
    expect(us.violations.find((v) => v.key === "listingPolicyViolations")).toMatchObject({ count: 1, category: "other", status: "BAD" });
    expect(us.violations.filter((v) => v.category === "intellectual_property").map((v) => v.key)).toEqual([
      "receivedIntellectualPropertyComplaints",
      "suspectedIntellectualPropertyViolations",
    ]);
    expect(us.warnings).toBe(0);
    expect(us.warningStates).toEqual([]);
  });

  it("CA (sparse): counts left out are null, never 0; the rate keeps the digits printed (0.0 has 1)", () => {
    const [mfn, afn] = ca.figures.filter((f) => f.metric === METRICS.odr.id);
    expect([afn!.channel, afn!.denominator, afn!.numerator, afn!.components]).toEqual(["afn", 118, null, { negativeFeedback: null, claims: null, chargebacks: null }]);
    expect([mfn!.channel, mfn!.denominator, mfn!.numerator, mfn!.rate]).toEqual(["mfn", 64, null, { value: 0.015625, decimals: 6 }]);
    const lsr10 = ca.figures.find((f) => f.metric === METRICS.lsr.id)!;
    expect(lsr10.rate).toEqual({ value: 0, decimals: 1 });
    const vtr = ca.figures.find((f) => f.metric === METRICS.vtr.id)!;
    expect([vtr.denominator, vtr.numerator]).toEqual([26, null]);
    expect(ca.figures.some((f) => f.metric === METRICS.pfcr.id)).toBe(false);
    expect(ca.ahr?.score).toBe(224);
    expect(ca.violations.map((v) => v.key)).toEqual(["listingPolicyViolations"]);
  });
});

describe("the schema example's spellings and date shapes", () => {
  const doc = parseSellerPerformance(
    JSON.stringify({
      performanceMetrics: [
        {
          marketplaceId: "ATVPDKIKX0DER",
          accountHealthRating: { ahrScore: 180, accountHealthRatingStatus: "AT_RISK" },
          prefulfillmentCancelRate: {
            reportingDateRange: { reportingDateFrom: "2026-05-12T00:00Z", reportingDateTo: "2026-05-18" },
            orderCount: "40",
            cancellationCount: { count: 1 },
            rate: 0.025,
          },
          lateShipmentRate: {
            reportingDateRange: { reportingDateFrom: "2026-04-19T00:00:00.000+00:00", reportingDateTo: "2026-05-18T23:59:59Z" },
            orderCount: 10,
            lateShipmentCount: 0,
          },
          warningState: "AT_RISK_OF_DEACTIVATION",
        },
      ],
    }),
    "x.json",
  );
  const m = doc.marketplaces[0]!;
  it("reads prefulfillmentCancelRate, accountHealthRatingStatus, a single warningState, a count as a string or {count}", () => {
    expect(m.ahr).toEqual({ score: 180, status: "AT_RISK", range: null });
    const pfcr = m.figures.find((f) => f.metric === METRICS.pfcr.id)!;
    expect([pfcr.numerator, pfcr.denominator, pfcr.rate]).toEqual([1, 40, { value: 0.025, decimals: 3 }]);
    expect(m.warningStates).toEqual(["AT_RISK_OF_DEACTIVATION"]);
    expect(m.accountStatus).toBeNull();
  });
  it("dates without seconds, with a fraction and offset, and dates alone: the date as written", () => {
    const pfcr = m.figures.find((f) => f.metric === METRICS.pfcr.id)!;
    expect(pfcr.range).toEqual({ from: day("2026-05-12"), to: day("2026-05-18") });
    const lsr = m.figures.find((f) => f.metric === METRICS.lsr.id)!;
    expect(lsr.range).toEqual({ from: day("2026-04-19"), to: day("2026-05-18") });
    expect(formatDay(doc.lastDay!)).toBe("2026-05-18");
  });
  it("an empty document with only accountStatuses is read (no figures)", () => {
    const d = parseSellerPerformance('{"accountStatuses":[{"marketplaceId":"A1PA6795UKMFR9","status":"NORMAL"}]}', "s.json");
    expect(d.marketplaces).toEqual([
      { marketplaceId: "A1PA6795UKMFR9", accountStatus: "NORMAL", figures: [], others: [], ahr: null, violations: [], warnings: null, warningStates: [] },
    ]);
    expect(d.lastDay).toBeNull();
  });
});

describe("bad input: one coded line naming the file, the place and the fix", () => {
  it("broken JSON: line and column", () => {
    const e = codeOf(() => parseSellerPerformance('{\n  "performanceMetrics": [\n    {"marketplaceId": "X",}\n  ]\n}', "v2.json"));
    expect(e.code).toBe("AMAZON_JSON");
    expect(e.message).toBe(
      'v2.json:3: not valid JSON (column 27: expected a key in quotes, found "}"); download the seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT) again as JSON',
    );
  });
  it("JSON that is not the report", () => {
    expect(codeOf(() => parseSellerPerformance('{"reportType":"x"}', "a.json")).code).toBe("AMAZON_NOT_V2");
    expect(codeOf(() => parseSellerPerformance("[1,2]", "a.json")).code).toBe("AMAZON_NOT_V2");
  });
  it("a count that is not a whole number, a date that is not one, a block without its marketplace", () => {
    const block = (extra: object): string => JSON.stringify({ performanceMetrics: [{ marketplaceId: "ATVPDKIKX0DER", ...extra }] });
    const e1 = codeOf(() => parseSellerPerformance(block({ validTrackingRate: { shipmentCount: 1.5 } }), "v.json"));
    expect(e1.message).toBe(
      "v.json: performanceMetrics[0].validTrackingRate.shipmentCount: \"1.5\" is not a whole number of 0 or more; every field is optional: correct it or leave it out",
    );
    const e2 = codeOf(() =>
      parseSellerPerformance(block({ validTrackingRate: { reportingDateRange: { reportingDateFrom: "2026-02-30", reportingDateTo: "2026-03-01" } } }), "v.json"),
    );
    expect(e2.code).toBe("AMAZON_VALUE");
    expect(e2.message).toContain("performanceMetrics[0].validTrackingRate.reportingDateRange.reportingDateFrom: \"\\\"2026-02-30\\\"\" is not a date like 2026-05-18T23:59:59Z");
    const e3 = codeOf(() => parseSellerPerformance('{"performanceMetrics":[{"orderDefectRate":{}}]}', "v.json"));
    expect(e3.message).toContain("performanceMetrics[0].marketplaceId");
  });
  it("a file is never parsed as anything but data: __proto__ keys are plain keys", () => {
    const v = parseJson('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  it("numbers keep their text", () => {
    const v = parseJson('[0.0, 1e-3, -12, 0.961538]') as JsonNumber[];
    expect(v.map((n) => [n.value, n.decimals])).toEqual([[0, 1], [0.001, 3], [-12, 0], [0.961538, 6]]);
  });
});

describe("the document bytes: plain, gzip, BOM; told from a table by content", () => {
  const dir = mkdtempSync(join(tmpdir(), "ahr-v2-"));
  const plain = join(dir, "report");
  const gz = join(dir, "report.gz");
  const table = join(dir, "orders.txt");
  writeFileSync(plain, "\ufeff\n  " + sampleText());
  writeFileSync(gz, gzipSync(Buffer.from(sampleText())));
  writeFileSync(table, "order-id\tpurchase-date\n");
  it("reads gzip and plain to the same text (a BOM dropped)", async () => {
    const a = await readDocument(gz);
    const b = await readDocument(plain);
    expect(a.gzip).toBe(true);
    expect(b.gzip).toBe(false);
    expect(a.text).toBe(sampleText());
    expect(b.text.trim()).toBe(sampleText().trim());
    expect(parseSellerPerformance(b.text, plain).marketplaces).toHaveLength(2);
  });
  it("looksLikeJson: the documents yes, a table no", async () => {
    expect(await looksLikeJson(plain)).toBe(true);
    expect(await looksLikeJson(gz)).toBe(true);
    expect(await looksLikeJson(table)).toBe(false);
  });
  it("a missing file is FILE_NOT_FOUND", async () => {
    await expect(readDocument(join(dir, "nope.json"))).rejects.toMatchObject({ code: "FILE_NOT_FOUND" });
  });
});

/**
 * SPEC 9.3 on a hand-made fixture (fixtures/marketplaces, README there), as of 2026-05-20 (UTC).
 * Windows: ODR W(60, 14) = 2026-03-08..2026-05-06; PFCR 7d = 05-14..05-20; LSR 10d = 05-11..05-20,
 * 30d = 04-21..05-20; VTR 30d = 04-21..05-20; CRT 7d = 05-14..05-20.
 *
 * Orders (MFN unless said): Amazon.com U1..U4 bought 04-20, ship by 04-22, U1..U3 shipped 04-21,
 * U4 shipped 04-23 (late), U3 without tracking; U5 bought 05-15, cancelled by the seller; U6
 * bought 05-15, ship by 05-17, shipped 05-16. Amazon.ca C1, C2 bought 04-20 shipped 04-21 (ship
 * by 04-22); C3 bought 05-15, ship by 05-17, shipped 05-16; all tracked. S01-... (AFN,
 * `Non-Amazon`: MCF) and SHOP-... (`Shopify`, shipped late without tracking): excluded.
 * Feedback: U1 1 star (a defect), C1 3 stars (not one), the MCF order 1 star (excluded), an
 * order not in the orders input 1 star on 04-27 (unmatched: on or after 03-08). Messages: M1 on
 * U6 answered in 2 h; M2 without an order id, answered after 50 h. Violations: high (8 points)
 * marked CA, low (2 points) without a marketplace.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkHealth } from "../../src/engine/check.js";
import type { MetricRow, Report } from "../../src/report/types.js";
import { ROOT } from "../cli/helpers.js";

const DIR = join(ROOT, "fixtures", "marketplaces");
const AS_OF = "2026-05-20";
/** fixtures/marketplaces-one/orders.csv: the Amazon.com orders U1..U6, and the MCF and Shopify orders. */
const ONE = join(ROOT, "fixtures", "marketplaces-one", "orders.csv");

function row(r: Report, marketplace: string | undefined, id: string, windowDays: number, channel = "mfn"): MetricRow {
  const found = r.metrics.find((m) => m.marketplace === marketplace && m.id === id && m.windowDays === windowDays && m.channel === channel);
  if (found === undefined) throw new Error(`no row ${marketplace} ${id} ${windowDays} ${channel}`);
  return found;
}

const nd = (m: MetricRow): [number | null, number | null] => [m.numerator, m.denominator];

describe("marketplaces (SPEC 9.3)", () => {
  it("every metric row and the AHR per marketplace, each row naming its marketplace", async () => {
    const r = await checkHealth({ paths: [DIR], asOf: AS_OF });
    expect(r.marketplaces?.map((m) => m.marketplace)).toEqual(["Amazon.com", "Amazon.ca"]); // 6 orders, then 3
    expect(Object.keys(r).slice(0, 4)).toEqual(["schemaVersion", "tool", "asOf", "timeZone"]);
    expect(r.metrics.every((m) => m.marketplace === "Amazon.com" || m.marketplace === "Amazon.ca")).toBe(true);
    // each marketplace has the rows one report has: the same ids, windows and channels
    const keys = (m: string): string[] => r.metrics.filter((x) => x.marketplace === m).map((x) => `${x.id}/${x.windowDays}/${x.channel}`);
    expect(keys("Amazon.com")).toEqual(keys("Amazon.ca"));

    // ODR MFN: US U1..U4 bought in the window, U1's 1 star: 1/4; CA C1, C2, 3 stars is no defect: 0/2
    // (as one account it would be 1/6, and the Shopify and MCF orders would be in it)
    expect(nd(row(r, "Amazon.com", "odr", 60))).toEqual([1, 4]);
    expect(nd(row(r, "Amazon.ca", "odr", 60))).toEqual([0, 2]);
    // PFCR 7d: US U5 (cancelled by the seller) and U6 bought 05-15: 1/2; CA C3: 0/1
    expect(nd(row(r, "Amazon.com", "pfcr", 7))).toEqual([1, 2]);
    expect(nd(row(r, "Amazon.ca", "pfcr", 7))).toEqual([0, 1]);
    // LSR 30d: US ship-by 04-22 x4 and 05-17 (U6), U5 cancelled: U4 late, 1/5; CA 0/3 (C1, C2, C3)
    // LSR 10d: ship-by 05-17 only: US U6 0/1, CA C3 0/1
    expect(nd(row(r, "Amazon.com", "lsr", 30))).toEqual([1, 5]);
    expect(nd(row(r, "Amazon.ca", "lsr", 30))).toEqual([0, 3]);
    expect(nd(row(r, "Amazon.com", "lsr", 10))).toEqual([0, 1]);
    expect(nd(row(r, "Amazon.ca", "lsr", 10))).toEqual([0, 1]);
    // VTR 30d (good over all): US shipped 04-21 x3, 04-23, 05-16, U3 untracked: 4/5; CA 3/3
    expect(nd(row(r, "Amazon.com", "vtr", 30))).toEqual([4, 5]);
    expect(nd(row(r, "Amazon.ca", "vtr", 30))).toEqual([3, 3]);
    // CRT 7d: M1 names U6 (US), answered in 2 h: 1/1; M2 names no order: unattributed, in neither
    expect(nd(row(r, "Amazon.com", "crt", 7, "all"))).toEqual([1, 1]);
    expect(nd(row(r, "Amazon.ca", "crt", 7, "all"))).toEqual([0, 0]);

    // AHR: US 200 - 2 (the low violation applies everywhere) = 198; CA 200 - 8 (marked CA) - 2 = 190
    const ahr = Object.fromEntries((r.marketplaces ?? []).map((m) => [m.marketplace, m.accountHealth.score]));
    expect(ahr).toEqual({ "Amazon.com": 198, "Amazon.ca": 190 });
    // the single-account field is the worst one, naming it
    expect(r.accountHealth).toMatchObject({ marketplace: "Amazon.ca", score: 190, band: "at_risk" });

    // Summary: US breaches ODR 60d, PFCR 7d, LSR 30d, VTR 30d (4); at risk: both AHRs (198, 190 < 200)
    expect(r.summary).toEqual({ status: "breach", breaches: 4, atRisk: 2, exitCode: 1 });
    expect(r.marketplaces?.map((m) => m.summary.exitCode)).toEqual([1, 0]);
  });

  it("MCF and non-Amazon. channels are left out of everything, counted as excluded, with their rows", async () => {
    const r = await checkHealth({ paths: [DIR], asOf: AS_OF });
    const orders = r.inputs.find((i) => i.kind === "orders")!;
    // 11 rows, 11 orders: 9 of Amazon.com and Amazon.ca, S01-... and SHOP-... read and excluded
    expect(orders).toMatchObject({ rows: 11, records: 11, excluded: 2 });
    const feedback = r.inputs.find((i) => i.kind === "feedback")!;
    // 4 rows: the MCF order's excluded; 999-... unmatched (dated 04-27, on or after 03-08)
    expect(feedback).toMatchObject({ rows: 4, records: 4, unmatched: 1, excluded: 1 });
    expect(r.notes).toContain(
      '2 orders are of no Amazon marketplace (sales channel Non-Amazon: Multi-Channel Fulfillment, or another channel not starting with "Amazon."): left out of every metric and the AHR, with 1 row of feedback naming them; counted as excluded',
    );
    // the excluded Shopify order shipped late and untracked: in no LSR or VTR row
    const lsr30 = r.metrics.filter((m) => m.id === "lsr" && m.windowDays === 30).map(nd);
    expect(lsr30).toEqual([[1, 5], [0, 3]]);
  });

  it("a record that names no order of a marketplace is unattributed and noted", async () => {
    const r = await checkHealth({ paths: [DIR], asOf: AS_OF });
    const messages = r.inputs.find((i) => i.kind === "messages")!;
    expect(messages.unattributed).toBe(1); // M2, no order id
    expect(r.notes).toContain(
      "1 messages record names no order of a marketplace (no order id, an order without a sales channel, or one not in the orders input): left out of every marketplace's metrics (unattributed)",
    );
  });

  it("--marketplace keeps only those (name, code or id); the exit code is the worst shown", async () => {
    const ca = await checkHealth({ paths: [DIR], asOf: AS_OF, marketplaces: ["CA"] });
    expect(ca.marketplaces?.map((m) => m.marketplace)).toEqual(["Amazon.ca"]);
    expect(new Set(ca.metrics.map((m) => m.marketplace))).toEqual(new Set(["Amazon.ca"]));
    // CA alone: no breach; its AHR 190 is at risk, which fails only under --fail-on at_risk
    expect(ca.summary).toEqual({ status: "at_risk", breaches: 0, atRisk: 1, exitCode: 0 });
    expect(ca.accountHealth).toMatchObject({ marketplace: "Amazon.ca", score: 190 });
    expect(ca.notes[0]).toBe(
      "Amazon judges each marketplace on its own: every metric and the AHR are computed for Amazon.ca separately (--marketplace; the orders also hold Amazon.com)",
    );
    // by id (A2EUQ1WTGCTBG2 is Amazon.ca) and by name, any case: the same report
    const byId = await checkHealth({ paths: [DIR], asOf: AS_OF, marketplaces: ["A2EUQ1WTGCTBG2"] });
    const byName = await checkHealth({ paths: [DIR], asOf: AS_OF, marketplaces: ["amazon.ca"] });
    expect(byId).toEqual(ca);
    expect(byName).toEqual(ca);
    // US alone: its 4 breaches, exit 1
    const us = await checkHealth({ paths: [DIR], asOf: AS_OF, marketplaces: ["US"] });
    expect(us.summary).toMatchObject({ breaches: 4, exitCode: 1 });
    // both named: as without the flag, in the orders' order whatever the flags' order
    const both = await checkHealth({ paths: [DIR], asOf: AS_OF, marketplaces: ["CA", "US"] });
    const all = await checkHealth({ paths: [DIR], asOf: AS_OF });
    expect(both).toEqual(all);
  });

  it("the account's name is kept (config account)", async () => {
    const r = await checkHealth({ paths: [DIR], asOf: AS_OF, config: { account: "NA unified" } });
    expect(Object.keys(r).slice(0, 3)).toEqual(["schemaVersion", "tool", "account"]);
    expect(r.account).toBe("NA unified");
  });

  it("an unknown --marketplace value: MARKETPLACE_UNKNOWN listing the marketplaces present", async () => {
    await expect(checkHealth({ paths: [DIR], asOf: AS_OF, marketplaces: ["DE"] })).rejects.toMatchObject({
      code: "MARKETPLACE_UNKNOWN",
      params: { value: "DE", found: ["Amazon.com (US)", "Amazon.ca (CA)"] },
    });
    await expect(checkHealth({ paths: [DIR], asOf: AS_OF, marketplaces: [42] as never })).rejects.toMatchObject({ code: "OPTIONS_INVALID" });
  });

  it("one marketplace: no split, no marketplace field, MCF still excluded, a record naming no order used", async () => {
    const messages = join(DIR, "messages.csv");
    const r = await checkHealth({ files: { orders: [ONE], messages: [messages] }, asOf: AS_OF });
    expect(r.marketplaces).toBeUndefined();
    expect(r.metrics.some((m) => "marketplace" in m)).toBe(false);
    expect(r.accountHealth.marketplace).toBeUndefined();
    // CRT 7d: M1 (2 h) and M2 (50 h, late): 1/2; nothing is unattributed
    expect(nd(row(r, undefined, "crt", 7, "all"))).toEqual([1, 2]);
    expect(r.inputs.find((i) => i.kind === "messages")?.unattributed).toBeUndefined();
    // MCF and Shopify left out with one marketplace too: 8 orders read, 2 excluded; LSR 30d 1/5
    // (U4 of U1..U4, U6), not 2/6 with the Shopify order shipped late
    expect(r.inputs[0]).toMatchObject({ kind: "orders", rows: 8, records: 8, excluded: 2 });
    expect(nd(row(r, undefined, "lsr", 30))).toEqual([1, 5]);
    // VTR 30d 4/5 (U3 untracked), not 4/6 with the untracked Shopify order
    expect(nd(row(r, undefined, "vtr", 30))).toEqual([4, 5]);
    // --marketplace naming the one marketplace changes nothing
    expect(await checkHealth({ files: { orders: [ONE], messages: [messages] }, asOf: AS_OF, marketplaces: ["US"] })).toEqual(r);
  });
});

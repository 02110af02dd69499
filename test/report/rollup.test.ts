import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildRollup,
  failedAccount,
  readReport,
  rowError,
  unreadableReport,
  worstFirst,
  type RollupEntry,
  type RollupMetric,
} from "../../src/report/rollup.js";
import { reportDoc } from "../helpers/reports.js";

const V = { version: "9.9.9" };

describe("readReport: one parsed report -> its rows", () => {
  it("a one-marketplace report is one row; the account from the report, metrics worst first", () => {
    const doc = reportDoc({
      account: "acme",
      asOf: "2026-12-02",
      status: "breach",
      exitCode: 1,
      metrics: [
        { id: "odr", channel: "afn", windowDays: 60, rate: 0, status: "good" },
        { id: "crt", windowDays: 7, rate: null, status: "no_data", level: "warn" },
        { id: "otdr", rate: 0.8632, status: "breach", level: "warn" },
        { id: "rdr", rate: 0.0909, status: "at_risk", level: "warn" },
        { id: "odr", channel: "mfn", windowDays: 60, rate: 0.0195, status: "breach" },
      ],
    });
    const [row, ...rest] = readReport("r/acme.json", doc, "file-name");
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      account: "acme",
      marketplace: null,
      source: "r/acme.json",
      state: "ok",
      status: "breach",
      asOf: "2026-12-02",
      breaches: 2,
      atRisk: 1,
      accountHealth: { score: 204, band: "healthy", status: "good", deactivationRisk: false },
      error: null,
      reportExitCode: 1,
    });
    // breach before at_risk before good before no_data; error-level before warn at equal status.
    expect(row!.metrics.map((m) => `${m.id}-${m.channel}-${m.status}`)).toEqual([
      "odr-mfn-breach",
      "otdr-all-breach",
      "rdr-all-at_risk",
      "odr-afn-good",
      "crt-all-no_data",
    ]);
  });

  it("without an account in the report, the name the caller gives (the file's base name)", () => {
    const doc = reportDoc({ asOf: "2026-12-02", status: "good", exitCode: 0, metrics: [] });
    expect(readReport("x/shop-7.json", doc, "shop-7")[0]!.account).toBe("shop-7");
    expect(readReport("x/shop-7.json", { ...doc, account: "" }, "shop-7")[0]!.account).toBe("shop-7");
  });

  it("schemaVersion other than 1: other_version, with its as-of date kept", () => {
    const [row] = readReport("r/a.json", { schemaVersion: 2, asOf: "2026-12-01", account: "a" }, "a");
    expect(row).toMatchObject({ state: "other_version", account: "a", asOf: "2026-12-01", status: null, metrics: [] });
    expect(row!.error).toEqual({
      code: "REPORT_VERSION",
      message: "schemaVersion 2; this ahr reads schemaVersion 1; check the account again with this version of ahr",
    });
  });

  const unreadable: [string, unknown, string][] = [
    ["a list", [1, 2], "not an ahr check report: the JSON is not an object"],
    ["null", null, "not an ahr check report: the JSON is not an object"],
    ["no schemaVersion", { asOf: "2026-12-01" }, "not an ahr check report: no schemaVersion"],
    ["a trend report", { schemaVersion: 1, metric: "odr", series: [] }, "not an ahr check report: this is an ahr trend report"],
    ["a roll-up", { schemaVersion: 1, kind: "rollup", rows: [] }, "not an ahr check report: this is a roll-up"],
  ];
  for (const [name, doc, message] of unreadable) {
    it(`${name}: unreadable, REPORT_SHAPE`, () => {
      const [row] = readReport("r/a.json", doc, "a");
      expect(row).toMatchObject({ state: "unreadable", account: "a", status: null, error: { code: "REPORT_SHAPE", message } });
    });
  }

  it("a field of the wrong type names its path", () => {
    const good = reportDoc({ asOf: "2026-12-02", status: "good", exitCode: 0, metrics: [{ id: "odr", rate: 0, status: "good" }] });
    const cases: [(d: any) => void, string][] = [
      [(d) => (d.metrics[0].rate = "1%"), "metrics[0].rate: expected a number or null"],
      [(d) => (d.metrics[0].status = "bad"), "metrics[0].status: expected one of good, at_risk, breach, no_data"],
      [(d) => delete d.metrics[0].id, "metrics[0].id is missing"],
      [(d) => (d.asOf = "12/02/2026"), "asOf: expected a date YYYY-MM-DD"],
      [(d) => (d.summary.exitCode = 2), "summary.exitCode: expected 0 or 1"],
      [(d) => (d.accountHealth = 5), "accountHealth: expected an object"],
      [(d) => (d.accountHealth.score = null), "accountHealth.score: expected a number"],
      [(d) => (d.metrics = {}), "metrics: expected a list"],
    ];
    for (const [spoil, detail] of cases) {
      const doc = structuredClone(good);
      spoil(doc);
      expect(readReport("f.json", doc, "f")[0]!.error).toEqual({ code: "REPORT_SHAPE", message: `not an ahr check report: ${detail}` });
    }
  });

  it("a report of two marketplaces: one row each, with its own metrics and AHR", () => {
    const doc = reportDoc({
      account: "acme",
      asOf: "2026-12-02",
      status: "breach",
      exitCode: 1,
      metrics: [
        { id: "odr", channel: "mfn", rate: 0.02, status: "breach", marketplace: "Amazon.com" },
        { id: "odr", channel: "mfn", rate: 0.001, status: "good", marketplace: "Amazon.ca" },
        { id: "rdr", rate: 0.09, status: "at_risk", level: "warn", marketplace: "Amazon.ca" },
      ],
    });
    doc["accountHealth"] = [
      { marketplace: "Amazon.com", score: 210, band: "healthy", status: "good", deactivationRisk: false },
      { marketplace: "Amazon.ca", score: 150, band: "at_risk", status: "at_risk", deactivationRisk: false },
    ];
    const rows = readReport("r/acme.json", doc, "acme");
    expect(rows.map((r) => [r.marketplace, r.status, r.breaches, r.atRisk, r.accountHealth?.score, r.reportExitCode])).toEqual([
      // .com: the odr breach (error level) -> status breach, 1 breach, exit 1.
      ["Amazon.com", "breach", 1, 0, 210, 1],
      // .ca: rdr at_risk (warn) + AHR at_risk -> at_risk, 0 breaches, 2 at risk; the AHR is an
      // error-level row at risk, so this row also holds what may have failed the report: exit 1.
      ["Amazon.ca", "at_risk", 0, 2, 150, 1],
    ]);
    expect(rows[1]!.metrics.map((m) => m.id)).toEqual(["rdr", "odr"]);
  });
});

describe("worstFirst", () => {
  it("keeps the report's order among equals", () => {
    const m = (id: string, status: RollupMetric["status"], level: "error" | "warn" = "error"): RollupMetric => ({
      id,
      channel: "all",
      windowDays: 30,
      rate: 0,
      status,
      level,
    });
    const sorted = worstFirst([m("a", "good"), m("b", "breach", "warn"), m("c", "good"), m("d", "breach"), m("e", "no_data")]);
    expect(sorted.map((x) => x.id)).toEqual(["d", "b", "a", "c", "e"]);
  });
});

function okEntry(account: string, asOf: string, status: "good" | "at_risk" | "breach", exit: 0 | 1, score = 204): RollupEntry {
  const [row] = readReport(
    `r/${account}.json`,
    reportDoc({
      account,
      asOf,
      status,
      exitCode: exit,
      metrics: [{ id: "odr", rate: 0.01, status }],
      ahr: { score, band: "healthy", status: "good" },
    }),
    account,
  );
  return row!;
}

describe("buildRollup: staleness, exit codes, worst first", () => {
  it("stale = as-of more than one day before the newest usable report; stale rows exit 2", () => {
    const r = buildRollup(
      [
        okEntry("newest", "2026-12-02", "good", 0),
        okEntry("one-day", "2026-12-01", "good", 0), // 1 day older: not stale
        okEntry("two-days", "2026-11-30", "good", 0), // 2 days older: stale
      ],
      V,
    );
    expect(r.newestAsOf).toBe("2026-12-02");
    const by = Object.fromEntries(r.rows.map((x) => [x.account, [x.state, x.ageDays, x.exitCode]]));
    expect(by).toEqual({ newest: ["ok", 0, 0], "one-day": ["ok", 1, 0], "two-days": ["stale", 2, 2] });
    expect(r.summary.exitCode).toBe(2);
  });

  it("another version's newer date does not make the others stale (only usable reports count)", () => {
    const [v2] = readReport("r/v.json", { schemaVersion: 2, asOf: "2027-06-01" }, "v");
    const r = buildRollup([okEntry("a", "2026-12-02", "good", 0), v2!], V);
    expect(r.newestAsOf).toBe("2026-12-02");
    expect(r.rows.find((x) => x.account === "a")!.state).toBe("ok");
  });

  it("exit code: the worst row's; 0 when every report is good and current", () => {
    expect(buildRollup([okEntry("a", "2026-12-02", "good", 0), okEntry("b", "2026-12-02", "at_risk", 0)], V).summary.exitCode).toBe(0);
    expect(buildRollup([okEntry("a", "2026-12-02", "good", 0), okEntry("b", "2026-12-02", "breach", 1)], V).summary.exitCode).toBe(1);
    const failed = failedAccount("c", rowError("FILE_NOT_FOUND", {}));
    expect(buildRollup([okEntry("b", "2026-12-02", "breach", 1), failed], V).summary.exitCode).toBe(2);
    // A breach whose check ran with --fail-on never wrote exitCode 0: the roll-up honours it.
    expect(buildRollup([okEntry("b", "2026-12-02", "breach", 0)], V).summary.exitCode).toBe(0);
  });

  it("order: exit 2 first (failed, unreadable, other version, stale), then breach, at risk, good; by AHR, then name", () => {
    const entries: RollupEntry[] = [
      okEntry("good-b", "2026-12-02", "good", 0, 300),
      okEntry("good-a", "2026-12-02", "good", 0, 300),
      okEntry("good-low-ahr", "2026-12-02", "good", 0, 150),
      okEntry("risk", "2026-12-02", "at_risk", 0),
      okEntry("breach", "2026-12-02", "breach", 1),
      okEntry("breach-no-fail", "2026-12-02", "breach", 0),
      okEntry("stale", "2026-11-01", "good", 0),
      unreadableReport("r/bad.json", "bad", rowError("REPORT_JSON", { detail: "x" })),
      readReport("r/v2.json", { schemaVersion: 2 }, "v2")[0]!,
      failedAccount("failed", rowError("FILE_NOT_FOUND", {})),
    ];
    const names = buildRollup(entries, V).rows.map((x) => x.account);
    expect(names).toEqual([
      "failed",
      "bad",
      "v2",
      "stale",
      "breach", // exit 1
      "breach-no-fail", // exit 0, status breach
      "risk",
      "good-low-ahr", // AHR 150 before 300
      "good-a",
      "good-b",
    ]);
  });

  it("summary counts and duplicates", () => {
    const r = buildRollup(
      [
        okEntry("a", "2026-12-02", "breach", 1),
        { ...okEntry("a", "2026-12-02", "good", 0), source: "old/a.json" },
        okEntry("b", "2026-12-02", "at_risk", 0),
        okEntry("c", "2026-11-20", "good", 0),
      ],
      { ...V, ignored: ["r/notes.txt"] },
    );
    expect(r.summary).toEqual({
      accounts: 3,
      rows: 4,
      breach: 1,
      atRisk: 1,
      good: 1,
      stale: 1,
      unreadable: 0,
      otherVersion: 0,
      failed: 0,
      exitCode: 2,
    });
    expect(r.duplicates).toEqual([{ account: "a", marketplace: null, sources: ["old/a.json", "r/a.json"] }]);
    expect(r.ignored).toEqual(["r/notes.txt"]);
    expect(r.tool).toEqual({ name: "ahr", version: "9.9.9" });
  });
});

describe("buildRollup properties", () => {
  const status = fc.constantFrom("good" as const, "at_risk" as const, "breach" as const);
  const entry = fc
    .record({
      account: fc.string({ maxLength: 6 }),
      day: fc.integer({ min: 1, max: 28 }),
      status,
      exit: fc.constantFrom(0 as const, 1 as const),
      score: fc.integer({ min: 0, max: 1000 }),
      kind: fc.constantFrom("ok", "ok", "ok", "unreadable", "failed"),
    })
    .map(({ account, day, status: s, exit, score, kind }, ): RollupEntry => {
      if (kind === "unreadable") return unreadableReport(`r/${account}.json`, account, rowError("REPORT_JSON", { detail: "x" }));
      if (kind === "failed") return failedAccount(account, rowError("FILE_NOT_FOUND", {}));
      return okEntry(account, `2026-11-${String(day).padStart(2, "0")}`, s, exit, score);
    });

  it("every entry is a row; the exit code is the worst row's; rows never get better going down", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        const r = buildRollup(entries, V);
        expect(r.rows.length).toBe(entries.length);
        expect(r.rows.map((x) => x.account).sort()).toEqual(entries.map((e) => e.account).sort());
        expect(r.summary.exitCode).toBe(Math.max(0, ...r.rows.map((x) => x.exitCode)));
        for (let i = 1; i < r.rows.length; i++) expect(r.rows[i - 1]!.exitCode).toBeGreaterThanOrEqual(r.rows[i]!.exitCode);
        for (const x of r.rows) {
          if (x.state === "stale") expect(x.ageDays).toBeGreaterThan(1);
          if (x.state === "ok") expect(x.ageDays).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("two reports of one account that differ only in as-of date sort newest first, whatever the input order", () => {
    // Same account, source, status, exit code and score: only asOf tells them apart (fast-check
    // found the tie: the order followed the input). Both are within a day of the newest, so ok.
    const older = okEntry("acme", "2026-11-19", "good", 0);
    const newer = okEntry("acme", "2026-11-20", "good", 0);
    for (const input of [[older, newer], [newer, older]]) {
      expect(buildRollup(input, V).rows.map((r) => r.asOf)).toEqual(["2026-11-20", "2026-11-19"]);
    }
  });

  it("the order does not depend on the order the reports were read in", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }).chain((es) => fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length }))), ([a, b]) => {
        expect(buildRollup(b, V).rows).toEqual(buildRollup(a, V).rows);
      }),
    );
  });
});

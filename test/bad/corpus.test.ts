/**
 * fixtures/bad: one small file per failure mode (fixtures/bad/README.md), each run through BOTH
 * checkHealth (rejects with the AhrError of the expected code) and the CLI (exit 2, stdout empty,
 * one "ahr: " line on stderr). Then the inputs that are NOT errors: an empty file, a header-only
 * file, a Windows-1252 file.
 */
import { describe, expect, it } from "vitest";
import { checkHealth, type CheckOptions } from "../../src/engine/index.js";
import { AhrError, type ErrorCode } from "../../src/errors.js";
import type { InputKind } from "../../src/records.js";
import type { Report } from "../../src/report/types.js";
import { AS_OF, bad, cli, expectOneLineError } from "./helpers.js";

interface Case {
  /** The fixture (file or directory under fixtures/bad). */
  fixture: string;
  /** Given as a file of this kind (--orders ...); "auto": as a path; "config": --config FILE. */
  as: InputKind | "auto" | "config";
  code: ErrorCode;
  /** Pieces the one-line message must contain. */
  says: (string | RegExp)[];
}

const CASES: Case[] = [
  {
    fixture: "missing-column.csv",
    as: "orders",
    code: "MISSING_COLUMN",
    // the file, the column, the headers accepted for it, the headers found
    says: ["missing-column.csv", "fulfillment_channel", `"fulfillment-channel", "channel"`, `found: "order-id", "purchase-date", "order-status"`],
  },
  {
    fixture: "date-dmy.csv",
    as: "orders",
    code: "VALUE",
    // line 3 is the second data row; 1/20/26 on line 2 reads fine as m/d/y
    says: ["date-dmy.csv:3:", `column "purchase-date"`, `"31/1/26"`, "is not a date", "--date-order dmy"],
  },
  {
    fixture: "unknown-channel.csv",
    as: "orders",
    code: "VALUE",
    says: ["unknown-channel.csv:3:", `column "fulfillment-channel"`, `"Drone"`, "Amazon, AFN or FBA", "--skip-invalid"],
  },
  {
    fixture: "unknown-severity.csv",
    as: "violations",
    code: "VALUE",
    says: ["unknown-severity.csv:3:", `column "severity"`, `"extreme"`, "low, medium, high or critical", "--skip-invalid"],
  },
  {
    fixture: "empty-order-id.csv",
    as: "orders",
    code: "EMPTY_REQUIRED",
    says: ["empty-order-id.csv:3:", `column "order-id" is empty`, "--skip-invalid"],
  },
  {
    fixture: "long-record.csv.gz",
    as: "orders",
    code: "RECORD_TOO_LONG",
    // the 1.1 MiB record is the first data row (line 2), inside gzip
    says: ["long-record.csv.gz:2:", "longer than 1048576 bytes"],
  },
  {
    fixture: "too-many-columns.csv",
    as: "orders",
    code: "TOO_MANY_COLUMNS",
    // 3 named columns + c1..c1999 = 2002 header cells
    says: ["too-many-columns.csv:1:", "more than 2000 columns"],
  },
  {
    fixture: "unclosed-quote.csv",
    as: "orders",
    code: "UNCLOSED_QUOTE",
    // the quote opens on line 3 and swallows lines 4-5: the error names where it opened
    says: ["unclosed-quote.csv:3:", "never closed"],
  },
  {
    fixture: "stray-quote.csv",
    as: "orders",
    code: "CSV_SYNTAX",
    // "2026-03-21"x: text after a closing quote, on line 3; the fix is spelled out
    says: ["stray-quote.csv:3:", "Invalid Closing Quote", `write a quote as ""`],
  },
  { fixture: "nul-bytes.csv", as: "orders", code: "BINARY_FILE", says: ["nul-bytes.csv:", "NUL bytes"] },
  { fixture: "utf16-no-bom.txt", as: "orders", code: "BINARY_FILE", says: ["utf16-no-bom.txt:", "UTF-16", "UTF-8"] },
  { fixture: "orders.xlsx", as: "orders", code: "BINARY_FILE", says: ["orders.xlsx:", "Excel workbook", "CSV"] },
  { fixture: "orders.xls", as: "orders", code: "BINARY_FILE", says: ["orders.xls:", "old Excel workbook (.xls)"] },
  { fixture: "orders.pdf", as: "orders", code: "BINARY_FILE", says: ["orders.pdf:", "a PDF document"] },
  // binary files are recognised before their kind is needed, so as a bare path too
  { fixture: "orders.xlsx", as: "auto", code: "BINARY_FILE", says: ["orders.xlsx:", "Excel workbook"] },
  { fixture: "damaged.csv.gz", as: "feedback", code: "FILE_UNREADABLE", says: ["damaged.csv.gz:", "gzip data is damaged"] },
  { fixture: "does-not-exist.csv", as: "orders", code: "FILE_NOT_FOUND", says: ["does-not-exist.csv:", "no such file"] },
  // its only file is empty; README files are not exports
  { fixture: "dir-empty", as: "auto", code: "DIR_EMPTY", says: ["dir-empty:", "no recognised export", "--orders FILE"] },
  {
    fixture: "dir-unrecognised",
    as: "auto",
    code: "DIR_UNRECOGNISED",
    says: ["inventory.csv:", `("sku", "price", "stock")`, "--orders, --feedback"],
  },
  {
    fixture: "ambiguous.csv",
    as: "auto",
    code: "DIR_AMBIGUOUS",
    // order_id + received_at fit messages (2 fields), order_id + requested_at fit returns (2)
    says: ["ambiguous.csv:", "messages, returns", "--messages FILE"],
  },
  {
    fixture: "config-unknown-key.json",
    as: "config",
    code: "CONFIG_INVALID",
    says: ["config-unknown-key.json:", "metrics.odr.targt", "unknown key"],
  },
  { fixture: "config-invalid.json", as: "config", code: "CONFIG_JSON", says: ["config-invalid.json:3:", "not valid JSON"] },
  {
    fixture: "blank-lines.csv.gz",
    as: "orders",
    code: "BLANK_BEFORE_HEADER",
    // 2 MiB of newlines before the header: line 1,048,577 is the first past the 1 MiB bound
    says: ["blank-lines.csv.gz:1048577:", "more than 1048576 bytes of blank lines before the header"],
  },
];

function libraryOptions(c: Case): CheckOptions {
  const path = bad(c.fixture);
  const base: CheckOptions = { asOf: AS_OF };
  if (c.as === "auto") return { ...base, paths: [path] };
  if (c.as === "config") return { ...base, config: path, files: { orders: [bad("header-only.csv")] } };
  return { ...base, files: { [c.as]: [path] } };
}

function cliArgs(c: Case): string[] {
  const path = bad(c.fixture);
  if (c.as === "auto") return [path];
  if (c.as === "config") return ["--config", path, "--orders", bad("header-only.csv")];
  return [`--${c.as}`, path];
}

async function rejection(p: Promise<unknown>): Promise<AhrError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AhrError);
    return e as AhrError;
  }
  throw new Error("expected checkHealth to reject");
}

describe("fixtures/bad: every failure mode is a coded error, through the library and the CLI", () => {
  for (const c of CASES) {
    const label = `${c.fixture}${c.as === "auto" ? " (as a path)" : c.as === "config" ? "" : ` (--${c.as})`}: ${c.code}`;

    it(`checkHealth: ${label}`, async () => {
      const e = await rejection(checkHealth(libraryOptions(c)));
      expect(e.code).toBe(c.code);
      for (const s of c.says) expect(e.message).toMatch(typeof s === "string" ? new RegExp(escape(s)) : s);
    });

    for (const format of ["table", "json", "markdown"]) {
      it(`ahr check --format ${format}: ${label}`, async () => {
        const r = await cli(["check", ...cliArgs(c), "--as-of", AS_OF, "--format", format]);
        const line = expectOneLineError(r);
        for (const s of c.says) expect(line).toMatch(typeof s === "string" ? new RegExp(escape(s)) : s);
      });
    }
  }

  it("--skip-invalid does not skip what is not a value error (a missing column, a binary file)", async () => {
    for (const c of CASES.filter((x) => x.code !== "VALUE" && x.code !== "EMPTY_REQUIRED")) {
      const r = await cli(["check", ...cliArgs(c), "--as-of", AS_OF, "--skip-invalid"]);
      expectOneLineError(r);
    }
  });

  it("--date-order dmy reads 31/1/26 (and then 1/20/26, month 20, is the bad value)", async () => {
    const e = await rejection(checkHealth({ asOf: AS_OF, dateOrder: "dmy", files: { orders: [bad("date-dmy.csv")] } }));
    expect(e.code).toBe("VALUE");
    expect(e.message).toMatch(/date-dmy\.csv:2: column "purchase-date": "1\/20\/26" is not a date/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("fixtures/bad: what is NOT an error", () => {
  const json = async (args: string[]): Promise<{ code: number; report: Report; err: string }> => {
    const r = await cli(["check", ...args, "--as-of", AS_OF, "--format", "json"]);
    return { code: r.code, report: JSON.parse(r.out) as Report, err: r.err };
  };

  it("an empty file given as orders: exit 0, every metric no_data, the input listed with 0 rows", async () => {
    const { code, report, err } = await json(["--orders", bad("empty.csv")]);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(report.metrics.length).toBeGreaterThan(0);
    for (const m of report.metrics) expect(m.status).toBe("no_data");
    expect(report.inputs).toEqual([
      { kind: "orders", files: [bad("empty.csv")], rows: 0, records: 0, skipped: 0, unmatched: 0, duplicates: 0, skippedRows: [] },
    ]);
  });

  it("an empty file given as a path: exit 0, no_data, and a note that it was skipped", async () => {
    const { code, report } = await json([bad("empty.csv")]);
    expect(code).toBe(0);
    for (const m of report.metrics) expect(m.status).toBe("no_data");
    expect(report.notes.some((n) => n.includes("empty.csv: empty file, skipped"))).toBe(true);
  });

  it("a header-only orders file (as a flag and as a path): exit 0, no_data, 0 rows", async () => {
    for (const args of [["--orders", bad("header-only.csv")], [bad("header-only.csv")]]) {
      const { code, report } = await json(args);
      expect(code).toBe(0);
      for (const m of report.metrics) expect(m.status).toBe("no_data");
      expect(report.inputs.map((i) => [i.kind, i.rows, i.records])).toEqual([["orders", 0, 0]]);
    }
    const lib = await checkHealth({ asOf: AS_OF, files: { orders: [bad("header-only.csv")] } });
    expect(lib.summary.exitCode).toBe(0);
    for (const m of lib.metrics) expect(m.status).toBe("no_data");
  });

  it("a Windows-1252 feedback file is read (1 row), with a note in the report", async () => {
    const { code, report } = await json(["--feedback", bad("windows-1252.txt")]);
    expect(code).toBe(0);
    expect(report.inputs.map((i) => [i.kind, i.rows])).toEqual([["feedback", 1]]);
    expect(report.notes).toContain(`${bad("windows-1252.txt")}: read as Windows-1252 (the file is not valid UTF-8)`);
    const table = await cli(["check", "--feedback", bad("windows-1252.txt"), "--as-of", AS_OF, "--no-color"]);
    expect(table.out).toMatch(/read as\s+Windows-1252/);
  });

  it("mixed line ends (CRLF rows, then LF rows): all 5 rows are read, and LSR is a breach", async () => {
    // ship-by / shipped: 3/23 3/22, 3/24 3/23 (CRLF, on time); 3/24 3/26, 3/25 3/27, 3/26 3/28 (LF,
    // late). LSR 10d (03-22..03-31): 3 late of 5 shipped = 60%, a breach of < 4%: exit 1.
    const { code, report } = await json(["--orders", bad("mixed-line-ends.csv")]);
    expect(code).toBe(1);
    expect(report.inputs.map((i) => [i.kind, i.rows, i.records])).toEqual([["orders", 5, 5]]);
    const lsr = report.metrics.find((m) => m.id === "lsr" && m.windowDays === 10);
    expect([lsr?.numerator, lsr?.denominator, lsr?.status]).toEqual([3, 5, "breach"]);
  });

  it("a CR-only (old Mac) TSV: both rows are read; LSR 1 late of 2", async () => {
    // ship-by 3/23 for both; shipped 3/22 (on time) and 3/26 (late): 1/2 = 50%, a breach
    const { code, report } = await json(["--orders", bad("mac-line-ends.txt")]);
    expect(code).toBe(1);
    expect(report.inputs.map((i) => [i.kind, i.rows, i.records])).toEqual([["orders", 2, 2]]);
    const lsr = report.metrics.find((m) => m.id === "lsr" && m.windowDays === 10);
    expect([lsr?.numerator, lsr?.denominator]).toEqual([1, 2]);
  });

  it("a Windows-1252 file is decoded: ö and € survive into the records", async () => {
    const { readInputs } = await import("../../src/inputs/index.js");
    const { zone } = await import("../../src/time.js");
    const inputs = await readInputs(
      { files: { feedback: [bad("windows-1252.txt")] }, auto: [] },
      { zone: zone("UTC"), dateOrder: "mdy", columns: {}, skipInvalid: false },
    );
    expect(inputs.feedback?.records.map((f) => f.comments)).toEqual(["Schön, 10 € günstiger"]);
  });
});

import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/format/json.js";
import { sampleReport } from "./sample.js";

const text = formatJson(sampleReport());

describe("formatJson", () => {
  it("is exactly one JSON document and a newline, two-space indent", () => {
    expect(text.endsWith("}\n")).toBe(true);
    expect(() => JSON.parse(text)).not.toThrow();
    expect(text.split("\n")[1]).toBe('  "schemaVersion": 1,');
  });

  it("keeps SPEC section 4 key order", () => {
    const r = JSON.parse(text) as Record<string, unknown> & { metrics: Record<string, unknown>[]; inputs: object[]; accountHealth: object; summary: object };
    expect(Object.keys(r)).toEqual(["schemaVersion", "tool", "asOf", "timeZone", "configFile", "inputs", "metrics", "accountHealth", "attention", "summary", "notes"]);
    expect(Object.keys(r.inputs[0]!)).toEqual(["kind", "files", "rows", "records", "skipped", "unmatched", "duplicates", "skippedRows"]);
    expect(Object.keys(r.metrics[0]!)).toEqual([
      "id", "name", "channel", "windowDays", "lagDays", "window", "basis", "numerator", "denominator", "rate",
      "target", "warnAt", "condition", "level", "status", "reason", "headroom", "offenders", "previous", "forecast",
    ]);
    expect(Object.keys(r.accountHealth)).toEqual([
      "score", "band", "estimated", "violationsProvided", "baseline", "volumeBonus", "orders180d", "deductions",
      "deactivationRisk", "repeatLimits", "critical", "status",
    ]);
    expect(Object.keys(r.summary)).toEqual(["status", "breaches", "atRisk", "exitCode"]);
    const offender = (r.metrics[0]!.offenders as object[])[0]!;
    expect(Object.keys(offender)).toEqual(["orderId", "date", "reason", "source"]);
  });

  it("keeps raw values (rates as fractions, text unchanged: sanitizing is for terminals)", () => {
    const r = JSON.parse(text) as { metrics: { rate: number | null; id: string }[] };
    expect(r.metrics[0]!.rate).toBe(0.03);
    expect(r.metrics.find((m) => m.id === "otdr")!.rate).toBeNull();
  });

  it("is byte-identical for the same inputs", () => {
    expect(formatJson(sampleReport())).toBe(text);
  });
});

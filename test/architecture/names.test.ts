/**
 * One home per metric and per input kind (README, Development): a metric id is written out as a
 * string only in its own module (metrics/<id>.ts, `_` as `-`), the catalog and the metrics
 * registry; an input kind's name only in its own folder (inputs/<kind>/), the inputs registry,
 * records.ts (the record types, the contract with the metrics) and the catalog (which kinds a
 * metric reads). Everywhere else code asks the catalog or the registry, so adding a metric or a
 * kind never means editing a list somewhere else.
 *
 * What counts: a string literal (or literal type, or template without substitutions) whose whole
 * text is the name, as in `id === "crt"` or `Exclude<InputKind, "orders">`. Words inside longer
 * texts ("2 more defective orders") are prose, not names.
 */
import { describe, expect, it } from "vitest";
import { METRIC_IDS } from "../../src/catalog.js";
import { INPUT_KINDS } from "../../src/records.js";
import { sourceFiles, stringsOf } from "./graph.js";

const REGISTRIES = new Set(["catalog.ts", "metrics/index.ts", "metrics/registry.ts"]);
const KIND_REGISTRIES = new Set(["catalog.ts", "records.ts", "inputs/index.ts", "inputs/registry.ts"]);

/**
 * Names written out away from home on purpose, each with why: English words that happen to
 * spell a kind's name, and the one metric helper that reads kinds by name.
 */
const PROSE: { file: string; text: string; why: string }[] = [
  ...["feedback", "claims", "chargebacks"].map((text) => ({
    file: "metrics/defects.ts",
    text,
    why: "odr's defect inputs: the three kinds whose rows are defects, in the order its sentences name them",
  })),
  { file: "format/table.ts", text: "orders", why: 'the plural in "3 orders not shipped"' },
  { file: "format/words.ts", text: "violations", why: 'the plural in "2 listing violations in 180 days"' },
  ...["claims", "chargebacks"].map((text) => ({
    file: "inputs/amazon/v2.ts",
    text,
    why: "keys of Amazon's V2 seller performance report (orderDefectRate.mfn.claims), as Amazon spells them",
  })),
];

/** Whether `file` may write out `name` (a metric id or a kind name). */
export function isHome(file: string, name: string, metrics: readonly string[], kinds: readonly string[]): boolean {
  if (PROSE.some((p) => p.file === file && p.text === name)) return true;
  if (metrics.includes(name) && (REGISTRIES.has(file) || file === `metrics/${name.replace(/_/g, "-")}.ts`)) return true;
  if (kinds.includes(name) && (KIND_REGISTRIES.has(file) || file.startsWith(`inputs/${name}/`))) return true;
  return false;
}

/** "file:line: "name"" for every name written out away from its home. */
export function strays(
  files: readonly string[],
  strings: (f: string) => { text: string; line: number }[],
  metrics: readonly string[],
  kinds: readonly string[],
): string[] {
  const names = new Set([...metrics, ...kinds]);
  const out: string[] = [];
  for (const file of files) {
    for (const s of strings(file)) {
      if (names.has(s.text) && !isHome(file, s.text, metrics, kinds)) out.push(`${file}:${s.line}: "${s.text}"`);
    }
  }
  return out;
}

describe("names live at home", () => {
  it("no metric id or input kind is written out away from its module, folder or registry", () => {
    expect(strays(sourceFiles(), stringsOf, METRIC_IDS, INPUT_KINDS)).toEqual([]);
  });
});

describe("the rule itself", () => {
  const metrics = ["odr", "refund_rate"];
  const kinds = ["orders", "feedback"];
  const files: Record<string, { text: string; line: number }[]> = {
    "metrics/odr.ts": [{ text: "odr", line: 1 }, { text: "feedback", line: 2 }],
    "metrics/refund-rate.ts": [{ text: "refund_rate", line: 1 }],
    "catalog.ts": [{ text: "odr", line: 3 }, { text: "orders", line: 4 }],
    "report/build.ts": [{ text: "refund_rate", line: 9 }, { text: "2 more defective orders", line: 10 }],
    "inputs/orders/reader.ts": [{ text: "orders", line: 5 }, { text: "feedback", line: 6 }],
    "inputs/index.ts": [{ text: "orders", line: 7 }],
  };
  it("flags exactly the names away from home", () => {
    expect(strays(Object.keys(files), (f) => files[f] ?? [], metrics, kinds)).toEqual([
      'metrics/odr.ts:2: "feedback"',
      'report/build.ts:9: "refund_rate"',
      'inputs/orders/reader.ts:6: "feedback"',
    ]);
  });
});

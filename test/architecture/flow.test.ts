/**
 * Data flows one way (README, Development): each room of src/ imports only from rooms below it,
 *
 *   index.ts (the library)
 *   cli
 *   engine | format
 *   report
 *   health
 *   metrics | inputs
 *   read | config
 *   records.ts time.ts errors.ts catalog.ts version.ts marketplaces.ts
 *
 * and rooms on one line never import each other. Type-only and dynamic imports count: a lazy
 * import is still a dependency. And no file takes part in an import cycle.
 */
import { describe, expect, it } from "vitest";
import { cycles, importsOf, sourceFiles } from "./graph.js";

const RANK: Record<string, number> = {
  "index.ts": 8,
  cli: 7,
  engine: 6,
  format: 6,
  report: 5,
  health: 4,
  metrics: 3,
  inputs: 3,
  read: 2,
  config: 2,
  base: 1,
};
const BASE = new Set(["records.ts", "time.ts", "errors.ts", "catalog.ts", "version.ts", "marketplaces.ts"]);

/** The room a file is in: its top folder, or `base` for the shared files at the top. */
export function roomOf(file: string): string {
  const top = file.split("/")[0]!;
  return BASE.has(top) ? "base" : top;
}

/** "a.ts -> b.ts" for every import in `files` that runs against the flow or leaves the map. */
export function flowViolations(files: readonly string[], importsOfFile: (f: string) => string[]): string[] {
  const bad: string[] = [];
  for (const file of files) {
    const from = roomOf(file);
    if (RANK[from] === undefined) {
      bad.push(`${file}: in no room of the flow`);
      continue;
    }
    for (const target of importsOfFile(file)) {
      const to = roomOf(target);
      if (to === from) continue;
      if (RANK[to] === undefined || RANK[to]! >= RANK[from]!) bad.push(`${file} -> ${target}`);
    }
  }
  return bad;
}

describe("the import graph", () => {
  const files = sourceFiles();
  const edges = new Map(files.map((f) => [f, importsOf(f)] as const));

  it("reads the imports it should (a check of the reader itself)", () => {
    expect(files).toContain("cli/run.ts");
    // run.ts imports commander (a package, left out), errors.ts and io.ts statically.
    expect(edges.get("cli/run.ts")).toEqual(expect.arrayContaining(["errors.ts", "cli/io.ts"]));
    expect(edges.get("cli/run.ts")!.some((f) => f.startsWith("node:") || !f.endsWith(".ts"))).toBe(false);
  });

  it("runs one way: no import against the flow, no file outside it", () => {
    expect(flowViolations(files, (f) => edges.get(f) ?? [])).toEqual([]);
  });

  it("has no import cycle", () => {
    expect(cycles(edges)).toEqual([]);
  });
});

describe("the rule itself", () => {
  const graph: Record<string, string[]> = {
    "cli/run.ts": ["engine/check.ts", "format/index.ts", "errors.ts"],
    "engine/check.ts": ["format/index.ts", "report/build.ts"],
    "health/ahr.ts": ["report/types.ts"],
    "metrics/odr.ts": ["inputs/orders/merge.ts", "records.ts"],
    "inputs/index.ts": ["read/open.ts", "config/defaults.ts"],
    "config/schema.ts": ["read/schema.ts"],
    "tools/x.ts": [],
  };
  it("flags upward and sideways imports and files outside the map, and nothing else", () => {
    expect(flowViolations(Object.keys(graph), (f) => graph[f] ?? [])).toEqual([
      "engine/check.ts -> format/index.ts",
      "health/ahr.ts -> report/types.ts",
      "metrics/odr.ts -> inputs/orders/merge.ts",
      "config/schema.ts -> read/schema.ts",
      "tools/x.ts: in no room of the flow",
    ]);
  });
  it("finds a cycle of two and of three, and a self-import", () => {
    const edges = new Map<string, string[]>([
      ["a", ["b"]],
      ["b", ["a"]],
      ["c", ["d"]],
      ["d", ["e"]],
      ["e", ["c"]],
      ["f", ["f"]],
      ["g", ["a"]],
    ]);
    expect(cycles(edges)).toEqual([["a", "b"], ["c", "d", "e"], ["f"]]);
  });
});

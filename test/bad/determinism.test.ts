/**
 * Deterministic: the same inputs and as-of date give byte-identical JSON and Markdown, run after
 * run; and a directory gives the same report as naming its files with the per-kind flags.
 *
 * Decision: `ahr check DIR` equals `ahr check --orders DIR/a --feedback DIR/b ...` byte for byte
 * when the flags name the same paths in the order the directory is read (each kind's files
 * sorted by name). Within a kind, files given in another order are the same records read in
 * another order: the metrics agree, but file lists, sources and "first row" choices may not.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/types.js";
import { ROOT } from "../cli/helpers.js";
import { bad, cli } from "./helpers.js";

const DEMO = join(ROOT, "fixtures", "demo");
const DEMO_AS_OF = "2026-11-20";

/** The demo files by kind (names from fixtures/demo/README.md). */
const DEMO_FLAGS = [
  ["--orders", "all-orders.txt"],
  ["--feedback", "seller-feedback.txt"],
  ["--claims", "claims.csv"],
  ["--chargebacks", "chargebacks.csv"],
  ["--messages", "messages.csv"],
  ["--returns", "mfn-returns.txt"],
  ["--violations", "violations.csv"],
].flatMap(([flag, name]) => [flag!, join(DEMO, name!)]);

const SETS: [string, string[]][] = [
  ["the demo directory", [DEMO, "--as-of", DEMO_AS_OF]],
  ["the demo by flags", [...DEMO_FLAGS, "--as-of", DEMO_AS_OF]],
  [
    "skipped, unmatched and duplicate rows",
    ["--orders", bad("skip-invalid", "orders.csv"), "--feedback", bad("skip-invalid", "feedback.csv"), "--skip-invalid", "--as-of", "2026-03-31"],
  ],
  [
    "hostile text",
    ["--orders", bad("hostile", "orders.csv"), "--feedback", bad("hostile", "feedback.csv"), "--violations", bad("hostile", "violations.csv"), "--as-of", "2026-03-31"],
  ],
];

describe("byte-identical output for the same inputs and as-of date", () => {
  for (const [name, args] of SETS) {
    for (const format of ["json", "markdown"]) {
      it(`${name}, --format ${format} --details: two runs, the same bytes`, async () => {
        const a = await cli(["check", ...args, "--format", format, "--details"]);
        const b = await cli(["check", ...args, "--format", format, "--details"]);
        expect(a.code).toBeLessThan(2);
        expect(a.out.length).toBeGreaterThan(0);
        expect(b.code).toBe(a.code);
        expect(b.out).toBe(a.out);
        expect(b.err).toBe(a.err);
      });
    }
  }

  it("the directory lists every demo file the flags name (so the comparison below is fair)", async () => {
    const names = (await readdir(DEMO)).filter((n) => !/^readme/i.test(n)).sort();
    const flagged = DEMO_FLAGS.filter((_, i) => i % 2 === 1).map((p) => p.slice(DEMO.length + 1)).sort();
    expect(flagged).toEqual(names);
  });

  for (const format of ["json", "markdown"]) {
    it(`a directory and the same files by per-kind flags: the same ${format} bytes`, async () => {
      const dir = await cli(["check", DEMO, "--as-of", DEMO_AS_OF, "--format", format, "--details"]);
      const flags = await cli(["check", ...DEMO_FLAGS, "--as-of", DEMO_AS_OF, "--format", format, "--details"]);
      expect(dir.code).toBe(flags.code);
      expect(dir.out).toBe(flags.out);
    });
  }

  it("the flags in another order (kinds shuffled): the same JSON", async () => {
    const pairs: string[][] = [];
    for (let i = 0; i < DEMO_FLAGS.length; i += 2) pairs.push([DEMO_FLAGS[i]!, DEMO_FLAGS[i + 1]!]);
    const reversed = pairs.reverse().flat();
    const a = await cli(["check", ...DEMO_FLAGS, "--as-of", DEMO_AS_OF, "--format", "json", "--details"]);
    const b = await cli(["check", ...reversed, "--as-of", DEMO_AS_OF, "--format", "json", "--details"]);
    expect(b.out).toBe(a.out);
  });

  it("no clock in the report: another 'now' with the same --as-of gives the same JSON", async () => {
    const { fakeIo } = await import("../cli/helpers.js");
    const { run } = await import("../../src/cli/run.js");
    const outs: string[] = [];
    for (const now of ["2026-11-21T00:00:00Z", "2031-05-05T17:00:00Z"]) {
      const f = fakeIo({ now: new Date(now) });
      await run(["check", DEMO, "--as-of", DEMO_AS_OF, "--format", "json"], f.io);
      outs.push(f.out());
    }
    expect(outs[1]).toBe(outs[0]);
    expect((JSON.parse(outs[0]!) as Report).asOf).toBe(DEMO_AS_OF);
  });
});

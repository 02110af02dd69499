/**
 * Property (issue 7): arbitrary bytes or text written as a file of any input kind (given with
 * --orders, --feedback, ... and as a bare path whose kind is decided from its header) never make
 * run() throw, never give an exit code outside 0..2, never print on stdout together with exit 2,
 * and never end in an internal error. An exit code 2 is one "ahr: " line on stderr without raw
 * controls; 0 and 1 come with one JSON document on stdout.
 *
 * Three generators per kind: raw bytes (fc.uint8Array), text made of the characters that matter
 * to a CSV/TSV reader (tabs, commas, semicolons, quotes, CR/LF, controls, non-ASCII), and the
 * kind's real header followed by rows of such text and of near-miss values (odd dates, numbers,
 * status words), which reach the value parsers.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { INPUT_KINDS, type InputKind } from "../../src/records.js";
import { SCHEMAS } from "../../src/inputs/registry.js";
import type { Report } from "../../src/report/types.js";
import { fakeIo } from "../cli/helpers.js";

const RUNS = Number(process.env.AHR_PROP_RUNS ?? 100);
const AS_OF = "2026-03-31";

let dir = "";
let counter = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ahr-prop-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CHARS = ["a", "Z", "0", "7", "-", "/", ".", ":", " ", "\t", ",", ";", '"', "'", "\n", "\r", "\r\n", "\x00", "\x1b", "ö", "€", "\u202e", "\ufeff", "|", "\\"];
const textArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 400 }).map((a) => a.join(""));

const VALUES = [
  "", " ", "2026-03-20", "2026-03-20T10:00:00Z", "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31T23:59:59+14:00",
  "3/20/26", "31/1/26", "0/0/0", "20.3.2026", "2026/3/20", "05-Jan-2026", "05-Foo-2026", "2026-03-20 25:61 PST",
  "MFN", "AFN", "Amazon", "Merchant", "FBA", "drone", "Shipped", "Cancelled", "Pending", "Unshipped",
  "1", "5", "0", "6", "-1", "1e400", "NaN", "$1,234.56", "1,5", "€12", "true", "false", "yes", "x",
  "low", "medium", "high", "critical", "extreme", "granted", "pending", "won", "buyer", "seller",
  "intellectual_property", "111-0000000-0000001", "111-0000000-0000002", '"quoted"', '"a,b"',
];
const cellArb = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 20 }));

function headerOf(kind: InputKind): string[] {
  return SCHEMAS[kind].map((s) => s.name);
}

const structuredArb = (kind: InputKind): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom("\t", ",", ";"),
      fc.constantFrom("\n", "\r\n"),
      fc.array(fc.array(cellArb, { minLength: 0, maxLength: headerOf(kind).length + 2 }), { maxLength: 12 }),
      fc.boolean(),
    )
    .map(([sep, nl, rows, required]) => {
      const header = required ? SCHEMAS[kind].filter((s) => s.required).map((s) => s.name) : headerOf(kind);
      return [header.join(sep), ...rows.map((r) => r.join(sep))].join(nl) + nl;
    });

type Content = { bytes: Uint8Array } | { text: string };
const contentArb = (kind: InputKind): fc.Arbitrary<Content> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ bytes })),
    textArb.map((text) => ({ text })),
    structuredArb(kind).map((text) => ({ text })),
  );

async function check(args: string[]): Promise<void> {
  const f = fakeIo();
  let code: number;
  try {
    code = await run([...args, "--as-of", AS_OF, "--format", "json"], f.io);
  } catch (e) {
    throw new Error(`run() threw: ${String(e)}`);
  }
  expect([0, 1, 2]).toContain(code);
  const out = f.out();
  const err = f.err();
  expect(err).not.toMatch(/internal error/);
  if (code === 2) {
    expect(out).toBe("");
    expect(err).toMatch(/^ahr: [^\n]*\n$/);
    // eslint-disable-next-line no-control-regex
    expect(err.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  } else {
    const report = JSON.parse(out) as Report;
    expect(report.summary.exitCode).toBe(code);
    for (const m of report.metrics) {
      if (m.rate !== null) {
        expect(m.rate).toBeGreaterThanOrEqual(0);
        expect(m.rate).toBeLessThanOrEqual(1);
      }
    }
  }
}

async function write(content: Content, ext: string): Promise<string> {
  const file = join(dir, `f${counter++}${ext}`);
  await writeFile(file, "bytes" in content ? content.bytes : content.text);
  return file;
}

describe("arbitrary input never crashes ahr check", () => {
  for (const kind of INPUT_KINDS) {
    it(`--${kind} FILE`, async () => {
      await fc.assert(
        fc.asyncProperty(contentArb(kind), fc.boolean(), async (content, skip) => {
          const file = await write(content, ".csv");
          await check(["check", `--${kind}`, file, ...(skip ? ["--skip-invalid"] : [])]);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("a bare path (kind decided from the header), and a .gz name", async () => {
    const anyKind = fc.constantFrom(...INPUT_KINDS).chain((k) => contentArb(k));
    await fc.assert(
      fc.asyncProperty(anyKind, fc.constantFrom(".csv", ".txt", ".gz"), fc.boolean(), async (content, ext, skip) => {
        const file = await write(content, ext);
        await check(["check", file, ...(skip ? ["--skip-invalid"] : [])]);
      }),
      { numRuns: 3 * RUNS },
    );
  });

  it("standard input (- with --kind)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...INPUT_KINDS), textArb, async (kind, text) => {
        const f = fakeIo({ stdin: text });
        const code = await run(["check", "-", "--kind", kind, "--as-of", AS_OF, "--format", "json"], f.io);
        expect([0, 1, 2]).toContain(code);
        expect(f.err()).not.toMatch(/internal error/);
        if (code === 2) expect(f.out()).toBe("");
      }),
      { numRuns: RUNS },
    );
  });
});

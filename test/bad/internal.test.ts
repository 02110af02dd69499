/**
 * An unexpected exception deep inside (simulated: buildReport is mocked to throw) is an INTERNAL
 * error: one line on stderr asking for a bug report, exit 2, nothing on stdout, and the stack
 * trace only with --debug (cleaned of control characters like every other line).
 */
import { describe, expect, it, vi } from "vitest";
import { checkHealth } from "../../src/engine/index.js";
import { AS_OF, bad, BIDI, cli, RAW_CONTROL } from "./helpers.js";

const failure = vi.hoisted(() => ({ error: null as unknown }));

vi.mock("../../src/report/build.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/report/build.js")>();
  return {
    ...real,
    buildReport: (...args: Parameters<typeof real.buildReport>) => {
      if (failure.error !== null) throw failure.error;
      return real.buildReport(...args);
    },
  };
});

const ARGS = ["check", "--orders", bad("skip-invalid", "orders.csv"), "--as-of", AS_OF, "--skip-invalid"];
const INTERNAL_LINE = /^ahr: internal error: (.*); this is a bug in ahr, please report it with the output of --debug\n/;

async function withFailure<T>(error: unknown, f: () => Promise<T>): Promise<T> {
  failure.error = error;
  try {
    return await f();
  } finally {
    failure.error = null;
  }
}

describe("unexpected exceptions", () => {
  it("the mock is transparent when not failing (the run works)", async () => {
    const r = await cli([...ARGS, "--format", "json"]);
    expect(r.code).toBe(0);
  });

  for (const format of ["table", "json", "markdown"]) {
    it(`--format ${format}: one INTERNAL line, exit 2, stdout empty, no stack`, async () => {
      const r = await withFailure(new TypeError("Cannot read properties of undefined (reading 'ms')"), () =>
        cli([...ARGS, "--format", format]),
      );
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(INTERNAL_LINE);
      expect(r.err.match(INTERNAL_LINE)?.[1]).toBe("Cannot read properties of undefined (reading 'ms')");
      expect(r.err.split("\n")).toHaveLength(2);
      expect(r.err).not.toMatch(/\bat /);
    });
  }

  it("--debug adds the stack trace after the line, cleaned of escapes", async () => {
    const r = await withFailure(new RangeError("bad \x1b]0;title\x07 value \u202e\u009b2J"), () => cli([...ARGS, "--debug"]));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const lines = r.err.split("\n");
    expect(lines[0]).toBe(
      "ahr: internal error: bad  value \\u202e; this is a bug in ahr, please report it with the output of --debug",
    );
    expect(lines[1]).toMatch(/^RangeError: bad {2}value/);
    expect(lines.slice(2).some((l) => /^ {4}at /.test(l))).toBe(true);
    expect(r.err.replace(/\n/g, "")).not.toMatch(RAW_CONTROL);
    expect(r.err).not.toMatch(BIDI);
  });

  it("a thrown non-Error (a string, undefined) is INTERNAL too", async () => {
    for (const thrown of ["plain string", undefined, 42]) {
      const r = await withFailure(thrown, () => cli(ARGS));
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(INTERNAL_LINE);
      expect(r.err.split("\n")).toHaveLength(2);
    }
  });

  it("the library passes the original exception through (it is not an AhrError)", async () => {
    const boom = new TypeError("boom");
    await withFailure(boom, async () => {
      await expect(checkHealth({ asOf: AS_OF, files: { orders: [bad("header-only.csv")] } })).rejects.toBe(boom);
    });
  });
});

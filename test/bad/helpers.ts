/** Shared checks for the fixtures/bad corpus and the hostile-input tests. */
import { join } from "node:path";
import { expect } from "vitest";
import { run } from "../../src/cli/run.js";
import { fakeIo, ROOT } from "../cli/helpers.js";

export const BAD = join(ROOT, "fixtures", "bad");
export const bad = (...parts: string[]): string => join(BAD, ...parts);
/** Every bad-input case is judged as of this day (the corpus is dated March 2026). */
export const AS_OF = "2026-03-31";

// C0 controls except the newline that ends a line, DEL, C1 controls.
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** Bidirectional controls that can reorder what a reader sees. */
export const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const f = fakeIo({ env });
  const code = await run(args, f.io);
  return { code, out: f.out(), err: f.err() };
}

/**
 * The CLI's promise for a bad input: exit 2, nothing on stdout, exactly one line on stderr that
 * starts "ahr: ", no stack trace, no raw control, escape or bidi character.
 */
export function expectOneLineError(r: CliResult): string {
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.startsWith("ahr: ")).toBe(true);
  expect(r.err.endsWith("\n")).toBe(true);
  expect(r.err.split("\n")).toHaveLength(2); // one line and its newline
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).not.toMatch(/internal error/);
  expect(r.err).not.toMatch(RAW_CONTROL);
  expect(r.err).not.toMatch(BIDI);
  return r.err;
}

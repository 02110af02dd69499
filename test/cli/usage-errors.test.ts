/**
 * Every usage error the CLI raises has its own code (errors.ts) and its own case here: the run
 * that provokes it, the exact one line on stderr, exit code 2 and nothing on stdout.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { AhrError, type ErrorCode, type ErrorParams } from "../../src/errors.js";
import { AS_OF, HEALTHY, fakeIo, tempDir } from "./helpers.js";

interface Case {
  code: ErrorCode;
  params: ErrorParams;
  argv: string[];
  line: string;
  cwd?: () => Promise<string>;
}

const CASES: Case[] = [
  {
    code: "AS_OF_NOT_DATE",
    params: { value: "2026-02-30" },
    argv: ["check", HEALTHY, "--as-of", "2026-02-30"],
    line: 'ahr: --as-of "2026-02-30" is not a date; expected YYYY-MM-DD, such as 2026-03-31',
  },
  {
    code: "TZ_UNKNOWN",
    params: { value: "Mars/Olympus" },
    argv: ["check", HEALTHY, "--as-of", AS_OF, "--tz", "Mars/Olympus"],
    line: 'ahr: --tz "Mars/Olympus" is not a time zone; expected an IANA name such as UTC, America/Los_Angeles or Europe/Berlin',
  },
  {
    code: "STDIN_TWICE",
    params: {},
    argv: ["check", "-", "--kind", "orders", "--feedback", "-", "--as-of", AS_OF],
    line: "ahr: standard input (-) can be read only once",
  },
  {
    code: "KIND_WITHOUT_STDIN",
    params: { kind: "orders" },
    argv: ["check", HEALTHY, "--kind", "feedback", "--as-of", AS_OF],
    line: "ahr: --kind applies to standard input only; use it with -, as in: ahr check - --kind orders < orders.txt",
  },
  {
    code: "NOT_WHOLE_NUMBER",
    params: { key: "--days", value: "ten" },
    argv: ["trend", "lsr", HEALTHY, "--days", "ten", "--as-of", AS_OF],
    line: 'ahr: --days "ten" is not a whole number',
  },
  {
    code: "UNKNOWN_METRIC",
    params: { value: "acos", accepted: ["odr", "pfcr", "lsr", "vtr", "otdr", "crt", "rdr", "refund_rate"] },
    argv: ["trend", "acos", HEALTHY, "--as-of", AS_OF],
    line: 'ahr: unknown metric "acos"; expected one of odr, pfcr, lsr, vtr, otdr, crt, rdr, refund_rate',
  },
  {
    code: "UNKNOWN_KIND",
    params: { value: "refunds", accepted: ["orders", "feedback", "claims", "chargebacks", "messages", "returns", "violations", "order-report", "unshipped", "shipments"] },
    argv: ["schema", "refunds"],
    line: 'ahr: unknown input kind "refunds"; expected one of orders, feedback, claims, chargebacks, messages, returns, violations, order-report, unshipped, shipments',
  },
  {
    code: "INIT_EXISTS",
    params: { file: "ahr.config.json" },
    argv: ["init"],
    line: "ahr: ahr.config.json already exists; pass --force to overwrite it",
    cwd: async () => {
      const dir = await tempDir();
      expect(await run(["init"], fakeIo({ cwd: dir }).io)).toBe(0);
      return dir;
    },
  },
  {
    code: "STDIN_KIND",
    params: { accepted: ["orders", "feedback", "claims", "chargebacks", "messages", "returns", "violations", "order-report", "unshipped", "shipments"] },
    argv: ["check", "-", "--as-of", AS_OF],
    line: 'ahr: reading standard input ("-") needs --kind orders|feedback|claims|chargebacks|messages|returns|violations|order-report|unshipped|shipments',
  },
  {
    // fixtures/marketplaces: Amazon.com (6 orders) and Amazon.ca (3); --marketplace DE is neither
    code: "MARKETPLACE_UNKNOWN",
    params: { value: "DE", found: ["Amazon.com (US)", "Amazon.ca (CA)"], hint: "US" },
    argv: ["check", "fixtures/marketplaces", "--as-of", "2026-05-20", "--marketplace", "US", "--marketplace", "DE"],
    line: 'ahr: --marketplace "DE" is none of the marketplaces the orders hold: Amazon.com (US), Amazon.ca (CA); give one of them by name, code or marketplace id (such as --marketplace US), or leave --marketplace out to see each',
  },
  {
    // orders without a sales-channel column: a value that is no Amazon marketplace at all
    code: "MARKETPLACE_UNKNOWN",
    params: { value: "Amazon.xx", found: [] },
    argv: ["check", HEALTHY, "--as-of", AS_OF, "--marketplace", "Amazon.xx"],
    line: 'ahr: --marketplace "Amazon.xx" is no Amazon marketplace, and the orders name none (no sales-channel column); give a name (Amazon.de), a code (DE) or a marketplace id (A1PA6795UKMFR9)',
  },
];

describe("usage errors: one code each, one line, exit 2", () => {
  for (const c of CASES) {
    it(`${c.code} ${c.argv.at(-1)}`, async () => {
      // The code renders the line (the words live in errors.ts) ...
      expect(`ahr: ${new AhrError(c.code, c.params).message}`).toBe(c.line);
      // ... and the CLI run that provokes it prints exactly that.
      const f = fakeIo(c.cwd ? { cwd: await c.cwd() } : {});
      expect(await run(c.argv, f.io)).toBe(2);
      expect(f.err()).toBe(`${c.line}\n`);
      expect(f.out()).toBe("");
    });
  }
});

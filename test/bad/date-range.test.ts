/**
 * Dates past 9999-12-31 are never written (issue 17): `--as-of 9999-12-31` with a breach gave
 * `clearsOn: "+010000-01"` (the ISO form of a five-digit year). formatDay refuses such a day with
 * DATE_RANGE, so the run stops with one line instead.
 */
import { describe, expect, it } from "vitest";
import { AhrError } from "../../src/errors.js";
import { dayNumber, formatDay, LAST_DAY } from "../../src/time.js";
import { bad, cli, expectOneLineError } from "./helpers.js";

describe("formatDay and the last day", () => {
  it("LAST_DAY is 9999-12-31 and is written as such; the day after is DATE_RANGE", () => {
    expect(LAST_DAY).toBe(dayNumber(9999, 12, 31));
    expect(formatDay(LAST_DAY)).toBe("9999-12-31");
    let caught: unknown = null;
    try {
      formatDay(LAST_DAY + 1);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AhrError);
    expect((caught as AhrError).code).toBe("DATE_RANGE");
  });
});

describe("fixtures/bad/year-9999.csv as of 9999-12-31", () => {
  // 2 MFN orders with ship-by 9999-12-25, one shipped 12-28 (late): LSR 10d 1/2, a breach whose
  // drop-off (9999-12-25 + 10 days) and clearing day fall in the year 10000.
  for (const format of ["table", "json", "markdown"]) {
    it(`check --format ${format}: exit 2, one line, no +010000 date`, async () => {
      const r = await cli(["check", "--orders", bad("year-9999.csv"), "--as-of", "9999-12-31", "--format", format]);
      const line = expectOneLineError(r);
      expect(line).toContain("a date after 9999-12-31 would be written");
      expect(r.out + r.err).not.toMatch(/\+0\d{5}/);
    });
  }

  it("as of 9999-12-30 the 30-day forecast still passes the last day; as of 2026 the orders are future: exit 0", async () => {
    // the 30-day window of 9999-12-30 holds the late order too: clearing 12-25 + 30 > 9999-12-31
    const late = await cli(["check", "--orders", bad("year-9999.csv"), "--as-of", "9999-12-30", "--format", "json"]);
    expect(late.code).toBe(2);
    const now = await cli(["check", "--orders", bad("year-9999.csv"), "--as-of", "2026-03-31", "--format", "json"]);
    expect(now.code).toBe(0);
    expect(now.out).not.toMatch(/\+0\d{5}/);
  });
});

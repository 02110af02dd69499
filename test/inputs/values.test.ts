import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { zone } from "../../src/time.js";
import { daysFromCivil, dateHint, normaliseWord, parseBool, parseNumber, parseStamp, general, slashDayAt, isoAt, isoBytesAt, ISO_INVALID } from "../../src/inputs/values.js";
import { parseCancelledBy, parseChannel } from "../../src/inputs/orders/vocabulary.js";
import { parseRating } from "../../src/inputs/feedback/vocabulary.js";
import { parseAction } from "../../src/inputs/returns/vocabulary.js";
import { parseCategory, parseSeverity } from "../../src/inputs/violations/vocabulary.js";

const UTC = { zone: zone("UTC"), dateOrder: "mdy" as const };
const DMY = { zone: zone("UTC"), dateOrder: "dmy" as const };
const LA = { zone: zone("America/Los_Angeles"), dateOrder: "mdy" as const };
const H = 3_600_000;
const DAY = 86_400_000;

// Day numbers by hand: 1970..2025 is 56 years with 14 leap years (1972..2024), so
// 2026-01-01 = 56*365 + 14 = 20454. Jan..Sep 2026 = 31+28+31+30+31+30+31+31+30 = 273 days,
// so 2026-10-01 = 20727 and 2026-10-02 = 20728.
const JAN1_2026 = 20454;
const OCT2_2026 = 20728;

describe("calendar arithmetic", () => {
  it("daysFromCivil matches the hand-computed day numbers", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2026, 1, 1)).toBe(JAN1_2026);
    expect(daysFromCivil(2026, 10, 2)).toBe(OCT2_2026);
    // 2028-01-01 = 20454 + 365 (2026) + 365 (2027) = 21184; Feb 29 = 21184 + 31 + 28 = 21243
    expect(daysFromCivil(2028, 2, 29)).toBe(21243);
  });
});

describe("parseStamp: ISO 8601", () => {
  it("the hot path: date-time with +00:00", () => {
    // 20728 days * 86 400 000 = 1 790 899 200 000; + 14 h 21 min 7 s = 51 667 000 ms
    expect(parseStamp("2026-10-02T14:21:07+00:00", UTC)).toEqual({ ms: 1_790_950_867_000, day: OCT2_2026 });
  });
  it("a negative offset moves the instant and, in UTC, the day", () => {
    // 20:30 at -07:00 is 03:30 UTC on Oct 3 (day 20729); in Los Angeles (PDT) still Oct 2
    expect(parseStamp("2026-10-02T20:30:00-07:00", UTC)).toEqual({ ms: Date.UTC(2026, 9, 3, 3, 30), day: OCT2_2026 + 1 });
    expect(parseStamp("2026-10-02T20:30:00-07:00", LA)).toEqual({ ms: Date.UTC(2026, 9, 3, 3, 30), day: OCT2_2026 });
  });
  it("Z, a fraction, no seconds, a space instead of T, compact offsets", () => {
    expect(parseStamp("2026-10-02T14:21:07Z", UTC)!.ms).toBe(Date.UTC(2026, 9, 2, 14, 21, 7));
    expect(parseStamp("2026-10-02T14:21:07.5Z", UTC)!.ms).toBe(Date.UTC(2026, 9, 2, 14, 21, 7, 500));
    // 14:21:07.123 at +02:00 = 12:21:07.123 UTC (digits after the third are dropped)
    expect(parseStamp("2026-10-02 14:21:07.123456+02:00", UTC)!.ms).toBe(Date.UTC(2026, 9, 2, 12, 21, 7, 123));
    expect(parseStamp("2026-10-02T14:21Z", UTC)!.ms).toBe(Date.UTC(2026, 9, 2, 14, 21));
    // +0530: 14:21 - 5:30 = 08:51 UTC; +05: 09:21 UTC
    expect(parseStamp("2026-10-02T14:21:00+0530", UTC)!.ms).toBe(Date.UTC(2026, 9, 2, 8, 51));
    expect(parseStamp("2026-10-02T14:21:00+05", UTC)!.ms).toBe(Date.UTC(2026, 9, 2, 9, 21));
  });
  it("a date-time without offset is wall time in the report zone", () => {
    expect(parseStamp("2026-10-02 14:21:07", UTC)).toEqual({ ms: Date.UTC(2026, 9, 2, 14, 21, 7), day: OCT2_2026 });
    // Los Angeles is on PDT (-7) in October: 14:21 local = 21:21 UTC
    expect(parseStamp("2026-10-02T14:21:07", LA)).toEqual({ ms: Date.UTC(2026, 9, 2, 21, 21, 7), day: OCT2_2026 });
    // 23:30 local in LA is 06:30 UTC next day, but its day in the report zone is Oct 2
    expect(parseStamp("2026-10-02 23:30", LA)).toEqual({ ms: Date.UTC(2026, 9, 3, 6, 30), day: OCT2_2026 });
  });
  it("a date without time: the day as written, ms = start of that day in the report zone", () => {
    expect(parseStamp("2026-10-02", UTC)).toEqual({ ms: OCT2_2026 * DAY, day: OCT2_2026 });
    // local midnight in LA (PDT, -7) = 07:00 UTC
    expect(parseStamp("2026-10-02", LA)).toEqual({ ms: Date.UTC(2026, 9, 2, 7), day: OCT2_2026 });
    // in January LA is on PST (-8): midnight = 08:00 UTC
    expect(parseStamp("1/5/26", LA)).toEqual({ ms: Date.UTC(2026, 0, 5, 8), day: JAN1_2026 + 4 });
  });
  it("latest_ship_date without time means the end of that day", () => {
    expect(parseStamp("2026-10-02", UTC, true)).toEqual({ ms: (OCT2_2026 + 1) * DAY - 1, day: OCT2_2026 });
    // end of Oct 2 in LA = start of Oct 3 local (07:00 UTC) - 1 ms
    expect(parseStamp("10/2/26", LA, true)).toEqual({ ms: Date.UTC(2026, 9, 3, 7) - 1, day: OCT2_2026 });
    // with a time, the time as given
    expect(parseStamp("2026-10-02T12:00:00Z", UTC, true)!.ms).toBe(Date.UTC(2026, 9, 2, 12));
  });
});

describe("parseStamp: other formats", () => {
  it("M/D/YY and M/D/YYYY (mdy, the default); two-digit years are 20YY", () => {
    // Oct 9 = Oct 2 + 7 = 20735
    expect(parseStamp("10/9/26", UTC)!.day).toBe(OCT2_2026 + 7);
    expect(parseStamp("10/09/2026", UTC)!.day).toBe(OCT2_2026 + 7);
    // 1/5/99 -> 2099-01-05, not 1999
    expect(parseStamp("1/5/99", UTC)!.day).toBe(daysFromCivil(2099, 1, 5));
    expect(parseStamp("1/5/99", UTC)!.ms).toBe(Date.UTC(2099, 0, 5));
  });
  it("D/M/YY with dmy", () => {
    expect(parseStamp("9/10/26", DMY)!.day).toBe(OCT2_2026 + 7);
    // 13/1/26 is Jan 13: 20454 + 12 = 20466
    expect(parseStamp("13/1/26", DMY)!.day).toBe(20466);
    expect(parseStamp("13/1/26", UTC)).toBeNull();
  });
  it("D.M.YY, D.M.YYYY, YYYY/M/D, DD-Mon-YYYY", () => {
    expect(parseStamp("9.10.26", UTC)!.day).toBe(OCT2_2026 + 7);
    expect(parseStamp("09.10.2026", UTC)!.day).toBe(OCT2_2026 + 7);
    expect(parseStamp("2026/10/9", UTC)!.day).toBe(OCT2_2026 + 7);
    // 05-Jan-2026 = 20454 + 4
    expect(parseStamp("05-Jan-2026", UTC)).toEqual({ ms: 20458 * DAY, day: 20458 });
    expect(parseStamp("02-oct-2026", UTC)!.day).toBe(OCT2_2026);
    expect(parseStamp("05-Foo-2026", UTC)).toBeNull();
  });
  it("a time after other date formats, AM/PM", () => {
    expect(parseStamp("10/9/26 2:05 PM", UTC)!.ms).toBe(Date.UTC(2026, 9, 9, 14, 5));
    expect(parseStamp("10/9/26 12:05 AM", UTC)!.ms).toBe(Date.UTC(2026, 9, 9, 0, 5));
    expect(parseStamp("05-Jan-2026 08:15:00", UTC)!.ms).toBe(Date.UTC(2026, 0, 5, 8, 15));
  });
  it("zone abbreviations PST/PDT/UTC/GMT", () => {
    // 14:21:07 PDT (-7) = 21:21:07 UTC
    expect(parseStamp("2026-10-02 14:21:07 PDT", UTC)!.ms).toBe(Date.UTC(2026, 9, 2, 21, 21, 7));
    // 11:00 PST (-8) = 19:00 UTC
    expect(parseStamp("10/9/26 11:00:00 PST", UTC)!.ms).toBe(Date.UTC(2026, 9, 9, 19));
    // 23:30 PST on Oct 9 = 07:30 UTC Oct 10: its day in the UTC report zone is Oct 10
    expect(parseStamp("10/9/26 23:30 PST", UTC)!.day).toBe(OCT2_2026 + 8);
    expect(parseStamp("2026-10-02 14:21 UTC", LA)!.ms).toBe(Date.UTC(2026, 9, 2, 14, 21));
    expect(parseStamp("2026-10-02 14:21 gmt", LA)!.ms).toBe(Date.UTC(2026, 9, 2, 14, 21));
    expect(parseStamp("2026-10-02 14:21 CET", UTC)).toBeNull();
  });
  it("rejects impossible dates and times", () => {
    for (const bad of [
      "2/30/26",
      "2026-02-30",
      "2026-02-29T00:00:00Z", // 2026 is not a leap year
      "2026-02-30T10:00:00+00:00",
      "2026-13-01",
      "2026-10-02T24:00:00Z",
      "2026-10-02T10:60:00Z",
      "2026-10-02T10:00:00+25:00",
      "31/31/26",
      "hello",
      "",
      "2026-10-02x",
      "20261002",
    ]) {
      expect(parseStamp(bad, UTC), bad).toBeNull();
    }
    expect(parseStamp("2028-02-29", UTC)!.day).toBe(21243);
  });
  it("the fixed-position path agrees with Date.parse on any valid ISO date-time with offset", () => {
    const two = (n: number) => String(n).padStart(2, "0");
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (y, mo, d, h, mi, s, off) => {
          const sign = off < 0 ? "-" : "+";
          const a = Math.abs(off);
          const text = `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
          const got = parseStamp(text, LA);
          const ms = Date.parse(text);
          expect(got!.ms).toBe(ms);
          expect(got!.day).toBe(LA.zone.dayOf(ms));
        },
      ),
    );
  });
});

describe("parseStamp: the fixed-position ISO path and characters next to the digits", () => {
  it("a character just below or above the digits (/ or :) in any digit position is no digit", () => {
    const text = "2026-10-02T14:21:09+05:30";
    const digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 23, 24];
    for (const ctx of [UTC, LA]) {
      for (const i of digits) {
        for (const c of ["/", ":", "\u0660"]) {
          for (const t of [text, text.slice(0, 19), text.slice(0, 19) + "Z"]) {
            if (i >= t.length) continue;
            const bad = t.slice(0, i) + c + t.slice(i + 1);
            expect(parseStamp(bad, ctx), bad).toEqual(general(bad, ctx, false));
          }
        }
      }
    }
    // and the digits themselves still read: 14:21:09 at +05:30 is 08:51:09Z.
    expect(parseStamp(text, UTC)!.ms).toBe(Date.parse("2026-10-02T08:51:09Z"));
  });
});

describe("parseStamp: the M/D/YY fast path", () => {
  it("reads M/D/YY and M/D/YYYY in place as the day number (dmy: day first)", () => {
    expect(slashDayAt("10/2/26", 0, 7, false)).toBe(OCT2_2026);
    expect(slashDayAt("10/02/2026", 0, 10, false)).toBe(OCT2_2026);
    expect(slashDayAt("2/10/26", 0, 7, true)).toBe(OCT2_2026);
    expect(slashDayAt("1/1/26", 0, 6, false)).toBe(JAN1_2026);
    // A cell in the middle of a line.
    expect(slashDayAt("x\t10/2/26\ty", 2, 7, false)).toBe(OCT2_2026);
    expect(slashDayAt("2/29/28", 0, 7, false)).toBe(21243); // 2028-02-29, as in the ISO test above
  });
  it("leaves every other text and impossible dates to the general rules (NaN)", () => {
    for (const t of [
      "13/1/26", // month 13 (mdy)
      "2/29/26", // 2026 is not a leap year
      "0/1/26",
      "1/0/26",
      "1/2/262", // three-digit year
      "1/2/0999", // before year 1000
      "1/2/2",
      "123/1/26",
      "1/123/26",
      "1-2-26",
      " 1/2/26",
      "1/2/26 ",
      "1/2/26Z",
      "1/2/26 10:00",
      "1//26",
      "a/2/26",
    ]) {
      expect(slashDayAt(t, 0, t.length, false), t).toBeNaN();
    }
    expect(slashDayAt("1/13/26", 0, 7, true)).toBeNaN(); // month 13 (dmy)
  });
  it("parseStamp gives what the general rules give, for that shape, its near misses and others", () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.constantFrom("0", "00", "1", "01", "12", "13", "29", "30", "31", "32", "99", "2026", "1999", "0999"),
    );
    const sep = fc.constantFrom("/", "/", "/", "-", ".", " ", "");
    const tail = fc.constantFrom("", "", "", " ", "Z", " 10:00", "T10:00:00", " PST", " 3:04 PM", "x");
    const zones = [zone("UTC"), zone("America/Los_Angeles"), zone("Asia/Kolkata")];
    fc.assert(
      fc.property(
        fc.tuple(piece, sep, piece, sep, piece, tail),
        fc.constantFrom("mdy" as const, "dmy" as const),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        (parts, dateOrder, z, endOfDay) => {
          const text = parts.join("");
          const ctx = { zone: zones[z]!, dateOrder };
          expect(parseStamp(text, ctx, endOfDay)).toEqual(general(text, ctx, endOfDay));
          const line = `a\t${text}\tb`;
          const day = slashDayAt(line, 2, text.length, dateOrder === "dmy");
          if (day === day) {
            const g = general(text, ctx, endOfDay);
            expect(g).not.toBeNull();
            expect(g!.day).toBe(day);
            expect(g!.ms).toBe(endOfDay ? ctx.zone.endOfDay(day) : ctx.zone.startOfDay(day));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("dateHint", () => {
  it("names --date-order dmy for an M/D value whose first number is over 12", () => {
    expect(dateHint("13/1/26", "mdy")).toContain("--date-order dmy");
    expect(dateHint("1/13/26", "dmy")).toContain("--date-order mdy");
    expect(dateHint("2/30/26", "mdy")).toBeUndefined();
  });
  it("names --tz for an unknown zone abbreviation", () => {
    expect(dateHint("2026-10-02 14:21 CET", "mdy")).toContain("--tz");
  });
});

describe("booleans", () => {
  it("true/false, yes/no, y/n, 1/0, x/empty, any case", () => {
    for (const t of ["true", "TRUE", "yes", "Y", "1", "x", "X"]) expect(parseBool(t), t).toBe(true);
    for (const f of ["false", "No", "n", "0", ""]) expect(parseBool(f), f).toBe(false);
    for (const bad of ["maybe", "2", "t"]) expect(parseBool(bad), bad).toBeNull();
  });
});

describe("numbers (SPEC 8.16)", () => {
  it("currency symbols, thousands separators, decimal commas", () => {
    expect(parseNumber("1,234.50")).toBe(1234.5); // ",234" is three digits: thousands
    expect(parseNumber("1.234,50")).toBe(1234.5); // ",50" is two digits: decimal; dots are thousands
    expect(parseNumber("€12,5")).toBe(12.5);
    expect(parseNumber("1,234")).toBe(1234);
    expect(parseNumber("$0.00")).toBe(0);
    expect(parseNumber("$1,234,567.89")).toBe(1234567.89);
    expect(parseNumber("USD 12.00")).toBe(12);
    expect(parseNumber("12,00 EUR")).toBe(12);
    expect(parseNumber("-1.50")).toBe(-1.5);
    expect(parseNumber("(3.25)")).toBe(-3.25);
    expect(parseNumber("£ 7")).toBe(7);
    expect(parseNumber("0,125")).toBe(0.125); // after a lone 0 the comma is decimal
  });
  it("rejects what is not a number", () => {
    for (const bad of ["abc", "1,2,3", "12..5", "1-2", "--1"]) expect(parseNumber(bad), bad).toBeNull();
  });
});

describe("words and vocabularies", () => {
  it("status words lose case, spaces, _ and -", () => {
    expect(normaliseWord("Pending Availability")).toBe("pendingavailability");
    expect(normaliseWord("seller_refunded")).toBe("sellerrefunded");
    expect(normaliseWord("Seller-Refunded")).toBe("sellerrefunded");
  });
  it("channels", () => {
    for (const a of ["Amazon", "AFN", "fba"]) expect(parseChannel(a)).toBe("afn");
    for (const m of ["Merchant", "MFN", "FBM", "Seller"]) expect(parseChannel(m)).toBe("mfn");
    expect(parseChannel("Walmart")).toBeNull();
  });
  it("cancelled_by, including the buyer-requested booleans (8.9)", () => {
    expect(parseCancelledBy("Buyer")).toBe("buyer");
    expect(parseCancelledBy("seller")).toBe("seller");
    expect(parseCancelledBy("Amazon")).toBe("amazon");
    expect(parseCancelledBy("true")).toBe("buyer");
    expect(parseCancelledBy("false")).toBe("unknown"); // not the buyer
    expect(parseCancelledBy("gremlins")).toBe("unknown");
    expect(parseCancelledBy("")).toBeNull();
  });
  it("severity, category, rating, return action", () => {
    expect(parseSeverity("High")).toBe("high");
    expect(parseSeverity("CRITICAL")).toBe("critical");
    expect(parseSeverity("severe")).toBeNull();
    expect(parseCategory("Intellectual Property Complaints")).toBe("intellectual_property");
    expect(parseCategory("intellectual_property")).toBe("intellectual_property");
    expect(parseCategory("IP")).toBe("intellectual_property");
    expect(parseCategory("Trademark complaint")).toBe("intellectual_property");
    expect(parseCategory("Restricted Product Policy Violations")).toBe("restricted_products");
    expect(parseCategory("restricted_products")).toBe("restricted_products");
    expect(parseCategory("Listing policy")).toBe("other");
    expect(parseCategory("")).toBe("other");
    expect(parseRating("1")).toBe(1);
    expect(parseRating("5.0")).toBe(5);
    for (const bad of ["0", "6", "4.5", "five", ""]) expect(parseRating(bad), bad).toBeNull();
    expect(parseAction("Approved")).toBe("authorized");
    expect(parseAction("Rejected")).toBe("rejected");
    expect(parseAction("StandardRefund")).toBe("refunded");
    expect(parseAction("Closed")).toBe("closed");
    expect(parseAction("Something Else")).toBe("somethingelse");
    expect(parseAction("")).toBeNull();
  });
});

describe("isoAt (characters) and isoBytesAt (bytes, issue 18) read the same", () => {
  // 2026-10-02T14:21:07+00:00 is 1_790_950_867_000 (the parseStamp test above); -05:30 adds 5.5 h.
  it("a fixed-shape date-time, and one with an impossible offset", () => {
    const at = (t: string) => [isoAt("xx" + t, 2, t.length, zone("UTC")), isoBytesAt(Buffer.from("xx" + t, "latin1"), 2, t.length, zone("UTC"))];
    expect(at("2026-10-02T14:21:07+00:00")).toEqual([1_790_950_867_000, 1_790_950_867_000]);
    expect(at("2026-10-02T14:21:07-05:30")).toEqual([1_790_950_867_000 + 19_800_000, 1_790_950_867_000 + 19_800_000]);
    expect(at("2026-10-02T14:21:07+24:00")).toEqual([ISO_INVALID, ISO_INVALID]);
    expect(at("2026-1O-02T14:21:07Z")).toEqual([NaN, NaN]);
  });
  it("property: any text of a date-time's length, ASCII or not, gives the same result from both", () => {
    const shape = "2026-10-02T14:21:07+00:00";
    // Mutations of a valid date-time (so that most inputs get deep into the parse), any length 19-25.
    const text = fc
      .tuple(fc.integer({ min: 19, max: 25 }), fc.array(fc.tuple(fc.nat(24), fc.constantFrom("0", "9", "-", ":", "T", " ", "Z", "+", "x", "\u00e9", "\u0130")), { maxLength: 4 }))
      .map(([n, edits]) => {
        const chars = shape.slice(0, n).split("");
        for (const [i, c] of edits) if (i < n) chars[i] = c;
        return chars.join("");
      });
    fc.assert(
      fc.property(text, (t) => {
        const ascii = [...t].every((c) => c.charCodeAt(0) < 128);
        const fromChars = isoAt(t, 0, t.length, zone("UTC"));
        // Bytes exist only for ASCII text (CellBatch.bufs); 255 stands in for any other character.
        const bytes = Buffer.from([...t].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 255)));
        expect(isoBytesAt(bytes, 0, t.length, zone("UTC"))).toBe(fromChars);
        if (ascii) expect(isoBytesAt(Buffer.from(t, "latin1"), 0, t.length, zone("UTC"))).toBe(fromChars);
      }),
      { numRuns: 2000 },
    );
  });
});

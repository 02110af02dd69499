/**
 * Cell text -> typed values, for every kind: dates, booleans, numbers, status words. The
 * vocabularies of one kind (channel, severity, return action, ...) live in its folder
 * (inputs/<kind>/vocabulary.ts). Parsers return null (or undefined) for text they cannot read;
 * cells.ts turns that into a coded VALUE error, asking `dateHint` for the option that would help.
 */
import type { DateOrder } from "../config/defaults.js";
import type { Stamp } from "../records.js";
import { MS_PER_DAY, type Zone } from "../time.js";

export interface DateContext {
  zone: Zone;
  dateOrder: DateOrder;
}

// ---------------------------------------------------------------- calendar arithmetic

/** Day number of a proleptic Gregorian date (no validation); pure integer arithmetic. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!;
  return d <= max;
}

// ---------------------------------------------------------------- dates: the hot path

const D0 = 48;
/** isoAt's result for a date-time of that shape that is not a real one (fastIso: null). */
export const ISO_INVALID = Infinity;

/** Day numbers of recent dates, by YYYYMMDD (a small direct-mapped cache; -1: empty). */
const DAY_KEY = new Int32Array(256).fill(-1);
const DAY_NUM = new Int32Array(256);

/**
 * `YYYY-MM-DDTHH:MM:SS` followed by `+HH:MM`, `-HH:MM`, `Z` or nothing (T or space), read by
 * fixed positions from the bytes `s` at `at`, `n` bytes long (a cell of a line read in place,
 * without cutting it out: issue 18, a byte read costs half a charCodeAt). Returns the instant; ISO_INVALID for that shape with an impossible date,
 * time or offset; NaN for any other shape (the general rules decide).
 */
export function isoBytesAt(s: Uint8Array, at: number, n: number, zone: Zone): number {
  if (n !== 25 && n !== 20 && n !== 19) return NaN;
  if (
    s[at + 4]! !== 45 ||
    s[at + 7]! !== 45 ||
    s[at + 13]! !== 58 ||
    s[at + 16]! !== 58
  ) {
    return NaN;
  }
  const t = s[at + 10]!;
  if (t !== 84 && t !== 32) return NaN;
  // Digit values, written out (a call per digit, when V8 does not inline it, costs more than
  // the rest of the parse): a character that is not a digit gives a value v outside 0..9, and
  // then v | (9 - v) is negative.
  const y0 = s[at]! - D0;
  const y1 = s[at + 1]! - D0;
  const y2 = s[at + 2]! - D0;
  const y3 = s[at + 3]! - D0;
  const m0 = s[at + 5]! - D0;
  const m1 = s[at + 6]! - D0;
  const d0 = s[at + 8]! - D0;
  const d1 = s[at + 9]! - D0;
  const h0 = s[at + 11]! - D0;
  const h1 = s[at + 12]! - D0;
  const i0 = s[at + 14]! - D0;
  const i1 = s[at + 15]! - D0;
  const s0 = s[at + 17]! - D0;
  const s1 = s[at + 18]! - D0;
  if (
    (y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | m0 | (9 - m0) | m1 | (9 - m1) |
      d0 | (9 - d0) | d1 | (9 - d1) | h0 | (9 - h0) | h1 | (9 - h1) | i0 | (9 - i0) | i1 | (9 - i1) |
      s0 | (9 - s0) | s1 | (9 - s1)) < 0
  ) {
    return NaN;
  }
  let off = 0;
  let fixed = true;
  if (n === 25) {
    const sign = s[at + 19]!;
    if ((sign !== 43 && sign !== 45) || s[at + 22]! !== 58) return NaN;
    const a0 = s[at + 20]! - D0;
    const a1 = s[at + 21]! - D0;
    const b0 = s[at + 23]! - D0;
    const b1 = s[at + 24]! - D0;
    if ((a0 | (9 - a0) | a1 | (9 - a1) | b0 | (9 - b0) | b1 | (9 - b1)) < 0) return ISO_INVALID;
    const oh = a0 * 10 + a1;
    const om = b0 * 10 + b1;
    if (oh > 23 || om > 59) return ISO_INVALID;
    off = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else if (n === 20) {
    const z = s[at + 19]!;
    if (z !== 90 && z !== 122) return NaN;
  } else fixed = false;
  const h = h0 * 10 + h1;
  const mi = i0 * 10 + i1;
  const se = s0 * 10 + s1;
  if (h > 23 || mi > 59 || se > 59) return ISO_INVALID;
  const ymd = y0 * 10_000_000 + y1 * 1_000_000 + y2 * 100_000 + y3 * 10_000 + m0 * 1000 + m1 * 100 + d0 * 10 + d1;
  const slot = ymd & 255;
  let day: number;
  if (DAY_KEY[slot] === ymd) day = DAY_NUM[slot]!;
  else {
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const mo = m0 * 10 + m1;
    const d = d0 * 10 + d1;
    if (!validDate(y, mo, d)) return ISO_INVALID;
    day = daysFromCivil(y, mo, d);
    DAY_KEY[slot] = ymd;
    DAY_NUM[slot] = day;
  }
  const wall = day * MS_PER_DAY + h * 3_600_000 + mi * 60_000 + se * 1000;
  return fixed ? wall - off * 60_000 : zone.fromWall(wall);
}

/** The characters isoAt copies for isoBytesAt (a date-time of the fixed shape is 19-25 of them). */
const ISO_CODES = new Uint8Array(25);

/**
 * isoBytesAt over the characters of `s` from `at`, `n` long (a cell of a string row, csv-scan's
 * cells, a whole cell string): the same result for the same text, from one parser. A character
 * past ASCII is copied as 255, which, like it, is no digit and none of the shape's punctuation.
 */
export function isoAt(s: string, at: number, n: number, zone: Zone): number {
  if (n !== 25 && n !== 20 && n !== 19) return NaN;
  const codes = ISO_CODES;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(at + i);
    codes[i] = c > 127 ? 255 : c;
  }
  return isoBytesAt(codes, 0, n, zone);
}

const SLASH = (47 - D0) >>> 0; // "/" as (code - D0) >>> 0

/**
 * `M/D/YY`, `M/D/YYYY` (month and day of one or two digits; with `dmy`, day first), the whole
 * of `s` from `at`, `n` characters long (a cell read in place): the day number of that date, or
 * NaN for any other text and for a date that does not exist (the general rules then decide, and
 * they read this shape the same way: a two-digit year is 20YY, a date without a time).
 */
export function slashDayAt(s: string, at: number, n: number, dmy: boolean): number {
  if (n < 6 || n > 10) return NaN;
  const end = at + n;
  let i = at;
  let a = (s.charCodeAt(i++) - D0) >>> 0;
  if (a > 9) return NaN;
  let c = (s.charCodeAt(i++) - D0) >>> 0;
  if (c <= 9) {
    a = a * 10 + c;
    c = (s.charCodeAt(i++) - D0) >>> 0;
  }
  if (c !== SLASH) return NaN;
  let b = (s.charCodeAt(i++) - D0) >>> 0;
  if (b > 9) return NaN;
  c = (s.charCodeAt(i++) - D0) >>> 0;
  if (c <= 9) {
    b = b * 10 + c;
    c = (s.charCodeAt(i++) - D0) >>> 0;
  }
  if (c !== SLASH) return NaN;
  const digits = end - i;
  if (digits !== 2 && digits !== 4) return NaN;
  let y = 0;
  for (; i < end; i++) {
    const d = (s.charCodeAt(i) - D0) >>> 0;
    if (d > 9) return NaN;
    y = y * 10 + d;
  }
  if (digits === 2) y += 2000;
  const mo = dmy ? b : a;
  const d = dmy ? a : b;
  if (!validDate(y, mo, d)) return NaN;
  return daysFromCivil(y, mo, d);
}

/** A date without a time (day number `day`), as parseStamp gives it: its start, or its end. */
export function dateOnlyStamp(day: number, zone: Zone, endOfDay: boolean): Stamp {
  return { ms: endOfDay ? zone.endOfDay(day) : zone.startOfDay(day), day };
}

/** isoAt over a whole string, as a Stamp: undefined for another shape, null for ISO_INVALID. */
function fastIso(s: string, zone: Zone): Stamp | null | undefined {
  const ms = isoAt(s, 0, s.length, zone);
  if (ms !== ms) return undefined;
  if (ms === ISO_INVALID) return null;
  return { ms, day: zone.dayOf(ms) };
}

// ---------------------------------------------------------------- dates: the general rules

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
/** Zone abbreviations understood after a date or date-time (minutes east of UTC). */
const ZONE_ABBR: Record<string, number> = { pst: -480, pdt: -420, utc: 0, gmt: 0 };

const DATE_RE =
  /^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})\/(\d{1,2})\/(\d{1,2})|(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})|(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})|(\d{1,2})-([A-Za-z]{3})-(\d{4}|\d{2}))/;
const TIME_RE =
  /^(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp][Mm]))?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const ABBR_RE = /\s+([A-Za-z]{3,5})$/;

const year = (t: string): number => (t.length === 2 ? 2000 + Number(t) : Number(t));

/** parseStamp without its fast paths (exported for the tests that compare them). */
export function general(text: string, ctx: DateContext, endOfDay: boolean): Stamp | null {
  let s = text.trim();
  let off: number | null = null;
  const abbr = ABBR_RE.exec(s);
  if (abbr) {
    const o = ZONE_ABBR[abbr[1]!.toLowerCase()];
    if (o === undefined) return null;
    off = o;
    s = s.slice(0, abbr.index);
  }
  const m = DATE_RE.exec(s);
  if (!m) return null;
  let y: number, mo: number, d: number;
  if (m[1] !== undefined) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (m[4] !== undefined) [y, mo, d] = [Number(m[4]), Number(m[5]), Number(m[6])];
  else if (m[7] !== undefined) {
    const a = Number(m[7]);
    const b = Number(m[8]);
    y = year(m[9]!);
    [mo, d] = ctx.dateOrder === "dmy" ? [b, a] : [a, b];
  } else if (m[10] !== undefined) [y, mo, d] = [year(m[12]!), Number(m[11]), Number(m[10])];
  else {
    const mon = MONTHS[m[14]!.toLowerCase()];
    if (mon === undefined) return null;
    [y, mo, d] = [year(m[15]!), mon, Number(m[13])];
  }
  if (!validDate(y, mo, d)) return null;
  const day = daysFromCivil(y, mo, d);
  const rest = s.slice(m[0].length);
  if (rest === "") {
    // A date without a time: its day is the date as written.
    if (off !== null) return { ms: day * MS_PER_DAY + (endOfDay ? MS_PER_DAY - 1 : 0) - off * 60_000, day };
    return { ms: endOfDay ? ctx.zone.endOfDay(day) : ctx.zone.startOfDay(day), day };
  }
  const t = TIME_RE.exec(rest);
  if (!t) return null;
  let h = Number(t[1]);
  const mi = Number(t[2]);
  const se = t[3] === undefined ? 0 : Number(t[3]);
  const frac = t[4] === undefined ? 0 : Number(t[4].slice(0, 3).padEnd(3, "0"));
  if (t[5] !== undefined) {
    if (h < 1 || h > 12) return null;
    const pm = t[5].toLowerCase() === "pm";
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || mi > 59 || se > 59) return null;
  if (t[6] !== undefined) {
    if (off !== null) return null; // both an offset and a zone name: which one?
    const z = t[6];
    if (z === "Z" || z === "z") off = 0;
    else {
      const digits = z.slice(1).replace(":", "");
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (oh > 23 || om > 59 || (digits.length !== 2 && digits.length !== 4)) return null;
      off = (z[0] === "-" ? -1 : 1) * (oh * 60 + om);
    }
  }
  const wall = day * MS_PER_DAY + h * 3_600_000 + mi * 60_000 + se * 1000 + frac;
  const ms = off === null ? ctx.zone.fromWall(wall) : wall - off * 60_000;
  return { ms, day: ctx.zone.dayOf(ms) };
}

/**
 * A date or date-time (SPEC section 3 and 8.11) as a Stamp, or null when it is not one.
 * With an offset or zone abbreviation: that instant, its day in the report zone. A date-time
 * without offset: wall time in the report zone. A date without time: the day as written, at the
 * start of that day in the report zone (`endOfDay`: its last millisecond, for latest_ship_date).
 */
export function parseStamp(text: string, ctx: DateContext, endOfDay = false): Stamp | null {
  const fast = fastIso(text, ctx.zone);
  if (fast !== undefined) return fast;
  const day = slashDayAt(text, 0, text.length, ctx.dateOrder === "dmy");
  if (day === day) return dateOnlyStamp(day, ctx.zone, endOfDay);
  return general(text, ctx, endOfDay);
}

/** What a date should look like, in words with examples. */
export function dateExpected(order: DateOrder): string {
  return order === "dmy"
    ? "a date like 2026-01-31, 31/1/26 or 31-Jan-2026"
    : "a date like 2026-01-31, 1/31/26 or 31-Jan-2026";
}

/** The option that would make `text` readable, when one would. */
export function dateHint(text: string, order: DateOrder): string | undefined {
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/.exec(text.trim());
  if (slash) {
    const a = Number(slash[1]);
    const b = Number(slash[2]);
    if (order === "mdy" && a > 12 && a <= 31 && b >= 1 && b <= 12) {
      return "pass --date-order dmy if the file's dates are day/month/year";
    }
    if (order === "dmy" && b > 12 && b <= 31 && a >= 1 && a <= 12) {
      return "pass --date-order mdy if the file's dates are month/day/year";
    }
  }
  const abbr = ABBR_RE.exec(text.trim());
  if (abbr && ZONE_ABBR[abbr[1]!.toLowerCase()] === undefined && !/^[ap]m$/i.test(abbr[1]!)) {
    return `only PST, PDT, UTC and GMT are understood after a time; write an offset such as -05:00, or drop ${abbr[1]} and pass --tz with the zone the times are in`;
  }
  return undefined;
}

// ---------------------------------------------------------------- booleans, numbers, words

/** true/false, yes/no, y/n, 1/0, x/empty (case-insensitive); null when none of these. */
export function parseBool(text: string): boolean | null {
  switch (text.toLowerCase()) {
    case "true":
    case "yes":
    case "y":
    case "1":
    case "x":
      return true;
    case "false":
    case "no":
    case "n":
    case "0":
    case "":
      return false;
    default:
      return null;
  }
}

export const BOOL_EXPECTED = "yes or no (true/false, y/n, 1/0, x/empty)";

const CURRENCY = /[$€£¥₹₩₽\s\u00a0\u202f]/g;

/**
 * A number with currency symbols, codes (USD 12.00, 12,00 EUR) and thousands separators.
 * SPEC 8.16: a comma followed by exactly three digits is a thousands separator, otherwise a
 * decimal comma (then dots are thousands separators). Exception: after a lone `0` a comma is
 * always decimal (0,125 is not 125). Negative: leading `-` or parentheses. null if not a number.
 */
export function parseNumber(text: string): number | null {
  let s = text.replace(CURRENCY, "");
  s = s.replace(/^[A-Za-z]{3}(?=[-+(\d.,])/, "").replace(/(?<=[\d.,)])[A-Za-z]{3}$/, "");
  let neg = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    neg = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith("-") || s.startsWith("\u2212")) {
    neg = !neg;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  s = s.replace(CURRENCY, "");
  if (s.includes(",")) {
    let decimal = false;
    let out = "";
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c !== ",") {
        out += c;
        continue;
      }
      const three = /^\d{3}(?!\d)/.test(s.slice(i + 1));
      const intPart = s.slice(0, i);
      if (three && intPart !== "0" && intPart !== "") continue; // thousands separator
      if (decimal) return null;
      decimal = true;
      out += "\u0000";
    }
    s = decimal ? out.replace(/\./g, "").replace("\u0000", ".") : out;
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return neg ? -n : n;
}

export const NUMBER_EXPECTED = "a number like 12.50, 1,234.50 or 1.234,50";

const WORDS = new Map<string, string>();

/**
 * Status words: lower-case, spaces, `_` and `-` removed ("Pending Availability" ->
 * "pendingavailability"). Memoised (a status column has a handful of distinct values; the memo
 * is emptied when it reaches 1024 entries), which also makes equal words share one string.
 */
export function normaliseWord(text: string): string {
  let w = WORDS.get(text);
  if (w === undefined) {
    w = text.toLowerCase().replace(/[\s_-]+/g, "");
    if (WORDS.size >= 1024) WORDS.clear();
    WORDS.set(text, w);
  }
  return w;
}

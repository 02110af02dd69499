/**
 * Calendar days and instants in the report time zone.
 *
 * A calendar day is an integer "day number": days since 1970-01-01 of that calendar date
 * (zone-free). An instant is epoch milliseconds. Everything that needs a zone takes a `Zone`,
 * made once per run by `zone(name)`; offsets are cached per hour so parsing a million rows does
 * not ask the tz database a million times.
 */
import { tzOffset } from "@date-fns/tz";
import { AhrError } from "./errors.js";

export const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date (month 1..12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** 9999-12-31: the last day a report can name (YYYY-MM-DD has four digits for the year). */
export const LAST_DAY = 2932896;

/**
 * `YYYY-MM-DD` for a day number. A day after 9999-12-31 (a forecast from a late --as-of, a time
 * stamp late on 9999-12-31 with an offset) is DATE_RANGE: ISO strings write it `+010000-01-01`,
 * which no reader of the report expects (issue 17).
 */
export function formatDay(day: number): string {
  if (day > LAST_DAY) throw new AhrError("DATE_RANGE", { limit: LAST_DAY });
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a strict `YYYY-MM-DD` string, or null when it is not a real date. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const n = dayNumber(y, mo, d);
  return formatDay(n) === text ? n : null;
}

/** True when `name` is an IANA zone name the runtime knows. */
export function isValidZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export interface Zone {
  readonly name: string;
  /** Offset from UTC in minutes at instant `ms`. */
  offsetAt(ms: number): number;
  /** Calendar day (in this zone) of instant `ms`. */
  dayOf(ms: number): number;
  /** Instant of a wall-clock time in this zone (`wallMs` = the wall time as if it were UTC). */
  fromWall(wallMs: number): number;
  /** Instant at which calendar day `day` starts in this zone. */
  startOfDay(day: number): number;
  /** Last millisecond of calendar day `day` in this zone ("end of D"). */
  endOfDay(day: number): number;
}

const HOUR = 3_600_000;

export function zone(name: string): Zone {
  if (name === "UTC" || name === "Etc/UTC") {
    return {
      name,
      offsetAt: () => 0,
      dayOf: (ms) => Math.floor(ms / MS_PER_DAY),
      fromWall: (wallMs) => wallMs,
      startOfDay: (day) => day * MS_PER_DAY,
      endOfDay: (day) => (day + 1) * MS_PER_DAY - 1,
    };
  }
  const cache = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const hour = Math.floor(ms / HOUR);
    let off = cache.get(hour);
    if (off === undefined) {
      off = tzOffset(name, new Date(hour * HOUR));
      if (Number.isNaN(off)) off = 0;
      // Offsets change on whole hours or half hours; checking the hour's end keeps the cache
      // exact for zones whose transitions fall on the hour, which is every zone Amazon sells in.
      cache.set(hour, off);
    }
    return off;
  };
  const fromWall = (wallMs: number): number => {
    const guess = wallMs - offsetAt(wallMs) * 60_000;
    return wallMs - offsetAt(guess) * 60_000;
  };
  const startOfDay = (day: number): number => fromWall(day * MS_PER_DAY);
  return {
    name,
    offsetAt,
    dayOf: (ms) => Math.floor((ms + offsetAt(ms) * 60_000) / MS_PER_DAY),
    fromWall,
    startOfDay,
    endOfDay: (day) => startOfDay(day + 1) - 1,
  };
}

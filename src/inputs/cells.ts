/**
 * Cell access for the kinds' row readers (inputs/<kind>/reader.ts): a Cells object reads the
 * fields of a ColumnMap from a RowCursor as text, dates, booleans and numbers (SPEC sections 3
 * and 8), with memos for the hot path.
 *
 * Every value that does not parse is AhrError VALUE (file:line, the column as written, the value,
 * what was expected, the option that helps); an empty required value is EMPTY_REQUIRED (8.15).
 */
import type { DateOrder } from "../config/defaults.js";
import { AhrError } from "../errors.js";
import type { Stamp } from "../records.js";
import { RowCursor } from "../read/rows.js";
import type { Marketplace } from "../marketplaces.js";
import type { Zone } from "../time.js";
import { position, type ColumnMap } from "./headers.js";
import {
  BOOL_EXPECTED,
  ISO_INVALID,
  NUMBER_EXPECTED,
  dateExpected,
  dateHint,
  dateOnlyStamp,
  isoAt,
  isoBytesAt,
  parseBool,
  parseNumber,
  parseStamp,
  slashDayAt,
  type DateContext,
} from "./values.js";

export interface RowContext {
  file: string;
  zone: Zone;
  dateOrder: DateOrder;
  /** Whether dateOrder was given rather than defaulted (ReadOptions.dateOrderExplicit); undefined: given. */
  dateOrderExplicit?: boolean;
  /** ReadOptions.marketplaces. */
  marketplaces?: readonly Marketplace[];
}

export type RowParser<R> = (cells: string[], line: number) => R;
/** A parser over a RowCursor (the rows of a file, string cells or cell bounds): the hot path. */
export type RowReader<R> = (row: RowCursor) => R;

/** A RowReader as a RowParser of string cells. */
export function overCells<R>(read: RowReader<R>): RowParser<R> {
  const row = new RowCursor();
  return (cells, line) => {
    row.setCells(cells, line);
    return read(row);
  };
}

/** Field access and coded errors for one file. Positions are -1 when the column is absent. */
export class Cells {
  readonly dctx: DateContext;
  readonly zone: Zone;
  constructor(
    readonly map: ColumnMap,
    readonly ctx: RowContext,
  ) {
    this.dctx = { zone: ctx.zone, dateOrder: ctx.dateOrder };
    this.zone = ctx.zone;
    this.dmy = ctx.dateOrder === "dmy";
  }
  readonly dmy: boolean;
  pos(field: string): number {
    return position(this.map, field);
  }
  fail(p: number, line: number, value: string, expected: string, hint?: string): never {
    throw new AhrError("VALUE", {
      file: this.ctx.file,
      line,
      column: this.map.headers[p] ?? "",
      value,
      expected,
      ...(hint !== undefined ? { hint } : {}),
    });
  }
  empty(p: number, line: number, expected: string): never {
    throw new AhrError("EMPTY_REQUIRED", { file: this.ctx.file, line, column: this.map.headers[p] ?? "", expected });
  }
  /** The cell, "" when the column is absent. */
  text(r: RowCursor, p: number): string {
    return p < 0 ? "" : r.str(p);
  }
  /** A non-empty cell, or null. */
  opt(r: RowCursor, p: number): string | null {
    const t = this.text(r, p);
    return t === "" ? null : t;
  }
  required(r: RowCursor, p: number, line: number, expected: string): string {
    const t = this.text(r, p);
    if (t === "") this.empty(p, line, expected);
    return t;
  }
  /** Per position, the last cell mapped() read and what it gave. */
  private readonly lastWord: (string | undefined)[] = [];
  private readonly lastMapped: unknown[] = [];
  /**
   * f of a non-empty cell (null when empty or the column is absent), for columns whose values
   * repeat (a channel, a carrier, a flag): a cell holding the same characters as the last one at
   * that position gives the last result, compared in place, without a string. f must give the
   * same result for the same text (it may throw: nothing is remembered then).
   */
  mapped<T>(r: RowCursor, p: number, f: (text: string) => T): T | null {
    if (p < 0) return null;
    const last = this.lastWord[p];
    const cells = r.cells;
    if (cells === null) {
      const k = r.base + 2 * p;
      const s = r.bounds[k]!;
      const e = r.bounds[k + 1]!;
      if (s === e) return null;
      if (last !== undefined && last.length === e - s) {
        const text = r.text;
        let j = 0;
        while (j < last.length && last.charCodeAt(j) === text.charCodeAt(s + j)) j++;
        if (j === last.length) return this.lastMapped[p] as T;
      }
    } else {
      const t = cells[p] ?? "";
      if (t === "") return null;
      if (t === last) return this.lastMapped[p] as T;
    }
    const t = r.str(p);
    const v = f(t);
    this.lastWord[p] = t;
    this.lastMapped[p] = v;
    return v;
  }
  /** Last text and Stamp per position: item rows of one order repeat their dates. */
  private readonly lastText: string[] = [];
  private readonly lastStamp: Stamp[] = [];
  /** Last instant read in place per position (NaN: none), whose Stamp is lastStamp. */
  private readonly lastMs: number[] = [];
  /** Last day of an M/D/YY date read in place per position (NaN: none), whose Stamp is lastStamp. */
  private readonly lastDay: number[] = [];
  /** Per position, a bounded memo for columns whose values repeat across orders (ship-by dates). */
  private readonly memo = new Map<number, Map<string, Stamp>>();
  /**
   * Per position, a Stamp overwritten for each row (orders with `reuse`: the merger copies the
   * instants and days); null: a new Stamp per distinct value.
   */
  private scratch: Stamp[] | null = null;
  shareDates(p: number): void {
    if (p >= 0) this.memo.set(p, new Map());
  }
  reuseStamps(): void {
    this.scratch = [];
  }
  /**
   * A date; equal texts give the same (shared, never mutated) Stamp object, which saves both
   * parsing and memory for repeated values. In a row read in place, an ISO 8601 date-time of the
   * fixed shape is read without cutting the cell out of the line.
   */
  date(r: RowCursor, p: number, line: number, endOfDay = false): Stamp | null {
    if (p < 0) return null;
    if (r.cells === null) {
      const k = r.base + 2 * p;
      const s = r.bounds[k]!;
      const e = r.bounds[k + 1]!;
      if (s === e) return null;
      const buf = r.buf;
      const ms = buf !== null ? isoBytesAt(buf, s, e - s, this.zone) : isoAt(r.text, s, e - s, this.zone);
      if (ms === ms && ms !== ISO_INVALID) {
        if (this.lastMs[p] === ms) return this.lastStamp[p]!;
        return this.inPlace(p, ms, this.zone.dayOf(ms), ms, NaN);
      }
      if (ms !== ms) {
        // M/D/YY and M/D/YYYY (feedback), read in place too.
        const day = slashDayAt(r.text, s, e - s, this.dmy);
        if (day === day) {
          if (this.lastDay[p] === day) return this.lastStamp[p]!;
          const st = dateOnlyStamp(day, this.zone, endOfDay);
          return this.inPlace(p, st.ms, st.day, NaN, day);
        }
      }
    }
    const t = r.str(p);
    if (t === "") return null;
    if (this.lastText[p] === t) return this.lastStamp[p]!;
    const memo = this.memo.get(p);
    let s = memo?.get(t) ?? null;
    if (s === null) {
      s = parseStamp(t, this.dctx, endOfDay);
      if (s === null) this.fail(p, line, t, dateExpected(this.ctx.dateOrder), dateHint(t, this.ctx.dateOrder));
      if (memo) {
        if (memo.size >= 4096) memo.clear();
        memo.set(t, s);
      }
    }
    this.lastText[p] = t;
    this.lastStamp[p] = s;
    this.lastMs[p] = NaN;
    this.lastDay[p] = NaN;
    return s;
  }
  /**
   * The Stamp of a date read in place at position p (the scratch one, overwritten, with
   * reuseStamps; else a new one), remembered as the position's last date by its instant (ISO)
   * or its day (M/D/YY): the other memo is NaN, so only a date read the same way matches.
   */
  private inPlace(p: number, ms: number, day: number, lastMs: number, lastDay: number): Stamp {
    const scratch = this.scratch;
    let st: Stamp;
    if (scratch === null) st = { ms, day };
    else {
      st = scratch[p] ?? (scratch[p] = { ms: 0, day: 0 });
      st.ms = ms;
      st.day = day;
    }
    this.lastText[p] = "";
    this.lastMs[p] = lastMs;
    this.lastDay[p] = lastDay;
    this.lastStamp[p] = st;
    return st;
  }
  requiredDate(r: RowCursor, p: number, line: number): Stamp {
    const s = this.date(r, p, line);
    if (s === null) this.empty(p, line, "a date");
    return s;
  }
  /** A boolean; an empty cell is `empty`. */
  bool<E extends boolean | null>(r: RowCursor, p: number, line: number, empty: E): boolean | E {
    const t = this.text(r, p);
    if (t === "") return empty;
    const b = parseBool(t);
    if (b === null) this.fail(p, line, t, BOOL_EXPECTED);
    return b;
  }
  number(r: RowCursor, p: number, line: number): number | null {
    const t = this.text(r, p);
    if (t === "") return null;
    const n = parseNumber(t);
    if (n === null) this.fail(p, line, t, NUMBER_EXPECTED);
    return n;
  }
}

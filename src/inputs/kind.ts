/**
 * The contract of an input kind: everything readInputs (inputs/index.ts), kind detection and
 * `ahr schema` need to know about one kind of export. Each kind is one folder (inputs/<kind>/)
 * whose index.ts exports one object that `satisfies` RecordKind or MergedKind, listed one line
 * each in inputs/registry.ts. readInputs never names a kind: what differs between kinds is a
 * property here.
 *
 * Two shapes:
 * - RecordKind: every data row is one record (feedback, claims, chargebacks, messages, returns,
 *   violations). Duplicates are found generically (row hash + equal record, see inputs/index.ts).
 * - MergedKind: rows are merged into records by a key (orders: item rows -> one Order per id).
 *   Merged kinds are read after every record kind, because record kinds refer to them (with
 *   keepFromDay, the ids they refer to must be known when old orders are dropped).
 */
import type { InputKind } from "../records.js";
import type { AhrError } from "../errors.js";
import type { RowCursor } from "../read/rows.js";
import type { RowContext, RowReader } from "./cells.js";
import type { FieldSpec } from "./fields.js";
import type { JoinRow, JoinTarget } from "./join.js";
import type { ColumnMap } from "./headers.js";

export type { ColumnMap, FieldSpec, RowContext, RowReader };

/** What every kind declares. */
export interface KindBase<K extends InputKind = InputKind> {
  kind: K;
  /** The fields (canonical name, required, accepted headers, meaning), in schema order. */
  schema: readonly FieldSpec[];
  /**
   * Kind detection: whether a header whose required fields are all present is of this kind
   * (besides them). `map`: the header matched against `schema`; `normalised`: every header cell
   * normalised (normaliseHeader); `base`: the file's base name, lower-case.
   */
  signature(map: ColumnMap, normalised: ReadonlySet<string>, base: string): boolean;
  /**
   * A header that matches none of the kind's accepted names, recognised by its layout and the
   * values of its first data rows (Table.sample) instead: the columns by position (with
   * `positional` set), or null. Tried for a file of this kind whose required columns are
   * missing, and in kind detection when no kind fits. Today: feedback (SPEC 9.2).
   */
  byPosition?(header: readonly string[], sample: readonly (readonly string[])[]): ColumnMap | null;
  /** The fields by position, in words, for the note (with byPosition). */
  byPositionLayout?: string;
}

/** A kind whose every data row is one record. */
export interface RecordKind<K extends InputKind = InputKind, R = unknown> extends KindBase<K> {
  /** The row reader of one file (throws VALUE / EMPTY_REQUIRED, see cells.ts). */
  reader(map: ColumnMap, ctx: RowContext): RowReader<R>;
  /**
   * The order a record is about. With ReadOptions.keepFromDay these ids are collected before
   * the merged kind is read, so an old order they name is known (OrdersInput.outsideIds).
   * Absent: the kind refers to no order that matters (messages, violations).
   */
  orderId?: (record: R) => string;
  /**
   * With `orderId`: records whose order was read but not kept as too old (outsideIds) are
   * dropped after reading (no metric can count them); recordCount still counts them. Today
   * feedback, claims, chargebacks.
   */
  dropOutside?: boolean;
  /** ReadOptions.keep: which records are worth keeping. */
  keep?: {
    /** The basis day: with keep.fromDay[kind], records whose day falls before it are not kept. */
    day?: (record: R) => number;
    /** With keep.defectsOnly: only records for which this is true are kept. */
    defect?: (record: R) => boolean;
  };
  /** A fresh compactor per input: the compact form a record is kept in (equal in every field). */
  compact?: () => (record: R) => R;
}

/** What readInputs tells a merged kind before its rows are read. */
export interface MergeContext {
  /** ReadOptions.keepFromDay. */
  keepFromDay?: number;
  /** ReadOptions.countOnly (the merged kind's own type; only orders has one today). */
  countOnly?: unknown;
  /** The ids the record kinds refer to (RecordKind.orderId), collected when keepFromDay is set. */
  referenced: ReadonlySet<string>;
  /** How many files of the kind will be read. */
  files: number;
  /**
   * Kinds will join onto this one (JoinedKind) after the rows: the merge gives a joinTarget()
   * that tells an id read but not kept (too old, counted only) from one never read.
   */
  joins?: boolean;
}

/** One file's rows, for a merged kind: parse a row, then take it (false: a duplicate). */
export interface MergeFile<Row> {
  parse: RowReader<Row>;
  take(row: Row, cursor: RowCursor): boolean;
}

/** What a merged kind gives back when every row was taken. */
export interface Merged<R> {
  records: R[];
  duplicates: number;
  /** Records read and merged but not kept (recordCount = records.length + counted when > 0). */
  counted: number;
  /**
   * Ids of records read but not kept as too old (keepFromDay) that a record kind refers to:
   * the rows of the kinds with `dropOutside` naming one are left out.
   */
  outside: ReadonlySet<string>;
  /** Fields added to the Input (orders: outsideIds, countedOnly). */
  extra: Record<string, unknown>;
  /** Notes for the Input (orders: rows of one order that disagree). */
  notes?: string[];
}

/** One read of a merged kind. */
export interface Merge<R, Row = unknown> {
  file(map: ColumnMap, ctx: RowContext): MergeFile<Row>;
  /**
   * The records as the join sees them (join.ts), after every file's rows and before finish();
   * absent: nothing can join onto this kind. `orderIdOf`: the id at an index.
   */
  joinTarget?(): { target: JoinTarget; orderIdOf: (i: number) => string };
  /** `skip`: with --skip-invalid, a merged record that fails (rows: how many rows it had). */
  finish(skip?: (error: AhrError, rows: number) => void): Merged<R>;
}

/** A kind whose rows are merged into records (orders). */
export interface MergedKind<K extends InputKind = InputKind, R = unknown, Row = unknown> extends KindBase<K> {
  merge(ctx: MergeContext): Merge<R, Row>;
}

/**
 * A kind whose rows add fields to the records of a merged kind, matched by order id (SPEC 9.1:
 * order-report, unshipped, shipments). Read after the merged kind's rows, before it finishes;
 * nothing of its own is kept (join.ts).
 */
export interface JoinedKind<K extends InputKind = InputKind> extends KindBase<K> {
  /** The merged kind it joins onto. */
  joins: InputKind;
  /** Its fields -> the merged kind's fields they give (a column of the file: a column of that input). */
  gives: Readonly<Record<string, string>>;
  /** The rules of confirmation rows (join.ts): latest date, tracking on every row. */
  shipments: boolean;
  /** The row reader of one file; may return the same JoinRow each time. */
  reader(map: ColumnMap, ctx: RowContext): RowReader<JoinRow>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = RecordKind<InputKind, any> | MergedKind<InputKind, any, any> | JoinedKind;

/** Whether a kind is merged (read after the record kinds). */
export const isMerged = (k: AnyKind): k is Extract<AnyKind, { merge: unknown }> => "merge" in k;

/** Whether a kind joins onto a merged one (read with it). */
export const isJoined = (k: AnyKind): k is JoinedKind => "joins" in k;

/** Whether a kind is read as one record per row (neither merged nor joined). */
export const isRecordKind = (k: AnyKind): k is RecordKind<InputKind, unknown> => !isMerged(k) && !isJoined(k);


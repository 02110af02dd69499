/**
 * readInputs: files -> typed records for every input kind (the kinds: registry.ts; what a kind
 * is: kind.ts). Knows no kind by name.
 *
 * Which files: per kind, the files given for it (`--orders a --orders b`, in that order), then
 * the auto paths whose header says they are of that kind (a directory: its regular files sorted
 * by name, hidden files and README* skipped), then standard input with `--kind`.
 * Each file: header -> ColumnMap (headers.ts), rows -> records (the kind's reader), or, for a
 * merged kind (orders), rows merged into records by the kind. The record kinds are read first,
 * so that with `keepFromDay` the ids they refer to are known when old orders are dropped; then
 * the rows of the kinds whose contract says `dropOutside` that refer to an order read but not
 * kept are left out (see dropOutside below).
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { DateOrder, ResolvedConfig } from "../config/defaults.js";
import { AhrError, isAhrError, skippedMessage } from "../errors.js";
import { INPUT_KINDS, type Input, type InputKind, type Inputs, type SkippedRow } from "../records.js";
import { fieldSeed, rowHashAt } from "../read/row-hash.js";
import { RowCursor, batchSize, rowBatches } from "../read/rows.js";
import { SeenHashes } from "../read/seen.js";
import type { Table } from "../read/table.js";
import type { Marketplace } from "../marketplaces.js";
import type { Zone } from "../time.js";
import type { RowContext } from "./cells.js";
import { detectKind } from "./detect.js";
import { mapColumns, normaliseHeader, type ColumnMap } from "./headers.js";
import { isJoined, isMerged, isRecordKind, type AnyKind, type JoinedKind, type Merged, type MergedKind, type RecordKind } from "./kind.js";
import { Joiner, type JoinRow, type JoinSummary } from "./join.js";
import type { MergeOptions } from "./orders/merge.js";
import { KINDS } from "./registry.js";

export interface ReadRequest {
  /** Files given per kind (`--orders a.csv --orders b.csv`). */
  files: Partial<Record<InputKind, string[]>>;
  /** Paths whose kind is decided from their headers: files, or directories (their files). */
  auto: string[];
  /** `-` with `--kind`: standard input as one file of that kind. */
  stdin?: { kind: InputKind; stream: NodeJS.ReadableStream };
  /**
   * Files of the auto directories already read as something else (Amazon's own reports, SPEC
   * 10): not read here, and counted as recognised.
   */
  setAside?: ReadonlySet<string>;
}

export interface ReadOptions {
  zone: Zone;
  dateOrder: DateOrder;
  columns: ResolvedConfig["columns"];
  /** Skip rows whose values do not parse (count them, keep the first few) instead of failing. */
  skipInvalid: boolean;
  /**
   * Orders purchased before this day are not kept (only their ids, where another input refers
   * to them: OrdersInput.outsideIds). Undefined: keep every order.
   */
  keepFromDay?: number;
  /**
   * Keep only the records a report can use (issue 6); `Input.recordCount` then counts every
   * record read. Duplicates are still found among all rows of a kind, dropped ones included.
   */
  keep?: {
    /**
     * Per kind: records whose basis day (the kind contract's keep.day(record)) falls before this
     * day are not kept (no window they could fall in starts that early). Today: messages
     * (receivedAt.day), returns (requestedAt.day).
     */
    fromDay?: Partial<Record<InputKind, number>>;
    /**
     * Keep only records that can be a defect (the kind contract's keep.defect(record)); today
     * feedback rated 1-2 and not removed.
     */
    defectsOnly?: boolean;
  };
  /** Orders only counted for the AHR, not kept (OrdersInput.countedOnly; see MergeOptions). */
  countOnly?: MergeOptions["countOnly"];
  /**
   * Whether `dateOrder` was given (flag or config) rather than defaulted; undefined: it was. A
   * defaulted date order lets a file's marketplace decide its dates (feedback, SPEC 9.2).
   */
  dateOrderExplicit?: boolean;
  /** The marketplaces `--marketplace` selected (a feedback file's marketplace when nothing else tells it). */
  marketplaces?: readonly Marketplace[];
  /** Called now and then while reading a file: bytes read so far and the size when known. */
  onProgress?: (file: string, bytesRead: number, size: number | null) => void;
  /** Called when opening a file (a named pipe) has waited a few seconds for a writer. */
  onWait?: (file: string, what: string) => void;
}

/** The file system seen by the reader (tests replace it with in-memory tables). */
export interface ReadDeps {
  /** `isHeader`: which line can be the header (rows above it skipped, read/open.ts). */
  open(
    file: string,
    options?: { stdin?: NodeJS.ReadableStream; onWait?: ReadOptions["onWait"]; isHeader?: (cells: string[]) => boolean },
  ): Promise<Table>;
  /**
   * "dir", "file" (anything else that open() should try), or, for a path that (through its
   * symbolic links) is a named pipe, socket or device, what it is ("a named pipe"): such a path
   * is read when named, and only noted in a directory (opening a pipe there would wait forever).
   */
  kindOfPath(path: string): Promise<"dir" | "file" | { special: string }>;
  /**
   * Names of the entries of a directory (every kind of entry: subdirectories and special files
   * are named in a note, not read). DIR_UNREADABLE when the directory cannot be listed.
   */
  listFiles(dir: string): Promise<string[]>;
}

/** How many skipped rows each input keeps as samples. */
export const SKIPPED_SAMPLES = 5;

interface Pending {
  file: string;
  table?: Table;
  stdin?: NodeJS.ReadableStream;
}

export async function readInputs(request: ReadRequest, options: ReadOptions): Promise<Inputs> {
  return readInputsWith(request, options, await fsDeps());
}

async function fsDeps(): Promise<ReadDeps> {
  // Imported lazily: the byte layer (csv-parse, zlib) loads only when a file is read.
  const { openTable } = await import("../read/open.js");
  return {
    open: (file, o) => openTable(file, o),
    kindOfPath: async (path) => {
      try {
        const st = await stat(path);
        if (st.isDirectory()) return "dir";
        if (st.isFIFO()) return { special: "a named pipe" };
        if (st.isSocket()) return { special: "a socket" };
        if (st.isCharacterDevice() || st.isBlockDevice()) return { special: "a device" };
        return "file";
      } catch {
        return "file"; // open() gives the coded error (FILE_NOT_FOUND, ...)
      }
    },
    listFiles: async (dir) => {
      try {
        return await readdir(dir);
      } catch (e) {
        // An input directory that cannot be listed is an input error, not a bug (issue 17).
        const code = (e as NodeJS.ErrnoException).code;
        const detail = code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? String(e));
        throw new AhrError("DIR_UNREADABLE", { file: dir, detail });
      }
    },
  };
}

/** A config file in an export folder: noted, never read as an export (issue 16: ahr batch). */
export const CONFIG_IN_DIR = "ahr.config.json";
const skippedInDir = (name: string): boolean => name.startsWith(".") || /^readme/i.test(name);

export async function readInputsWith(request: ReadRequest, options: ReadOptions, deps: ReadDeps): Promise<Inputs> {
  const plan = new Map<InputKind, Pending[]>();
  const add = (kind: InputKind, p: Pending): void => {
    const list = plan.get(kind);
    if (list) list.push(p);
    else plan.set(kind, [p]);
  };
  const notes: string[] = [];

  for (const kind of INPUT_KINDS) for (const file of request.files[kind] ?? []) add(kind, { file });

  // A file whose kind its header decides: the header is a line with a known column of any kind.
  const anyKind = request.auto.length > 0 ? headerOf(KINDS, options.columns) : undefined;
  for (const path of request.auto) {
    if ((await deps.kindOfPath(path)) === "dir") {
      const names = (await deps.listFiles(path)).filter((n) => !skippedInDir(n)).sort();
      let recognised = 0;
      for (const name of names) {
        const file = join(path, name);
        if (request.setAside?.has(file) === true) {
          recognised++;
          continue;
        }
        if (name === CONFIG_IN_DIR) {
          // An account folder may hold its config (ahr batch applies it to that account).
          notes.push(`${file}: a config file, not an export; not read as an input`);
          continue;
        }
        const what = await deps.kindOfPath(file);
        if (what === "dir") {
          notes.push(`${file}: a directory inside ${path}, not read (only the files directly in it are); give its path to read it`);
          continue;
        }
        if (typeof what === "object") {
          // Opening a named pipe waits for a writer, possibly forever (issue 17: a symbolic link
          // to one hung the run); named on its own, it is read.
          notes.push(`${file}: ${what.special} inside ${path}, not read; give its path to read it`);
          continue;
        }
        const table = await deps.open(file, { ...waitOf(options), isHeader: anyKind });
        if (isEmptyHeader(table.header)) {
          notes.push(`${file}: empty file, skipped`);
          continue;
        }
        add(detectKind(table.header, file, options.columns, table.sample), { file, table });
        recognised++;
      }
      if (recognised === 0) {
        throw new AhrError("DIR_EMPTY", {
          file: path,
          found: names,
          hint: "put the exported reports (orders, feedback, ...) in it, or name the files with --orders FILE, ...",
        });
      }
    } else {
      const table = await deps.open(path, { ...waitOf(options), isHeader: anyKind });
      if (isEmptyHeader(table.header)) {
        notes.push(`${path}: empty file, skipped (pass it with --orders, --feedback, ... to read it as that kind)`);
        continue;
      }
      add(detectKind(table.header, path, options.columns, table.sample), { file: path, table });
    }
  }

  if (request.stdin) add(request.stdin.kind, { file: "-", stdin: request.stdin.stream });

  const lonely = KINDS.filter((k) => isJoined(k) && plan.has(k.kind) && !plan.has(k.joins));
  if (lonely.length > 0) {
    throw new AhrError("JOIN_WITHOUT_ORDERS", {
      accepted: lonely.map((k) => k.kind),
      files: lonely.flatMap((k) => plan.get(k.kind)!.map((p) => p.file)),
    });
  }

  const inputs: Record<string, Input<unknown>> = {};
  const referenced = new Set<string>();
  for (const kind of KINDS) {
    if (!isRecordKind(kind)) continue;
    const sources = plan.get(kind.kind);
    if (!sources) continue;
    const input = await readRecords(kind, sources, options, deps);
    const orderId = kind.orderId;
    if (options.keepFromDay !== undefined && orderId !== undefined) {
      for (const r of input.records) referenced.add(orderId(r));
    }
    inputs[kind.kind] = input;
  }
  const outside = new Set<string>();
  /** Ids of orders of no marketplace (OrdersInput.excludedIds, SPEC 9.3). */
  const excluded = new Set<string>();
  for (const kind of KINDS) {
    if (!isMerged(kind)) continue;
    const sources = plan.get(kind.kind);
    if (!sources) continue;
    const joined: JoinedSources[] = [];
    for (const k of KINDS) {
      const s = plan.get(k.kind);
      if (isJoined(k) && k.joins === kind.kind && s !== undefined) joined.push({ kind: k, sources: s });
    }
    const { input, merged } = await readMerged(kind, sources, options, deps, referenced, joined, inputs);
    for (const id of merged.outside) outside.add(id);
    for (const id of (input as { excludedIds?: ReadonlySet<string> }).excludedIds ?? []) excluded.add(id);
    inputs[kind.kind] = input;
  }
  dropOutside(inputs, outside);
  if (excluded.size > 0) dropExcluded(inputs, excluded);
  const result = inputs as Inputs;
  if (notes.length > 0) result.notes = notes;
  return result;
}

/**
 * Leaves out the rows of the kinds whose contract says `dropOutside` (feedback, claims,
 * chargebacks) whose order was read but not kept as too old (`outsideIds`): no metric can count
 * them (odr looks up the orders it keeps; such a row is not unmatched either), and over a long
 * export they are most of the defect rows, each looked at by every odr row of the report.
 * `recordCount` keeps counting every record read. Only the Inputs readInputs built are changed.
 */
function dropOutside(inputs: Record<string, Input<unknown>>, outside: ReadonlySet<string>): void {
  if (outside.size === 0) return;
  for (const kind of KINDS) {
    if (!isRecordKind(kind) || kind.dropOutside !== true || kind.orderId === undefined) continue;
    const input = inputs[kind.kind];
    if (input === undefined) continue;
    const orderId = kind.orderId;
    const records = input.records.filter((r) => !outside.has(orderId(r)));
    if (records.length === input.records.length) continue;
    input.recordCount ??= input.records.length;
    input.records = records;
  }
}

/**
 * Leaves out the records of every kind that names orders whose order is of no marketplace
 * (OrdersInput.excludedIds, SPEC 9.3: MCF), counting them in the input's `excluded`.
 */
function dropExcluded(inputs: Record<string, Input<unknown>>, excluded: ReadonlySet<string>): void {
  for (const kind of KINDS) {
    if (!isRecordKind(kind) || kind.orderId === undefined) continue;
    const input = inputs[kind.kind];
    if (input === undefined) continue;
    const orderId = kind.orderId;
    const records = input.records.filter((r) => !excluded.has(orderId(r)));
    if (records.length === input.records.length) continue;
    input.excluded = input.records.length - records.length;
    input.recordCount ??= input.records.length;
    input.records = records;
  }
}

/** The header cells (normalised) some field of `kinds` accepts, configured headers included. */
function knownHeaders(kinds: readonly AnyKind[], columns: ReadOptions["columns"]): Set<string> {
  const known = new Set<string>();
  for (const k of kinds) {
    for (const f of k.schema) for (const h of [f.name, ...f.aliases]) known.add(normaliseHeader(h));
    for (const h of Object.values(columns[k.kind] ?? {})) known.add(normaliseHeader(h));
  }
  return known;
}

/** OpenOptions.isHeader: a line holding a known column of one of `kinds` (SPEC 9.1). */
function headerOf(kinds: readonly AnyKind[], columns: ReadOptions["columns"]): (cells: string[]) => boolean {
  const known = knownHeaders(kinds, columns);
  return (cells) => cells.some((c) => known.has(normaliseHeader(c)));
}

function isEmptyHeader(header: readonly string[]): boolean {
  return header.every((h) => h.trim() === "");
}

/** Counters shared by both readers. */
class Tally<R> {
  readonly input: Input<R>;
  private readonly columns = new Set<string>();
  constructor(kind: InputKind) {
    this.input = {
      kind,
      files: [],
      columns: this.columns,
      rows: 0,
      records: [],
      skipped: 0,
      skippedSamples: [],
      duplicates: 0,
      notes: [],
    };
  }
  addColumns(fields: readonly string[]): void {
    for (const f of fields) this.columns.add(f);
  }
  /** A row error: rethrown unless --skip-invalid and it is a value error. */
  skip(error: unknown, options: ReadOptions, rows = 1): void {
    if (!options.skipInvalid || !isAhrError(error) || (error.code !== "VALUE" && error.code !== "EMPTY_REQUIRED")) {
      throw error;
    }
    this.input.skipped += rows;
    if (this.input.skippedSamples.length < SKIPPED_SAMPLES) {
      const sample: SkippedRow = {
        file: error.params.file ?? "",
        line: error.params.line ?? 0,
        message: skippedMessage(error),
      };
      this.input.skippedSamples.push(sample);
    }
  }
  notes(table: Table): void {
    for (const n of table.notes) {
      const note = `${table.file}: ${n}`;
      if (!this.input.notes.includes(note)) this.input.notes.push(note);
    }
  }
}

/** The open options that pass on `onWait`. */
const waitOf = (options: ReadOptions): { onWait?: ReadOptions["onWait"] } =>
  options.onWait !== undefined ? { onWait: options.onWait } : {};

async function openPending(p: Pending, deps: ReadDeps, options: ReadOptions, kind: AnyKind): Promise<Table> {
  if (p.table) return p.table;
  const isHeader = headerOf([kind], options.columns);
  return deps.open(p.file, p.stdin ? { stdin: p.stdin, isHeader } : { ...waitOf(options), isHeader });
}

const rowContext = (file: string, options: ReadOptions): RowContext => ({
  file,
  zone: options.zone,
  dateOrder: options.dateOrder,
  ...(options.dateOrderExplicit !== undefined ? { dateOrderExplicit: options.dateOrderExplicit } : {}),
  ...(options.marketplaces !== undefined ? { marketplaces: options.marketplaces } : {}),
});

/** What eachRow does with the rows of one file: parse a row, then take the record. */
interface RowHandler<R> {
  /** Throws the row's coded error (skipped with --skip-invalid, see Tally.skip). */
  parse: (row: RowCursor) => R;
  take: (record: R, row: RowCursor) => void;
}

/**
 * Every row of the files of one kind, in order: each file's columns are mapped (its header
 * names the columns of the input), `perFile` gives the handler for its rows, and progress is
 * reported after each batch.
 */
async function eachRow<R>(
  kind: AnyKind,
  sources: Pending[],
  options: ReadOptions,
  deps: ReadDeps,
  tally: Tally<unknown>,
  perFile: (map: ColumnMap, file: string) => RowHandler<R>,
): Promise<void> {
  for (const p of sources) {
    const table = await openPending(p, deps, options, kind);
    tally.input.files.push(p.file);
    if (isEmptyHeader(table.header)) continue;
    const map = columnsOf(kind, table, p.file, options);
    if (map.positional === true) tally.input.notes.push(positionalNote(kind, p.file, table.header));
    tally.addColumns(map.fields);
    const { parse, take } = perFile(map, p.file);
    const row = new RowCursor();
    for await (const batch of rowBatches(table, map.columns)) {
      const n = batchSize(batch);
      for (let k = 0; k < n; k++) {
        row.at(batch, k);
        let record: R;
        try {
          record = parse(row);
        } catch (e) {
          tally.skip(e, options);
          continue;
        }
        take(record, row);
      }
      options.onProgress?.(p.file, table.bytesRead(), table.size);
    }
    tally.notes(table);
  }
}

/**
 * The columns of one file: by the accepted names (mapColumns), or, when required ones are
 * missing and the kind knows its layout (KindBase.byPosition), by position.
 */
function columnsOf(kind: RecordKind | MergedKind, table: Table, file: string, options: ReadOptions): ColumnMap {
  try {
    return mapColumns(kind, table.header, file, options.columns[kind.kind]);
  } catch (e) {
    const byPosition = isAhrError(e) && e.code === "MISSING_COLUMN" ? kind.byPosition?.(table.header, table.sample ?? []) : null;
    if (byPosition === null || byPosition === undefined) throw e;
    return byPosition;
  }
}

const positionalNote = (kind: RecordKind | MergedKind, file: string, header: readonly string[]): string =>
  `${file}: its header (${header.map((h) => JSON.stringify(h)).join(" ")}) is not one ahr knows; read as a ${kind.kind} report by column position (${kind.byPositionLayout ?? ""})`;

/**
 * Duplicates among the non-order kinds: rows are hashed (53 bits) on their mapped cells and the
 * first record per hash is remembered (SeenHashes); a row whose hash matches AND whose record
 * equals the earlier kept one (every field but the source) is a duplicate. So a hash collision
 * can never drop a different kept record. A record not kept (ReadOptions `keep`) is remembered
 * by its hash alone: a later row with that hash that is not kept either is a duplicate (a
 * collision, about 1 in 2^53, would only count a row as a duplicate instead of a row).
 */
async function readRecords(
  kind: RecordKind,
  sources: Pending[],
  options: ReadOptions,
  deps: ReadDeps,
): Promise<Input<unknown>> {
  const tally = new Tally<unknown>(kind.kind);
  const input = tally.input;
  const seen = new SeenHashes();
  const keep = keepFilter(kind, options);
  const compact = kind.compact !== undefined ? kind.compact() : null;
  let count = 0;
  await eachRow(kind, sources, options, deps, tally, (map, file) => {
    const parse = kind.reader(map, rowContext(file, options));
    const seed = fieldSeed(map.fields);
    const width = map.columns.length;
    return {
      parse,
      take(record, row) {
        const hash = rowHashAt(row, width, seed);
        const kept = keep === null || keep(record);
        const earlier = seen.seen(hash, kept ? input.records.length : null);
        // A record not kept is known by its hash alone: an equal one is not kept either.
        if (earlier !== undefined && (earlier === null ? !kept : sameRecord(input.records[earlier], record))) {
          input.duplicates++;
          return;
        }
        input.rows++;
        count++;
        if (kept) input.records.push(compact !== null ? compact(record) : record);
      },
    };
  });
  if (keep !== null) input.recordCount = count;
  return input;
}

/**
 * Which records of a kind readRecords keeps (ReadOptions `keep`, the kind's `keep`); null: all
 * of them. A kind with both a basis day and a defect rule keeps the records passing both.
 */
function keepFilter(kind: RecordKind, options: ReadOptions): ((record: unknown) => boolean) | null {
  const k = options.keep;
  if (k === undefined || kind.keep === undefined) return null;
  const defect = k.defectsOnly === true ? kind.keep.defect : undefined;
  const from = k.fromDay?.[kind.kind];
  const day = from !== undefined ? kind.keep.day : undefined;
  if (defect !== undefined && day !== undefined) return (r) => defect(r) && day(r) >= from!;
  if (defect !== undefined) return defect;
  if (day !== undefined) return (r) => day(r) >= from!;
  return null;
}

/** The files of a kind joined onto a merged one. */
interface JoinedSources {
  kind: JoinedKind;
  sources: Pending[];
}

/**
 * A merged kind (orders): every row to the kind's merge; then the rows of the kinds joined onto
 * it, through the merge's join target (join.ts), in registry order, each input's files in the
 * order given; then the merged records. The joined inputs go to `inputs`; the fields their files
 * have become columns of the merged input. With joined inputs, only Amazon-fulfilled orders are
 * only counted (countOnly decides from an order's first row; a seller-fulfilled order's joined
 * fields come later).
 */
async function readMerged(
  kind: MergedKind,
  sources: Pending[],
  options: ReadOptions,
  deps: ReadDeps,
  referenced: ReadonlySet<string>,
  joined: readonly JoinedSources[],
  inputs: Record<string, Input<unknown>>,
): Promise<{ input: Input<unknown>; merged: Merged<unknown> }> {
  const tally = new Tally<unknown>(kind.kind);
  const input = tally.input;
  const countOnly = options.countOnly;
  const merge = kind.merge({
    ...(options.keepFromDay !== undefined ? { keepFromDay: options.keepFromDay } : {}),
    ...(countOnly !== undefined ? { countOnly } : {}),
    referenced,
    files: sources.length,
    ...(joined.length > 0 ? { joins: true } : {}),
  });
  await eachRow<unknown>(kind, sources, options, deps, tally, (map, file) => {
    const { parse, take } = merge.file(map, rowContext(file, options));
    return {
      parse,
      take(parsed, row) {
        if (take(parsed, row)) input.rows++;
      },
    };
  });
  if (joined.length > 0) {
    const summary = await readJoined(merge, joined, options, deps, tally, inputs);
    notesOfJoin(summary, tally.input.notes, inputs);
  }
  const merged = merge.finish(
    options.skipInvalid
      ? (error, rows) => {
          tally.skip(error, options, rows);
          input.rows -= rows;
        }
      : undefined,
  );
  input.records = merged.records;
  input.duplicates = merged.duplicates;
  for (const n of merged.notes ?? []) if (!input.notes.includes(n)) input.notes.push(n);
  // Orders of no marketplace (SPEC 9.3) are records read, left out: `records` counts them, as it
  // counts the rows of other kinds left out with them (dropExcluded).
  const excluded = (merged.extra as { excluded?: number } | undefined)?.excluded ?? 0;
  if (merged.counted > 0 || excluded > 0) input.recordCount = input.records.length + merged.counted + excluded;
  return { input: { ...input, ...merged.extra }, merged };
}

/** The joined inputs' rows onto the merge (join.ts); their Inputs go to `inputs`. */
async function readJoined(
  merge: ReturnType<MergedKind["merge"]>,
  joined: readonly JoinedSources[],
  options: ReadOptions,
  deps: ReadDeps,
  mergedTally: Tally<unknown>,
  inputs: Record<string, Input<unknown>>,
): Promise<JoinSummary> {
  const join = merge.joinTarget?.();
  if (join === undefined) throw new Error("inputs: a kind joins onto a merged kind that has no join target");
  const joiner = new Joiner(join.target, mergedTally.input.kind);
  for (const { kind, sources } of joined) {
    const tally = new Tally<never>(kind.kind);
    const into = joiner.input(kind.kind, kind.shipments);
    await eachRow<JoinRow>(kind, sources, options, deps, tally as Tally<unknown>, (map, file) => {
      for (const f of map.fields) {
        const to = kind.gives[f];
        if (to !== undefined) mergedTally.addColumns([to]);
      }
      return {
        parse: kind.reader(map, rowContext(file, options)),
        take(row) {
          tally.input.rows++;
          into.add(row);
        },
      };
    });
    tally.input.recordCount = tally.input.rows;
    inputs[kind.kind] = { ...tally.input, unmatched: 0 } as Input<unknown>;
  }
  return joiner.finish(join.orderIdOf);
}

/** The join's notes: unmatched rows on each joined input, conflicts on the merged one. */
function notesOfJoin(summary: JoinSummary, mergedNotes: string[], inputs: Record<string, Input<unknown>>): void {
  for (const s of summary.inputs) {
    const input = inputs[s.label] as (Input<unknown> & { unmatched: number }) | undefined;
    if (input === undefined) continue;
    input.unmatched = s.unmatched;
    // Rows naming an order of no marketplace (SPEC 9.3): counted as excluded (the orders' note names them).
    if (s.excluded > 0) input.excluded = s.excluded;
    if (s.unmatched === 0) continue;
    const rows = s.unmatched === 1 ? "1 row names an order" : `${s.unmatched} rows name orders`;
    const fields = s.unmatched === 1 ? "its fields" : "their fields";
    input.notes.push(
      `${s.label}: ${rows} not in the orders input (first: ${s.unmatchedIds.join(", ")}): counted as unmatched, ${fields} not used`,
    );
  }
  for (const c of summary.conflicts) {
    const orders = c.orders === 1 ? "1 order has" : `${c.orders} orders have`;
    mergedNotes.push(
      `${c.field}: ${orders} a different value in ${c.example.other} than in ${c.example.used} (first: ${c.example.orderId}); the ${c.example.used} value is used`,
    );
  }
}

/**
 * Two records equal in every field but `source` (Stamps by value). `b` is a plain record as
 * parsed; `a` may be a kept compact form (its fields are read through its getters).
 */
function sameRecord(a: unknown, b: unknown): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of Object.keys(y)) {
    if (k === "source") continue;
    const u = x[k];
    const v = y[k];
    if (u === v) continue;
    if (u !== null && v !== null && typeof u === "object" && typeof v === "object") {
      const s = u as { ms: number; day: number };
      const t = v as { ms: number; day: number };
      if (s.ms === t.ms && s.day === t.day) continue;
    }
    return false;
  }
  return true;
}

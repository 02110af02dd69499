/**
 * readInputs: files -> typed records for every input kind.
 *
 * Which files: per kind, the files given for it (`--orders a --orders b`, in that order), then
 * the auto paths whose header says they are of that kind (a directory: its regular files sorted
 * by name, hidden files and README* skipped), then standard input with `--kind`.
 * Each file: header -> ColumnMap (headers.ts), rows -> records (kinds.ts), orders merged by id
 * (orders.ts). The non-order kinds are read first, so that with `keepFromDay` the ids they refer
 * to are known when old orders are dropped.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { DateOrder, ResolvedConfig } from "../config/defaults.js";
import { AhrError, isAhrError, skippedMessage } from "../errors.js";
import {
  INPUT_KINDS,
  type Feedback,
  type Input,
  type InputKind,
  type Inputs,
  type Message,
  type Order,
  type OrdersInput,
  type ReturnRequest,
  type SkippedRow,
} from "../records.js";
import type { Zone } from "../time.js";
import { feedbackCompactor, messageCompactor } from "./compact.js";
import { detectKind, mapColumns, type ColumnMap } from "./headers.js";
import { orderRowReader, recordReader, type OrderRow, type RowContext } from "./kinds.js";
import { SeenHashes } from "./seen.js";
import { OrderMerger, type MergeOptions } from "./orders.js";
import { fieldSeed, orderHashSkip, orderRowHashAt, rowHashAt } from "./row-hash.js";
import { RowCursor, batchSize, rowBatches } from "./rows.js";
import type { Table } from "./table.js";

export interface ReadRequest {
  /** Files given per kind (`--orders a.csv --orders b.csv`). */
  files: Partial<Record<InputKind, string[]>>;
  /** Paths whose kind is decided from their headers: files, or directories (their files). */
  auto: string[];
  /** `-` with `--kind`: standard input as one file of that kind. */
  stdin?: { kind: InputKind; stream: NodeJS.ReadableStream };
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
     * Per kind: records whose basis day falls before this day are not kept (no window they
     * could fall in starts that early). Today: messages (receivedAt.day), returns
     * (requestedAt.day).
     */
    fromDay?: Partial<Record<InputKind, number>>;
    /** Keep only records that can be a defect: today feedback rated 1-2 and not removed. */
    defectsOnly?: boolean;
  };
  /** Orders only counted for the AHR, not kept (OrdersInput.countedOnly; see MergeOptions). */
  countOnly?: MergeOptions["countOnly"];
  /** Called now and then while reading a file: bytes read so far and the size when known. */
  onProgress?: (file: string, bytesRead: number, size: number | null) => void;
}

/** The file system seen by the reader (tests replace it with in-memory tables). */
export interface ReadDeps {
  open(file: string, options?: { stdin?: NodeJS.ReadableStream }): Promise<Table>;
  /** "dir", "file" (anything else that open() should try) */
  kindOfPath(path: string): Promise<"dir" | "file">;
  /**
   * Names of the entries of a directory that can hold an export: regular files, symbolic links
   * and subdirectories (these are named in a note, not read); devices, FIFOs and sockets never.
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
  const { openTable } = await import("./open.js");
  return {
    open: (file, o) => openTable(file, o),
    kindOfPath: async (path) => {
      try {
        return (await stat(path)).isDirectory() ? "dir" : "file";
      } catch {
        return "file"; // open() gives the coded error (FILE_NOT_FOUND, ...)
      }
    },
    listFiles: async (dir) => {
      const entries = await readdir(dir, { withFileTypes: true });
      return entries.filter((e) => e.isFile() || e.isSymbolicLink() || e.isDirectory()).map((e) => e.name);
    },
  };
}

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

  for (const path of request.auto) {
    if ((await deps.kindOfPath(path)) === "dir") {
      const names = (await deps.listFiles(path)).filter((n) => !skippedInDir(n)).sort();
      let recognised = 0;
      for (const name of names) {
        const file = join(path, name);
        if ((await deps.kindOfPath(file)) === "dir") {
          notes.push(`${file}: a directory inside ${path}, not read (only the files directly in it are); give its path to read it`);
          continue;
        }
        const table = await deps.open(file);
        if (isEmptyHeader(table.header)) {
          notes.push(`${file}: empty file, skipped`);
          continue;
        }
        add(detectKind(table.header, file, options.columns), { file, table });
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
      const table = await deps.open(path);
      if (isEmptyHeader(table.header)) {
        notes.push(`${path}: empty file, skipped (pass it with --orders, --feedback, ... to read it as that kind)`);
        continue;
      }
      add(detectKind(table.header, path, options.columns), { file: path, table });
    }
  }

  if (request.stdin) add(request.stdin.kind, { file: "-", stdin: request.stdin.stream });

  const inputs: Inputs = {};
  const referenced = new Set<string>();
  for (const kind of INPUT_KINDS) {
    if (kind === "orders") continue;
    const sources = plan.get(kind);
    if (!sources) continue;
    const input = await readRecords(kind, sources, options, deps);
    if (options.keepFromDay !== undefined && kind !== "messages" && kind !== "violations") {
      for (const r of input.records as { orderId: string }[]) referenced.add(r.orderId);
    }
    (inputs as Record<string, Input<unknown>>)[kind] = input;
  }
  const orderSources = plan.get("orders");
  if (orderSources) inputs.orders = await readOrders(orderSources, options, deps, referenced);
  if (notes.length > 0) inputs.notes = notes;
  return dropOutsideDefects(inputs);
}

/**
 * Leaves out the feedback, claim and chargeback rows whose order was read but not kept as too
 * old (`outsideIds`): no metric can count them (odr looks up the orders it keeps; such a row is
 * not unmatched either), and over a long export they are most of the defect rows, each looked
 * at by every odr row of the report. `recordCount` keeps counting every record read. Returns new
 * Inputs (and new Input objects where rows are dropped); nothing passed in is changed.
 * (Temporary shim on the core branch: the inputs/ side has its own at the merge.)
 */
function dropOutsideDefects(inputs: Inputs): Inputs {
  const outside = inputs.orders?.outsideIds;
  if (outside === undefined || outside.size === 0) return inputs;
  const out: Inputs = { ...inputs };
  for (const kind of ["feedback", "claims", "chargebacks"] as const) {
    const input = inputs[kind] as Input<{ orderId: string }> | undefined;
    if (input === undefined) continue;
    const records = input.records.filter((r) => !outside.has(r.orderId));
    if (records.length === input.records.length) continue;
    const recordCount = input.recordCount ?? input.records.length;
    (out as Record<string, Input<unknown>>)[kind] = { ...input, records, recordCount };
  }
  return out;
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

async function openPending(p: Pending, deps: ReadDeps): Promise<Table> {
  if (p.table) return p.table;
  return deps.open(p.file, p.stdin ? { stdin: p.stdin } : undefined);
}

const rowContext = (file: string, options: ReadOptions): RowContext => ({
  file,
  zone: options.zone,
  dateOrder: options.dateOrder,
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
  kind: InputKind,
  sources: Pending[],
  options: ReadOptions,
  deps: ReadDeps,
  tally: Tally<unknown>,
  perFile: (map: ColumnMap, file: string) => RowHandler<R>,
): Promise<void> {
  for (const p of sources) {
    const table = await openPending(p, deps);
    tally.input.files.push(p.file);
    if (isEmptyHeader(table.header)) continue;
    const map = mapColumns(kind, table.header, p.file, options.columns[kind]);
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
 * Duplicates among the non-order kinds: rows are hashed (53 bits) on their mapped cells and the
 * first record per hash is remembered (SeenHashes); a row whose hash matches AND whose record
 * equals the earlier kept one (every field but the source) is a duplicate. So a hash collision
 * can never drop a different kept record. A record not kept (ReadOptions `keep`) is remembered
 * by its hash alone: a later row with that hash that is not kept either is a duplicate (a
 * collision, about 1 in 2^53, would only count a row as a duplicate instead of a row).
 */
async function readRecords(
  kind: Exclude<InputKind, "orders">,
  sources: Pending[],
  options: ReadOptions,
  deps: ReadDeps,
): Promise<Input<unknown>> {
  const tally = new Tally<unknown>(kind);
  const input = tally.input;
  const seen = new SeenHashes();
  const keep = keepFilter(kind, options);
  const compact = compactorFor(kind);
  let count = 0;
  await eachRow(kind, sources, options, deps, tally, (map, file) => {
    const parse = recordReader(kind, map, rowContext(file, options));
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

/** The compact form readRecords keeps a record of a kind in (compact.ts); null: the record itself. */
function compactorFor(kind: Exclude<InputKind, "orders">): ((record: unknown) => unknown) | null {
  if (kind === "messages") {
    const compact = messageCompactor();
    return (r) => compact(r as Message);
  }
  if (kind === "feedback") {
    const compact = feedbackCompactor();
    return (r) => compact(r as Feedback);
  }
  return null;
}

/** Which records of a kind readRecords keeps (ReadOptions `keep`); null: all of them. */
function keepFilter(kind: Exclude<InputKind, "orders">, options: ReadOptions): ((record: unknown) => boolean) | null {
  const k = options.keep;
  if (k === undefined) return null;
  if (kind === "feedback" && k.defectsOnly === true) {
    return (r) => {
      const f = r as Feedback;
      return (f.rating === 1 || f.rating === 2) && !f.removed;
    };
  }
  const from = k.fromDay?.[kind];
  if (kind === "messages" && from !== undefined) return (r) => (r as Message).receivedAt.day >= from;
  if (kind === "returns" && from !== undefined) return (r) => (r as ReturnRequest).requestedAt.day >= from;
  return null;
}

async function readOrders(
  sources: Pending[],
  options: ReadOptions,
  deps: ReadDeps,
  referenced: ReadonlySet<string>,
): Promise<OrdersInput> {
  const tally = new Tally<Order>("orders");
  const input = tally.input;
  const merger = new OrderMerger({
    ...(options.keepFromDay !== undefined ? { keepFromDay: options.keepFromDay } : {}),
    ...(options.countOnly !== undefined ? { countOnly: options.countOnly } : {}),
    referenced,
  });
  await eachRow<OrderRow>("orders", sources, options, deps, tally, (map, file) => {
    if (sources.length === 1) merger.fileFields(new Set(map.fields));
    const seed = fieldSeed(map.fields);
    const skip = orderHashSkip(map.fields);
    const names = {
      purchase: map.headers[map.fields.indexOf("purchase_date")] ?? "purchase_date",
      channel: map.headers[map.fields.indexOf("fulfillment_channel")] ?? "fulfillment_channel",
    };
    const width = map.columns.length;
    return {
      parse: orderRowReader(map, rowContext(file, options), true),
      take(parsed, row) {
        const hash = orderRowHashAt(row, width, parsed, seed, skip);
        if (merger.add(parsed, hash, file, row.line, names) !== "duplicate") input.rows++;
      },
    };
  });
  input.records = merger.finish(
    options.skipInvalid
      ? (error, rows) => {
          tally.skip(error, options, rows);
          input.rows -= rows;
        }
      : undefined,
  );
  input.duplicates = merger.duplicates;
  const counted = merger.countedSummary;
  if (counted !== null && counted.orders > 0) {
    input.recordCount = input.records.length + counted.orders;
    return { ...input, outsideIds: merger.outsideIds, countedOnly: counted };
  }
  return { ...input, outsideIds: merger.outsideIds };
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

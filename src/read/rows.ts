/**
 * One data row as the record layer reads it (issue 6): either the string cells of a RawRow (the
 * csv-parse path, in-memory tables) or the cell bounds of a CellBatch (the TSV path), where a
 * cell becomes a string only when a parser asks for it, and dates and row hashes are read in
 * place. One cursor is moved over every row of a file.
 */
import type { CellBatch, RawRow, Table } from "./table.js";

/** What Table.rows or Table.cellBatches yields. */
export type RowBatch = CellBatch | RawRow[];

/** The batches of a table: cell bounds when it can give them, else string rows. */
export function rowBatches(table: Table, columns: number[]): AsyncIterable<RowBatch> {
  return table.cellBatches !== undefined ? table.cellBatches(columns) : table.rows(columns);
}

/** Rows in a batch. */
export function batchSize(batch: RowBatch): number {
  return Array.isArray(batch) ? batch.length : batch.count;
}

/**
 * text[start, end) as a string of its own. A plain slice would be a view that keeps the whole
 * text (a whole chunk of the file) alive for as long as the cell is kept (an order id in a map). V8
 * copies slices shorter than 13 characters; a longer cell up to 48 is joined from such copies
 * and flattened (charCodeAt), which the garbage collector then reduces to the flat string alone
 * (40 bytes for an order id, where a view of a flattened copy costs 72). Longer cells: the
 * concatenation is flattened into a copy before the slice is taken, so only the copy is kept.
 */
export function copyCell(text: string, start: number, end: number): string {
  const n = end - start;
  if (n < 13) return text.slice(start, end); // V8 copies short slices anyway
  if (n <= 48) {
    let j = start + 12;
    let joined = text.slice(start, j);
    for (; j + 12 < end; j += 12) joined += text.slice(j, j + 12);
    joined += text.slice(j, end);
    joined.charCodeAt(0);
    return joined;
  }
  return (" " + text.slice(start, end)).slice(1);
}

const NONE = new Int32Array(0);

export class RowCursor {
  /** 1-based physical line of the row. */
  line = 0;
  /** The row's cells (string rows); null when the row is read from `text`. */
  cells: string[] | null = null;
  /** The text holding the row (cell bounds mode). */
  text = "";
  /** The bytes of `text`, one per character (an ASCII chunk, CellBatch.bufs), or null. */
  buf: Uint8Array | null = null;
  /** Cell bounds: cell p spans bounds[base + 2p] to bounds[base + 2p + 1]. */
  bounds: Int32Array = NONE;
  base = 0;

  /** Moves to row k of `batch`. */
  at(batch: RowBatch, k: number): void {
    if (Array.isArray(batch)) {
      const row = batch[k]!;
      this.cells = row.cells;
      this.line = row.line;
      this.buf = null;
    } else {
      this.cells = null;
      this.text = batch.texts[k]!;
      this.buf = batch.bufs !== undefined ? batch.bufs[k]! : null;
      this.bounds = batch.bounds;
      this.base = 2 * k * batch.width;
      this.line = batch.lines[k]!;
    }
  }

  /** Moves to a row given as strings. */
  setCells(cells: string[], line: number): void {
    this.cells = cells;
    this.line = line;
    this.buf = null;
  }

  /** Cell p (p >= 0) as a string of its own; "" when empty or missing. */
  str(p: number): string {
    const cells = this.cells;
    if (cells !== null) return cells[p] ?? "";
    const k = this.base + 2 * p;
    const s = this.bounds[k]!;
    const e = this.bounds[k + 1]!;
    return s === e ? "" : copyCell(this.text, s, e);
  }

  /** Whether cell p (p >= 0) is empty or missing. */
  isEmpty(p: number): boolean {
    const cells = this.cells;
    if (cells !== null) return (cells[p] ?? "") === "";
    const k = this.base + 2 * p;
    return this.bounds[k] === this.bounds[k + 1];
  }
}

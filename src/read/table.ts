/**
 * The contract between the byte layer (encodings, delimiters, the TSV fast path, csv-parse) and
 * the record layer (headers, aliases, values). A Table is one opened file: its header line, and
 * its data rows on demand, with only the columns the caller asks for.
 */

export interface RawRow {
  /** 1-based physical line number of the row's first line in the file. */
  line: number;
  /** The selected cells, trimmed, in the order the caller selected them; "" for a missing cell. */
  cells: string[];
}

/**
 * Rows as cell bounds in text, without a string per cell (the TSV path, issue 6). Row k of the
 * batch is in `texts[k]`, on physical line `lines[k]`; its selected cell i spans
 * `bounds[2 * (k * width + i)]` to `bounds[2 * (k * width + i) + 1]` (trimmed; start = end for
 * an empty or missing cell). The batch and its arrays are reused: valid until the next one.
 * `bufs[k]`, when present and not null, holds the bytes of `texts[k]` one for one (an ASCII
 * chunk of the file): dates and row hashes are read from the bytes (issue 18), valid, like the
 * batch, until the next one.
 */
export interface CellBatch {
  count: number;
  /** Cells per row (the number of selected columns). */
  width: number;
  lines: Int32Array;
  texts: string[];
  bufs?: (Uint8Array | null)[];
  bounds: Int32Array;
}

export interface Table {
  /** The file name as given (`-` for standard input). */
  file: string;
  /** Header cells, trimmed, BOM removed. Empty for an empty file. */
  header: string[];
  delimiter: "\t" | "," | ";";
  /** Notes about how the file was read ("read as Windows-1252"); filled as reading proceeds. */
  notes: string[];
  /**
   * Up to SAMPLE_ROWS of the first data rows, every cell trimmed, from the text read with the
   * header (no more is read for them; the rows themselves are still to come from rows()). For a
   * comma or semicolon file, the sample stops at a line holding a quote. For telling a kind by
   * its values where the header does not tell it (a translated feedback report, SPEC 9.2).
   */
  sample?: string[][];
  /** Size in bytes when known (for progress), else null. */
  size: number | null;
  /**
   * The data rows in batches, blank lines skipped. `columns` are header indexes; each row's
   * `cells[i]` is the cell at `columns[i]`. Can be iterated once.
   */
  rows(columns: number[]): AsyncIterable<RawRow[]>;
  /**
   * The same rows as CellBatches, when the table can give them without making strings (the TSV
   * path); absent otherwise. rows() and cellBatches() together can be iterated once.
   */
  cellBatches?(columns: number[]): AsyncIterable<CellBatch>;
  /** Bytes consumed so far (for progress). */
  bytesRead(): number;
}

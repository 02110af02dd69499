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

export interface Table {
  /** The file name as given (`-` for standard input). */
  file: string;
  /** Header cells, trimmed, BOM removed. Empty for an empty file. */
  header: string[];
  delimiter: "\t" | "," | ";";
  /** Notes about how the file was read ("read as Windows-1252"); filled as reading proceeds. */
  notes: string[];
  /** Size in bytes when known (for progress), else null. */
  size: number | null;
  /**
   * The data rows in batches, blank lines skipped. `columns` are header indexes; each row's
   * `cells[i]` is the cell at `columns[i]`. Can be iterated once.
   */
  rows(columns: number[]): AsyncIterable<RawRow[]>;
  /** Bytes consumed so far (for progress). */
  bytesRead(): number;
}

/**
 * The byte layer's sane maxima (issue 7) and its chunk sizes. A file past a limit gets a coded
 * error instead of unbounded memory.
 */

/** Longest record (a TSV line, a CSV record with its quoted newlines): 1 MiB, in characters. */
export const MAX_RECORD = 1024 * 1024;

/**
 * Most characters of blank lines before the header (issue 17): 1 MiB. An export has none or a
 * few; a file of millions of them is not one, and counting their lines costs time.
 */
export const MAX_BLANK_PREFIX = 1024 * 1024;

/** Most header columns a file may have. */
export const MAX_COLUMNS = 2000;

/**
 * Bytes read from a file per read call. 64 KiB: a decoded chunk is a string on the ordinary
 * young-generation pages (under V8's ~128 KiB size for large objects), not a large or external
 * string; on the 1M-row bench this gave a lower peak RSS than 1 MiB chunks at the same CPU time.
 */
export const CHUNK_BYTES = 64 * 1024;

/** Bytes looked at to tell what a file is (magic numbers, NUL patterns). */
export const SNIFF_BYTES = 4096;

/** Rows per batch yielded by Table.rows. */
export const BATCH_ROWS = 1024;

/**
 * Buffers a file is read into in turn (openTable), and the most reads one CellBatch may span
 * (tsvBatches yields a batch early before it would read more): a batch keeps the bytes of its
 * rows' chunks (CellBatch.bufs, issue 18), which a read READ_RING reads later overwrites.
 */
export const READ_RING = 10;
export const BATCH_READS = READ_RING - 2;

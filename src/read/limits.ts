/**
 * The byte layer's sane maxima (issue 7) and its chunk sizes. A file past a limit gets a coded
 * error instead of unbounded memory.
 */

/** Longest record (a TSV line, a CSV record with its quoted newlines): 1 MiB, in characters. */
export const MAX_RECORD = 1024 * 1024;

/** Most header columns a file may have. */
export const MAX_COLUMNS = 2000;

/**
 * Bytes read from a file per read call. Under V8's limit for a string on the ordinary heap
 * (about 1,031,913 bytes; a longer decoded chunk becomes an external string, which costs more to
 * read by character and to collect).
 */
export const CHUNK_BYTES = 1_000_000;

/** Bytes looked at to tell what a file is (magic numbers, NUL patterns). */
export const SNIFF_BYTES = 4096;

/** Rows per batch yielded by Table.rows. */
export const BATCH_ROWS = 1024;

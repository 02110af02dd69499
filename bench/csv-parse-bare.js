#!/usr/bin/env node
/**
 * The CSV baseline of `npm run bench`: stream a comma CSV through csv-parse and count the records,
 * nothing else. Options: those of ahr's csv path (src/read/csv.ts) that decide what is parsed
 * (delimiter, relaxed column counts and quotes, trimmed cells, blank lines skipped, and since
 * issue 17 the record delimiters: CRLF, LF and CR in any mix, where csv-parse's own discovery
 * takes the first line end as the only one; ~5% more csv-parse CPU on the bench CSV); ahr's own
 * bookkeeping (line numbers from `parser.info`, the selected cells of each record) is part of
 * what the comparison charges to ahr, and so is its `max_record_size` (a check per character
 * that only guards memory). `--info` adds csv-parse's per-record info objects (for comparison;
 * ahr no longer uses them).
 *
 *   node bench/csv-parse-bare.js FILE [--info]
 */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node bench/csv-parse-bare.js FILE [--info]\n");
  process.exit(2);
}
const parser = parse({
  delimiter: ",",
  relax_column_count: true,
  relax_quotes: true,
  trim: true,
  skip_empty_lines: true,
  record_delimiter: ["\r\n", "\n", "\r"],
  info: process.argv.includes("--info"),
});
let records = 0;
createReadStream(file).pipe(parser);
for await (const _ of parser) records++;
process.stdout.write(JSON.stringify({ records }) + "\n");

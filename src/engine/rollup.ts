/**
 * `ahr rollup REPORT.json... | DIR` (SPEC section 12): reads the JSON reports, one file at a time,
 * keeps only each report's compact rows (so 1,000 reports with --details cost the memory of one),
 * and builds the roll-up (report/rollup.ts). It reads reports only, never an export.
 *
 * - A directory stands for its *.json files (not its subfolders), in name order; its other files
 *   are listed in `ignored`. The same file named twice is read once.
 * - A named path that does not exist, or a directory without a *.json file, stops the run
 *   (AhrError, exit 2): there is nothing to vouch for.
 * - A file that cannot be read, is not JSON, or is not an ahr check report of schemaVersion 1 is a
 *   row of its own (unreadable / other_version), never left out.
 * - The account name is the report's `account`, else the file name without `.json`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { AhrError } from "../errors.js";
import {
  buildRollup,
  readReport,
  rowError,
  unreadableReport,
  type Rollup,
  type RollupEntry,
} from "../report/rollup.js";

/** Largest report file read (a --details report of a million orders is far below this). */
export const REPORT_SIZE_LIMIT = 512 * 1024 * 1024;

export interface RollupOptions {
  version: string;
  /** Rows to add (ahr batch: the accounts whose check failed). */
  extra?: RollupEntry[];
}

export interface ReportFiles {
  files: string[];
  ignored: string[];
}

/** The report files the paths name: files as given, directories' *.json files in name order. */
export function reportFiles(paths: readonly string[]): ReportFiles {
  if (paths.length === 0) throw new AhrError("ROLLUP_NO_INPUT");
  const files: string[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new AhrError("FILE_NOT_FOUND", { file: path, hint: "name the JSON reports or the folder holding them" });
    }
    if (!isDir) {
      add(path);
      continue;
    }
    const names = readdirSync(path, { withFileTypes: true })
      .filter((d) => !d.isDirectory())
      .map((d) => d.name)
      .sort();
    const json = names.filter((n) => n.toLowerCase().endsWith(".json"));
    if (json.length === 0) throw new AhrError("ROLLUP_NO_REPORTS", { file: path, found: names });
    for (const n of names) if (!n.toLowerCase().endsWith(".json")) ignored.push(join(path, n));
    for (const n of json) add(join(path, n));
  }
  return { files, ignored };
}

/** The account name a file stands for when its report names none. */
export function accountOfFile(file: string): string {
  return basename(file).replace(/\.json$/i, "");
}

/** The rows of one report file (its errors become an unreadable row). */
export function readReportFile(file: string): RollupEntry[] {
  const name = accountOfFile(file);
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > REPORT_SIZE_LIMIT) {
      return [unreadableReport(file, name, rowError("FILE_UNREADABLE", { detail: `larger than ${REPORT_SIZE_LIMIT} bytes` }))];
    }
    text = readFileSync(file, "utf8");
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return [unreadableReport(file, name, rowError("FILE_UNREADABLE", { detail }))];
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return [unreadableReport(file, name, rowError("REPORT_JSON", { detail: (e as Error).message }))];
  }
  return readReport(file, doc, name);
}

export function rollUp(paths: readonly string[], options: RollupOptions): Rollup {
  const { files, ignored } = reportFiles(paths);
  const entries: RollupEntry[] = [];
  for (const file of files) entries.push(...readReportFile(file));
  if (options.extra) entries.push(...options.extra);
  return buildRollup(entries, { version: options.version, ignored });
}

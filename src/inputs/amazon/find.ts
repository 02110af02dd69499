/**
 * Amazon's own reports among the inputs (SPEC 10): the V2 seller performance report (a JSON
 * document, told by its content) and the Account Health lists (told by their headers), named with
 * `--amazon FILE` or found among the paths (files, or the files directly in a directory, with the
 * rules readInputs uses: hidden files and README* skipped, only regular files opened). What is
 * found is read here and set aside, so readInputs does not take it for an export it cannot place.
 */
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { AhrError } from "../../errors.js";
import { looksLikeJson, readDocument } from "../../read/document.js";
import { openTable } from "../../read/open.js";
import { CONFIG_IN_DIR } from "../index.js";
import type { Zone } from "../../time.js";
import { looksLikeList, readList, type AmazonList } from "./lists.js";
import { parseSellerPerformance, type SellerPerformance } from "./v2.js";

export interface AmazonReports {
  documents: SellerPerformance[];
  lists: AmazonList[];
  /** Directory files read here (readInputs' `setAside`). */
  setAside: Set<string>;
  /** The paths left for readInputs (a file read here is not among them). */
  paths: string[];
}

/** As readInputs: hidden files, README*, and a folder's own config file are not exports. */
const skippedInDir = (name: string): boolean => name.startsWith(".") || /^readme/i.test(name) || name === CONFIG_IN_DIR;

async function isRegular(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false; // readInputs gives the coded error
  }
}

/**
 * What one file is: a V2 document, a list, or neither (null). `lenient`: a file that cannot be
 * opened as a table is neither (readInputs gives its error, in its order); a JSON document is
 * still read as the V2 report, and its errors stand.
 */
async function readAmazon(file: string, zone: Zone, lenient = false): Promise<SellerPerformance | AmazonList | null> {
  let json: boolean;
  try {
    json = await looksLikeJson(file);
  } catch (e) {
    if (lenient) return null;
    throw e;
  }
  if (json) {
    const doc = await readDocument(file);
    return parseSellerPerformance(doc.text, file);
  }
  let table;
  try {
    table = await openTable(file);
  } catch (e) {
    if (lenient) return null;
    throw e;
  }
  if (!looksLikeList(table.header)) return null;
  return readList(table, zone);
}

/**
 * `options.lenient` (ahr check): files that cannot be opened are left for readInputs, which
 * reports them as it always has.
 */
export async function findAmazonReports(
  paths: readonly string[],
  named: readonly string[],
  zone: Zone,
  options: { lenient?: boolean } = {},
): Promise<AmazonReports> {
  const lenient = options.lenient === true;
  const out: AmazonReports = { documents: [], lists: [], setAside: new Set(), paths: [] };
  // A file named with --amazon and also found in a directory (or named twice) is read once.
  const seen = new Set<string>();
  const first = (file: string): boolean => {
    const key = resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const take = (r: SellerPerformance | AmazonList): void => {
    if ("marketplaces" in r) out.documents.push(r);
    else out.lists.push(r);
  };
  for (const file of named) {
    if (!first(file)) continue;
    const r = await readAmazon(file, zone);
    if (r === null) {
      const header = (await openTable(file)).header;
      throw new AhrError("AMAZON_UNRECOGNISED", { file, found: header.slice(0, 8) });
    }
    take(r);
  }
  for (const path of paths) {
    let dir = false;
    try {
      dir = (await stat(path)).isDirectory();
    } catch {
      dir = false;
    }
    if (dir) {
      let names: string[];
      try {
        names = (await readdir(path)).filter((n) => !skippedInDir(n)).sort();
      } catch {
        out.paths.push(path); // readInputs says why it cannot be listed
        continue;
      }
      for (const name of names) {
        const file = join(path, name);
        if (!(await isRegular(file))) continue;
        if (seen.has(resolve(file))) {
          out.setAside.add(file);
          continue;
        }
        const r = await readAmazon(file, zone, lenient);
        if (r === null) continue;
        first(file);
        take(r);
        out.setAside.add(file);
      }
      out.paths.push(path);
    } else if (await isRegular(path)) {
      if (seen.has(resolve(path))) continue;
      const r = await readAmazon(path, zone, lenient);
      if (r === null) out.paths.push(path);
      else {
        first(path);
        take(r);
      }
    } else {
      out.paths.push(path);
    }
  }
  return out;
}

/**
 * Where the report goes: stdout, --output FILE, and the GitHub Actions step summary.
 *
 * Issue 17: a path is the same file as an input or the config when it is spelled differently,
 * reached through a symbolic link, or is a hard link to it (same device and inode); --output is
 * written to a temporary file in the same directory and renamed over the old report, so a
 * failed write (full disk, file size limit) leaves the previous report whole.
 */
import { appendFile, chmod, readdir, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import type { Stats } from "node:fs";
import { dirname, relative, resolve, isAbsolute, basename, join } from "node:path";
import { AhrError } from "../errors.js";

async function real(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    // Not there (yet): resolve the directory, which usually exists, and keep the name.
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

async function statOf(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

const sameInode = (a: Stats | null, b: Stats | null): boolean =>
  a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;

/** Whether `out` (with its stat) is the file `p` or, when `p` is a directory, a file read from it. */
async function collides(out: string, outStat: Stats | null, p: string): Promise<boolean> {
  if (p === out) return true;
  const st = await statOf(p);
  if (st === null) return false;
  if (!st.isDirectory()) return sameInode(st, outStat);
  if (inside(p, out)) return true;
  // A hard link, elsewhere, to a file of the directory (only a file with more than one link can be).
  if (outStat === null || !outStat.isFile() || outStat.nlink < 2) return false;
  let names: string[];
  try {
    names = await readdir(p);
  } catch {
    return false;
  }
  for (const name of names) if (sameInode(await statOf(join(p, name)), outStat)) return true;
  return false;
}

/**
 * Refuses (OUTPUT_IS_INPUT) an --output that is one of the input files, or that lies inside an
 * input directory (the next run would read the report as an export), and (OUTPUT_IS_CONFIG) one
 * that is the config file. `label` is the name as the user wrote it; `what` names the
 * destination in the message (`--output`, `GITHUB_STEP_SUMMARY`).
 */
export async function checkOutputPath(
  output: string,
  label: string,
  inputs: string[],
  config?: string | null,
  what = "--output",
): Promise<void> {
  const out = await real(output);
  const outStat = await statOf(out);
  for (const input of inputs) {
    if (await collides(out, outStat, await real(input))) throw new AhrError("OUTPUT_IS_INPUT", { file: label, what });
  }
  if (config !== undefined && config !== null) {
    const c = await real(config);
    if (c === out || sameInode(await statOf(c), outStat)) throw new AhrError("OUTPUT_IS_CONFIG", { file: label, what });
  }
}

/**
 * Writes the report to `path` through a temporary file in the same directory (the directory of
 * the file a symbolic link points to), renamed over it when the whole text is written; the old
 * file's permissions are kept. A path that is not a regular file (a device such as /dev/stdout,
 * a named pipe) is written directly, as is a file whose directory does not let us create one.
 */
export async function writeOutputFile(path: string, label: string, text: string): Promise<void> {
  const fail = (e: unknown): AhrError =>
    new AhrError("OUTPUT_WRITE", { file: label, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  let target = path;
  try {
    target = await realpath(path);
  } catch {
    // not there yet: created by the rename
  }
  const st = await statOf(target);
  if (st !== null && !st.isFile()) {
    try {
      await writeFile(target, text);
      return;
    } catch (e) {
      throw fail(e);
    }
  }
  // node:crypto only when a file is written (a check to the terminal does not need it).
  const { randomBytes } = await import("node:crypto");
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.ahr-tmp`);
  try {
    await writeFile(tmp, text, { flag: "wx" });
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      // The directory is not ours to write in, the file may be: write it in place.
      try {
        await writeFile(target, text);
        return;
      } catch (e2) {
        throw fail(e2);
      }
    }
    throw fail(e);
  }
  try {
    if (st !== null) await chmod(tmp, st.mode & 0o7777);
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw fail(e);
  }
}

/** GitHub's limit is 1 MiB per step; ahr stays at a quarter of it. */
export const STEP_SUMMARY_LIMIT = 256 * 1024;

/** The Markdown cut to `limit` bytes at a line end, with a line saying so, when it is larger. */
export function fitStepSummary(markdown: string, limit = STEP_SUMMARY_LIMIT): string {
  const text = markdown.endsWith("\n") ? markdown : `${markdown}\n`;
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= limit) return text;
  const note = `\n_The ahr report was cut here to stay under GitHub's step summary limit (it is ${Math.ceil(bytes.length / 1024)} KiB); write the whole report with \`--format markdown --output FILE\`._\n`;
  const room = limit - Buffer.byteLength(note, "utf8");
  let cut = bytes.subarray(0, Math.max(0, room)).toString("utf8");
  // A cut in the middle of a multi-byte character leaves U+FFFD; a cut mid-line leaves half a row.
  const lastNewline = cut.lastIndexOf("\n");
  cut = lastNewline >= 0 ? cut.slice(0, lastNewline + 1) : "";
  return cut + note;
}

/** Appends the Markdown report to the step summary file. */
export async function appendStepSummary(path: string, markdown: string): Promise<void> {
  await appendFile(path, `${fitStepSummary(markdown)}\n`);
}

export function resolveFrom(cwd: string, path: string): string {
  return resolve(cwd, path);
}

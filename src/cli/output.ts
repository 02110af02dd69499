/** Where the report goes: stdout, --output FILE, and the GitHub Actions step summary. */
import { appendFile, realpath, stat, writeFile } from "node:fs/promises";
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

/**
 * Refuses (OUTPUT_IS_INPUT) an --output that is one of the input files, or that lies inside an
 * input directory (the next run would read the report as an export). `label` is the name as
 * the user wrote it.
 */
export async function checkOutputPath(output: string, label: string, inputs: string[]): Promise<void> {
  const out = await real(output);
  for (const input of inputs) {
    const p = await real(input);
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      isDir = false;
    }
    if (p === out || (isDir && inside(p, out))) throw new AhrError("OUTPUT_IS_INPUT", { file: label });
  }
}

export async function writeOutputFile(path: string, label: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (e) {
    throw new AhrError("OUTPUT_WRITE", { file: label, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
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

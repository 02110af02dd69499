/**
 * An in-memory Table (the byte layer's contract, src/read/table.ts) for record-layer tests.
 * Text is split on LF (CR stripped); the delimiter is a tab unless the header has none, then a
 * comma; no quoting. Blank lines are skipped but counted, so `line` is the physical line.
 * Rows come in batches of `batch` (default 2) to exercise batch boundaries.
 */
import type { RawRow, Table } from "../../src/read/table.js";

export interface FakeOptions {
  batch?: number;
  notes?: string[];
}

export function fakeTable(file: string, text: string, options: FakeOptions = {}): Table {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const first = lines.findIndex((l) => l.trim() !== "");
  const headerLine = first < 0 ? "" : lines[first]!;
  const delimiter: "\t" | "," = headerLine.includes("\t") || headerLine === "" ? "\t" : ",";
  const header = headerLine === "" ? [] : headerLine.split(delimiter).map((h) => h.trim());
  const size = Buffer.byteLength(text);
  let read = 0;
  let used = false;
  const batch = options.batch ?? 2;
  return {
    file,
    header,
    delimiter,
    notes: [...(options.notes ?? [])],
    sample: lines
      .slice(first + 1)
      .filter((l) => first >= 0 && l.trim() !== "")
      .slice(0, 5)
      .map((l) => l.split(delimiter).map((c) => c.trim())),
    size,
    bytesRead: () => read,
    rows(columns: number[]): AsyncIterable<RawRow[]> {
      if (used) throw new Error("fakeTable: rows() called twice");
      used = true;
      return (async function* () {
        let out: RawRow[] = [];
        for (let i = first + 1; first >= 0 && i < lines.length; i++) {
          const l = lines[i]!;
          read += Buffer.byteLength(l) + 1;
          if (l.trim() === "") continue;
          const cells = l.split(delimiter);
          out.push({ line: i + 1, cells: columns.map((c) => (cells[c] ?? "").trim()) });
          if (out.length >= batch) {
            yield out;
            out = [];
          }
        }
        read = size;
        if (out.length > 0) yield out;
      })();
    },
  };
}

/** Deps for readInputsWith over named in-memory files; directories are name prefixes ending in `/`. */
export function fakeFs(files: Record<string, string>, options: FakeOptions = {}) {
  const opened: string[] = [];
  return {
    opened,
    deps: {
      open: async (file: string, o?: { stdin?: NodeJS.ReadableStream }) => {
        opened.push(file);
        if (o?.stdin) {
          let text = "";
          for await (const chunk of o.stdin) text += String(chunk);
          return fakeTable(file, text, options);
        }
        const text = files[file];
        if (text === undefined) {
          const { AhrError } = await import("../../src/errors.js");
          throw new AhrError("FILE_NOT_FOUND", { file });
        }
        return fakeTable(file, text, options);
      },
      kindOfPath: async (path: string) =>
        Object.keys(files).some((f) => f.startsWith(path.endsWith("/") ? path : `${path}/`)) ? ("dir" as const) : ("file" as const),
      listFiles: async (dir: string) => {
        const prefix = dir.endsWith("/") ? dir : `${dir}/`;
        return Object.keys(files)
          .filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes("/"))
          .map((f) => f.slice(prefix.length));
      },
    },
  };
}

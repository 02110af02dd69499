/**
 * Special files as inputs (issue 17): standard input that is a directory is FILE_UNREADABLE (Node
 * reads it as an empty stream, which was a healthy report of nothing); a named pipe whose open
 * waits for a writer is reported through onWait after a few seconds instead of waiting silently.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AhrError } from "../../src/errors.js";
import { openTable } from "../../src/read/open.js";
import { openFileSource, PIPE_WAIT_NOTICE_MS } from "../../src/read/source.js";
import type { RawRow } from "../../src/read/table.js";

const dir = mkdtempSync(join(tmpdir(), "ahr-special-"));
const hasMkfifo = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;
let n = 0;

describe("standard input that is a directory", () => {
  it("openTable with a stream on a directory's descriptor: FILE_UNREADABLE", async () => {
    const fd = openSync(dir, "r");
    try {
      const stream = Object.assign(Readable.from([]), { fd });
      let caught: unknown = null;
      try {
        await openTable("-", { stdin: stream });
      } catch (e) {
        caught = e;
      }
      // before the fix: an empty table (header [], no rows)
      expect(caught).toBeInstanceOf(AhrError);
      expect((caught as AhrError).code).toBe("FILE_UNREADABLE");
      expect((caught as AhrError).message).toBe("-: cannot read the file: standard input is a directory");
    } finally {
      closeSync(fd);
    }
  });

  it("a stream on a regular file's descriptor is read as before", async () => {
    const file = join(dir, "plain.csv");
    writeFileSync(file, "a,b\n1,2\n");
    const fd = openSync(file, "r");
    try {
      const stream = Object.assign(Readable.from([Buffer.from("a,b\n1,2\n")]), { fd });
      const table = await openTable("-", { stdin: stream });
      const rows: RawRow[] = [];
      for await (const b of table.rows([0, 1])) rows.push(...b);
      expect(rows).toEqual([{ line: 2, cells: ["1", "2"] }]);
    } finally {
      closeSync(fd);
    }
  });
});

describe.skipIf(!hasMkfifo)("a named pipe with no writer yet", () => {
  function fifo(): string {
    const path = join(dir, `p${n++}`);
    if (spawnSync("mkfifo", [path]).status !== 0) throw new Error("mkfifo failed");
    return path;
  }

  it("the wait is reported once (onWait), then the pipe is read when a writer comes", async () => {
    const path = fifo();
    const waits: string[] = [];
    let writer: Promise<void> | null = null;
    const opened = openFileSource(path, {
      waitNoticeMs: 100,
      onWait: (file, what) => {
        waits.push(`${file}: ${what}`);
        // the writer comes after the notice, from another process (as a shell would)
        writer = new Promise((resolve) => {
          spawn("sh", ["-c", 'printf "a,b\\n1,2\\n" > "$0"', path], { stdio: "ignore" }).on("close", () => resolve());
        });
      },
    });
    const source = await opened;
    const chunks: Buffer[] = [];
    for await (const c of source.chunks) chunks.push(Buffer.from(c));
    await writer;
    expect(waits).toEqual([`${path}: a named pipe`]);
    expect(Buffer.concat(chunks).toString()).toBe("a,b\n1,2\n");
  });

  it("a regular file never waits: onWait is not called", async () => {
    const file = join(dir, "r.csv");
    writeFileSync(file, "a\n");
    const waits: string[] = [];
    const source = await openFileSource(file, { waitNoticeMs: 0, onWait: (f) => waits.push(f) });
    for await (const _ of source.chunks) void _;
    await new Promise((r) => setTimeout(r, 20));
    expect(waits).toEqual([]);
  });

  it("the default notice comes after a few seconds", () => {
    expect(PIPE_WAIT_NOTICE_MS).toBe(3000);
  });
});

/**
 * Raw byte sources: a file (opened lazily, closable between the header and the rows so that a
 * table nobody reads holds no file descriptor), standard input, and gunzip on top of either.
 */
import { fstatSync, readSync } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { AhrError, isAhrError } from "../errors.js";
import { CHUNK_BYTES } from "./limits.js";

export interface ByteSource {
  chunks: AsyncIterable<Buffer>;
  /** Size in bytes when known. */
  size: number | null;
  /** Raw (compressed) bytes handed out so far. */
  bytesRead(): number;
  /** Release the file descriptor (a regular file's; a pipe stays open); reading waits for resume(). */
  suspend(): Promise<void>;
  resume(): void;
  /**
   * From the next read on, read into `count` buffers in turn instead of a new one per read: the
   * bytes of a chunk handed out are overwritten `count` reads later. Only for a reader that lets
   * go of a chunk (and every view of it) before asking for the `count`-th chunk after it. (A new
   * buffer per read leaves freed blocks between long-lived allocations, memory the
   * process does not give back.) Sources that do not read into their own buffers ignore it.
   */
  reuseBuffers(count: number): void;
}

function unreadable(file: string, e: unknown): AhrError {
  if (isAhrError(e)) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return new AhrError("FILE_NOT_FOUND", { file });
  if (code === "EISDIR") return new AhrError("FILE_UNREADABLE", { file, detail: "it is a directory" });
  if (code === "EACCES" || code === "EPERM") {
    return new AhrError("FILE_UNREADABLE", { file, detail: "permission denied" });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new AhrError("FILE_UNREADABLE", { file, detail: message });
}

/** How long opening a named pipe may wait for a writer before `onWait` is told (issue 17). */
export const PIPE_WAIT_NOTICE_MS = 3000;

export interface FileSourceOptions {
  /**
   * Called once when opening `file` (a named pipe: opening one waits until something opens it
   * for writing) has not finished after `waitNoticeMs`, so that the wait is not silent.
   */
  onWait?: (file: string, what: string) => void;
  /** Default PIPE_WAIT_NOTICE_MS. */
  waitNoticeMs?: number;
}

/** A stat of `file` that says what it is when that is not a regular file or directory. */
async function specialKind(file: string): Promise<string | null> {
  try {
    const st = await stat(file);
    if (st.isFIFO()) return "a named pipe";
    if (st.isSocket()) return "a socket";
    if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
    return null;
  } catch {
    return null; // open() gives the coded error
  }
}

/**
 * Open `file`; when it is a named pipe (or another special file) and the open is still waiting
 * after `waitNoticeMs`, `onWait` is called once.
 */
async function openNoticed(file: string, options: FileSourceOptions): Promise<FileHandle> {
  const onWait = options.onWait;
  const what = onWait === undefined ? null : await specialKind(file);
  if (onWait === undefined || what === null) return open(file, "r");
  const timer = setTimeout(() => onWait(file, what), options.waitNoticeMs ?? PIPE_WAIT_NOTICE_MS);
  timer.unref();
  try {
    return await open(file, "r");
  } finally {
    clearTimeout(timer);
  }
}

/** Open `file` for reading: FILE_NOT_FOUND, or FILE_UNREADABLE for a directory or no permission. */
export async function openFileSource(file: string, options: FileSourceOptions = {}): Promise<ByteSource> {
  let handle: FileHandle | null;
  let size: number | null;
  /**
   * A regular file is read at positions and may be closed and opened again; a pipe (a named one,
   * or `<(zcat orders.txt.gz)` in a shell) is read from where it is, and stays open.
   */
  let regular: boolean;
  try {
    handle = await openNoticed(file, options);
  } catch (e) {
    throw unreadable(file, e);
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new AhrError("FILE_UNREADABLE", { file, detail: "it is a directory" });
    regular = st.isFile();
    size = regular ? st.size : null;
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw unreadable(file, e);
  }

  let position = 0;
  let finished = false;
  let suspended = false;
  let wake: (() => void) | null = null;
  // The buffers read into in turn once reuseBuffers was called (allocated when first needed).
  let ring: Buffer[] | null = null;
  let ringSize = 0;
  let reads = 0;

  const close = async (): Promise<void> => {
    ring = null; // a reader may still hold a chunk: it keeps its buffer, later reads get new ones
    const h = handle;
    handle = null;
    if (h !== null) await h.close().catch(() => undefined);
  };

  // Reads are synchronous (readSync on the handle's descriptor): a reader has nothing else to do
  // while it waits for its next chunk, and an asynchronous read of 64 KiB waits on the thread
  // pool, which on a busy 2-core machine left the main thread idle ~8% of a large read even
  // with a read ahead (issue 6). A file on a slow disk or a pipe blocks the process the same
  // time either way.
  const readOnce = async (): Promise<Buffer | null> => {
    while (suspended) await new Promise<void>((resolve) => (wake = resolve));
    if (finished) return null;
    try {
      if (handle === null) handle = await open(file, "r");
      let buf: Buffer;
      if (ringSize === 0) buf = Buffer.allocUnsafe(CHUNK_BYTES);
      else {
        ring ??= [];
        const k = reads++ % ringSize;
        buf = ring[k] ??= Buffer.allocUnsafe(CHUNK_BYTES);
      }
      const bytesRead = readSync(handle.fd, buf, 0, CHUNK_BYTES, regular ? position : null);
      if (bytesRead === 0) {
        finished = true;
        await close();
        return null;
      }
      position += bytesRead;
      return bytesRead === CHUNK_BYTES ? buf : buf.subarray(0, bytesRead);
    } catch (e) {
      finished = true;
      await close();
      throw unreadable(file, e);
    }
  };

  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const buf = await readOnce();
        if (buf === null) return;
        yield buf;
      }
    } finally {
      finished = true;
      await close();
    }
  }

  return {
    chunks: chunks(),
    size,
    bytesRead: () => position,
    async suspend() {
      suspended = true;
      if (regular) await close();
    },
    resume() {
      suspended = false;
      const w = wake;
      wake = null;
      if (w !== null) w();
    },
    reuseBuffers(count: number) {
      ringSize = count;
      ring = null;
      reads = 0;
    },
  };
}

/**
 * Standard input (or any readable stream) as a byte source; its size is unknown. A stream on a
 * file descriptor that is a directory (`ahr check - < exports/`) is FILE_UNREADABLE: Node reads
 * it as an empty stream (issue 17).
 */
export function streamSource(stream: NodeJS.ReadableStream, file: string): ByteSource {
  let count = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    const fd = (stream as { fd?: unknown }).fd;
    if (typeof fd === "number") {
      let directory = false;
      try {
        directory = fstatSync(fd).isDirectory();
      } catch {
        // not a descriptor fstat can look at: read it as a stream
      }
      if (directory) throw new AhrError("FILE_UNREADABLE", { file, detail: "standard input is a directory" });
    }
    try {
      for await (const chunk of stream as AsyncIterable<Buffer | string>) {
        const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
        count += buf.length;
        yield buf;
      }
    } catch (e) {
      throw unreadable(file, e);
    }
  }
  return {
    chunks: chunks(),
    size: null,
    bytesRead: () => count,
    suspend: async () => undefined,
    resume: () => undefined,
    reuseBuffers: () => undefined,
  };
}

export interface Peeked {
  /** At least `want` bytes from the start (fewer only when the source is shorter). */
  head: Buffer;
  /** The whole source again, head first. */
  chunks: AsyncIterable<Buffer>;
}

/** Read the first `want` bytes without losing them. */
export async function peek(source: AsyncIterable<Buffer>, want: number): Promise<Peeked> {
  const it = source[Symbol.asyncIterator]();
  const got: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < want) {
    const r = await it.next();
    if (r.done === true) {
      done = true;
      break;
    }
    got.push(r.value);
    length += r.value.length;
  }
  const head = got.length === 1 ? (got[0] as Buffer) : Buffer.concat(got);
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (done) return;
      for (;;) {
        const r = await it.next();
        if (r.done === true) return;
        yield r.value;
      }
    } finally {
      if (!done) await it.return?.();
    }
  }
  return { head, chunks: chunks() };
}

/**
 * Gunzip a byte stream (several gzip members in a row are one stream). Output is pulled, so a
 * small file that inflates to gigabytes is read piece by piece like any other.
 */
export function gunzip(source: AsyncIterable<Buffer>, file: string): AsyncIterable<Buffer> {
  const input = Readable.from(source, { objectMode: true, highWaterMark: 1 });
  const z = createGunzip({ chunkSize: 256 * 1024 });
  pipeline(input, z, () => undefined);
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of z as AsyncIterable<Buffer>) yield chunk;
    } catch (e) {
      if (isAhrError(e)) throw e;
      const message = e instanceof Error ? e.message : String(e);
      throw new AhrError("FILE_UNREADABLE", { file, detail: `the gzip data is damaged (${message})` });
    } finally {
      z.destroy();
      input.destroy();
    }
  }
  return chunks();
}

import { describe, expect, it } from "vitest";
import { tsvRows } from "../../src/read/tsv.js";
import type { TextChunk } from "../../src/read/encoding.js";

async function rowsOf(rest: string, chunks: string[], columns: number[]): Promise<[number, string[]][]> {
  async function* more(): AsyncGenerator<TextChunk> {
    for (const c of chunks) yield c;
  }
  const out: [number, string[]][] = [];
  for await (const batch of tsvRows(rest, 2, more(), columns, "t.txt")) for (const r of batch) out.push([r.line, r.cells]);
  return out;
}

describe("tsvRows across chunk boundaries", () => {
  it("joins a line cut by a chunk boundary, a line over three chunks, CRLF cut between CR and LF", async () => {
    // The text is "a1\tb1\r\n" + "a2\tb2\n" + "\n" + "a3-long\tb3\r\n" + "a4\tb4" (no final newline),
    // cut at arbitrary places; lines 2, 3, 4 (blank: counted, not yielded), 5, 6.
    const rest = "a1\tb";
    const chunks = ["1\r", "\na2\tb2\n\na3", "-lo", "ng\tb3\r\na4\t", "b4"];
    expect(await rowsOf(rest, chunks, [1, 0])).toEqual([
      [2, ["b1", "a1"]],
      [3, ["b2", "a2"]],
      [5, ["b3", "a3-long"]],
      [6, ["b4", "a4"]],
    ]);
  });
  it("the same rows whatever the chunking", async () => {
    const text = "x1\ty1\nx2\ty2\r\n\nx3\ty3";
    const want = [
      [2, ["x1", "y1"]],
      [3, ["x2", "y2"]],
      [5, ["x3", "y3"]],
    ];
    for (let a = 0; a <= text.length; a++) {
      for (let b = a; b <= text.length; b++) {
        expect(await rowsOf(text.slice(0, a), [text.slice(a, b), text.slice(b)], [0, 1])).toEqual(want);
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { formatMarkdown } from "../../src/format/markdown.js";
import { sampleReport } from "./sample.js";

const md = formatMarkdown(sampleReport());
const lines = md.split("\n");

/** Cells of a table line: split on pipes not escaped by a backslash. */
function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1);
}

describe("formatMarkdown", () => {
  it("has a title, a summary line and the metrics table", () => {
    expect(lines[0]).toBe("# Account health: ✖ breach");
    // odr mfn breach + vtr? no: breaches = odr mfn only; at risk = lsr 10d.
    expect(md).toContain("As of 2026-11-20 (UTC) · 1 breach, 1 at risk; exit code 1");
    expect(md).toContain("| ODR (MFN) 60d | MFN | 2026-09-08..2026-11-06 | 3.00% | &lt; 1% | ✖ breach | 3/100 | 0 | +1 pt |");
  });

  it("escapes pipes and HTML from the data: no raw <script>, no broken rows", () => {
    expect(md).not.toContain("<script>");
    expect(md).toContain("112-\\\\u202e1\\|&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md).not.toContain("\u001b");
    expect(md).not.toContain("\u202e");
    // every table row has as many cells as its header
    let width = 0;
    for (const line of lines) {
      if (!line.startsWith("|")) {
        width = 0;
        continue;
      }
      if (width === 0) width = cells(line).length;
      else expect(cells(line), line).toHaveLength(width);
    }
  });

  it("escapes emphasis in reasons", () => {
    // U+009B is an 8-bit CSI: "31m" goes with it.
    expect(md).toContain("chargeback \\*bold\\*");
  });

  it("caps offenders at 10 per metric with 'and N more'", () => {
    expect(md).toContain("### LSR 10d: 12 late shipments");
    expect(md).toContain("113-0000009-1234567");
    expect(md).not.toContain("113-0000010-1234567");
    expect(md).toContain("… and 2 more");
  });

  it("has the AHR, the sentences, attention and notes", () => {
    expect(md).toContain("Account Health Rating (estimate): 212 healthy — baseline 200 + volume 12 − violations 0");
    expect(md).toContain("clears on 2026-12-03 if no new defective order arrives");
    expect(md).toContain("### ✖ Overdue: 1 not shipped, past the latest ship date");
    expect(md).toContain("| due-1 | 2026-11-20 | ship by 2026-11-20 |");
    expect(md.indexOf("## Notes")).toBeGreaterThan(md.indexOf("## Orders to ship now"));
  });

  it("stays small and is deterministic", () => {
    expect(Buffer.byteLength(md)).toBeLessThan(64 * 1024);
    expect(formatMarkdown(sampleReport())).toBe(md);
  });
});

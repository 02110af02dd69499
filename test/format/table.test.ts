import { describe, expect, it } from "vitest";
import { formatTable, visibleLength, wrap } from "../../src/format/table.js";
import { HOSTILE_CLEAN, sampleReport } from "./sample.js";

const plain = formatTable(sampleReport(), { color: false, width: 80 });
const lines = plain.split("\n");
/** The text with line breaks and continuation indents folded back into spaces. */
const flat = plain.replace(/\n\s+/g, " ");

describe("formatTable", () => {
  it("fits 80 columns, every line", () => {
    for (const line of lines) expect(visibleLength(line), line).toBeLessThanOrEqual(80);
  });

  it("fits narrower terminals too (60 columns)", () => {
    const narrow = formatTable(sampleReport(), { color: false, width: 60 });
    for (const line of narrow.split("\n")) expect(visibleLength(line), line).toBeLessThanOrEqual(60);
  });

  it("has no escape byte without colour, and colour codes with it", () => {
    expect(plain.includes("\u001b")).toBe(false);
    const coloured = formatTable(sampleReport(), { color: true, width: 80 });
    expect(coloured.includes("\u001b[31m")).toBe(true); // red breach
    for (const line of coloured.split("\n")) expect(visibleLength(line)).toBeLessThanOrEqual(80);
  });

  it("strips escape sequences from file text, shows bidi controls escaped, keeps the text", () => {
    expect(plain.includes("\u202e")).toBe(false);
    expect(plain.includes("\u0007")).toBe(false);
    expect(plain.includes("\u009b")).toBe(false);
    expect(flat).toContain(HOSTILE_CLEAN);
    // U+009B is an 8-bit CSI: "31m" is its parameter and final byte and goes with it.
    expect(flat).toContain("chargeback *bold*");
  });

  it("starts with the header line: as-of date, zone, inputs with grouped row counts", () => {
    expect(lines[0]).toBe("ahr · as of 2026-11-20 (UTC) · orders 1,234 rows · feedback 12 rows");
  });

  it("one table row per metric and window, with symbol and word for each status", () => {
    const odr = lines.find((l) => l.startsWith("ODR 60d") && l.includes("MFN"));
    expect(odr).toBeDefined();
    expect(odr).toContain("3.00%");
    expect(odr).toContain("< 1%");
    expect(odr).toContain("✖ breach");
    expect(odr).toContain("3/100");
    expect(lines.find((l) => l.startsWith("LSR 10d"))).toContain("▲ at risk");
    expect(lines.find((l) => l.startsWith("PFCR 7d"))).toContain("✔ good");
    expect(lines.find((l) => l.startsWith("OTDR 30d"))).toContain("– no data");
    // 12 rows under the header and its rule.
    expect(lines.filter((l) => /^(ODR|PFCR|LSR|VTR|OTDR|CRT|RDR|Refund) \d+d +(MFN|AFN|all) /.test(l))).toHaveLength(12);
  });

  it("the AHR line, then sentences with forecast, headroom and change", () => {
    expect(flat).toContain("Account Health Rating (estimate): 212 healthy — baseline 200 + volume 12 − violations 0");
    expect(flat).toContain(
      "✖ ODR (MFN) 60d is 3.00%, a breach of < 1%: 3 defective orders out of 100 orders; clears on 2026-12-03 if no new defective order arrives; +1 pt vs the 60 days before",
    );
    expect(flat).toContain("leaving the window: 2026-11-21 (2), 2026-12-03 (1)");
    expect(flat).toContain("room for 6 more late shipments; 7 more and it breaches");
  });

  it("says why a row has no data", () => {
    expect(flat).toContain("OTDR 30d: no data (missing orders column: promised_delivery_date)");
  });

  it("lists the first 10 offenders per row and how many more", () => {
    expect(flat).toContain("LSR 10d: 12 late shipments");
    expect(plain).toContain("113-0000009-1234567");
    expect(plain).not.toContain("113-0000010-1234567");
    expect(plain).toContain("  … and 2 more");
  });

  it("shows overdue and due-today orders, notes last", () => {
    expect(flat).toContain("✖ Overdue: 1 order not shipped, past the latest ship date");
    expect(flat).toContain("ship by 2026-11-18: 2 days overdue");
    expect(flat).toContain("▲ Due today: 1 order to ship by the end of 2026-11-20");
    expect(flat).toContain("due-1 · 2026-11-20 · ship by 2026-11-20");
    const notesAt = lines.indexOf("Notes:");
    expect(notesAt).toBeGreaterThan(lines.findIndex((l) => l.startsWith("✖ Overdue")));
    expect(flat).toContain("The Account Health Rating is an estimate: Amazon does not publish its point table");
  });

  it("ends with exactly one newline; the same report gives the same text", () => {
    expect(plain.endsWith("\n")).toBe(true);
    expect(plain.endsWith("\n\n")).toBe(false);
    expect(formatTable(sampleReport(), { color: false, width: 80 })).toBe(plain);
  });
});

describe("wrap", () => {
  it("breaks at spaces with a hanging indent, and cuts a word longer than a line", () => {
    expect(wrap("aaa bbb ccc", 7)).toEqual(["aaa bbb", "  ccc"]);
    expect(wrap("x".repeat(12), 5, 2)).toEqual(["xxxxx", "  xxx", "  xxx", "  x"]);
    expect(wrap("a b", 10, 4, 2)).toEqual(["  a b"]);
  });
});

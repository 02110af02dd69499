import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { chartId, formatHtml, formatTrendHtml, HTML_LIST_LIMIT } from "../../src/format/html.js";
import { html, raw } from "../../src/format/html-markup.js";
import { escapeHtml } from "../../src/format/sanitize.js";
import { HOSTILE_ID, sampleReport } from "./sample.js";
import { lsrTrend, odrTrend } from "./html-sample.js";

const page = formatHtml(sampleReport(), { trends: [odrTrend(), lsrTrend()] });
const doc = parseHTML(page).document;

describe("escapeHtml and the html template", () => {
  it("escapes the five HTML characters after cleaning controls (bidi overrides shown as \\u202e, issue 17)", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(escapeHtml(HOSTILE_ID)).toBe("112-\\u202e1|&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("escapes every interpolation but nested markup and raw", () => {
    const id = "<img src=x onerror=alert(1)>";
    expect(html`<td>${id}</td>`.text).toBe("<td>&lt;img src=x onerror=alert(1)&gt;</td>");
    expect(html`<tr>${html`<td>${"&"}</td>`}</tr>`.text).toBe("<tr><td>&amp;</td></tr>");
    expect(html`${["<", html`<b>`, 3, null, undefined, false]}`.text).toBe("&lt;<b>3");
    expect(html`<i title="${'"><script>'}"></i>`.text).toBe('<i title="&quot;&gt;&lt;script&gt;"></i>');
    expect(html`${raw("<svg></svg>")}`.text).toBe("<svg></svg>");
  });
});

describe("formatHtml", () => {
  it("is one self-contained document: no script, no external reference, a CSP that forbids requests", () => {
    expect(page.startsWith("<!doctype html>\n<html lang=\"en\">")).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\b(?:src|href)\s*=\s*(?!["']?#)/i); // only in-page anchors
    expect(page).not.toMatch(/url\(|@import/i);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
  });

  it("shows the hostile order id as text, never as markup or control characters", () => {
    expect(page).toContain("112-\\u202e1|&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("\u001b");
    expect(page).not.toContain("\u202e");
    expect(page).not.toContain("\u009b");
    // The DOM holds it as the text of a cell.
    const ids = [...doc.querySelectorAll("table.offenders td.id")].map((td) => td.textContent);
    expect(ids).toContain("112-\\u202e1|<script>alert(1)</script>");
    expect(doc.querySelectorAll("script")).toHaveLength(0);
  });

  it("has a row per metric row and a chart per row that has a trend", () => {
    const report = sampleReport();
    const rows = doc.querySelectorAll("table.metrics tbody tr");
    expect(rows).toHaveLength(report.metrics.length);
    // Trends given: odr (mfn and afn series) and lsr 10d: 3 charts.
    const figures = [...doc.querySelectorAll("figure.chart")];
    expect(figures.map((f) => f.id)).toEqual(["chart-odr-mfn-60", "chart-odr-afn-60", "chart-lsr-mfn-10"]);
    expect(figures.every((f) => f.querySelector("svg.ahr-plot") !== null)).toBe(true);
    // Rows with a chart link to it; lsr 30d has none.
    expect(doc.querySelector('tr[data-metric="odr"][data-channel="mfn"] a')?.getAttribute("href")).toBe("#chart-odr-mfn-60");
    expect(doc.querySelector('tr[data-metric="lsr"][data-window="30"] a')).toBeNull();
    expect(chartId({ id: "refund_rate", channel: "all", windowDays: 30 })).toBe("chart-refund_rate-all-30");
  });

  it("puts a word and a symbol beside every status colour", () => {
    const badges = [...doc.querySelectorAll(".st")];
    expect(badges.length).toBeGreaterThan(10);
    for (const b of badges) {
      const cls = [...b.classList].find((c) => c.startsWith("st-"));
      expect(cls, b.outerHTML).toBeDefined();
      expect(b.querySelector(".sym")?.textContent, b.outerHTML).toMatch(/^[✔▲✖–]$/);
      expect(b.textContent?.replace(/^[✔▲✖–] /, ""), b.outerHTML).toMatch(/^[a-z ]+$/);
    }
    expect(doc.querySelector("h1")?.textContent).toBe("Account health: ✖ breach");
  });

  it("captions each chart in words: target, warning point, breach days and crossings", () => {
    const cap = doc.querySelector("#chart-odr-mfn-60 figcaption")?.textContent ?? "";
    // 4 breach days, 1 at risk, 1 without data (ODR_POINTS); 3 crossings.
    expect(cap).toContain("Target < 1% (solid line), warning at 0.8% (dashed line).");
    expect(cap).toContain("4 breach days (✖), 1 at-risk day (▲), 1 day without data (gap).");
    expect(cap).toContain("✖ breached on 2026-11-16; ✔ back within target on 2026-11-18; ✖ breached on 2026-11-19.");
    expect(doc.querySelector("#chart-odr-afn-60 figcaption")?.textContent).toContain("No crossing of the target in these days.");
  });

  it("has the AHR, the breach with its forecast, offenders, attention and notes", () => {
    expect(doc.querySelector("#ahr .score")?.textContent).toBe("212 ✔ healthy");
    const breach = doc.querySelector(".finding-breach")?.textContent ?? "";
    expect(breach).toContain("ODR (MFN) 60d is 3.00%, a breach of < 1%: 3 defective orders out of 100 orders");
    expect(breach).toContain("Clears on2026-12-03");
    expect(breach).toContain("Leaving the window2026-11-21 (2), 2026-12-03 (1)");
    const odr = doc.querySelector('.offender-list[data-metric="odr"]');
    expect(odr?.querySelector("h3")?.textContent).toContain("ODR (MFN) 60d: 3 defective orders");
    expect([...(odr?.querySelectorAll("td.id") ?? [])].map((td) => td.textContent)).toEqual(["A", "B", "112-\\u202e1|<script>alert(1)</script>"]);
    expect(doc.querySelector("#overdue")?.textContent).toContain("1 order not shipped, past the latest ship date");
    expect(doc.querySelector("#due-today")?.textContent).toContain("1 order to ship by the end of 2026-11-20");
    expect(doc.querySelectorAll("#notes li").length).toBe(sampleReport().notes.length);
  });

  it("caps each offender list and says how many more", () => {
    const report = sampleReport();
    const row = report.metrics.find((r) => r.id === "lsr" && r.windowDays === 10)!;
    const base = row.offenders![0]!;
    row.offenders = Array.from({ length: HTML_LIST_LIMIT + 5 }, (_, i) => ({ ...base, orderId: `id-${i}` }));
    const d = parseHTML(formatHtml(report, { trends: [] })).document;
    const list = d.querySelector('.offender-list[data-metric="lsr"][data-window="10"]')!;
    expect(list.querySelectorAll("tbody tr")).toHaveLength(HTML_LIST_LIMIT);
    expect(list.textContent).toContain("… and 5 more");
    // Without trends: no chart section at all.
    expect(d.querySelector("#charts")).toBeNull();
  });

  it("reads in light and dark, prints on A4, and is deterministic", () => {
    expect(page).toContain("@media (prefers-color-scheme:dark)");
    expect(page).toContain("@page{size:A4");
    expect(page).toContain("@media print");
    expect(formatHtml(sampleReport(), { trends: [odrTrend(), lsrTrend()] })).toBe(page);
  });
});

describe("formatTrendHtml", () => {
  it("gives the one metric's chart per channel", () => {
    const d = parseHTML(formatTrendHtml(odrTrend())).document;
    expect([...d.querySelectorAll("figure.chart")].map((f) => f.id)).toEqual(["chart-odr-mfn-60", "chart-odr-afn-60"]);
    expect(d.querySelector("h1")?.textContent).toBe("Order Defect Rate: 8 as-of days");
    // The last day's status beside the chart's name: MFN breach on 11-20, AFN good.
    expect(d.querySelector("#chart-odr-mfn-60 h3")?.textContent).toBe("ODR (MFN) 60d ✖ breach");
    expect(d.querySelector("#chart-odr-afn-60 h3")?.textContent).toBe("ODR (AFN) 60d ✔ good");
    expect(d.querySelectorAll("script")).toHaveLength(0);
  });
});

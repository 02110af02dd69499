/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The demo's HTML report in a real browser (headless Chromium, JavaScript off, network blocked):
 * what a person sees, asserted on the rendered DOM, plus screenshots at 1280x900 and of the
 * print layout (written to the temporary folder named in the test output; AHR_SCREENSHOTS=dir
 * puts them there instead).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launch, openFile, pngSize, type OpenedPage } from "./browser.js";
import { writeDemoHtml } from "./demo.js";

describe.skipIf(!browserAvailable)("the demo's HTML report in Chromium", { timeout: 60_000 }, () => {
  let browser: Browser;
  let demo: Awaited<ReturnType<typeof writeDemoHtml>>;
  let opened: OpenedPage;
  let page: Page;
  let shots: string;

  beforeAll(async () => {
    demo = await writeDemoHtml();
    shots = process.env.AHR_SCREENSHOTS ?? demo.dir;
    mkdirSync(shots, { recursive: true });
    browser = await launch();
    opened = await openFile(browser, demo.file);
    page = opened.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("is small: the demo's page is under 500 KB", () => {
    expect(statSync(demo.file).size).toBeLessThan(500 * 1024);
  });

  it("runs no script and sends no request: the page's own file is the only one", async () => {
    expect(await page.locator("script").count()).toBe(0);
    expect(opened.blocked).toEqual([]);
    expect(opened.requests).toEqual([`file://${demo.file}`]);
  });

  it("has one chart per metric row, each drawn with both axis labels and a target line", async () => {
    // The demo has 12 metric rows: odr x2 channels, pfcr, lsr 10/30, vtr, otdr, crt 7/30/90, rdr, refund_rate.
    expect(await page.locator("table.metrics tbody tr").count()).toBe(12);
    const figures = page.locator("figure.chart");
    expect(await figures.count()).toBe(12);
    for (let i = 0; i < 12; i++) {
      const f = figures.nth(i);
      const box = await f.locator("svg.ahr-plot").boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(400);
      expect(box?.height ?? 0).toBeGreaterThan(120);
      await expect.poll(() => f.locator("svg [aria-label='x-axis label']").textContent()).toContain("as-of day");
      expect(await f.locator("svg [aria-label='y-axis label']").textContent()).toContain("rate");
      const target = f.locator(".ahr-target line");
      expect(await target.count()).toBe(1);
      expect((await target.boundingBox())?.width ?? 0).toBeGreaterThan(400);
    }
    // Each table row links to its chart.
    const hrefs = await page.locator("table.metrics tbody tr th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const ids = await figures.evaluateAll((fs) => fs.map((f) => `#${f.id}`));
    expect(hrefs).toEqual(ids);
  });

  it("marks ODR (MFN)'s breach days: every day from the crossing on 2026-10-17 to 2026-11-20", async () => {
    // The demo README: 1/140 (good) as of 10-16, 3/144 (breach) as of 10-17; the defects stay in
    // the lagged window W(60, 14) until 12-14, so every as-of day 10-17 .. 11-20 is a breach:
    // 15 days in October + 20 in November = 35 crosses.
    const odr = page.locator("#chart-odr-mfn-60");
    expect(await odr.locator(".ahr-breach path").count()).toBe(35);
    const fromTrend = demo.odrTrend.series.find((s) => s.channel === "mfn")!;
    expect(fromTrend.points.filter((p) => p.status === "breach")).toHaveLength(35);
    expect(await odr.locator(".ahr-crossing-label").textContent()).toBe("✖ breached 10-17");
    expect(await odr.locator("figcaption").textContent()).toContain("✖ breached on 2026-10-17.");
    // Breach crosses are red and the target line too, but each has its shape and its words.
    const cross = await odr.locator(".ahr-breach").evaluate((g) => getComputedStyle(g).stroke);
    expect(cross).toBe("rgb(207, 34, 46)");
  });

  it("lists ODR (MFN)'s breach with its four orders, as text", async () => {
    const list = page.locator('.offender-list[data-metric="odr"][data-channel="mfn"]');
    expect(await list.locator("h3").textContent()).toContain("ODR (MFN) 60d: 4 defective orders");
    // The four orders of fixtures/demo/README.md.
    expect(await list.locator("td.id").allTextContents()).toEqual([
      "111-9578815-7273474",
      "113-7177327-7081435",
      "114-0242730-1286891",
      "111-1416372-3634151",
    ]);
    const finding = page.locator(".finding-breach");
    expect(await finding.count()).toBe(1);
    expect(await finding.textContent()).toContain("ODR (MFN) 60d is 1.80%, a breach of < 1%: 4 defective orders out of 222 orders");
    expect(await finding.locator("dt").allTextContents()).toEqual(["Clears on", "Leaving the window"]);
  });

  it("shows the AHR and the overdue orders", async () => {
    // 200 + 8 - 6 = 202, healthy (demo README).
    expect(await page.locator("#ahr .score").textContent()).toBe("202 ✔ healthy");
    expect(await page.locator("#overdue").textContent()).toContain("2 orders not shipped, past the latest ship date");
  });

  it("never shows a status by colour alone", async () => {
    const badges = await page.locator(".st").allTextContents();
    expect(badges.length).toBeGreaterThan(24);
    for (const b of badges) expect(b).toMatch(/^[✔▲✖–] (good|at risk|breach|no data|healthy|unhealthy|overdue|due today)$/);
  });

  it("screenshot at 1280x900 (light), and the same in dark mode with dark colours", async () => {
    const png = await page.screenshot({ path: join(shots, "demo-1280x900.png") });
    expect(pngSize(png)).toEqual({ width: 1280, height: 900 });
    const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(light).toBe("rgb(255, 255, 255)");
    const dark = await openFile(browser, demo.file, { colorScheme: "dark" });
    const bg = await dark.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe("rgb(13, 17, 23)");
    const text = await dark.page.locator("h1").evaluate((h) => getComputedStyle(h).color);
    expect(text).toBe("rgb(230, 237, 243)");
    const darkPng = await dark.page.screenshot({ path: join(shots, "demo-1280x900-dark.png") });
    expect(pngSize(darkPng)).toEqual({ width: 1280, height: 900 });
    expect(dark.blocked).toEqual([]);
    await dark.context.close();
  });

  it("prints on A4: light colours, charts one under the other within the page width, no chart cut", async () => {
    // A4 at 96 px per inch is 794 px wide; the @page margins of 11 mm leave 794 - 2 x 41.6 = 711 px.
    const print = await openFile(browser, demo.file, { colorScheme: "dark", width: 711, height: 1000 });
    await print.page.emulateMedia({ media: "print", colorScheme: "dark" });
    expect(await print.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe("rgb(255, 255, 255)");
    const boxes = await print.page.locator("figure.chart").evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(12);
    for (const b of boxes) expect(b.right).toBeLessThanOrEqual(711);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThan(boxes[i - 1]!.bottom - 1);
    expect(await print.page.locator("figure.chart").first().evaluate((f) => getComputedStyle(f).breakInside)).toBe("avoid");
    const png = await print.page.screenshot({ path: join(shots, "demo-print.png"), fullPage: true });
    expect(pngSize(png).width).toBe(711);
    const pdf = await print.page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(shots, "demo.pdf"), pdf);
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(12);
    expect(print.blocked).toEqual([]);
    await print.context.close();
    console.log(`screenshots and PDF in ${shots}`);
  });

  it("shows a hostile order id as text and runs nothing from it", async () => {
    const { sampleReport, HOSTILE_ID } = await import("../format/sample.js");
    const { formatHtml } = await import("../../src/format/html.js");
    const file = join(demo.dir, "hostile.html");
    const report = sampleReport();
    report.notes.push(`<img src="https://example.invalid/x.png"> <style>body{background:url(https://example.invalid/y)}</style>`);
    writeFileSync(file, formatHtml(report, { trends: [] }));
    const hostile = await openFile(browser, file);
    const ids = await hostile.page.locator("table.offenders td.id").allTextContents();
    expect(ids).toContain("112-\\u202e1|<script>alert(1)</script>");
    expect(HOSTILE_ID).toContain("<script>");
    expect(await hostile.page.locator("script, img").count()).toBe(0);
    expect(await hostile.page.locator("#notes li").last().textContent()).toContain('<img src="https://example.invalid/x.png">');
    expect(hostile.blocked).toEqual([]);
    expect(hostile.requests).toHaveLength(1);
    await hostile.context.close();
    expect(readFileSync(file, "utf8")).not.toContain("<img");
  });
});

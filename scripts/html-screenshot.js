#!/usr/bin/env node
/**
 * The README's screenshot of the HTML report: the demo's page (as written by
 * `ahr check fixtures/demo/ --as-of 2026-11-20 --format html`) at 1280x900 in headless Chromium
 * (Debian's, or AHR_CHROMIUM), JavaScript off, offline.
 *
 *   node scripts/html-screenshot.js [page.html] [out.png]     # defaults: a fresh demo page, docs/html-report.png
 *
 * Then shrink it losslessly (`optipng -o2 docs/html-report.png`, Debian's optipng); the README
 * wants it under 200 KB.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
let [page, out] = process.argv.slice(2);
if (!page) {
  page = join(mkdtempSync(join(tmpdir(), "ahr-shot-")), "demo.html");
  try {
    execFileSync(process.execPath, ["bin/ahr.js", "check", "fixtures/demo/", "--as-of", "2026-11-20", "--format", "html", "--output", page], { cwd: ROOT, stdio: "inherit" });
  } catch (e) {
    if (e.status !== 1) throw e; // the demo breaches: exit code 1 is expected
  }
}
out = resolve(out ?? join(ROOT, "docs", "html-report.png"));
const browser = await chromium.launch({
  executablePath: process.env.AHR_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, colorScheme: "light" });
await context.setOffline(true);
const tab = await context.newPage();
// From the metric table down: the table and the first row of charts.
await tab.goto(`${pathToFileURL(resolve(page)).href}#metrics`);
await tab.screenshot({ path: out });
await browser.close();
console.log(out);

/// <reference lib="dom" />
/**
 * The roll-up page (`ahr rollup --format html`) in headless Chromium (JavaScript off, network
 * blocked): no request but its own file, every row's status readable as text (symbol and word),
 * the status badges coloured differently, the table within a 1280-pixel window.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatRollupHtml } from "../../src/format/html-rollup.js";
import { buildRollup, failedAccount, readReport, rowError } from "../../src/report/rollup.js";
import { reportDoc } from "../helpers/reports.js";
import { browserAvailable, launch, openFile, type OpenedPage } from "./browser.js";

describe.skipIf(!browserAvailable)("the roll-up page in Chromium", { timeout: 60_000 }, () => {
  let browser: Browser;
  let opened: OpenedPage;
  let file = "";

  beforeAll(async () => {
    const doc = (account: string, asOf: string, status: "good" | "breach", exit: 0 | 1) =>
      reportDoc({
        account,
        asOf,
        status,
        exitCode: exit,
        metrics: [
          { id: "odr", channel: "mfn", windowDays: 60, rate: status === "breach" ? 4 / 222 : 0, status },
          { id: "lsr", channel: "mfn", windowDays: 10, rate: 2 / 54, status: status === "breach" ? "at_risk" : "good" },
        ],
      });
    const r = buildRollup(
      [
        ...readReport("r/acme.json", doc("acme", "2026-11-20", "breach", 1), "acme"),
        ...readReport("r/calm.json", doc("calm", "2026-11-20", "good", 0), "calm"),
        ...readReport("r/bolt.json", doc("bolt", "2026-10-16", "good", 0), "bolt"),
        failedAccount("dana <img src=x>", rowError("FILE_NOT_FOUND", { file: "accounts/dana/orders.txt" })),
      ],
      { version: "0.1.0" },
    );
    file = join(mkdtempSync(join(tmpdir(), "ahr-rollup-html-")), "rollup.html");
    writeFileSync(file, formatRollupHtml(r));
    browser = await launch();
    opened = await openFile(browser, file);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("asks for nothing but its own file and shows a hostile account name as text", async () => {
    expect(opened.blocked).toEqual([]);
    expect(await opened.page.locator("img").count()).toBe(0);
    expect(await opened.page.locator("tbody tr th.account").first().textContent()).toBe("dana <img src=x>");
  });

  it("each row's status is text (symbol and word), worst first, and the colours differ", async () => {
    const badges = opened.page.locator("tbody tr td:first-child .st");
    expect(await badges.allTextContents()).toEqual(["! failed", "~ stale", "✖ breach", "✔ good"]);
    const colours = await badges.evaluateAll((els) => els.map((e) => getComputedStyle(e).color));
    expect(new Set(colours.slice(1)).size).toBe(3); // stale, breach and good: three colours
  });

  it("the table fits a 1280-pixel window", async () => {
    const width = await opened.page.locator("table.rollup").evaluate((e) => e.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(1280);
  });
});

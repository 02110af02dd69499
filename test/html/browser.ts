/**
 * Headless Chromium for the HTML tests: Debian's /usr/bin/chromium (or AHR_CHROMIUM) driven by
 * playwright-core, which downloads no browser. JavaScript disabled, the network blocked (every
 * request but the page's own file is aborted and recorded), a fresh profile per launch
 * (playwright makes a temporary --user-data-dir). The flags are the ones this machine needs:
 * without the background-networking ones Chromium tries Google's hosts at every start.
 *
 * Locally without Chromium the browser tests are skipped with a message saying how to install
 * it; under CI (CI set) they run and fail instead, so a green CI always means they ran.
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";

export const CHROMIUM = process.env.AHR_CHROMIUM ?? "/usr/bin/chromium";
const inCi = (process.env.CI ?? "") !== "" && process.env.CI !== "0" && process.env.CI?.toLowerCase() !== "false";

/** Whether to run the browser tests here (true under CI, which then needs Chromium). */
export const browserAvailable = existsSync(CHROMIUM) || inCi;
if (!browserAvailable) {
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set AHR_CHROMIUM)`);
}

export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every request the page tried besides its own file (each one aborted). */
  blocked: string[];
  /** Every request the page made, its own file included. */
  requests: string[];
}

/** Opens a local file with JavaScript off and every other request aborted. */
export async function openFile(
  browser: Browser,
  file: string,
  o: { colorScheme?: "light" | "dark"; width?: number; height?: number } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: o.width ?? 1280, height: o.height ?? 900 },
    colorScheme: o.colorScheme ?? "light",
    serviceWorkers: "block",
  });
  await context.setOffline(true);
  const own = pathToFileURL(file).href;
  const blocked: string[] = [];
  const requests: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === own) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(own, { waitUntil: "load" });
  return { context, page, blocked, requests };
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString("latin1") !== "PNG") throw new Error("not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

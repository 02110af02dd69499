import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pngSize } from "./browser.js";

const ROOT = join(import.meta.dirname, "../..");

describe("the README's screenshot of the HTML report", () => {
  it("is referenced by the README, a 1280x900 PNG under 200 KB", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain("](docs/html-report.png)");
    expect(readme).toContain("ahr check fixtures/demo/ --as-of 2026-11-20 --format html --output report.html");
    const png = readFileSync(join(ROOT, "docs", "html-report.png"));
    expect(pngSize(png)).toEqual({ width: 1280, height: 900 });
    expect(statSync(join(ROOT, "docs", "html-report.png")).size).toBeLessThan(200 * 1024);
  });
});

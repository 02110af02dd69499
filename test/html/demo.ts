/**
 * The demo's HTML report as the CLI writes it (`ahr check fixtures/demo/ --as-of 2026-11-20
 * --format html --output FILE`, run in-process) in a temporary folder, and `ahr trend odr`'s
 * JSON for the same day, to compare the chart with.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/run.js";
import type { TrendReport } from "../../src/report/trend.js";
import { fakeIo } from "../cli/helpers.js";

export const DEMO = join(import.meta.dirname, "../../fixtures/demo");
export const AS_OF = "2026-11-20";

export async function writeDemoHtml(): Promise<{ dir: string; file: string; odrTrend: TrendReport }> {
  const dir = mkdtempSync(join(tmpdir(), "ahr-html-"));
  const file = join(dir, "demo.html");
  const f = fakeIo();
  // The demo breaches (odr mfn): exit code 1.
  const code = await run(["check", DEMO, "--as-of", AS_OF, "--format", "html", "--output", file], f.io);
  if (code !== 1 || f.out() !== "" || f.err() !== "") throw new Error(`ahr check --format html: exit ${code}, ${f.err()}`);
  const t = fakeIo();
  if ((await run(["trend", "odr", DEMO, "--as-of", AS_OF, "--format", "json"], t.io)) !== 0) throw new Error(t.err());
  return { dir, file, odrTrend: JSON.parse(t.out()) as TrendReport };
}

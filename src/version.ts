/**
 * The package version: the one place it is read (package.json sits one level above both src/
 * and dist/). `ahr --version`, the report's `tool.version` and the trend's all come from here.
 */
import { readFileSync } from "node:fs";

let cached: string | null = null;

export function packageVersion(): string {
  if (cached === null) {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
    cached = pkg.version ?? "0.0.0";
  }
  return cached;
}

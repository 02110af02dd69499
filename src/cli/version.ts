/** The package version, read from package.json (two levels above src/cli and dist/cli). */
import { readFileSync } from "node:fs";

let cached: string | null = null;

export function packageVersion(): string {
  if (cached === null) {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
    cached = pkg.version ?? "0.0.0";
  }
  return cached;
}

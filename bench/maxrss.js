#!/usr/bin/env node
/**
 * Peak-memory wrapper for machines without /usr/bin/time: runs SCRIPT in this process with ARGS
 * as its argv and, at exit, writes to OUT what `/usr/bin/time -f "%M %U %S"` would: the peak RSS
 * (KiB) and the user and system CPU seconds (process.resourceUsage()).
 *
 *   node bench/maxrss.js OUT SCRIPT [ARGS...]
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [out, script, ...args] = process.argv.slice(2);
if (!out || !script) {
  process.stderr.write("usage: node bench/maxrss.js OUT SCRIPT [ARGS...]\n");
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...args];
process.on("exit", () => {
  const u = process.resourceUsage();
  writeFileSync(out, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
});
await import(pathToFileURL(resolve(script)).href);

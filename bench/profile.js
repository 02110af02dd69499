#!/usr/bin/env node
/**
 * Where ahr spends its time on the benchmark data: runs the TSV check under `node --cpu-prof` and
 * prints the functions with the most self time (samples where the function itself was running),
 * with their file:line, and the same summed per file.
 *
 *   node bench/profile.js [--rows 1000000] [--as-of 2026-11-20] [--csv] [--top 25]
 *
 * Uses the data bench/run.js generates (generating it when missing). --csv profiles the comma
 * CSV orders file alone instead of the three TSV/CSV inputs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_AS_OF, argValue, ensureData } from "./generate.js";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const rows = Number(argValue(argv, "--rows", "1000000").replace(/[_,]/g, ""));
const asOf = argValue(argv, "--as-of", DEFAULT_AS_OF);
const top = Number(argValue(argv, "--top", "25"));
const csv = argv.includes("--csv");

/** Self time per function and per file from a .cpuprofile (V8's sampled call tree). */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0));
  }
  const fns = new Map();
  const files = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = url ? url.replace(/^file:\/\//, "") : "";
    const where = file ? `${relative(ROOT, file)}:${lineNumber + 1}` : "(native)";
    const key = `${functionName || "(anonymous)"}  ${where}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const fk = file ? relative(ROOT, file) : functionName;
    files.set(fk, (files.get(fk) ?? 0) + us);
    total += us;
  }
  const sort = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, functions: sort(fns), files: sort(files) };
}

const { dir, manifest: m } = await ensureData({ rows, asOf, log: (s) => process.stderr.write(s + "\n") });
const f = m.files;
const profDir = mkdtempSync(join(tmpdir(), "ahr-prof-"));
const args = csv
  ? ["check", "--orders", join(dir, f.ordersCsv.name)]
  : ["check", "--orders", join(dir, f.ordersTsv.name), "--feedback", join(dir, f.feedback.name), "--messages", join(dir, f.messages.name)];
args.push("--as-of", asOf, "--format", "json");
const r = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profDir, join(ROOT, "bin", "ahr.js"), ...args], {
  cwd: ROOT,
  stdio: ["ignore", "ignore", "inherit"],
});
if (r.status !== 0 && r.status !== 1) {
  process.stderr.write(`profile: ahr exited ${r.status ?? r.signal}\n`);
  process.exit(2);
}
const file = readdirSync(profDir).find((n) => n.endsWith(".cpuprofile"));
const { total, functions, files } = summarise(JSON.parse(readFileSync(join(profDir, file), "utf8")));
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms`;
console.log(`profile of ahr ${args.join(" ")}\n${join(profDir, file)}\ntotal sampled ${(total / 1e6).toFixed(2)} s\n`);
console.log(`top ${top} functions by self time:`);
for (const [k, us] of functions.slice(0, top)) console.log(`${pct(us)}  ${k}`);
console.log(`\nby file:`);
for (const [k, us] of files.slice(0, 15)) console.log(`${pct(us)}  ${k}`);

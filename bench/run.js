#!/usr/bin/env node
/**
 * `npm run bench` (issue 6): ahr on a million-row export, against DuckDB and csv-parse, with the
 * issue's targets printed as pass/fail lines. A report, not a test: it exits 0 whatever the
 * figures, and non-zero only when the run itself failed (ahr exit code 2, a crash, bad options).
 *
 *   node bench/run.js [--rows 1000000] [--runs 3] [--as-of 2026-11-20] [--big] [--regen]
 *                     [--no-csv] [--no-duckdb] [--no-html] [--version-runs 10] [--big-runs 1] [--split-bound]
 *                     [--no-joins] [--only-joins] [--no-trend] [--only-trend] [--trend-metrics odr,lsr]
 *                     [--only-startup]
 *
 * --big (or BENCH_BIG=1) also generates 5x the rows (same daily volume over 5x the days) and
 * compares ahr's peak RSS there with the figure at --rows; it takes a few minutes and ~2 GB of disk.
 *
 * --split-bound also measures what a parallel ahr could at best reach: see splitBound().
 *
 * The HTML report (issue 15): `check --format html --output FILE` on the same inputs, run in
 * turn with the JSON check (--runs pairs); the target is the median of the pairs' ratios <= 2.
 * Skipped with --no-html, or when the build has no html format.
 *
 * The trends (issue 18): `trend M --days 90 --format json` on the same inputs for every metric,
 * each run in turn with the JSON check like the HTML report (check, html, check, trend odr, check,
 * trend pfcr, ...); the target, one line per metric: the median of its pairs' ratios <= 1.2.
 * --no-trend skips them, --only-trend runs only them (and their targets), --trend-metrics a,b
 * only those metrics.
 *
 * The joined reports (issue 13): an Order Report and a ship-confirm file derived from the All
 * Orders file (bench/joined.js) added to the TSV check, runs alternated (without, with, without,
 * ...); targets: the joins add at most 60% wall time, and peak RSS stays under 320 MiB at 1M rows.
 * --no-joins skips it, --only-joins runs only it (and its targets).
 *
 * Start-up (issue 18): `node -e 0`, `ahr --version` and `ahr check fixtures/demo/ --as-of 2026-11-20` run in turn
 * (--version-runs rounds, default 10); targets on the medians: --version <= 100 ms, the demo check
 * <= 250 ms, node's own start printed beside them. --only-startup runs only these.
 *
 * Wall time: from spawn to exit of a child `node bin/ahr.js ...` (median of --runs). Peak memory:
 * the child's max RSS, from `/usr/bin/time -f %M` when present, else from bench/maxrss.js, which
 * runs the CLI in-process and reports process.resourceUsage().maxRSS (largest of the runs).
 * Results also go to <data dir>/results.json.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_AS_OF, argValue, ensureData } from "./generate.js";
import { ensureJoined } from "./joined.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const AHR = join(ROOT, "bin", "ahr.js");
const TIME = "/usr/bin/time";
const MiB = 1024 * 1024;

// ------------------------------------------------------------------ options

const argv = process.argv.slice(2);
const num = (name, fallback) => {
  const v = Number(String(argValue(argv, name, String(fallback))).replace(/[_,]/g, ""));
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
  return v;
};
let opts;
try {
  opts = {
    rows: num("--rows", 1_000_000),
    runs: num("--runs", 3),
    versionRuns: num("--version-runs", 10),
    bigRuns: num("--big-runs", 1),
    asOf: argValue(argv, "--as-of", DEFAULT_AS_OF),
    big: argv.includes("--big") || !["", "0", undefined].includes(process.env.BENCH_BIG),
    regen: argv.includes("--regen"),
    csv: !argv.includes("--no-csv"),
    duckdb: !argv.includes("--no-duckdb"),
    splitBound: argv.includes("--split-bound"),
    html: !argv.includes("--no-html"),
    joins: !argv.includes("--no-joins"),
    onlyJoins: argv.includes("--only-joins"),
    trend: !argv.includes("--no-trend"),
    onlyTrend: argv.includes("--only-trend"),
    onlyStartup: argv.includes("--only-startup"),
  };
} catch (e) {
  process.stderr.write(`bench: ${e.message}\n`);
  process.exit(2);
}

const log = (s = "") => process.stdout.write(s + "\n");
const note = (s) => process.stderr.write(s + "\n");

class RunFailed extends Error {}

/** Timings mean little on a busy machine: say how busy it was. */
function loadLine(when) {
  const [one] = loadavg();
  log(`load average at ${when}: ${one.toFixed(2)}${one > 1.5 ? " (other work was running: wall times are inflated)" : ""}`);
}

// ------------------------------------------------------------------ measuring a child

// BENCH_RSS=wrapper forces the in-process wrapper (to check it on machines that have time(1)).
const haveTime = existsSync(TIME) && process.env.BENCH_RSS !== "wrapper";
const scratch = mkdtempSync(join(tmpdir(), "ahr-bench-run-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/**
 * Run `node SCRIPT ARGS` once: wall ms, peak RSS KiB, exit code, stdout. `okCodes`: the exit
 * codes that mean the run worked (ahr check exits 1 on a breach, which is a fine report).
 */
function runOnce(script, args, { okCodes = [0], label = script } = {}) {
  const rssFile = join(scratch, "rss");
  rmSync(rssFile, { force: true });
  const [cmd, cmdArgs] = haveTime
    ? [TIME, ["-f", "%M %U %S", "-o", rssFile, process.execPath, script, ...args]]
    : [process.execPath, [join(HERE, "maxrss.js"), rssFile, script, ...args]];
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      if (signal !== null || !okCodes.includes(code)) {
        reject(new RunFailed(`${label} failed (exit ${code ?? signal}):\n${stderr.slice(-2000)}`));
        return;
      }
      let rssKiB = NaN;
      let cpuMs = NaN;
      try {
        // "KiB user-s system-s" (maxrss.js writes the same); /usr/bin/time may add a "Command
        // exited with non-zero status" line first.
        const [rss, user, sys] = readFileSync(rssFile, "utf8").trim().split("\n").pop().split(" ");
        rssKiB = Number(rss);
        cpuMs = (Number(user) + Number(sys)) * 1000;
      } catch {
        /* no figure */
      }
      resolve({ ms, rssKiB, cpuMs, code, stdout, stderr });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** `runs` runs: median wall and CPU time (user + system), largest peak RSS, the first run's stdout. */
async function measure(script, args, runs, options) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(script, args, options));
  return {
    ms: median(results.map((r) => r.ms)),
    walls: results.map((r) => r.ms),
    cpuMs: median(results.map((r) => r.cpuMs)),
    rssKiB: Math.max(...results.map((r) => r.rssKiB)),
    stdout: results[0].stdout,
    code: results[0].code,
  };
}

// ------------------------------------------------------------------ formatting

const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mib = (kib) => (Number.isFinite(kib) ? `${(kib / 1024).toFixed(0)} MiB` : "n/a");
const int = (n) => Math.round(n).toLocaleString("en-US");
const pad = (s, n) => String(s).padEnd(n);
const targets = [];
function target(name, pass, detail) {
  targets.push({ name, pass, detail });
}

function checkArgs(dir, m, ordersFile = m.files.ordersTsv.name, withSide = true) {
  const a = ["check", "--orders", join(dir, ordersFile)];
  if (withSide) a.push("--feedback", join(dir, m.files.feedback.name), "--messages", join(dir, m.files.messages.name));
  a.push("--as-of", opts.asOf, "--format", "json");
  return a;
}

/** The three inputs' data rows and bytes. */
function volume(m, ordersKey = "ordersTsv", withSide = true) {
  const keys = withSide ? [ordersKey, "feedback", "messages"] : [ordersKey];
  return {
    rows: keys.reduce((s, k) => s + m.files[k].rows, 0),
    bytes: keys.reduce((s, k) => s + m.files[k].bytes, 0),
  };
}

function throughput(label, ms, vol, rssKiB, cpuMs = NaN) {
  log(
    `${pad(label, 34)} ${pad(secs(ms), 9)} ${pad(int(vol.rows / (ms / 1000)) + " rows/s", 18)} ` +
      `${pad(((vol.bytes / MiB) / (ms / 1000)).toFixed(1) + " MiB/s", 12)} peak ${mib(rssKiB)}` +
      (Number.isFinite(cpuMs) ? `, cpu ${secs(cpuMs)}` : ""),
  );
}

// ------------------------------------------------------------------ the parallel bound

/**
 * What ahr could at best reach by using every core (--split-bound): the orders file cut in two
 * halves at a line boundary (each with the header; written once next to the data), and three
 * `ahr check` processes started together: each half of the orders, and the feedback and messages.
 * The wall time until all three have exited (median of --runs) is a lower bound for a parallel
 * ahr on this machine: the parts do not merge their orders or pass anything between them, and
 * only the startup and the report are done three times.
 */
async function splitBound(dir, m) {
  const { open: openFile } = await import("node:fs/promises");
  const { createReadStream, createWriteStream } = await import("node:fs");
  const { pipeline } = await import("node:stream/promises");
  const src = join(dir, m.files.ordersTsv.name);
  const halves = [join(dir, "bound-orders-1.txt"), join(dir, "bound-orders-2.txt")];
  if (!halves.every(existsSync)) {
    const fh = await openFile(src, "r");
    const size = (await fh.stat()).size;
    const probe = Buffer.alloc(1 << 20);
    const { bytesRead: headBytes } = await fh.read(probe, 0, probe.length, 0);
    const headerEnd = probe.subarray(0, headBytes).indexOf(10) + 1;
    const header = Buffer.from(probe.subarray(0, headerEnd));
    const { bytesRead } = await fh.read(probe, 0, probe.length, Math.floor(size / 2));
    const cut = Math.floor(size / 2) + probe.subarray(0, bytesRead).indexOf(10) + 1;
    await fh.close();
    await pipeline(createReadStream(src, { start: 0, end: cut - 1 }), createWriteStream(halves[0]));
    const out = createWriteStream(halves[1]);
    out.write(header);
    await pipeline(createReadStream(src, { start: cut }), out);
  }
  const parts = [
    ["check", "--orders", halves[0]],
    ["check", "--orders", halves[1]],
    ["check", "--feedback", join(dir, m.files.feedback.name), "--messages", join(dir, m.files.messages.name)],
  ].map((a) => [...a, "--as-of", opts.asOf, "--format", "json"]);
  const walls = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = process.hrtime.bigint();
    await Promise.all(parts.map((a) => runOnce(AHR, a, { okCodes: [0, 1], label: "ahr check (a part)" })));
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(walls), walls };
}

// ------------------------------------------------------------------ the joined reports

/**
 * The TSV check without and with the joined reports (bench/joined.js: an Order Report and a
 * ship-confirm file of ~1M item rows each at 1M rows), runs alternated so that a change of load
 * hits both alike: median walls and CPU, largest peak RSS, and the median of the pairs' ratios.
 */
async function joins(dir, m, results) {
  const { manifest: j, reused } = await ensureJoined(dir, m, note);
  const jf = j.files;
  log(`joined reports ${reused ? "reused" : `derived (${j.seconds.toFixed(1)} s)`}: ${jf.orderReport.name} ${int(jf.orderReport.rows)} rows ` +
    `${(jf.orderReport.bytes / MiB).toFixed(1)} MiB, ${jf.shipConfirm.name} ${int(jf.shipConfirm.rows)} rows ${(jf.shipConfirm.bytes / MiB).toFixed(1)} MiB`);
  const without = checkArgs(dir, m);
  const withJoins = [...without.slice(0, 1), "--order-report", join(dir, jf.orderReport.name), "--shipments", join(dir, jf.shipConfirm.name), ...without.slice(1)];
  const pairs = [];
  for (let i = 0; i < opts.runs; i++) {
    const a = await runOnce(AHR, without, { okCodes: [0, 1], label: "ahr check (without joins)" });
    const b = await runOnce(AHR, withJoins, { okCodes: [0, 1], label: "ahr check (with joins)" });
    pairs.push({ a, b });
  }
  const r = {
    withoutMs: median(pairs.map((p) => p.a.ms)),
    withMs: median(pairs.map((p) => p.b.ms)),
    withoutWalls: pairs.map((p) => p.a.ms),
    withWalls: pairs.map((p) => p.b.ms),
    withoutCpuMs: median(pairs.map((p) => p.a.cpuMs)),
    withCpuMs: median(pairs.map((p) => p.b.cpuMs)),
    withoutRssKiB: Math.max(...pairs.map((p) => p.a.rssKiB)),
    withRssKiB: Math.max(...pairs.map((p) => p.b.rssKiB)),
    ratio: median(pairs.map((p) => p.b.ms / p.a.ms)),
    cpuRatio: median(pairs.map((p) => p.b.cpuMs / p.a.cpuMs)),
    rows: { orderReport: jf.orderReport.rows, shipConfirm: jf.shipConfirm.rows },
  };
  const report = JSON.parse(pairs[0].b.stdout);
  r.unmatched = report.inputs.filter((i) => i.kind !== "orders").reduce((s, i) => s + (i.unmatched ?? 0), 0);
  results.joins = r;
  log(`${pad("ahr check, TSV, without joins", 34)} ${secs(r.withoutMs)}, cpu ${secs(r.withoutCpuMs)}, peak ${mib(r.withoutRssKiB)}`);
  log(`${pad("  + order report + ship-confirm", 34)} ${secs(r.withMs)}, cpu ${secs(r.withCpuMs)}, peak ${mib(r.withRssKiB)}`);
  log(`${pad("  ratio with / without", 34)} wall ${r.ratio.toFixed(2)}x, cpu ${r.cpuRatio.toFixed(2)}x (medians of the pairs; walls ${r.withWalls.map(secs).join(", ")} vs ${r.withoutWalls.map(secs).join(", ")})`);
  return r;
}

function joinTargets(r) {
  const at = opts.rows === 1_000_000 ? "" : ` (measured at ${int(opts.rows)} rows; the target is for 1,000,000)`;
  if (r === null) {
    target("joined reports add <= 60% wall time", null, "skipped: --no-joins");
    target("peak RSS with joined reports < 320 MiB", null, "skipped: --no-joins");
    return;
  }
  target("joined reports add <= 60% wall time", r.ratio <= 1.6, `+${((r.ratio - 1) * 100).toFixed(0)}% (${secs(r.withMs)} vs ${secs(r.withoutMs)})${at}`);
  target("peak RSS with joined reports < 320 MiB", r.withRssKiB < 320 * 1024, `${mib(r.withRssKiB)} (${mib(r.withoutRssKiB)} without)${at}`);
}

// ------------------------------------------------------------------ against the JSON check

/**
 * Commands measured against the JSON check of the same inputs (the HTML report, issue 15; the
 * trends, issue 18). Each round runs, for each variant in turn, the check and then the variant
 * (check, html, check, trend odr, check, trend pfcr, ...; --runs rounds), so a change of load
 * hits a variant and its check alike. Per variant: median walls and CPU of its runs and of the
 * checks paired with them, its largest peak RSS, the medians of the pairs' wall and CPU ratios.
 */
async function againstCheck(dir, m, variants) {
  const check = checkArgs(dir, m);
  const pairs = variants.map(() => []);
  for (let i = 0; i < opts.runs; i++) {
    for (const [k, v] of variants.entries()) {
      const c = await runOnce(AHR, check, { okCodes: [0, 1], label: "ahr check (json, paired)" });
      const x = await runOnce(AHR, v.args, { okCodes: v.okCodes, label: v.label });
      pairs[k].push({ c, x });
    }
  }
  return variants.map((v, k) => {
    const p = pairs[k];
    return {
      id: v.id,
      ms: median(p.map((q) => q.x.ms)),
      walls: p.map((q) => q.x.ms),
      cpuMs: median(p.map((q) => q.x.cpuMs)),
      rssKiB: Math.max(...p.map((q) => q.x.rssKiB)),
      checkMs: median(p.map((q) => q.c.ms)),
      checkWalls: p.map((q) => q.c.ms),
      checkCpuMs: median(p.map((q) => q.c.cpuMs)),
      ratio: median(p.map((q) => q.x.ms / q.c.ms)),
      cpuRatio: median(p.map((q) => q.x.cpuMs / q.c.cpuMs)),
    };
  });
}

// ------------------------------------------------------------------ the trends (issue 18)

const TREND_DAYS = 90;
const TREND_TARGET = 1.2;

/**
 * `ahr trend M --days 90 --format json` on the check's three inputs, one variant per metric (the
 * metrics of the build, dist/catalog.js; --trend-metrics a,b picks some).
 */
async function trendVariants(dir, m) {
  const { METRIC_IDS } = await import(join(ROOT, "dist", "catalog.js"));
  const asked = argValue(argv, "--trend-metrics", "");
  const ids = asked === "" ? [...METRIC_IDS] : asked.split(",");
  const unknown = ids.filter((id) => !METRIC_IDS.includes(id));
  if (unknown.length > 0) throw new RunFailed(`--trend-metrics: no metric ${unknown.join(", ")} (metrics: ${METRIC_IDS.join(", ")})`);
  const f = m.files;
  return ids.map((id) => ({
    id,
    args: ["trend", id, "--orders", join(dir, f.ordersTsv.name), "--feedback", join(dir, f.feedback.name),
      "--messages", join(dir, f.messages.name), "--as-of", opts.asOf, "--days", String(TREND_DAYS), "--format", "json"],
    okCodes: [0],
    label: `ahr trend ${id}`,
  }));
}

/** The trend variants' figures, printed and by metric. */
function trendResults(paired) {
  const out = {};
  for (const p of paired) {
    out[p.id] = p;
    log(`${pad(`ahr trend ${p.id} --days ${TREND_DAYS}`, 34)} ${secs(p.ms)}, cpu ${secs(p.cpuMs)}, peak ${mib(p.rssKiB)}; ` +
      `check ${secs(p.checkMs)}, cpu ${secs(p.checkCpuMs)}: wall ${p.ratio.toFixed(2)}x, cpu ${p.cpuRatio.toFixed(2)}x (medians of the pairs)`);
  }
  return out;
}

function trendTargets(r) {
  if (r === undefined) {
    target(`ahr trend <metric> --days ${TREND_DAYS} <= ${TREND_TARGET}x a check`, null, "skipped: --no-trend");
    return;
  }
  for (const p of Object.values(r)) {
    target(`ahr trend ${p.id} --days ${TREND_DAYS} <= ${TREND_TARGET}x a check`, p.ratio <= TREND_TARGET,
      `${p.ratio.toFixed(2)}x (${secs(p.ms)} vs ${secs(p.checkMs)}; cpu ${p.cpuRatio.toFixed(2)}x)`);
  }
}

// ------------------------------------------------------------------ start-up (issue 18)

/**
 * `node -e 0`, `ahr --version`, `ahr check fixtures/demo/` in turn, --version-runs rounds: the
 * median wall of each (node's own start is the floor under the other two).
 */
async function startup(results) {
  const runs = { node: [], version: [], demo: [] };
  for (let i = 0; i < opts.versionRuns; i++) {
    runs.node.push((await runOnce("-e", ["0"], { label: "node -e 0" })).ms);
    runs.version.push((await runOnce(AHR, ["--version"], { label: "ahr --version" })).ms);
    runs.demo.push((await runOnce(AHR, ["check", join(ROOT, "fixtures", "demo"), "--as-of", "2026-11-20"], { okCodes: [0, 1], label: "ahr check fixtures/demo/" })).ms);
  }
  const r = { nodeMs: median(runs.node), ms: median(runs.version), demoMs: median(runs.demo), runs };
  results.version = r;
  log(`${pad("node -e 0", 34)} ${r.nodeMs.toFixed(0)} ms (median of ${opts.versionRuns}, run in turn with the next two)`);
  log(`${pad("ahr --version", 34)} ${r.ms.toFixed(0)} ms (node -e 0 + ${(r.ms - r.nodeMs).toFixed(0)} ms)`);
  log(`${pad("ahr check fixtures/demo/", 34)} ${r.demoMs.toFixed(0)} ms (node -e 0 + ${(r.demoMs - r.nodeMs).toFixed(0)} ms)`);
  return r;
}

function startupTargets(r) {
  const node = `; node -e 0 ${r.nodeMs.toFixed(0)} ms`;
  target("ahr --version <= 100 ms", r.ms <= 100, `${r.ms.toFixed(0)} ms${node}`);
  target("ahr check on the demo <= 250 ms", r.demoMs <= 250, `${r.demoMs.toFixed(0)} ms${node}`);
}

// ------------------------------------------------------------------ the run

async function main() {
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) {
    throw new RunFailed("dist/ is missing: run `npm run build` first (npm run bench does)");
  }
  const results = { rows: opts.rows, runs: opts.runs, asOf: opts.asOf, node: process.version, when: new Date().toISOString() };

  const { dir, manifest: m, reused } = await ensureData({
    rows: opts.rows,
    asOf: opts.asOf,
    withCsv: opts.csv,
    force: opts.regen,
    log: note,
  });
  const f = m.files;
  log(`ahr benchmark: ${int(opts.rows)} order rows (${int(m.orders)} orders over ${m.days} days, ${m.firstDay}..${m.lastDay}), as of ${opts.asOf}`);
  log(`data ${reused ? "reused from" : "generated in"} ${dir}${reused ? "" : ` (${m.seconds.toFixed(1)} s)`}`);
  for (const k of Object.keys(f)) log(`  ${pad(f[k].name, 22)} ${pad(int(f[k].rows) + " rows", 16)} ${(f[k].bytes / MiB).toFixed(1)} MiB`);
  log(`node ${process.version}; wall = median of ${opts.runs}; peak RSS via ${haveTime ? "/usr/bin/time -f %M" : "bench/maxrss.js (resourceUsage().maxRSS)"}`);
  loadLine("start");
  log();

  if (opts.onlyJoins) {
    const r = await joins(dir, m, results);
    log();
    loadLine("end");
    log("targets:");
    joinTargets(r);
    for (const t of targets) log(`  ${t.pass === null ? "SKIP" : t.pass ? "PASS" : "FAIL"}  ${pad(t.name, 44)} ${t.detail}`);
    return;
  }

  if (opts.onlyTrend) {
    const r = trendResults(await againstCheck(dir, m, await trendVariants(dir, m)));
    log();
    loadLine("end");
    log("targets:");
    trendTargets(r);
    for (const t of targets) log(`  ${t.pass === null ? "SKIP" : t.pass ? "PASS" : "FAIL"}  ${pad(t.name, 44)} ${t.detail}`);
    return;
  }

  if (opts.onlyStartup) {
    const r = await startup(results);
    log();
    loadLine("end");
    log("targets:");
    startupTargets(r);
    for (const t of targets) log(`  ${t.pass === null ? "SKIP" : t.pass ? "PASS" : "FAIL"}  ${pad(t.name, 44)} ${t.detail}`);
    return;
  }

  // ahr --version and the demo check
  const ver = await startup(results);

  // TSV path: the three inputs.
  const tsvVol = volume(m);
  const tsv = await measure(AHR, checkArgs(dir, m), opts.runs, { okCodes: [0, 1], label: "ahr check (tsv)" });
  results.tsv = { ms: tsv.ms, walls: tsv.walls, cpuMs: tsv.cpuMs, rssKiB: tsv.rssKiB, ...tsvVol };
  throughput("ahr check, TSV orders + fb + msgs", tsv.ms, tsvVol, tsv.rssKiB, tsv.cpuMs);
  const report = JSON.parse(tsv.stdout);

  // Against the JSON check, each run paired with a check just before it: the HTML report (issue
  // 15) and `ahr trend M --days 90` for every metric (issue 18).
  let htmlWhy = "";
  if (!opts.html) htmlWhy = "--no-html";
  else if (!(await runOnce(AHR, ["check", "--help"], { label: "ahr check --help" })).stdout.includes('"html"')) {
    htmlWhy = "this build has no --format html";
  }
  const htmlFile = join(scratch, "report.html");
  const variants = [];
  if (htmlWhy === "") variants.push({ id: "html", args: [...checkArgs(dir, m).slice(0, -1), "html", "--output", htmlFile], okCodes: [0, 1], label: "ahr check --format html" });
  if (opts.trend) variants.push(...(await trendVariants(dir, m)));
  const paired = await againstCheck(dir, m, variants);
  if (htmlWhy === "") {
    const p = paired.shift();
    const bytes = readFileSync(htmlFile).length;
    results.html = {
      ms: p.ms,
      walls: p.walls,
      jsonMs: p.checkMs,
      jsonWalls: p.checkWalls,
      ratio: p.ratio,
      cpuMs: p.cpuMs,
      jsonCpuMs: p.checkCpuMs,
      cpuRatio: p.cpuRatio,
      rssKiB: p.rssKiB,
      bytes,
    };
    log(`${pad("ahr check --format html", 34)} ${secs(p.ms)}, cpu ${secs(p.cpuMs)}, peak ${mib(p.rssKiB)}, ${(bytes / 1024).toFixed(0)} KiB written`);
    log(`${pad("  json, interleaved with it", 34)} ${secs(p.checkMs)}, cpu ${secs(p.checkCpuMs)}`);
    log(`${pad("  ratio html / json", 34)} wall ${p.ratio.toFixed(2)}x, cpu ${p.cpuRatio.toFixed(2)}x (medians of the pairs)`);
  }
  if (opts.trend) results.trend = trendResults(paired);

  // The joined reports (issue 13).
  const joined = opts.joins ? await joins(dir, m, results) : null;

  // DuckDB: the same counts, when it can be imported.
  let duck = null;
  let duckWhy = "";
  if (!opts.duckdb) duckWhy = "--no-duckdb";
  else {
    try {
      await import("@duckdb/node-api");
    } catch {
      duckWhy = "@duckdb/node-api is not installed (npm install --no-save @duckdb/node-api)";
    }
  }
  if (duckWhy === "") {
    const dArgs = ["--orders", join(dir, f.ordersTsv.name), "--feedback", join(dir, f.feedback.name),
      "--messages", join(dir, f.messages.name), "--as-of", opts.asOf];
    duck = await measure(join(HERE, "duckdb-counts.js"), dArgs, opts.runs, { label: "duckdb counts" });
    const counts = JSON.parse(duck.stdout).counts;
    results.duckdb = { ms: duck.ms, walls: duck.walls, cpuMs: duck.cpuMs, rssKiB: duck.rssKiB, counts };
    throughput("DuckDB, same files, same counts", duck.ms, tsvVol, duck.rssKiB, duck.cpuMs);
    log(`${pad("  ratio ahr / DuckDB", 34)} ${(tsv.ms / duck.ms).toFixed(2)}x`);
    // Cross-check: the counts DuckDB computed are figures ahr reports.
    const row = (id, pred) => report.metrics.find((x) => x.id === id && pred(x));
    const pairs = [
      ["odr orders, mfn", counts.odr_orders_mfn, row("odr", (x) => x.channel === "mfn")?.denominator],
      ["odr orders, afn", counts.odr_orders_afn, row("odr", (x) => x.channel === "afn")?.denominator],
      ["lsr 30d late", counts.lsr30_late, row("lsr", (x) => x.windowDays === 30)?.numerator],
      ["lsr 30d orders", counts.lsr30_orders, row("lsr", (x) => x.windowDays === 30)?.denominator],
      ["crt 90d answered in 24h", counts.crt90_on_time, row("crt", (x) => x.windowDays === 90)?.numerator],
      ["crt 90d messages", counts.crt90_messages, row("crt", (x) => x.windowDays === 90)?.denominator],
    ];
    const bad = pairs.filter(([, d, a]) => d !== a);
    log(`  counts ${bad.length === 0 ? "agree" : "DIFFER"}: ${pairs.map(([n, d, a]) => `${n} ${int(d)}${d === a ? "" : ` (ahr ${a})`}`).join("; ")}`);
    results.duckdb.agree = bad.length === 0;
  }

  if (opts.splitBound) {
    const bound = await splitBound(dir, m);
    results.splitBound = bound;
    throughput("bound: 3 parts at once (see README)", bound.ms, tsvVol, NaN);
    if (duck) log(`${pad("  ratio bound / DuckDB", 34)} ${(bound.ms / duck.ms).toFixed(2)}x`);
  }

  // CSV path: the same orders as a comma CSV, alone, through ahr and through csv-parse bare, run
  // in turn (ahr, bare, ahr, bare, ...) so that a change of load hits both alike (issue 18).
  if (opts.csv) {
    const csvVol = volume(m, "ordersCsv", false);
    const csvFile = join(dir, f.ordersCsv.name);
    const pairs = [];
    for (let i = 0; i < opts.runs; i++) {
      const a = await runOnce(AHR, checkArgs(dir, m, f.ordersCsv.name, false), { okCodes: [0, 1], label: "ahr check (csv)" });
      const b = await runOnce(join(HERE, "csv-parse-bare.js"), [csvFile], { label: "csv-parse bare" });
      pairs.push({ a, b });
    }
    const csv = {
      ms: median(pairs.map((p) => p.a.ms)),
      cpuMs: median(pairs.map((p) => p.a.cpuMs)),
      rssKiB: Math.max(...pairs.map((p) => p.a.rssKiB)),
    };
    const bare = {
      ms: median(pairs.map((p) => p.b.ms)),
      cpuMs: median(pairs.map((p) => p.b.cpuMs)),
      rssKiB: Math.max(...pairs.map((p) => p.b.rssKiB)),
    };
    const ratio = median(pairs.map((p) => p.a.ms / p.b.ms));
    const cpuRatio = median(pairs.map((p) => p.a.cpuMs / p.b.cpuMs));
    throughput("ahr check, CSV orders alone", csv.ms, csvVol, csv.rssKiB, csv.cpuMs);
    throughput("csv-parse alone (count records)", bare.ms, csvVol, bare.rssKiB, bare.cpuMs);
    log(`${pad("  ratio ahr / csv-parse", 34)} wall ${ratio.toFixed(2)}x, cpu ${cpuRatio.toFixed(2)}x (medians of the pairs)`);
    results.csv = {
      ms: csv.ms,
      walls: pairs.map((p) => p.a.ms),
      cpuMs: csv.cpuMs,
      rssKiB: csv.rssKiB,
      bareMs: bare.ms,
      bareWalls: pairs.map((p) => p.b.ms),
      bareCpuMs: bare.cpuMs,
      ratio,
      cpuRatio,
      ...csvVol,
    };
  }

  // 5x rows, same daily volume: peak RSS should follow the windows, not the file.
  if (opts.big) {
    const bigRows = opts.rows * 5;
    log();
    const bigData = await ensureData({ rows: bigRows, asOf: opts.asOf, withCsv: false, log: note });
    const bm = bigData.manifest;
    log(`${int(bigRows)} order rows (${bm.days} days, same daily volume) in ${bigData.dir}`);
    const bigVol = volume(bm);
    const big = await measure(AHR, checkArgs(bigData.dir, bm), opts.bigRuns, { okCodes: [0, 1], label: "ahr check (5x)" });
    throughput(`ahr check, ${bigRows / 1e6}M rows`, big.ms, bigVol, big.rssKiB);
    log(`${pad("  peak RSS 5x / 1x", 34)} ${(big.rssKiB / tsv.rssKiB).toFixed(2)}x`);
    results.big = { rows: bigRows, ms: big.ms, rssKiB: big.rssKiB, ...bigVol };
  }

  // Targets.
  log();
  loadLine("end");
  log("targets:");
  if (results.html) {
    const h = results.html;
    target("--format html <= 2x the JSON check's wall", h.ratio <= 2, `${h.ratio.toFixed(2)}x (${secs(h.ms)} vs ${secs(h.jsonMs)})`);
  } else target("--format html <= 2x the JSON check's wall", null, `skipped: ${htmlWhy}`);
  // Issue 18: ahr on one thread <= 1.5x DuckDB's wall (DuckDB with its default threads).
  if (duck) target("TSV path <= 1.5x DuckDB wall time", tsv.ms <= 1.5 * duck.ms, `${(tsv.ms / duck.ms).toFixed(2)}x (${secs(tsv.ms)} vs ${secs(duck.ms)})`);
  else target("TSV path <= 1.5x DuckDB wall time", null, `skipped: ${duckWhy}`);
  if (results.csv) {
    const c = results.csv;
    target("CSV path <= 0.5x csv-parse bare parse", c.ratio <= 0.5, `${c.ratio.toFixed(2)}x (${secs(c.ms)} vs ${secs(c.bareMs)}; cpu ${c.cpuRatio.toFixed(2)}x)`);
  } else target("CSV path <= 0.5x csv-parse bare parse", null, "skipped: --no-csv");
  const at = opts.rows === 1_000_000 ? "" : ` (measured at ${int(opts.rows)} rows; the target is for 1,000,000)`;
  target("peak RSS <= 200 MiB at 1M rows", tsv.rssKiB <= 200 * 1024, `${mib(tsv.rssKiB)}${at}`);
  if (results.big) {
    const r = results.big.rssKiB / tsv.rssKiB;
    target("peak RSS at 5x rows <= 1.3x the 1x figure", r <= 1.3, `${r.toFixed(2)}x (${mib(results.big.rssKiB)} vs ${mib(tsv.rssKiB)})`);
  } else target("peak RSS at 5x rows <= 1.3x the 1x figure", null, "skipped: pass --big or BENCH_BIG=1 (generates 5x the rows, takes a few minutes)");
  joinTargets(joined);
  trendTargets(results.trend);
  startupTargets(ver);
  for (const t of targets) log(`  ${t.pass === null ? "SKIP" : t.pass ? "PASS" : "FAIL"}  ${pad(t.name, 44)} ${t.detail}`);
  results.targets = targets;

  writeFileSync(join(dir, "results.json"), JSON.stringify(results, null, 2) + "\n");
  log();
  log(`results written to ${join(dir, "results.json")}`);
}

main().catch((e) => {
  if (e instanceof RunFailed) note(`bench: ${e.message}`);
  else note(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 2;
});

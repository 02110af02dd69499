#!/usr/bin/env node
/**
 * The many-accounts bench (issue 16), part of `npm run bench` (alone: `npm run bench:accounts`).
 * A report, not a test: it prints the figures and PASS/FAIL against the issue's targets and exits
 * 0 whatever they are (non-zero only when a run itself failed).
 *
 *   node bench/accounts.js [--accounts 500] [--orders 5000] [--reports 1000] [--runs 3]
 *                          [--batch-jobs 1,2] [--regen]
 *
 * Data (os.tmpdir()/ahr-bench-accounts, reused while the parameters match):
 * - VARIANTS distinct small accounts, each an All Orders TSV of about --orders orders (x 1.286 item
 *   rows) over 200 days plus its feedback and messages (bench/generate.js with its own seed);
 * - accounts/: --accounts folders account-0001 ..., each holding hard links to one variant's files
 *   (so 500 accounts cost the disk of 10), and one broken account (an orders file without its
 *   purchase-date column) that ahr batch must report and step over;
 * - reports/: --reports JSON reports as `ahr check --format json` writes them (the variants'
 *   reports under account names), 2% of them dated 5 days back (stale), one that is not JSON and
 *   one of schemaVersion 2.
 *
 * Figures: `ahr rollup reports/` (wall, median of --runs; peak RSS; target < 2 s and < 150 MiB);
 * `ahr --version` and `ahr check` of one account as a process (median of 10: the per-process cost
 * a nightly run of one process per account pays, with the sizing rule accounts x cost / cores);
 * `ahr batch accounts/ --out DIR --jobs N` for each N of --batch-jobs (one run each; target < 30 s
 * for 500 accounts of 5,000 orders, judged on the last N), wall and CPU time with the load average:
 * the machine may be shared, and CPU time is what a busy machine does not inflate.
 */
import { spawn } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_AS_OF, FILES, argValue, generate } from "./generate.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const AHR = join(ROOT, "bin", "ahr.js");
const TIME = "/usr/bin/time";
const MiB = 1024 * 1024;
const VARIANTS = 10;
const DATA_VERSION = 2;
const DAYS = 200;
/** Item rows per order in generate.js's data (1M rows hold ~778k orders). */
const ROWS_PER_ORDER = 1.286;

const log = (s = "") => process.stdout.write(s + "\n");
const note = (s) => process.stderr.write(s + "\n");
const pad = (s, n) => String(s).padEnd(n);
const int = (n) => Math.round(n).toLocaleString("en-US");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function options(argv) {
  const num = (name, fallback) => {
    const v = Number(String(argValue(argv, name, String(fallback))).replace(/[_,]/g, ""));
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
    return v;
  };
  return {
    accounts: num("--accounts", 500),
    orders: num("--orders", 5000),
    reports: num("--reports", 1000),
    runs: num("--runs", 3),
    batchJobs: String(argValue(argv, "--batch-jobs", "1,2")).split(",").map((x) => Number(x)).filter((x) => Number.isInteger(x) && x >= 1),
    regen: argv.includes("--regen"),
    asOf: DEFAULT_AS_OF,
  };
}

// ------------------------------------------------------------------ data

const accountName = (i) => `account-${String(i + 1).padStart(4, "0")}`;

async function ensureAccounts(base, o) {
  const manifestFile = join(base, "manifest.json");
  const want = { version: DATA_VERSION, accounts: o.accounts, orders: o.orders, reports: o.reports, asOf: o.asOf };
  if (!o.regen && existsSync(manifestFile)) {
    try {
      const m = JSON.parse(readFileSync(manifestFile, "utf8"));
      if (JSON.stringify(m.params) === JSON.stringify(want)) return { ...m, reused: true };
    } catch {
      /* regenerate */
    }
  }
  rmSync(base, { recursive: true, force: true });
  const t0 = Date.now();
  const variants = [];
  for (let v = 0; v < VARIANTS; v++) {
    const dir = join(base, "variants", `v${v}`);
    const rows = Math.round(o.orders * ROWS_PER_ORDER);
    const m = await generate({ rows, asOf: o.asOf, dir, withCsv: false, rowsPerDay: rows / DAYS, seed: 0x5eed_1600 + v });
    rmSync(join(dir, "manifest.json"));
    variants.push({ dir, orders: m.orders, rows: m.files.ordersTsv.rows });
  }
  const accounts = join(base, "accounts");
  const broken = accountName(Math.floor(o.accounts / 2));
  for (let i = 0; i < o.accounts; i++) {
    const dir = join(accounts, accountName(i));
    mkdirSync(dir, { recursive: true });
    const src = variants[i % VARIANTS].dir;
    for (const f of [FILES.ordersTsv, FILES.feedback, FILES.messages]) linkSync(join(src, f), join(dir, f));
  }
  // The broken account: its orders file lost the purchase-date column (a bad export).
  const bad = join(accounts, broken, FILES.ordersTsv);
  const lines = readFileSync(bad, "utf8").split("\n");
  rmSync(bad);
  writeFileSync(bad, lines.map((l) => l.split("\t").filter((_, k) => k !== 2).join("\t")).join("\n"));

  // Reports: each variant checked once (in process), written under account names.
  const { checkHealth } = await import(pathToFileURL(join(ROOT, "dist", "index.js")).href);
  const docs = [];
  for (const v of variants) docs.push(await checkHealth({ paths: [v.dir], asOf: o.asOf }));
  const reports = join(base, "reports");
  mkdirSync(reports, { recursive: true });
  const staleAsOf = new Date(Date.parse(o.asOf) - 5 * 86_400_000).toISOString().slice(0, 10);
  let bytes = 0;
  for (let i = 0; i < o.reports; i++) {
    const name = accountName(i);
    let text;
    if (i === 7) text = '{"schemaVersion": 1, "asOf": "2026-'; // cut short: not JSON
    else if (i === 8) text = JSON.stringify({ ...docs[i % VARIANTS], schemaVersion: 2, account: name }, null, 2);
    else {
      const doc = { ...docs[i % VARIANTS], account: name };
      if (i % 50 === 3) doc.asOf = staleAsOf;
      text = JSON.stringify(doc, null, 2) + "\n";
    }
    bytes += Buffer.byteLength(text);
    writeFileSync(join(reports, `${name}.json`), text);
  }
  const manifest = {
    params: want,
    variants: variants.map((v) => ({ orders: v.orders, rows: v.rows })),
    broken,
    reportBytes: bytes,
    seconds: (Date.now() - t0) / 1000,
  };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
  return { ...manifest, reused: false };
}

// ------------------------------------------------------------------ measuring

function runOnce(args, scratch, okCodes = [0, 1]) {
  const rssFile = join(scratch, "rss");
  rmSync(rssFile, { force: true });
  const haveTime = existsSync(TIME);
  const [cmd, cmdArgs] = haveTime
    ? [TIME, ["-f", "%M %U %S", "-o", rssFile, process.execPath, AHR, ...args]]
    : [process.execPath, [join(HERE, "maxrss.js"), rssFile, AHR, ...args]];
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
      let rssKiB = NaN;
      let cpuMs = NaN;
      try {
        const [rss, user, sys] = readFileSync(rssFile, "utf8").trim().split("\n").pop().split(" ");
        rssKiB = Number(rss);
        cpuMs = (Number(user) + Number(sys)) * 1000;
      } catch {
        /* no figure */
      }
      resolve({ ms, rssKiB, cpuMs, code: signal === null ? code : -1, ok: signal === null && okCodes.includes(code), stdout, stderr });
    });
  });
}

async function measure(args, runs, scratch, okCodes) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(args, scratch, okCodes);
    if (!r.ok) return { ...r, failed: true };
    results.push(r);
  }
  return {
    ms: median(results.map((r) => r.ms)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    rssKiB: Math.max(...results.map((r) => r.rssKiB)),
    code: results[0].code,
    stdout: results[0].stdout,
    stderr: results[0].stderr,
    failed: false,
  };
}

/** Whether this build has the command (listed in `ahr --help`). */
async function hasCommand(name, scratch) {
  const r = await runOnce(["--help"], scratch, [0]);
  return r.ok && new RegExp(`^  ${name}\\b`, "m").test(r.stdout);
}

// ------------------------------------------------------------------ main

async function main() {
  const o = options(process.argv.slice(2));
  const base = join(tmpdir(), "ahr-bench-accounts");
  const scratch = join(base, "scratch");
  const data = await ensureAccounts(base, o);
  mkdirSync(scratch, { recursive: true });
  const cores = availableParallelism();
  const results = { params: data.params, cores, node: process.version };
  const targets = [];
  const target = (name, pass, detail) => targets.push({ name, pass, detail });

  log(`ahr many-accounts benchmark: ${int(o.accounts)} accounts of ~${int(o.orders)} orders, ${int(o.reports)} reports`);
  log(`data ${data.reused ? "reused from" : `generated (${data.seconds.toFixed(1)} s) in`} ${base}`);
  log(`  ${VARIANTS} distinct accounts (${data.variants.map((v) => int(v.orders)).join(", ")} orders; ${int(data.variants[0].rows)} rows each), hard-linked into ${int(o.accounts)} folders; broken: ${data.broken}`);
  log(`  reports: ${int(o.reports)} files, ${(data.reportBytes / MiB).toFixed(1)} MiB (2% stale, 1 not JSON, 1 schemaVersion 2)`);
  log(`node ${process.version}; ${cores} cores; load average ${loadavg()[0].toFixed(2)}; wall = median of ${o.runs} unless said`);
  log();

  // 1. the roll-up of --reports reports
  if (await hasCommand("rollup", scratch)) {
    const r = await measure(["rollup", join(base, "reports")], o.runs, scratch, [2]);
    if (r.failed) throw new Error(`ahr rollup failed (exit ${r.code}):\n${r.stderr.slice(-2000)}`);
    // The summary: the last paragraph, its wrapped lines joined again.
    const last = r.stdout.trimEnd().split("\n\n").pop().replace(/\n {2}/g, " ");
    log(`${pad(`ahr rollup (${int(o.reports)} reports)`, 40)} ${(r.ms / 1000).toFixed(2)} s, peak RSS ${(r.rssKiB / 1024).toFixed(0)} MiB, exit ${r.code}`);
    log(`  ${last}`);
    results.rollup = { ms: r.ms, rssKiB: r.rssKiB, code: r.code };
    target(`rollup of ${int(o.reports)} reports < 2 s`, r.ms < 2000, `${(r.ms / 1000).toFixed(2)} s`);
    target(`rollup of ${int(o.reports)} reports < 150 MiB`, r.rssKiB / 1024 < 150, `${(r.rssKiB / 1024).toFixed(0)} MiB`);
  } else {
    log("ahr rollup: not in this build (SKIP)");
    target(`rollup of ${int(o.reports)} reports < 2 s`, null, "no rollup command");
  }

  // 2. the per-process cost of one small account
  const one = join(base, "accounts", accountName(0));
  const ver = await measure(["--version"], 10, scratch, [0]);
  const check = await measure(["check", one, "--as-of", o.asOf, "--format", "json"], 10, scratch, [0, 1]);
  if (check.failed) throw new Error(`ahr check failed (exit ${check.code}):\n${check.stderr.slice(-2000)}`);
  log(`${pad("ahr --version (node start + CLI load)", 40)} ${ver.ms.toFixed(0)} ms (median of 10)`);
  log(`${pad(`ahr check, one account (${int(data.variants[0].orders)} orders)`, 40)} ${check.ms.toFixed(0)} ms wall, ${check.cpuMs.toFixed(0)} ms CPU, peak RSS ${(check.rssKiB / 1024).toFixed(0)} MiB (median of 10)`);
  const perProcess = check.ms / 1000;
  log(`  sizing one process per account: accounts x ${perProcess.toFixed(2)} s / cores; ${int(o.accounts)} accounts: ${(o.accounts * perProcess).toFixed(0)} s on 1 core, ${((o.accounts * perProcess) / cores).toFixed(0)} s on ${cores}`);
  results.version = { ms: ver.ms };
  results.check = { ms: check.ms, cpuMs: check.cpuMs, rssKiB: check.rssKiB };

  // 3. every account in one process: one thread (--jobs 1), then --jobs for each of --batch-jobs
  if (await hasCommand("batch", scratch)) {
    results.batch = [];
    for (const jobs of o.batchJobs) {
      const out = join(base, "batch-out");
      rmSync(out, { recursive: true, force: true });
      const load = loadavg()[0];
      const b = await runOnce(["batch", join(base, "accounts"), "--out", out, "--as-of", o.asOf, "--jobs", String(jobs)], scratch, [2]);
      if (!b.ok) throw new Error(`ahr batch failed (exit ${b.code}, expected 2 for the broken account):\n${b.stderr.slice(-2000)}`);
      // Every account leaves NAME.json; the broken one's holds its error instead of a report.
      const files = readdirSync(out).filter((f) => f.endsWith(".json"));
      const reports = files.filter((f) => JSON.parse(readFileSync(join(out, f), "utf8")).metrics !== undefined).length;
      const perAccount = b.ms / o.accounts;
      log(`${pad(`ahr batch --jobs ${jobs} (${int(o.accounts)} accounts)`, 40)} ${(b.ms / 1000).toFixed(1)} s wall, ${(b.cpuMs / 1000).toFixed(1)} s CPU (${(b.cpuMs / o.accounts).toFixed(0)} ms per account), peak RSS ${(b.rssKiB / 1024).toFixed(0)} MiB, exit ${b.code}; load average before ${load.toFixed(2)}`);
      log(`  ${int(reports)} reports + ${int(files.length - reports)} failure written; ${perAccount.toFixed(0)} ms wall per account vs ${check.ms.toFixed(0)} ms as a process (${(check.ms / perAccount).toFixed(1)}x)`);
      results.batch.push({ jobs, ms: b.ms, cpuMs: b.cpuMs, rssKiB: b.rssKiB, code: b.code, reports, files: files.length, load });
      if (jobs === o.batchJobs[o.batchJobs.length - 1]) {
        target(`batch of ${int(o.accounts)} accounts < 30 s (--jobs ${jobs})`, b.ms < 30_000, `${(b.ms / 1000).toFixed(1)} s`);
        target(
          `batch wrote ${int(o.accounts - 1)} reports, listed the broken one`,
          reports === o.accounts - 1 && files.length === o.accounts && b.stdout.includes(data.broken),
          `${int(reports)} reports, ${int(files.length)} files`,
        );
      }
    }
  } else {
    log("ahr batch: not in this build (SKIP)");
    target(`batch of ${int(o.accounts)} accounts < 30 s`, null, "no batch command");
  }

  log();
  log("targets:");
  for (const t of targets) log(`  ${t.pass === null ? "SKIP" : t.pass ? "PASS" : "FAIL"}  ${pad(t.name, 48)} ${t.detail}`);
  writeFileSync(join(base, "results.json"), JSON.stringify(results, null, 2) + "\n");
  log(`results written to ${join(base, "results.json")}`);
}

main().catch((e) => {
  note(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
});

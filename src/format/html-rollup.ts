/**
 * `ahr rollup --format html` (and `ahr batch --format html`): the roll-up of many accounts (SPEC
 * section 12) as one self-contained page, in the style of html.ts: no network and no script (a
 * Content-Security-Policy that allows neither), light and dark, a print layout.
 *
 * One table row per account and marketplace, worst first: status, account, marketplace (when a
 * report has several), as-of date, the AHR estimate, breaches and at-risk counts, every metric
 * worst first (`✖ ODR-MFN 1.80%`), the report file. Under it, each report that is stale or cannot
 * be used with the reason, the notes (accounts named twice, files not read) and the summary.
 * Status is never colour alone: every colour has its symbol and word beside it (`~ stale`,
 * `! failed`, `✖ breach`).
 *
 * Everything goes through html-markup.ts's `html` template (escaped unless it is our markup);
 * texts are capped (TEXT_LIMIT), so a hostile account name or error stays one short, inert line.
 * It does not import html.ts: that module loads the chart code, which a roll-up does not need.
 */
import type { Rollup, RollupRow, RollupState } from "../report/rollup.js";
import { html, pageHead, type Markup } from "./html-markup.js";
import { metricTokens, problemLines, summaryLine } from "./rollup.js";
import { clip } from "./sanitize.js";
import { BAND_WORD, STATUS_SYMBOL, STATUS_WORD, grouped } from "./words.js";

const TEXT_LIMIT = 200;
const NOTE_LIMIT = 800;
/** Files listed by name under "Not read" before "… and N more". */
const IGNORED_LISTED = 20;

const t = (s: string, max = TEXT_LIMIT): string => clip(s, max);

const STATE_BADGE: Record<Exclude<RollupState, "ok">, { sym: string; word: string }> = {
  stale: { sym: "~", word: "stale" },
  unreadable: { sym: "?", word: "unreadable" },
  other_version: { sym: "?", word: "other version" },
  failed: { sym: "!", word: "failed" },
};

function badge(cls: string, sym: string, word: string): Markup {
  return html`<span class="st st-${cls}"><span class="sym" aria-hidden="true">${sym}</span> ${word}</span>`;
}

function rowBadge(row: RollupRow): Markup {
  if (row.state !== "ok") {
    const b = STATE_BADGE[row.state];
    return badge(row.state, b.sym, b.word);
  }
  const s = row.status ?? "good";
  return badge(s, STATUS_SYMBOL[s], STATUS_WORD[s]);
}

function ahrCell(row: RollupRow): Markup {
  const h = row.accountHealth;
  if (h === null) return html`–`;
  const risk = h.deactivationRisk ? html` <span class="muted">(deactivation risk)</span>` : "";
  return html`<strong>${grouped(h.score)}</strong> ${badge(h.status, STATUS_SYMBOL[h.status], BAND_WORD[h.band as keyof typeof BAND_WORD] ?? t(h.band, 40))}${risk}`;
}

function metricsCell(row: RollupRow): Markup {
  if (row.state !== "ok" && row.state !== "stale") return html``;
  const tokens = metricTokens(row.metrics);
  return html`<ul class="metrics">${row.metrics.map(
    (m, i) => html`<li class="m m-${m.status}">${t(tokens[i]!, 80)}</li>`,
  )}</ul>`;
}

function table(r: Rollup): Markup {
  const hasMarketplace = r.rows.some((x) => x.marketplace !== null);
  const rows = r.rows.map(
    (row) => html`<tr class="row-${row.state === "ok" ? (row.status ?? "good") : row.state}" data-account="${t(row.account)}" data-state="${row.state}" data-exit="${row.exitCode}">
<td>${rowBadge(row)}</td><th scope="row" class="account">${t(row.account)}</th>${hasMarketplace ? html`<td>${row.marketplace === null ? "–" : t(row.marketplace, 40)}</td>` : ""}<td class="dates">${row.asOf === null ? "–" : t(row.asOf, 20)}${row.state === "stale" ? html` <span class="muted">(${grouped(row.ageDays ?? 0)} days old)</span>` : ""}</td><td class="num">${ahrCell(row)}</td><td class="num">${row.state === "ok" || row.state === "stale" ? `${grouped(row.breaches)} / ${grouped(row.atRisk)}` : "–"}</td><td>${metricsCell(row)}</td><td class="src">${row.source === null ? "–" : html`<code>${t(row.source)}</code>`}</td><td class="num">${row.exitCode}</td></tr>
`,
  );
  return html`<section id="accounts">
<h2>Accounts, worst first</h2>
<div class="scroll"><table class="rollup">
<thead><tr><th scope="col">Status</th><th scope="col">Account</th>${hasMarketplace ? html`<th scope="col">Marketplace</th>` : ""}<th scope="col">As of</th><th scope="col" class="num">AHR</th><th scope="col" class="num">Breaches / at risk</th><th scope="col">Metrics (worst first)</th><th scope="col">Report</th><th scope="col" class="num">Exit</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
</section>`;
}

function problemsSection(r: Rollup): Markup {
  const lines = problemLines(r);
  if (lines.length === 0) return html``;
  return html`<section id="problems">
<h2>Not current or not usable</h2>
<ul class="problems">${lines.map((l) => html`<li>${t(l, NOTE_LIMIT)}</li>`)}</ul>
</section>`;
}

function notesSection(r: Rollup): Markup {
  const items: Markup[] = r.duplicates.map((d) => {
    const who = d.marketplace === null ? d.account : `${d.account} (${d.marketplace})`;
    return html`<li>${t(who)} is named by ${d.sources.length} reports: ${d.sources.slice(0, IGNORED_LISTED).map((s, i) => html`${i > 0 ? ", " : ""}<code>${t(s)}</code>`)}; each is listed</li>`;
  });
  if (r.ignored.length > 0) {
    const more = r.ignored.length > IGNORED_LISTED ? ` and ${grouped(r.ignored.length - IGNORED_LISTED)} more` : "";
    items.push(html`<li>Not read: ${r.ignored.slice(0, IGNORED_LISTED).map((f, i) => html`${i > 0 ? ", " : ""}<code>${t(f)}</code>`)}${more}</li>`);
  }
  if (items.length === 0) return html``;
  return html`<section id="notes">
<h2>Notes</h2>
<ul>${items}</ul>
</section>`;
}

export function formatRollupHtml(r: Rollup): string {
  const worst = r.rows[0];
  const head = worst === undefined ? html`no accounts` : rowBadge(worst);
  const headText =
    worst === undefined
      ? "no accounts"
      : worst.state === "ok"
        ? `${STATUS_SYMBOL[worst.status ?? "good"]} ${STATUS_WORD[worst.status ?? "good"]}`
        : `${STATE_BADGE[worst.state].sym} ${STATE_BADGE[worst.state].word}`;
  const files = new Set(r.rows.map((x) => x.source).filter((s) => s !== null)).size;
  const newest = r.newestAsOf === null ? "no usable report" : html`newest as of <strong>${r.newestAsOf}</strong>`;
  return html`<!doctype html>
<html lang="en">
${pageHead(html`ahr rollup: ${grouped(r.summary.accounts)} ${r.summary.accounts === 1 ? "account" : "accounts"}, worst ${headText}`, r.tool.version, CSS)}
<body>
<main>
<header>
<h1>Accounts: ${head}</h1>
<p class="lead">${grouped(files)} ${files === 1 ? "report" : "reports"} · ${newest} · a report more than ${r.staleAfterDays} ${r.staleAfterDays === 1 ? "day" : "days"} older is stale</p>
<p class="summary">${summaryLine(r)}</p>
</header>
${table(r)}
${problemsSection(r)}
${notesSection(r)}
<footer><p class="muted">Made by ahr ${r.tool.version}, offline, from the JSON reports only. Exit code: 0 every report current and passing, 1 an account failed its gate, 2 a report is stale, unreadable, of another version, or an account's check failed.</p></footer>
</main>
</body>
</html>
`.text;
}

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--rule:#d1d9e0;--panel:#f6f8fa;
--good:#1a7f37;--risk:#9a6700;--breach:#cf222e;--nodata:#6e7781;--problem:#8250df}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--rule:#3d444d;--panel:#151b23;
--good:#3fb950;--risk:#d29922;--breach:#f85149;--nodata:#9198a1;--problem:#ab7df8}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
main{max-width:1400px;margin:0 auto;padding:20px 24px 40px}
h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.25em;margin:1.3em 0 .45em;padding-bottom:.2em;border-bottom:1px solid var(--rule)}
.lead{font-size:1.1em;margin:.2em 0}.muted{color:var(--muted)}.summary{margin:.2em 0;font-weight:600}
code{font:12px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
table{border-collapse:collapse;margin:.4em 0}
th,td{padding:4px 10px 4px 0;text-align:left;vertical-align:top;border-bottom:1px solid var(--rule)}
thead th{font-weight:600;border-bottom:2px solid var(--rule)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.dates{white-space:nowrap;font-variant-numeric:tabular-nums}
th.account{font-weight:600;overflow-wrap:anywhere;max-width:22em}
.scroll{overflow-x:auto}
.st{display:inline-block;white-space:nowrap;font-weight:600;padding:0 6px;border-radius:4px;border:1px solid currentColor}
.st-good{color:var(--good)}.st-at_risk{color:var(--risk)}.st-breach{color:var(--breach)}
.st-stale,.st-unreadable,.st-other_version,.st-failed{color:var(--problem)}
ul.metrics{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 12px}
li.m{white-space:nowrap;font-variant-numeric:tabular-nums}
.m-breach{color:var(--breach);font-weight:600}.m-at_risk{color:var(--risk);font-weight:600}.m-no_data{color:var(--nodata)}
ul.problems li{margin:.3em 0}
footer{margin-top:2em}
@page{size:A4 landscape;margin:10mm}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#444;--rule:#bbb;--panel:#f3f3f3;--good:#1a7f37;--risk:#8a5a00;--breach:#c0001a;--nodata:#555;--problem:#5a2ca0}
html,body{background:#fff;color:#000}body{font-size:9pt}main{max-width:none;padding:0}
tr,li{break-inside:avoid}.scroll{overflow:visible}h2{break-after:avoid}
code{font-size:8pt}
}
`;

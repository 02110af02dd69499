/**
 * `--format html` (SPEC section 11, issue 15): the report of section 4 as one self-contained
 * page, for a mail, a CI artifact, a client. No network (a Content-Security-Policy that allows
 * no request and no script), no script needed: the charts are inline SVG drawn here
 * (html-chart.ts), the hover figures are SVG <title>s.
 *
 * Layout: the header (status, as-of day, zone, inputs); the metric table, each row linking to
 * its chart; a chart per metric row (channel and window) of the rate on each replayed as-of day
 * (the trends the caller computed, as `ahr trend` does); the AHR estimate with what made it;
 * each breach and at-risk row in a sentence with its drop-off dates and clearsOn; the rows
 * without data and why; the offenders per row; the orders to ship now (overdue, due today); the
 * notes. Status is never colour alone (a symbol and a word beside every colour); light and dark
 * follow `prefers-color-scheme`; the print style sheet lays it out on A4 in light colours.
 *
 * Every value goes into the page through html-markup.ts's `html` template, which escapes it
 * (escapeHtml) unless it is markup we made. Lists are capped (HTML_LIST_LIMIT offenders per list,
 * TEXT_LIMIT characters per cell), so the page stays small whatever the inputs.
 */
import { METRICS } from "../catalog.js";
import type { TrendReport, TrendSeries } from "../report/trend.js";
import type { AccountHealth, MetricRow, Offender, Report, Status } from "../report/types.js";
import {
  BAND_WORD,
  STATUS_SYMBOL,
  STATUS_WORD,
  changeText,
  deactivationLines,
  deductionLine,
  dropOffText,
  grouped,
  inputTexts,
  noDataLines,
  percent,
  ratio,
  rowLabel,
  rowSentence,
  shortPercent,
  summaryText,
  targetText,
} from "./words.js";
import { chartSvg } from "./html-chart.js";
import { html, pageHead, raw, type Markup } from "./html-markup.js";
import { clip, showName } from "./sanitize.js";
import type { FormatContext } from "./types.js";

/** Offenders and attention items shown per list before "… and N more". */
export const HTML_LIST_LIMIT = 100;
/** No single piece of file text gets more than this many characters on the page. */
const TEXT_LIMIT = 200;
const NOTE_LIMIT = 800;
/** A caption names at most this many crossings of the target (the last ones). */
const CROSSINGS_LISTED = 4;

const t = (s: string, max = TEXT_LIMIT): string => clip(s, max);

function badge(status: Status, word: string = STATUS_WORD[status]): Markup {
  return html`<span class="st st-${status}"><span class="sym" aria-hidden="true">${STATUS_SYMBOL[status]}</span> ${word}</span>`;
}

/** The anchor of a metric row's chart: "chart-odr-mfn-60". */
export function chartId(row: Pick<MetricRow, "id" | "channel" | "windowDays" | "marketplace">): string {
  const base = `chart-${row.id}-${row.channel}-${row.windowDays}`;
  // Two or more marketplaces: "chart-odr-mfn-60-amazon-ca" (an id of letters, digits and '-').
  return row.marketplace === undefined ? base : `${base}-${row.marketplace.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

function channelText(channel: MetricRow["channel"]): string {
  return channel === "all" ? "all" : channel.toUpperCase();
}

function header(report: Report): Markup {
  const s = report.summary;
  return html`<header>
<h1>Account health${report.account === undefined ? "" : html` of <span class="account">${t(report.account, 60)}</span>`}: ${badge(s.status)}</h1>
<p class="lead">As of <strong>${report.asOf}</strong> (${t(report.timeZone)}) · ${summaryText(s)}</p>
<p class="muted">${inputTexts(report).map((x) => t(x)).join(" · ")}</p>
${configLine(report.configFile)}
</header>`;
}

/** "Config file: PATH" (named so it can be found again: showName escapes, removes nothing). */
function configLine(file: string | null): Markup {
  return file === null ? html`` : html`<p class="muted config">Config file: <code>${showName(file)}</code></p>`;
}

function inputsSection(report: Report): Markup {
  if (report.inputs.length === 0) return html``;
  return html`<section id="inputs">
<h2>Inputs</h2>
<div class="scroll"><table class="inputs">
<thead><tr><th scope="col">Input</th><th scope="col">Files</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Records</th><th scope="col" class="num">Skipped</th><th scope="col" class="num">Unmatched</th><th scope="col" class="num">Duplicates</th></tr></thead>
<tbody>${report.inputs.map(
    (i) => html`<tr><td>${i.kind}</td><td class="files">${i.files.map((f, n) => html`${n > 0 ? ", " : ""}<code>${t(f)}</code>`)}</td><td class="num">${grouped(i.rows)}</td><td class="num">${grouped(i.records)}</td><td class="num">${grouped(i.skipped)}</td><td class="num">${grouped(i.unmatched)}</td><td class="num">${grouped(i.duplicates)}</td></tr>
`,
  )}</tbody>
</table></div>
${skippedList(report)}
</section>`;
}

/** The first skipped rows of each input (with --skip-invalid): "orders.txt:12: ...". */
function skippedList(report: Report): Markup {
  const items = report.inputs.flatMap((i) =>
    i.skippedRows.slice(0, 10).map((r) => html`<li><code>${t(`${r.file}:${r.line}`)}</code> ${t(r.message, NOTE_LIMIT)}</li>`),
  );
  if (items.length === 0) return html``;
  return html`<h3>Skipped rows (the first few of each input)</h3><ul class="skipped">${items}</ul>`;
}

function metricTable(report: Report, charted: ReadonlySet<MetricRow>): Markup {
  if (report.metrics.length === 0) return html`<section id="metrics"><h2>Metrics</h2><p>No metric is enabled.</p></section>`;
  const rows = report.metrics.map((row) => {
    const label = rowLabel(row);
    const name = charted.has(row) ? html`<a href="#${chartId(row)}">${label}</a>` : html`${label}`;
    const market = row.marketplace === undefined ? html`` : html` data-marketplace="${row.marketplace}"`;
    return html`<tr class="row-${row.status}" data-metric="${row.id}" data-channel="${row.channel}" data-window="${row.windowDays}"${market}>
<th scope="row">${name}</th><td class="name">${METRICS[row.id].name}</td><td>${channelText(row.channel)}</td><td class="dates">${row.window.from} – ${row.window.to}</td><td class="num">${percent(row.rate)}</td><td class="num">${targetText(row)}</td><td>${badge(row.status)}</td><td class="num">${ratio(row)}</td><td class="num">${row.headroom === null ? "–" : grouped(row.headroom)}</td><td class="num">${changeText(row)?.replace(/ vs the .*$/, "") ?? "–"}</td></tr>
`;
  });
  return html`<section id="metrics">
<h2>Metrics</h2>
<div class="scroll"><table class="metrics">
<thead><tr><th scope="col">Metric</th><th scope="col" class="name">Name</th><th scope="col">Channel</th><th scope="col">Window</th><th scope="col" class="num">Rate</th><th scope="col" class="num">Target</th><th scope="col">Status</th><th scope="col" class="num">n/d</th><th scope="col" class="num">Headroom</th><th scope="col" class="num">vs previous</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<p class="muted">n/d: bad items over all items (for ≥ metrics, good items over all items). Headroom: how many more bad items the window can take before it breaches.</p>
</section>`;
}

/** What a chart's caption says about its crossings: "breached on 2026-10-05; back within target on 2026-11-02". */
function crossingText(s: TrendSeries): string {
  if (s.crossings.length === 0) {
    const last = s.points[s.points.length - 1];
    return last?.status === "breach" ? "In breach on every day shown." : "No crossing of the target in these days.";
  }
  const word = (c: TrendSeries["crossings"][number]): string =>
    c.status === "breach" ? `✖ breached on ${c.asOf}` : `✔ back within target on ${c.asOf}`;
  if (s.crossings.length <= CROSSINGS_LISTED) return `${s.crossings.map(word).join("; ")}.`;
  const tail = s.crossings.slice(-CROSSINGS_LISTED).map(word).join("; ");
  return `${s.crossings.length} crossings of the target; the last ${CROSSINGS_LISTED}: ${tail}.`;
}

function counts(s: TrendSeries): { breach: number; atRisk: number; noData: number } {
  let breach = 0;
  let atRisk = 0;
  let noData = 0;
  for (const p of s.points) {
    if (p.status === "breach") breach++;
    else if (p.status === "at_risk") atRisk++;
    else if (p.status === "no_data") noData++;
  }
  return { breach, atRisk, noData };
}

interface ChartSpec {
  id: string;
  label: string;
  status: Status | null;
  trend: TrendReport;
  series: TrendSeries;
}

function figure(c: ChartSpec): Markup {
  const { trend, series } = c;
  const n = counts(series);
  const first = series.points[0]?.asOf ?? trend.asOf;
  const tally = [
    `${n.breach} ${n.breach === 1 ? "breach day" : "breach days"} (✖)`,
    `${n.atRisk} at-risk ${n.atRisk === 1 ? "day" : "days"} (▲)`,
    ...(n.noData > 0 ? [`${n.noData} ${n.noData === 1 ? "day" : "days"} without data (gap)`] : []),
  ].join(", ");
  const svg = chartSvg({
    label: c.label,
    condition: trend.condition,
    target: trend.target,
    warnAt: trend.warnAt,
    points: series.points,
    crossings: series.crossings,
  });
  return html`<figure class="chart" id="${c.id}" data-metric="${trend.metric}" data-channel="${series.channel}" data-window="${trend.windowDays}">
<h3>${c.label} ${c.status === null ? "" : badge(c.status)}</h3>
${raw(svg)}
<figcaption>${trend.name}, ${trend.windowDays}-day window${trend.lagDays > 0 ? ` ending ${trend.lagDays} days before each day` : ""}, on each as-of day ${first} – ${trend.asOf}. Target ${targetText(trend)} (solid line), warning at ${shortPercent(trend.warnAt)} (dashed line). ${tally}. ${crossingText(series)}</figcaption>
</figure>
`;
}

/** The trend series behind a metric row: same metric, window and channel. */
function seriesFor(row: MetricRow, trends: readonly TrendReport[]): { trend: TrendReport; series: TrendSeries } | null {
  for (const trend of trends) {
    if (trend.metric !== row.id || trend.windowDays !== row.windowDays) continue;
    const series = trend.series.find((s) => s.channel === row.channel && s.marketplace === row.marketplace);
    if (series) return { trend, series };
  }
  return null;
}

function chartsSection(specs: readonly ChartSpec[]): Markup {
  if (specs.length === 0) return html``;
  const days = specs[0]!.trend.days;
  return html`<section id="charts">
<h2>Rates over the last ${days} as-of days</h2>
<p class="muted legend"><span class="key key-rate" aria-hidden="true"></span> rate on each as-of day · <span class="key key-target" aria-hidden="true"></span> target · <span class="key key-warn" aria-hidden="true"></span> warning point · <span class="ahr-breach-sym">✖</span> breach day · <span class="ahr-risk-sym">▲</span> at-risk day · each figure is what <code>ahr check --as-of</code> said that day.</p>
<div class="charts">
${specs.map(figure)}</div>
</section>`;
}

function ahrBlock(h: AccountHealth): Markup {
  const bandStatus: Status = h.band === "healthy" ? "good" : h.band === "at_risk" ? "at_risk" : "breach";
  const points = h.deductions.reduce((n, x) => n + x.points, 0);
  const made = h.critical
    ? html`<p>A critical violation is open, which sets the score to 0.</p>`
    : html`<table class="ahr-sum"><tbody>
<tr><th scope="row">Baseline</th><td class="num">${grouped(h.baseline)}</td></tr>
<tr><th scope="row">Volume bonus (${grouped(h.orders180d)} orders in 180 days)</th><td class="num">+${grouped(h.volumeBonus)}</td></tr>
<tr><th scope="row">Open violations</th><td class="num">−${grouped(points)}</td></tr>
<tr class="total"><th scope="row">Score</th><td class="num">${grouped(h.score)}</td></tr>
</tbody></table>`;
  const extra = [...h.deductions.map(deductionLine), ...deactivationLines(h)];
  return html`<section ${h.marketplace === undefined ? html`id="ahr"` : html`class="ahr" data-marketplace="${h.marketplace}"`}>
<h2>Account Health Rating (estimate)${h.marketplace === undefined ? "" : html`, ${t(h.marketplace)}`}</h2>
<p class="score"><strong>${grouped(h.score)}</strong> ${badge(bandStatus, BAND_WORD[h.band])}</p>
${made}
${extra.length > 0 ? html`<ul>${extra.map((l) => html`<li>${t(l, NOTE_LIMIT)}</li>`)}</ul>` : ""}
</section>`;
}

/** The AHR estimate; with two or more marketplaces (SPEC 9.3), each one's. */
function ahrSection(report: Report): Markup {
  return html`${(report.marketplaces?.map((m) => m.accountHealth) ?? [report.accountHealth]).map(ahrBlock)}`;
}

function offenderTable(items: readonly Offender[], caption: string): Markup {
  const more = items.length > HTML_LIST_LIMIT ? html`<p class="muted">… and ${grouped(items.length - HTML_LIST_LIMIT)} more (all of them are in <code>ahr check --details --format json</code>).</p>` : "";
  return html`<table class="offenders"><caption>${caption}</caption>
<thead><tr><th scope="col">Order</th><th scope="col">Date</th><th scope="col">Reason</th><th scope="col">Source</th></tr></thead>
<tbody>${items.slice(0, HTML_LIST_LIMIT).map(
    (o) => html`<tr><td class="id"><code>${t(o.orderId ?? o.messageId ?? "(no id)")}</code></td><td class="dates">${o.date}</td><td>${t(o.reason)}</td><td class="src"><code>${t(o.source)}</code></td></tr>
`,
  )}</tbody></table>${more}`;
}

function findingsSection(report: Report): Markup {
  const items = report.metrics.flatMap((row) => {
    const sentence = rowSentence(row);
    if (sentence === null) return [];
    const drops = dropOffText(row);
    const f = row.forecast;
    const forecast = f === undefined
      ? ""
      : html`<dl class="forecast"><dt>Clears on</dt><dd>${f.clearsOn ?? "not by old items leaving the window alone"}</dd>${
          f.dropOffs.length > 0 ? html`<dt>Leaving the window</dt><dd>${t(drops ?? "", NOTE_LIMIT).replace(/^leaving the window: /, "")}</dd>` : ""
        }</dl>`;
    return [html`<li class="finding finding-${row.status}">${badge(row.status)} ${t(sentence, 4 * TEXT_LIMIT)}${forecast}</li>
`];
  });
  const noData = noDataLines(report.metrics).map((l) => html`<li class="finding finding-no_data">${badge("no_data")} ${t(l, 4 * TEXT_LIMIT)}</li>
`);
  if (items.length + noData.length === 0) return html`<section id="findings"><h2>Breaches and risks</h2><p>${badge("good")} No breach and nothing at risk.</p></section>`;
  return html`<section id="findings">
<h2>Breaches, risks and gaps</h2>
<ul class="findings">${items}${noData}</ul>
</section>`;
}

function offendersSection(report: Report): Markup {
  const rows = report.metrics.filter((row) => (row.offenders ?? []).length > 0);
  if (rows.length === 0) return html``;
  return html`<section id="offenders">
<h2>Offenders</h2>
${rows.map((row) => {
    const list = row.offenders ?? [];
    const def = METRICS[row.id];
    const count = `${grouped(list.length)} ${list.length === 1 ? def.bad.one : def.bad.many}`;
    return html`<div class="offender-list" data-metric="${row.id}" data-channel="${row.channel}" data-window="${row.windowDays}">
<h3>${rowLabel(row)}: ${count} ${badge(row.status)}</h3>
${offenderTable(list, `${rowLabel(row)}: ${count}`)}
</div>
`;
  })}</section>`;
}

function attentionSection(report: Report): Markup {
  const { overdue, dueToday } = report.attention;
  if (overdue.length + dueToday.length === 0) return html``;
  const n = (k: number): string => `${grouped(k)} order${k === 1 ? "" : "s"}`;
  return html`<section id="attention">
<h2>Orders to ship now</h2>
${overdue.length > 0 ? html`<h3 id="overdue">${badge("breach", "overdue")} ${n(overdue.length)} not shipped, past the latest ship date</h3>${offenderTable(overdue, "Overdue orders")}` : ""}
${dueToday.length > 0 ? html`<h3 id="due-today">${badge("at_risk", "due today")} ${n(dueToday.length)} to ship by the end of ${report.asOf}</h3>${offenderTable(dueToday, "Orders due today")}` : ""}
</section>`;
}

function notesSection(notes: readonly string[]): Markup {
  if (notes.length === 0) return html``;
  return html`<section id="notes">
<h2>Notes</h2>
<ul>${notes.map((note) => html`<li>${t(note, NOTE_LIMIT)}</li>`)}</ul>
</section>`;
}

function page(title: string, body: Markup, version: string, footer: string): string {
  return html`<!doctype html>
<html lang="en">
${pageHead(title, version, CSS)}
<body>
<main>
${body}
<footer><p class="muted">Made by ahr ${version}, offline. ${footer}</p></footer>
</main>
</body>
</html>
`.text;
}

/**
 * The check report as one HTML page. `ctx.trends`: for each metric and window the rows need, the
 * trend over the last N as-of days (report/trend.ts); a row without a matching trend gets no
 * chart.
 */
export function formatHtml(report: Report, ctx?: Pick<FormatContext, "trends">): string {
  const trends = ctx?.trends ?? [];
  const specs: ChartSpec[] = [];
  const charted = new Set<MetricRow>();
  for (const row of report.metrics) {
    const found = seriesFor(row, trends);
    if (found === null) continue;
    charted.add(row);
    specs.push({ id: chartId(row), label: rowLabel(row), status: row.status, ...found });
  }
  const s = report.summary;
  const body = html`${header(report)}
${metricTable(report, charted)}
${chartsSection(specs)}
${ahrSection(report)}
${findingsSection(report)}
${offendersSection(report)}
${attentionSection(report)}
${inputsSection(report)}
${notesSection(report.notes)}`;
  return page(
    `${report.account === undefined ? "" : `${t(report.account, 60)}: `}Account health as of ${report.asOf}: ${STATUS_SYMBOL[s.status]} ${STATUS_WORD[s.status]}`,
    body,
    report.tool.version,
    "Rates are fractions of each window's items, shown as percentages; the Account Health Rating is an estimate.",
  );
}

/** `ahr trend METRIC --format html`: the one metric's chart (one per channel) and its figures. */
export function formatTrendHtml(trend: TrendReport): string {
  const short = METRICS[trend.metric].short;
  const channels = new Set(trend.series.map((s) => s.channel)).size;
  const specs: ChartSpec[] = trend.series.map((series) => ({
    id: chartId({ id: trend.metric, channel: series.channel, windowDays: trend.windowDays, ...(series.marketplace !== undefined ? { marketplace: series.marketplace } : {}) }),
    label: `${series.marketplace === undefined ? "" : `${series.marketplace} `}${short}${channels > 1 ? ` (${series.channel.toUpperCase()})` : ""} ${trend.windowDays}d`,
    status: series.points[series.points.length - 1]?.status ?? null,
    trend,
    series,
  }));
  const first = trend.series[0]?.points[0]?.asOf ?? trend.asOf;
  const body = html`<header>
<h1>${trend.name}: ${trend.days} as-of days</h1>
<p class="lead">${first} – <strong>${trend.asOf}</strong> (${t(trend.timeZone)}) · target ${targetText(trend)}, warning at ${shortPercent(trend.warnAt)}</p>
${configLine(trend.configFile)}
</header>
<div class="charts">
${specs.map(figure)}</div>`;
  return page(
    `ahr trend: ${trend.name} to ${trend.asOf}`,
    body,
    trend.tool.version,
    "Each day's rate is what ahr check --as-of said that day.",
  );
}

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--rule:#d1d9e0;--panel:#f6f8fa;
--good:#1a7f37;--risk:#9a6700;--breach:#cf222e;--nodata:#6e7781;--rate:#0969da;--target:#cf222e;--warn:#9a6700}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--rule:#3d444d;--panel:#151b23;
--good:#3fb950;--risk:#d29922;--breach:#f85149;--nodata:#9198a1;--rate:#4493f8;--target:#f85149;--warn:#d29922}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
main{max-width:1240px;margin:0 auto;padding:20px 24px 40px}
h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.25em;margin:1.3em 0 .45em;padding-bottom:.2em;border-bottom:1px solid var(--rule)}
h3{font-size:1em;margin:.2em 0 .4em}
.lead{font-size:1.1em;margin:.2em 0}.muted{color:var(--muted)}
code{font:12px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
table{border-collapse:collapse;margin:.4em 0}
th,td{padding:3px 10px 3px 0;text-align:left;vertical-align:top;border-bottom:1px solid var(--rule)}
thead th{font-weight:600;border-bottom:2px solid var(--rule)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.dates{white-space:nowrap;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0;position:absolute;left:-9999px}
.scroll{overflow-x:auto}
a{color:var(--rate)}
.st{display:inline-block;white-space:nowrap;font-weight:600;padding:0 6px;border-radius:4px;border:1px solid currentColor}
.st-good{color:var(--good)}.st-at_risk{color:var(--risk)}.st-breach{color:var(--breach)}.st-no_data{color:var(--nodata);font-weight:400}
.score strong{font-size:2em;margin-right:.3em}
.ahr-sum tr.total th,.ahr-sum tr.total td{font-weight:700;border-top:2px solid var(--rule)}
ul.findings{list-style:none;padding:0}.finding{margin:.5em 0;padding:.4em .6em;border-left:4px solid var(--rule);background:var(--panel)}
.finding-breach{border-left-color:var(--breach)}.finding-at_risk{border-left-color:var(--risk)}
dl.forecast{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.4em 0 0}dl.forecast dt{font-weight:600}dl.forecast dd{margin:0}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,540px),1fr));gap:18px 28px}
figure.chart{margin:0;padding:10px 12px;border:1px solid var(--rule);border-radius:6px;background:var(--bg)}
figure.chart figcaption{color:var(--muted);font-size:12px}
svg.ahr-plot{display:block;width:100%;height:auto;max-width:100%;overflow:visible;color:var(--fg);font-size:11px}
svg.ahr-plot text{white-space:pre}
.ahr-rate{stroke:var(--rate)}.ahr-last-dot{fill:var(--rate);stroke:none}
.ahr-target{stroke:var(--target)}.ahr-target-label{fill:var(--target)}
.ahr-warn{stroke:var(--warn)}.ahr-warn-label{fill:var(--warn)}
.ahr-breach{stroke:var(--breach);stroke-width:2}.ahr-risk{fill:var(--risk);stroke:none}
.ahr-crossing{stroke:var(--muted)}.ahr-crossing-label{fill:var(--fg)}
.ahr-target-label,.ahr-warn-label,.ahr-last,.ahr-crossing-label{paint-order:stroke;stroke:var(--bg);stroke-width:3px;stroke-linejoin:round}
.ahr-breach-sym{color:var(--breach);font-weight:700}.ahr-risk-sym{color:var(--risk)}
.key{display:inline-block;width:22px;height:0;vertical-align:middle;border-top:2px solid var(--rate)}
.key-target{border-top-color:var(--target)}.key-warn{border-top:2px dashed var(--warn)}
.offender-list{margin-top:1.1em}
footer{margin-top:2em}
@page{size:A4;margin:12mm 11mm}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#444;--rule:#bbb;--panel:#f3f3f3;--good:#1a7f37;--risk:#8a5a00;--breach:#c0001a;--nodata:#555;--rate:#0550ae;--target:#c0001a;--warn:#8a5a00}
html,body{background:#fff;color:#000}body{font-size:9.5pt}main{max-width:none;padding:0}
h2{break-after:avoid}h3{break-after:avoid}
.charts{display:block}figure.chart{break-inside:avoid;margin:0 0 8px;padding:4px 6px}
svg.ahr-plot{max-height:74mm}
tr,li{break-inside:avoid}.scroll{overflow:visible}
table.metrics .name{display:none}th,td{padding:3px 7px 3px 0}td.dates{white-space:normal}
a{color:inherit;text-decoration:none}
code{font-size:8.5pt}
}
`;

/** The trend report as terminal text, JSON or Markdown. */
import { Chalk } from "chalk";
import type { Status } from "../metrics/status.js";
import type { TrendReport, TrendSeries } from "../report/trend.js";
import { escapeMarkdown, showName } from "./sanitize.js";
import type { FormatContext } from "./types.js";

const BARS = "▁▂▃▄▅▆▇█";
const MARK: Record<Status, string> = { good: "·", at_risk: "▲", breach: "✖", no_data: " " };

export function formatTrendJson(trend: TrendReport): string {
  return JSON.stringify(trend, null, 2) + "\n";
}

function pct(rate: number | null): string {
  return rate === null ? "–" : `${(rate * 100).toFixed(2)}%`;
}

function targetText(t: TrendReport): string {
  return `${t.condition === "lt" ? "<" : ">="} ${(t.target * 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}

function channelLabel(t: TrendReport, s: TrendSeries): string {
  const ch = s.channel === "all" ? "" : ` (${s.channel.toUpperCase()})`;
  const market = s.marketplace === undefined ? "" : `${s.marketplace} `;
  return `${market}${t.metric.toUpperCase()}${ch} ${t.windowDays}d`;
}

/** Points grouped so the sparkline fits `cells` columns: each cell shows its bucket's last day. */
function buckets(s: TrendSeries, cells: number) {
  const size = Math.max(1, Math.ceil(s.points.length / cells));
  const out: { rate: number | null; status: Status }[] = [];
  for (let i = 0; i < s.points.length; i += size) {
    const group = s.points.slice(i, i + size);
    const lastPoint = group[group.length - 1]!;
    const worst = group.some((p) => p.status === "breach")
      ? "breach"
      : group.some((p) => p.status === "at_risk")
        ? "at_risk"
        : lastPoint.status;
    out.push({ rate: lastPoint.rate, status: worst });
  }
  return out;
}

/** The sparkline (rate scaled between the lowest and highest of the rates and the target) and a status row beneath. */
export function sparkline(t: TrendReport, s: TrendSeries, cells: number): { bars: string; marks: string; lo: number; hi: number } {
  const cellsData = buckets(s, cells);
  const rates = cellsData.map((c) => c.rate).filter((r): r is number => r !== null);
  const lo = Math.min(t.target, ...rates);
  const hi = Math.max(t.target, ...rates);
  const span = hi - lo;
  const bars = cellsData
    .map((c) => {
      if (c.rate === null) return " ";
      const level = span === 0 ? 0 : Math.round(((c.rate - lo) / span) * (BARS.length - 1));
      return BARS[level]!;
    })
    .join("");
  const marks = cellsData.map((c) => MARK[c.status]).join("");
  return { bars, marks, lo, hi };
}

function crossingSentence(s: TrendSeries): string | null {
  if (s.crossings.length === 0) return null;
  return s.crossings
    .map((c) => (c.status === "breach" ? `breached on ${c.asOf}` : `back within target on ${c.asOf}`))
    .join("; ");
}

/** Every 7th as-of day ending at the last one, oldest first. */
function weekly(s: TrendSeries) {
  const rows = [];
  for (let i = s.points.length - 1; i >= 0; i -= 7) rows.unshift(s.points[i]!);
  return rows;
}

export function formatTrendTable(t: TrendReport, ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const paint: Record<Status, (s: string) => string> = { good: c.green, at_risk: c.yellow, breach: c.red, no_data: c.dim };
  const word: Record<Status, string> = { good: "good", at_risk: "at risk", breach: "breach", no_data: "no data" };
  const lines: string[] = [];
  const first = t.series[0]?.points[0]?.asOf ?? t.asOf;
  lines.push(`ahr trend · ${t.name} · target ${targetText(t)}`);
  lines.push(`${t.days} as-of days, ${first} .. ${t.asOf} (${t.timeZone})`);
  if (t.configFile !== null) lines.push(`config: ${showName(t.configFile)}`);
  for (const s of t.series) {
    const label = channelLabel(t, s);
    const cells = Math.max(10, Math.min(60, ctx.width - 20));
    const { bars, marks, lo, hi } = sparkline(t, s, cells);
    lines.push("");
    lines.push(c.bold(label));
    lines.push(`  ${pct(hi).padStart(7)} ${bars}`);
    lines.push(`  ${pct(lo).padStart(7)} ${marks.split("").map((m) => (m === "✖" ? paint.breach(m) : m === "▲" ? paint.at_risk(m) : m)).join("")}`);
    lines.push(`          (bars: the rate; beneath: ✖ breach, ▲ at risk, · good)`);
    lines.push("");
    lines.push(`  ${"as of".padEnd(10)}  ${"rate".padStart(7)}  ${"count".padStart(11)}  status`);
    for (const p of weekly(s)) {
      const count = p.numerator === null ? "–" : `${p.numerator}/${p.denominator}`;
      lines.push(`  ${p.asOf}  ${pct(p.rate).padStart(7)}  ${count.padStart(11)}  ${paint[p.status](`${MARK[p.status] === " " ? "–" : MARK[p.status]} ${word[p.status]}`)}`);
    }
    const crossing = crossingSentence(s);
    if (crossing) lines.push(`  ${label} ${crossing}.`);
  }
  return lines.join("\n") + "\n";
}

export function formatTrendMarkdown(t: TrendReport): string {
  const lines: string[] = [];
  lines.push(`## ahr trend: ${t.name}, ${t.days} as-of days to ${t.asOf} (${t.timeZone}), target ${targetText(t)}`);
  if (t.configFile !== null) lines.push("", `Config file: ${escapeMarkdown(showName(t.configFile))}`);
  for (const s of t.series) {
    const { bars } = sparkline(t, s, 60);
    lines.push("", `### ${channelLabel(t, s)}`, "", `\`${bars}\``, "", "| as of | rate | count | status |", "|---|---:|---:|---|");
    for (const p of weekly(s)) {
      lines.push(`| ${p.asOf} | ${pct(p.rate)} | ${p.numerator === null ? "–" : `${p.numerator}/${p.denominator}`} | ${p.status} |`);
    }
    const crossing = crossingSentence(s);
    if (crossing) lines.push("", `${channelLabel(t, s)} ${crossing}.`);
  }
  return lines.join("\n") + "\n";
}

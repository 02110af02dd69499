/**
 * The words every human format shares (table and Markdown): labels, percentages, targets, the
 * sentence for a breach or an at-risk row, the previous-window change, the AHR line. Plain text:
 * each formatter cleans (terminal) or escapes (Markdown) the result, since some of it (policy
 * names, reasons) came from files.
 */
import { METRICS } from "../catalog.js";
import type { AccountHealth, MetricRow, Report, Status, Summary } from "../report/types.js";


export const STATUS_SYMBOL: Record<Status, string> = { good: "✔", at_risk: "▲", breach: "✖", no_data: "–" };
export const STATUS_WORD: Record<Status, string> = { good: "good", at_risk: "at risk", breach: "breach", no_data: "no data" };
export const BAND_WORD: Record<AccountHealth["band"], string> = { healthy: "healthy", at_risk: "at risk", unhealthy: "unhealthy" };

/** 1234567 -> "1,234,567". */
export function grouped(n: number): string {
  const sign = n < 0 ? "-" : "";
  const digits = String(Math.abs(Math.trunc(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A fraction as a percentage with two decimals: 0.0125 -> "1.25%"; null -> "–". */
export function percent(rate: number | null): string {
  return rate === null ? "–" : `${(rate * 100).toFixed(2)}%`;
}

/** A configured decimal as a short percentage: 0.01 -> "1%", 0.025 -> "2.5%", 0.976 -> "97.6%". */
export function shortPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(4))}%`;
}

/** "< 1%" or ">= 95%". */
export function targetText(row: Pick<MetricRow, "condition" | "target">): string {
  return `${row.condition === "lt" ? "<" : ">="} ${shortPercent(row.target)}`;
}

/** Whether a metric has rows for more than one channel (then labels name the channel). */
function showsChannel(row: MetricRow): boolean {
  return METRICS[row.id].channels.length > 1;
}

/** "ODR (MFN) 60d", "LSR 10d"; with two or more marketplaces "Amazon.ca ODR (MFN) 60d". */
export function rowLabel(row: MetricRow): string {
  return row.marketplace === undefined ? metricLabel(row) : `${row.marketplace} ${metricLabel(row)}`;
}

/** "ODR (MFN) 60d", "LSR 10d" (never the marketplace: for a table that has its own column). */
export function metricLabel(row: MetricRow): string {
  const channel = showsChannel(row) ? ` (${row.channel.toUpperCase()})` : "";
  return `${METRICS[row.id].short}${channel} ${row.windowDays}d`;
}

/** "ODR 60d": the table's metric cell (the channel has its own column). */
export function tableLabel(row: MetricRow): string {
  return `${METRICS[row.id].short} ${row.windowDays}d`;
}

/** "n/d" or "–". */
export function ratio(row: MetricRow): string {
  return row.numerator === null || row.denominator === null ? "–" : `${grouped(row.numerator)}/${grouped(row.denominator)}`;
}

function plural(n: number, words: { one: string; many: string }): string {
  return `${grouped(n)} ${n === 1 ? words.one : words.many}`;
}

/**
 * The change against the previous window in percentage points, to two decimals with trailing
 * zeros dropped: "+0.4 pt vs the 30 days before", "-1.25 pt ...", "±0 pt ..."; null when either
 * rate is unknown.
 */
export function changeText(row: MetricRow): string | null {
  const prev = row.previous;
  if (row.rate === null || prev === undefined || prev.rate === null) return null;
  const hundredths = Math.round((row.rate - prev.rate) * 10_000);
  const size = Number((Math.abs(hundredths) / 100).toFixed(2));
  const signed = hundredths === 0 ? "±0" : `${hundredths > 0 ? "+" : "-"}${size}`;
  return `${signed} pt vs the ${row.windowDays} days before`;
}

/** How many bad items a row holds (lt: the numerator; gte: denominator - numerator). */
function badCount(row: MetricRow): number {
  if (row.numerator === null || row.denominator === null) return 0;
  return row.condition === "lt" ? row.numerator : row.denominator - row.numerator;
}

/**
 * One sentence for a breached or at-risk row, null for other rows:
 * "ODR (MFN) 60d is 1.25%, a breach of < 1%: 5 defective orders out of 400 orders; clears on
 * 2026-12-03 if no new defective order arrives; +0.4 pt vs the 60 days before"
 * "LSR 10d is 3.30% and at risk (< 4%, warning at 3.2%): room for 6 more late shipments; 7 more
 * and it breaches"
 */
export function rowSentence(row: MetricRow): string | null {
  if (row.status !== "breach" && row.status !== "at_risk") return null;
  const def = METRICS[row.id];
  const parts: string[] = [];
  const label = rowLabel(row);
  const rate = percent(row.rate);
  if (row.status === "breach") {
    const bad = badCount(row);
    parts.push(
      `${label} is ${rate}, a breach of ${targetText(row)}: ${plural(bad, def.bad)} out of ${plural(row.denominator ?? 0, def.unit)}`,
    );
    if (row.forecast !== undefined) {
      parts.push(
        row.forecast.clearsOn !== null
          ? `clears on ${row.forecast.clearsOn} if no new ${def.bad.one} arrives`
          : `does not clear by old ${def.bad.many} leaving the window alone`,
      );
    }
  } else {
    const room = row.headroom ?? 0;
    const head = `${label} is ${rate} and at risk (${targetText(row)}, warning at ${shortPercent(row.warnAt)})`;
    parts.push(
      room === 0
        ? `${head}: the next ${def.bad.one} breaches it`
        : `${head}: room for ${grouped(room)} more ${room === 1 ? def.bad.one : def.bad.many}; ${grouped(room + 1)} more and it breaches`,
    );
  }
  const change = changeText(row);
  if (change !== null) parts.push(change);
  return parts.join("; ");
}

/** "leaving the window: 2026-11-25 (2), 2026-12-01 (1)", capped at `max` days. */
export function dropOffText(row: MetricRow, max = 10): string | null {
  const drops = row.forecast?.dropOffs ?? [];
  if (drops.length === 0) return null;
  const shown = drops.slice(0, max).map((d) => `${d.date} (${d.count})`);
  const more = drops.length > max ? `, … and ${drops.length - max} more days` : "";
  return `leaving the window: ${shown.join(", ")}${more}`;
}

/**
 * no_data rows grouped by metric, channel and reason: "CRT 7d, 30d, 90d: no data (no messages
 * input)"; with two or more marketplaces, the marketplaces of the group after the windows
 * ("LSR 10d, 30d (Amazon.com, Amazon.ca): no data (...)").
 */
export function noDataLines(rows: readonly MetricRow[]): string[] {
  const groups = new Map<string, { row: MetricRow; windows: number[]; marketplaces: string[] }>();
  for (const row of rows) {
    if (row.status !== "no_data") continue;
    const reason = row.reason ?? (row.denominator === 0 ? "nothing in the window" : "no data");
    const key = `${row.id}\u0000${row.channel}\u0000${reason}`;
    const g = groups.get(key) ?? { row, windows: [], marketplaces: [] };
    groups.set(key, g);
    if (!g.windows.includes(row.windowDays)) g.windows.push(row.windowDays);
    if (row.marketplace !== undefined && !g.marketplaces.includes(row.marketplace)) g.marketplaces.push(row.marketplace);
  }
  return [...groups.values()].map(({ row, windows, marketplaces }) => {
    const channel = showsChannel(row) ? ` (${row.channel.toUpperCase()})` : "";
    const reason = row.reason ?? (row.denominator === 0 ? "nothing in the window" : "no data");
    const where = marketplaces.length > 0 ? ` (${marketplaces.join(", ")})` : "";
    return `${METRICS[row.id].short}${channel} ${windows.map((w) => `${w}d`).join(", ")}${where}: no data (${reason})`;
  });
}

/**
 * "Account Health Rating (estimate): 212 healthy — baseline 200 + volume 12 − violations 0";
 * "Account Health Rating (estimate), Amazon.ca: ..." for one marketplace of several.
 */
export function ahrLine(h: AccountHealth): string {
  const of = h.marketplace === undefined ? "" : `, ${h.marketplace}`;
  const head = `Account Health Rating (estimate)${of}: ${h.score} ${BAND_WORD[h.band]}`;
  if (h.critical) return `${head} — a critical violation is open, which sets the score to 0`;
  const points = h.deductions.reduce((n, x) => n + x.points, 0);
  return `${head} — baseline ${h.baseline} + volume ${h.volumeBonus} − violations ${points}`;
}

/** One line per repeat limit reached: "Deactivation risk: 5 intellectual property violations in 180 days (limit 5)". */
export function deactivationLines(h: AccountHealth): string[] {
  return h.repeatLimits
    .filter((r) => r.reached)
    .map((r) => {
      const what = r.category.replace("_", " ");
      return `Deactivation risk: ${r.count} ${what} ${r.count === 1 ? "violation" : "violations"} in 180 days (limit ${r.limit})`;
    });
}

/** "8 points: Listing policy (high, detected 2026-10-01)". */
export function deductionLine(x: AccountHealth["deductions"][number]): string {
  return `−${x.points} ${x.points === 1 ? "point" : "points"}: ${x.policy} (${x.severity}, detected ${x.detectedAt})`;
}

/** "2 breaches, 1 at risk; exit code 1". */
export function summaryText(s: Summary): string {
  return `${s.breaches} ${s.breaches === 1 ? "breach" : "breaches"}, ${s.atRisk} at risk; exit code ${s.exitCode}`;
}

/** "orders 1,234 rows", "orders 1,234 rows (3 skipped)". */
export function inputTexts(report: Report): string[] {
  return report.inputs.map((i) => {
    const extra: string[] = [];
    if (i.skipped > 0) extra.push(`${grouped(i.skipped)} skipped`);
    if (i.unmatched > 0) extra.push(`${grouped(i.unmatched)} unmatched`);
    if (i.duplicates > 0) extra.push(`${grouped(i.duplicates)} duplicate`);
    if (i.excluded !== undefined && i.excluded > 0) extra.push(`${grouped(i.excluded)} excluded`);
    if (i.unattributed !== undefined && i.unattributed > 0) extra.push(`${grouped(i.unattributed)} unattributed`);
    return `${i.kind} ${grouped(i.rows)} ${i.rows === 1 ? "row" : "rows"}${extra.length ? ` (${extra.join(", ")})` : ""}`;
  });
}

export { plural as countOf };

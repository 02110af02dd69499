/**
 * The roll-up of many accounts (SPEC section 12) in each format: table (a terminal, 80 columns),
 * JSON (the Rollup object as built), Markdown (a CI step summary or a mail).
 *
 * Table: a header line; one line per account and marketplace, worst first: status (symbol and
 * word, colour never alone), account, marketplace (only when a report has several), as-of date,
 * the AHR estimate, then the metrics worst first as `✖ ODR-MFN 1.95%` for as many as fit the
 * width and `+N` for the rest. Under the table, one line per report that could not be used or is
 * stale, saying why; then accounts named twice, files not read, and the summary with the exit
 * code. Account names, file names and error texts come from files: cleaned (terminal) or escaped
 * (Markdown) before they are shown.
 */
import { Chalk, type ChalkInstance } from "chalk";
import type { Rollup, RollupMetric, RollupRow, RollupState, RowStatus } from "../report/rollup.js";
import { METRICS } from "../catalog.js";
import { STATUS_SYMBOL, STATUS_WORD, grouped, percent } from "./words.js";
import { jsonText } from "./json.js";
import { clip, cleanText, escapeMarkdown } from "./sanitize.js";
import type { FormatContext } from "./types.js";

const ACCOUNT_WIDTH = 16;
const MARKETPLACE_WIDTH = 12;
const TEXT_LIMIT = 200;

/** The word and symbol of a row that has no usable (or no current) report. */
const STATE_CELL: Record<Exclude<RollupState, "ok">, string> = {
  stale: "~ stale",
  unreadable: "? unreadable",
  other_version: "? version",
  failed: "! failed",
};

function statusCell(row: RollupRow): string {
  if (row.state !== "ok") return STATE_CELL[row.state];
  const s: RowStatus = row.status ?? "good";
  return `${STATUS_SYMBOL[s]} ${STATUS_WORD[s]}`;
}

/**
 * "ODR-MFN", "LSR-30d", "OTDR": the metric's short name, with the channel when the row holds the
 * metric for more than one channel and the window when it holds more than one window.
 */
export function metricLabels(metrics: readonly RollupMetric[]): string[] {
  const channels = new Map<string, Set<string>>();
  const windows = new Map<string, Set<number>>();
  for (const m of metrics) {
    (channels.get(m.id) ?? channels.set(m.id, new Set()).get(m.id)!).add(m.channel);
    (windows.get(m.id) ?? windows.set(m.id, new Set()).get(m.id)!).add(m.windowDays);
  }
  return metrics.map((m) => {
    const short = Object.hasOwn(METRICS, m.id) ? METRICS[m.id as keyof typeof METRICS].short : m.id;
    const ch = channels.get(m.id)!.size > 1 ? `-${m.channel.toUpperCase()}` : "";
    const win = windows.get(m.id)!.size > 1 ? `-${m.windowDays}d` : "";
    return `${short}${ch}${win}`;
  });
}

/** `✖ ODR-MFN 1.95%` for each metric, in the row's order (worst first). */
export function metricTokens(metrics: readonly RollupMetric[]): string[] {
  const labels = metricLabels(metrics);
  return metrics.map((m, i) => `${STATUS_SYMBOL[m.status]} ${labels[i]} ${percent(m.rate)}`);
}

/**
 * As many tokens as fit `room` columns, a space between (each token starts with its symbol),
 * then "+N" for the ones left out.
 */
export function fitTokens(tokens: readonly string[], room: number): string {
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const next = out === "" ? tokens[i]! : `${out} ${tokens[i]}`;
    const rest = tokens.length - i - 1;
    const tail = rest > 0 ? ` +${rest}` : "";
    if (length(next + tail) <= room) {
      out = next;
      continue;
    }
    const left = tokens.length - i;
    return out === "" ? `+${left}` : `${out} +${left}`;
  }
  return out;
}

function ahrCell(row: RollupRow): string {
  const h = row.accountHealth;
  return h === null ? "–" : `${h.score} ${STATUS_SYMBOL[h.status]}`;
}

function length(s: string): number {
  return Array.from(s).length;
}

function pad(s: string, width: number, right = false): string {
  const gap = " ".repeat(Math.max(0, width - length(s)));
  return right ? gap + s : s + gap;
}

/** The as-of cell: MM-DD when every date is in the newest report's year, else the full date. */
function asOfCell(asOf: string | null, short: boolean): string {
  if (asOf === null) return "–";
  return short ? asOf.slice(5) : asOf;
}

function reportsText(r: Rollup): string {
  const files = new Set(r.rows.map((x) => x.source).filter((s) => s !== null)).size;
  return `${grouped(files)} ${files === 1 ? "report" : "reports"}`;
}

/** One sentence per row that has no usable or no current report. */
export function problemLines(r: Rollup): string[] {
  const out: string[] = [];
  for (const row of r.rows) {
    const who = row.marketplace === null ? row.account : `${row.account} (${row.marketplace})`;
    const where = row.source === null ? "" : ` (${row.source})`;
    if (row.state === "stale") {
      const own = row.status === null ? "" : `; its own status: ${STATUS_SYMBOL[row.status]} ${STATUS_WORD[row.status]}`;
      out.push(
        `~ ${who}: stale, as of ${row.asOf}, ${row.ageDays} days before the newest report (${r.newestAsOf})${own}${where}`,
      );
    } else if (row.state !== "ok") {
      const what = row.state === "failed" ? "check failed" : row.state === "unreadable" ? "unreadable" : "other version";
      out.push(`${STATE_CELL[row.state].slice(0, 1)} ${who}: ${what}: ${row.error?.message ?? ""}${where}`);
    }
  }
  return out;
}

function otherLines(r: Rollup): string[] {
  const out: string[] = [];
  for (const d of r.duplicates) {
    const who = d.marketplace === null ? d.account : `${d.account} (${d.marketplace})`;
    out.push(`${who} is named by ${d.sources.length} reports: ${d.sources.join(", ")}; each is listed`);
  }
  if (r.ignored.length > 0) {
    const shown = r.ignored.slice(0, 10).join(", ");
    const more = r.ignored.length > 10 ? ` and ${grouped(r.ignored.length - 10)} more` : "";
    out.push(`not read: ${shown}${more}`);
  }
  return out;
}

export function summaryLine(r: Rollup): string {
  const s = r.summary;
  const parts = [
    `${grouped(s.breach)} breach`,
    `${grouped(s.atRisk)} at risk`,
    `${grouped(s.good)} good`,
    ...(s.stale > 0 ? [`${grouped(s.stale)} stale`] : []),
    ...(s.unreadable > 0 ? [`${grouped(s.unreadable)} unreadable`] : []),
    ...(s.otherVersion > 0 ? [`${grouped(s.otherVersion)} of another version`] : []),
    ...(s.failed > 0 ? [`${grouped(s.failed)} failed`] : []),
  ];
  const accounts = `${grouped(s.accounts)} ${s.accounts === 1 ? "account" : "accounts"}`;
  return `${accounts}: ${parts.join(", ")}; exit code ${s.exitCode}`;
}

function colourOf(c: ChalkInstance, row: RollupRow): (s: string) => string {
  if (row.state !== "ok") return c.magenta;
  return row.status === "breach" ? c.red : row.status === "at_risk" ? c.yellow : c.green;
}

/** Wraps at spaces to `width`; continuation lines indented by two spaces. */
function wrapLine(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (length(candidate) <= width || line === "") {
      line = candidate;
      while (length(line) > width) {
        const chars = Array.from(line);
        out.push(chars.slice(0, width).join(""));
        line = `  ${chars.slice(width).join("")}`;
      }
      continue;
    }
    out.push(line);
    line = `  ${word}`;
  }
  if (line !== "") out.push(line);
  return out;
}

export function formatRollupTable(r: Rollup, ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const width = Math.max(60, ctx.width);
  const newestYear = r.newestAsOf?.slice(0, 4) ?? null;
  const shortDates = newestYear !== null && r.rows.every((x) => x.asOf === null || x.asOf.startsWith(newestYear));
  const hasMarketplace = r.rows.some((x) => x.marketplace !== null);

  const cells = r.rows.map((row) => ({
    status: statusCell(row),
    account: clip(cleanText(row.account), ACCOUNT_WIDTH),
    marketplace: row.marketplace === null ? "–" : clip(cleanText(row.marketplace), MARKETPLACE_WIDTH),
    asOf: asOfCell(row.asOf === null ? null : cleanText(row.asOf), shortDates),
    ahr: ahrCell(row),
    tokens: metricTokens(row.metrics).map(cleanText),
  }));
  const w = {
    status: Math.max(length("Status"), ...cells.map((x) => length(x.status))),
    account: Math.max(length("Account"), ...cells.map((x) => length(x.account))),
    marketplace: Math.max(length("Mkt"), ...cells.map((x) => length(x.marketplace))),
    asOf: Math.max(length("As of"), ...cells.map((x) => length(x.asOf))),
    ahr: Math.max(length("AHR"), ...cells.map((x) => length(x.ahr))),
  };
  const lead = (status: string, account: string, marketplace: string, asOf: string, ahr: string): string =>
    [pad(status, w.status), pad(account, w.account), ...(hasMarketplace ? [pad(marketplace, w.marketplace)] : []), pad(asOf, w.asOf), pad(ahr, w.ahr, true)].join("  ");
  const leadWidth = length(lead("", "", "", "", "")) + 2;
  const room = Math.max(8, width - leadWidth);

  const out: string[] = [];
  const newest = r.newestAsOf === null ? "no usable report" : `newest as of ${r.newestAsOf}`;
  out.push(`ahr rollup · ${reportsText(r)} · ${newest}`);
  out.push("");
  // "Metrics (worst first)" where it fits beside wide account names, else "Metrics".
  const title = length("Metrics (worst first)") <= room ? "Metrics (worst first)" : "Metrics";
  const head = clip(`${lead("Status", "Account", "Mkt", "As of", "AHR")}  ${title}`, width);
  const lines = r.rows.map((row, i) => {
    const x = cells[i]!;
    const metrics = row.state === "ok" || row.state === "stale" ? fitTokens(x.tokens, room) : "";
    return clip(`${lead(x.status, x.account, x.marketplace, x.asOf, x.ahr)}  ${metrics}`.trimEnd(), width);
  });
  out.push(head);
  out.push("─".repeat(Math.min(width, Math.max(length(head), ...lines.map(length)))));
  lines.forEach((line, i) => {
    // Colour on the status cell only; its symbol and word say the same without colour.
    const n = cells[i]!.status.length;
    out.push(colourOf(c, r.rows[i]!)(line.slice(0, n)) + line.slice(n));
  });
  const problems = problemLines(r).map(cleanText);
  const others = otherLines(r).map(cleanText);
  if (problems.length > 0) {
    out.push("");
    for (const p of problems) out.push(...wrapLine(clip(p, TEXT_LIMIT * 2), width));
  }
  if (others.length > 0) {
    out.push("");
    for (const p of others) out.push(...wrapLine(clip(p, TEXT_LIMIT * 4), width));
  }
  out.push("");
  out.push(...wrapLine(summaryLine(r), width));
  return `${out.join("\n")}\n`;
}

export function formatRollupJson(r: Rollup): string {
  return jsonText(r);
}

function md(s: string, max = TEXT_LIMIT): string {
  return escapeMarkdown(clip(s, max));
}

export function formatRollupMarkdown(r: Rollup): string {
  const worst = r.rows[0];
  const heading =
    worst === undefined ? "no accounts" : worst.state === "ok" ? statusCell(worst) : STATE_CELL[worst.state];
  const hasMarketplace = r.rows.some((x) => x.marketplace !== null);
  const out: string[] = [];
  out.push(`# Accounts: ${md(heading)}`);
  out.push("");
  const newest = r.newestAsOf === null ? "no usable report" : `newest as of ${r.newestAsOf}`;
  out.push(md(`${reportsText(r)} · ${newest} · ${summaryLine(r)}`));
  out.push("");
  const head = ["Status", "Account", ...(hasMarketplace ? ["Marketplace"] : []), "As of", "AHR", "Metrics (worst first)", "Report"];
  out.push(`| ${head.map((h) => md(h)).join(" | ")} |`);
  out.push(`|${head.map((h) => (h === "AHR" ? "---:" : "---")).join("|")}|`);
  for (const row of r.rows) {
    const metrics = row.state === "ok" || row.state === "stale" ? metricTokens(row.metrics).join(", ") : "";
    const cells = [
      statusCell(row),
      row.account,
      ...(hasMarketplace ? [row.marketplace ?? "–"] : []),
      row.asOf ?? "–",
      ahrCell(row),
      metrics,
      row.source ?? "–",
    ];
    out.push(`| ${cells.map((x) => md(x, 400)).join(" | ")} |`);
  }
  const problems = problemLines(r);
  if (problems.length > 0) {
    out.push("");
    out.push("## Not current or not usable");
    out.push("");
    for (const p of problems) out.push(`- ${md(p, TEXT_LIMIT * 2)}`);
  }
  const others = otherLines(r);
  if (others.length > 0) {
    out.push("");
    out.push("## Notes");
    out.push("");
    for (const p of others) out.push(`- ${md(p, TEXT_LIMIT * 4)}`);
  }
  return `${out.join("\n")}\n`;
}

/**
 * `--format table`: the terminal report (SPEC section 4, issue 5).
 *
 * Layout: a header line (as-of date, zone, inputs with row counts); one table row per metric,
 * window and channel; the AHR estimate; one sentence per breach and at-risk row (headroom or
 * forecast, and the change against the previous window); rows without data and why; the change
 * of every metric against its previous window; offenders (with --details, the first 10 per row);
 * overdue and due-today orders whenever there are any; the summary; notes last.
 *
 * Every line fits `ctx.width` (80 by default): the table drops detail column by column until it
 * fits (full window dates, then compact ones, then no window column, then no headroom, then no
 * target), and text wraps at spaces. Colour (chalk, level decided by the CLI) is never the only
 * signal: each status has its symbol and its word. Text that came from a file goes through
 * cleanText before it reaches the terminal.
 */
import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { AccountHealth, MetricRow, Offender, Report, Status } from "../report/types.js";
import {
  BAND_WORD,
  STATUS_SYMBOL,
  STATUS_WORD,
  ahrLine,
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
  summaryText,
  tableLabel,
  targetText,
} from "./words.js";
import { METRICS } from "../catalog.js";
import { clip, cleanText, showName } from "./sanitize.js";
import type { FormatContext } from "./types.js";

/** Offenders and attention items shown per list before "… and N more". */
export const LIST_LIMIT = 10;
/** No single piece of file text gets more than this many characters on screen. */
const TEXT_LIMIT = 200;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a line takes on screen (ANSI colour codes take none; every character here takes one). */
export function visibleLength(line: string): number {
  return Array.from(line.replace(ANSI, "")).length;
}

/**
 * Wraps plain text at spaces to `width`, continuation lines indented by `indent` spaces; a word
 * longer than a line is cut.
 */
export function wrap(text: string, width: number, indent = 2, firstIndent = 0): string[] {
  const lines: string[] = [];
  let line = " ".repeat(firstIndent);
  let lineStart = true;
  const room = (): number => width - Array.from(line).length;
  for (const word of text.split(" ").filter((w) => w !== "")) {
    let chars = Array.from(word);
    const sep = lineStart ? 0 : 1;
    if (chars.length + sep <= room()) {
      line += (lineStart ? "" : " ") + word;
      lineStart = false;
      continue;
    }
    if (!lineStart) {
      lines.push(line);
      line = " ".repeat(indent);
      lineStart = true;
    }
    while (chars.length > room()) {
      const take = Math.max(1, room());
      lines.push(line + chars.slice(0, take).join(""));
      line = " ".repeat(indent);
      chars = chars.slice(take);
    }
    line += chars.join("");
    lineStart = chars.length === 0;
  }
  if (!lineStart || lines.length === 0) lines.push(line);
  return lines.map((l) => l.trimEnd());
}

function statusColour(c: ChalkInstance, status: Status): (s: string) => string {
  switch (status) {
    case "good":
      return c.green;
    case "at_risk":
      return c.yellow;
    case "breach":
      return c.red;
    default:
      return c.dim;
  }
}

const BORDERLESS = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "─",
  "mid-mid": "──",
  right: "",
  "right-mid": "",
  middle: "  ",
};

type Column = "metric" | "channel" | "window" | "rate" | "target" | "status" | "ratio" | "headroom";

/** Column sets from the most detailed to the leanest; the first that fits the width is used. */
const LAYOUTS: { columns: Column[]; fullDates: boolean }[] = [
  { columns: ["metric", "channel", "window", "rate", "target", "status", "ratio", "headroom"], fullDates: true },
  { columns: ["metric", "channel", "window", "rate", "target", "status", "ratio", "headroom"], fullDates: false },
  { columns: ["metric", "channel", "rate", "target", "status", "ratio", "headroom"], fullDates: false },
  { columns: ["metric", "channel", "rate", "target", "status", "ratio"], fullDates: false },
  { columns: ["metric", "channel", "rate", "status", "ratio"], fullDates: false },
  { columns: ["metric", "rate", "status"], fullDates: false },
];

const HEADINGS: Record<Column, string> = {
  metric: "Metric",
  channel: "Ch",
  window: "Window",
  rate: "Rate",
  target: "Target",
  status: "Status",
  ratio: "n/d",
  headroom: "Room",
};

const RIGHT: ReadonlySet<Column> = new Set(["rate", "ratio", "headroom"]);

function cell(row: MetricRow, column: Column, fullDates: boolean): string {
  switch (column) {
    case "metric":
      return tableLabel(row);
    case "channel":
      return row.channel === "all" ? "all" : row.channel.toUpperCase();
    case "window":
      return fullDates
        ? `${row.window.from}..${row.window.to}`
        : `${row.window.from.slice(5)}..${row.window.to.slice(5)}`;
    case "rate":
      return percent(row.rate);
    case "target":
      return targetText(row);
    case "status":
      return `${STATUS_SYMBOL[row.status]} ${STATUS_WORD[row.status]}`;
    case "ratio":
      return ratio(row);
    case "headroom":
      return row.headroom === null ? "–" : grouped(row.headroom);
  }
}

function renderTable(rows: readonly MetricRow[], layout: (typeof LAYOUTS)[number], c: ChalkInstance): string[] {
  const table = new Table({
    head: layout.columns.map((col) => HEADINGS[col]),
    chars: BORDERLESS,
    colAligns: layout.columns.map((col) => (RIGHT.has(col) ? "right" : "left")),
    style: { "padding-left": 0, "padding-right": 0, head: [], border: [], compact: true },
  });
  for (const row of rows) {
    table.push(
      layout.columns.map((col) => {
        const text = cleanText(cell(row, col, layout.fullDates));
        return col === "status" ? statusColour(c, row.status)(text) : text;
      }),
    );
  }
  return table
    .toString()
    .split("\n")
    .map((l) => l.trimEnd());
}

function metricTable(rows: readonly MetricRow[], width: number, c: ChalkInstance): string[] {
  let lines: string[] = [];
  for (const layout of LAYOUTS) {
    lines = renderTable(rows, layout, c);
    if (lines.every((l) => visibleLength(l) <= width)) return lines;
  }
  return lines;
}

/** The header line(s): parts joined by " · ", broken between parts when too wide. */
function headerLines(report: Report, width: number): string[] {
  const account = report.account === undefined ? "" : `${clip(cleanText(report.account), 60)} · `;
  const parts = [`ahr · ${account}as of ${report.asOf} (${cleanText(report.timeZone)})`, ...inputTexts(report)];
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    if (line === "") line = part;
    else if (visibleLength(`${line} · ${part}`) <= width) line += ` · ${part}`;
    else {
      lines.push(line);
      line = `  ${part}`;
    }
  }
  lines.push(line);
  // The config file applied, never silently (issue 17).
  if (report.configFile !== null) lines.push(`  config: ${showName(report.configFile)}`);
  return lines.flatMap((l) => (visibleLength(l) <= width ? [l] : wrap(l, width)));
}

function offenderText(o: Offender): string {
  const id = o.orderId ?? o.messageId ?? "(no id)";
  return `${clip(id, TEXT_LIMIT)} · ${o.date} · ${clip(o.reason, TEXT_LIMIT)} · ${clip(showName(o.source), TEXT_LIMIT)}`;
}

/** A list of items, the first LIST_LIMIT of them, then "… and N more". */
function listLines(items: readonly Offender[], width: number): string[] {
  const lines = items.slice(0, LIST_LIMIT).flatMap((o) => wrap(cleanText(offenderText(o)), width, 4, 2));
  if (items.length > LIST_LIMIT) lines.push(`  … and ${grouped(items.length - LIST_LIMIT)} more`);
  return lines;
}

/** Colours the first character of a line (a status symbol) when it is one. */
function colourLead(line: string, status: Status, c: ChalkInstance): string {
  const first = Array.from(line)[0] ?? "";
  return statusColour(c, status)(first) + line.slice(first.length);
}

/** The AHR line (the band coloured), its deductions and the deactivation risks. */
function ahrLines(h: AccountHealth, width: number, c: ChalkInstance): string[] {
  const out: string[] = [];
  const ahr = wrap(cleanText(ahrLine(h)), width);
  const band = BAND_WORD[h.band];
  const bandStatus: Status = h.band === "healthy" ? "good" : h.band === "at_risk" ? "at_risk" : "breach";
  if (ahr[0] !== undefined) {
    const at = ahr[0].indexOf(` ${band}`);
    ahr[0] =
      at >= 0
        ? ahr[0].slice(0, at + 1) + statusColour(c, bandStatus)(band) + ahr[0].slice(at + 1 + band.length)
        : ahr[0];
  }
  out.push(...ahr);
  for (const x of h.deductions) out.push(...wrap(cleanText(deductionLine(x)), width, 4, 2));
  for (const line of deactivationLines(h)) out.push(...wrap(cleanText(`${STATUS_SYMBOL.breach} ${line}`), width).map((l, i) => (i === 0 ? colourLead(l, "breach", c) : l)));
  return out;
}

export function formatTable(report: Report, ctx: FormatContext): string {
  const width = Math.max(20, ctx.width || 80);
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const out: string[] = [];
  const blank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  };

  out.push(...headerLines(report, width));
  blank();
  const marketplaces = report.marketplaces;
  if (marketplaces === undefined) {
    if (report.metrics.length > 0) out.push(...metricTable(report.metrics, width, c));
    else out.push("No metric is enabled.");
    blank();
    out.push(...ahrLines(report.accountHealth, width, c));
  } else {
    // Two or more marketplaces (SPEC 9.3): each one's rows under its name, then its AHR.
    for (const m of marketplaces) {
      blank();
      out.push(...wrap(cleanText(`${m.marketplace}: ${STATUS_SYMBOL[m.summary.status]} ${STATUS_WORD[m.summary.status]}`), width));
      const rows = report.metrics.filter((row) => row.marketplace === m.marketplace);
      if (rows.length > 0) out.push(...metricTable(rows, width, c));
      else out.push("No metric is enabled.");
      out.push(...ahrLines(m.accountHealth, width, c));
    }
  }

  // One sentence per breach or at-risk row.
  const sentences = report.metrics.flatMap((row) => {
    const s = rowSentence(row);
    if (s === null) return [];
    const lines = wrap(cleanText(`${STATUS_SYMBOL[row.status]} ${s}`), width).map((l, i) =>
      i === 0 ? colourLead(l, row.status, c) : l,
    );
    const drops = dropOffText(row);
    if (drops !== null) lines.push(...wrap(cleanText(drops), width, 4, 2));
    return lines;
  });
  if (sentences.length > 0) {
    blank();
    out.push(...sentences);
  }

  const noData = noDataLines(report.metrics);
  if (noData.length > 0) {
    blank();
    for (const line of noData) out.push(...wrap(cleanText(`${STATUS_SYMBOL.no_data} ${line}`), width).map((l, i) => (i === 0 ? c.dim(l) : l)));
  }

  // Change against the previous window, every row that has both rates.
  const changes = report.metrics.flatMap((row) => {
    if (row.status === "breach" || row.status === "at_risk") return []; // said in its sentence
    const change = changeText(row);
    return change === null ? [] : [`${rowLabel(row)} ${change.replace(/ vs the .*$/, "")}`];
  });
  if (changes.length > 0) {
    blank();
    out.push(...wrap(`Change vs the window before: ${changes.join(", ")}`, width));
  }

  // Offenders (with --details).
  for (const row of report.metrics) {
    const list = row.offenders ?? [];
    if (list.length === 0) continue;
    const def = METRICS[row.id];
    blank();
    const count = `${grouped(list.length)} ${list.length === 1 ? def.bad.one : def.bad.many}`;
    out.push(...wrap(`${rowLabel(row)}: ${count}`, width));
    out.push(...listLines(list, width));
  }

  // Orders that need shipping now.
  const { overdue, dueToday } = report.attention;
  if (overdue.length > 0) {
    blank();
    const n = `${grouped(overdue.length)} ${overdue.length === 1 ? "order" : "orders"}`;
    out.push(...wrap(`${STATUS_SYMBOL.breach} Overdue: ${n} not shipped, past the latest ship date`, width).map((l, i) => (i === 0 ? colourLead(l, "breach", c) : l)));
    out.push(...listLines(overdue, width));
  }
  if (dueToday.length > 0) {
    blank();
    const n = `${grouped(dueToday.length)} ${dueToday.length === 1 ? "order" : "orders"}`;
    out.push(...wrap(`${STATUS_SYMBOL.at_risk} Due today: ${n} to ship by the end of ${report.asOf}`, width).map((l, i) => (i === 0 ? colourLead(l, "at_risk", c) : l)));
    out.push(...listLines(dueToday, width));
  }

  // Summary.
  blank();
  const s = report.summary;
  const summary = wrap(`${STATUS_SYMBOL[s.status]} ${STATUS_WORD[s.status]}: ${summaryText(s)}`, width);
  out.push(...summary.map((l, i) => (i === 0 ? statusColour(c, s.status)(l) : l)));

  // Notes last.
  if (report.notes.length > 0) {
    blank();
    out.push("Notes:");
    for (const note of report.notes) out.push(...wrap(cleanText(`- ${clip(note, 4 * TEXT_LIMIT)}`), width, 4, 2));
  }
  return `${out.join("\n")}\n`;
}

/**
 * `--format markdown`: the report as GitHub-flavoured Markdown, for pull-request comments and CI
 * step summaries (SPEC section 4, issue 4). Every piece of text, ours or a file's, goes through
 * escapeMarkdown, so a `|` cannot break a table and `<script>` arrives as text. Lists are capped
 * (offenders and attention items at 10 per list, text at 200 characters per cell), which keeps
 * the document far under GitHub's 1 MiB step-summary limit whatever the inputs.
 */
import { METRICS } from "../catalog.js";
import type { Offender, Report } from "../report/types.js";
import {
  STATUS_SYMBOL,
  STATUS_WORD,
  ahrLine,
  changeText,
  deactivationLines,
  deductionLine,
  dropOffText,
  grouped,
  metricLabel,
  noDataLines,
  percent,
  ratio,
  rowLabel,
  rowSentence,
  summaryText,
  targetText,
} from "./words.js";
import { clip, escapeMarkdown, showName } from "./sanitize.js";

const LIST_LIMIT = 10;
const TEXT_LIMIT = 200;
const NOTE_LIMIT = 800;

/** Escaped text for a cell or a line, at most `max` characters of the original. */
function md(s: string, max = TEXT_LIMIT): string {
  return escapeMarkdown(clip(s, max));
}

function tableLines(head: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string[] {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [
    line(head.map((h) => md(h))),
    `|${head.map((_, i) => (right.has(i) ? "---:" : "---")).join("|")}|`,
    ...rows.map((r) => line(r.map((cell) => md(cell)))),
  ];
}

function offenderTable(items: readonly Offender[]): string[] {
  const rows = items
    .slice(0, LIST_LIMIT)
    .map((o) => [o.orderId ?? o.messageId ?? "(no id)", o.date, o.reason, showName(o.source)]);
  const lines = tableLines(["Order", "Date", "Reason", "Source"], rows);
  if (items.length > LIST_LIMIT) lines.push("", `… and ${grouped(items.length - LIST_LIMIT)} more`);
  return lines;
}

export function formatMarkdown(report: Report): string {
  const out: string[] = [];
  const s = report.summary;
  const account = report.account === undefined ? "" : ` (${md(report.account, 60)})`;
  out.push(`# Account health${account}: ${STATUS_SYMBOL[s.status]} ${md(STATUS_WORD[s.status])}`);
  out.push("");
  out.push(`As of ${md(report.asOf)} (${md(report.timeZone)}) · ${md(summaryText(s))}`);
  // The config file applied, never silently (issue 17).
  if (report.configFile !== null) out.push("", `Config file: ${md(showName(report.configFile), 4 * TEXT_LIMIT)}`);

  if (report.inputs.length > 0) {
    out.push("", "## Inputs", "");
    out.push(
      ...tableLines(
        ["Input", "Files", "Rows", "Records", "Skipped", "Unmatched", "Duplicates"],
        report.inputs.map((i) => [
          i.kind,
          i.files.map((f) => clip(showName(f), TEXT_LIMIT)).join(", "),
          grouped(i.rows),
          grouped(i.records),
          grouped(i.skipped),
          grouped(i.unmatched),
          grouped(i.duplicates),
        ]),
        new Set([2, 3, 4, 5, 6]),
      ),
    );
  }

  out.push("", "## Metrics", "");
  if (report.metrics.length === 0) out.push("No metric is enabled.");
  else {
    // Two or more marketplaces (SPEC 9.3): a first column names each row's.
    const by = report.marketplaces !== undefined;
    const head = ["Metric", "Channel", "Window", "Rate", "Target", "Status", "n/d", "Headroom", "vs previous"];
    out.push(
      ...tableLines(
        by ? ["Marketplace", ...head] : head,
        report.metrics.map((row) => {
          const cells = [
            by ? metricLabel(row) : rowLabel(row),
            row.channel === "all" ? "all" : row.channel.toUpperCase(),
            `${row.window.from}..${row.window.to}`,
            percent(row.rate),
            targetText(row),
            `${STATUS_SYMBOL[row.status]} ${STATUS_WORD[row.status]}`,
            ratio(row),
            row.headroom === null ? "–" : grouped(row.headroom),
            changeText(row)?.replace(/ vs the .*$/, "") ?? "–",
          ];
          return by ? [row.marketplace ?? "", ...cells] : cells;
        }),
        new Set([3, 6, 7, 8].map((i) => (by ? i + 1 : i))),
      ),
    );
  }

  out.push("", "## Account Health Rating (estimate)", "");
  const healths = report.marketplaces?.map((m) => m.accountHealth) ?? [report.accountHealth];
  healths.forEach((h, i) => {
    if (i > 0) out.push("");
    out.push(md(ahrLine(h)));
    const extra = [...h.deductions.map(deductionLine), ...deactivationLines(h)];
    if (extra.length > 0) out.push("", ...extra.map((l) => `- ${md(l)}`));
  });

  const sentences = report.metrics.flatMap((row) => {
    const text = rowSentence(row);
    if (text === null) return [];
    const drops = dropOffText(row);
    return [`- ${STATUS_SYMBOL[row.status]} ${md(text, 4 * TEXT_LIMIT)}${drops === null ? "" : `; ${md(drops, 4 * TEXT_LIMIT)}`}`];
  });
  const noData = noDataLines(report.metrics).map((l) => `- ${STATUS_SYMBOL.no_data} ${md(l, 4 * TEXT_LIMIT)}`);
  if (sentences.length + noData.length > 0) out.push("", "## Breaches, risks and gaps", "", ...sentences, ...noData);

  const withOffenders = report.metrics.filter((row) => (row.offenders ?? []).length > 0);
  if (withOffenders.length > 0) {
    out.push("", "## Offenders");
    for (const row of withOffenders) {
      const list = row.offenders ?? [];
      const def = METRICS[row.id];
      const count = `${grouped(list.length)} ${list.length === 1 ? def.bad.one : def.bad.many}`;
      out.push("", `### ${md(rowLabel(row))}: ${md(count)}`, "", ...offenderTable(list));
    }
  }

  const { overdue, dueToday } = report.attention;
  if (overdue.length + dueToday.length > 0) {
    out.push("", "## Orders to ship now");
    if (overdue.length > 0) {
      out.push("", `### ${STATUS_SYMBOL.breach} Overdue: ${grouped(overdue.length)} not shipped, past the latest ship date`, "");
      out.push(...offenderTable(overdue));
    }
    if (dueToday.length > 0) {
      out.push("", `### ${STATUS_SYMBOL.at_risk} Due today: ${grouped(dueToday.length)} to ship by the end of ${md(report.asOf)}`, "");
      out.push(...offenderTable(dueToday));
    }
  }

  if (report.notes.length > 0) {
    out.push("", "## Notes", "", ...report.notes.map((n) => `- ${md(n, NOTE_LIMIT)}`));
  }
  return `${out.join("\n")}\n`;
}

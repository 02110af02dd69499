/**
 * `ahr reconcile` in each format: the terminal table, JSON, Markdown (SPEC 10). The words of a
 * reconciliation live here; the comparison itself is report/reconcile.ts.
 *
 * Every text that came from a file (order ids, file names, Amazon's status words, marketplace
 * ids, the document's keys) goes through cleanText (table) or escapeMarkdown (Markdown). Lines fit
 * `ctx.width` (wrapped at spaces). Colour is never the only signal: each verdict has its symbol
 * and its word.
 */
import { Chalk } from "chalk";
import { METRICS } from "../catalog.js";
import type { ComparedField, ListComparison, ReconcileMarketplace, ReconcileReport, ReconcileRow, Verdict } from "../report/reconcile.js";
import { jsonText } from "./json.js";
import { cleanText, escapeMarkdown, showName } from "./sanitize.js";
import { wrap } from "./table.js";
import type { FormatContext } from "./types.js";
import { grouped } from "./words.js";

const SYMBOL: Record<Verdict, string> = { agrees: "✔", differs: "✖", not_comparable: "–" };
const WORD: Record<Verdict, string> = { agrees: "agrees", differs: "differs", not_comparable: "not comparable" };
/** Orders listed per difference before "and N more". */
const ORDERS_SHOWN = 10;

const COMPONENT_LABEL = {
  negativeFeedback: "orders with negative feedback",
  claims: "orders with an A-to-z claim",
  chargebacks: "orders with a chargeback",
} as const;

/** What a compared field counts, in words ("late shipments", "orders"). */
export function fieldLabel(row: Pick<ReconcileRow, "id">, field: ComparedField["field"]): string {
  const def = METRICS[row.id];
  if (field === "denominator") return def.unit.many;
  if (field === "rate") return "rate";
  if (field === "numerator") return def.condition === "lt" ? def.bad.many : `${def.unit.many} that are not ${def.bad.many}`;
  return COMPONENT_LABEL[field];
}

const pct = (rate: number, decimals = 2): string => `${(rate * 100).toFixed(decimals)}%`;

/** Amazon's figure or ahr's: "14/301 (4.65%)", "?/26 (96.1538%)", "–". */
function figureText(n: number | null, d: number | null, rate: number | null, decimals?: number): string {
  if (n === null && d === null && rate === null) return "–";
  const counts = `${n === null ? "?" : grouped(n)}/${d === null ? "?" : grouped(d)}`;
  const r = rate !== null ? rate : n !== null && d !== null && d > 0 ? n / d : null;
  return r === null ? counts : `${counts} ${pct(r, decimals === undefined ? 2 : Math.max(2, decimals - 2))}`;
}

function label(row: ReconcileRow): string {
  const def = METRICS[row.id];
  const channel = def.channels.length > 1 ? ` ${row.channel}` : "";
  const days = METRICS[row.id].defaults.windows.length > 1 && row.days !== null ? ` ${row.days}d` : "";
  return `${def.short}${channel}${days}`;
}

function rangeText(row: ReconcileRow): string {
  return row.range === null ? "no range" : `${row.range.from}..${row.range.to}`;
}

/** `2026-03-06..05-04` within a year, the full dates across one. */
function compactRange(row: ReconcileRow): string {
  if (row.range === null) return "no range";
  const { from, to } = row.range;
  return from.slice(0, 4) === to.slice(0, 4) ? `${from}..${to.slice(5)}` : `${from}..${to}`;
}

function amazonText(row: ReconcileRow): string {
  const rate = row.fields.find((f) => f.field === "rate");
  return figureText(row.amazon.numerator, row.amazon.denominator, row.amazon.rate, rate?.decimals);
}

function ahrText(row: ReconcileRow): string {
  return row.ahr === null ? "–" : figureText(row.ahr.numerator, row.ahr.denominator, row.ahr.rate);
}

function fieldLine(row: ReconcileRow, f: ComparedField): string {
  if (f.field === "rate") {
    const d = f.decimals ?? 2;
    return `rate: Amazon ${f.amazon.toFixed(d)}, ahr ${f.ahr === null ? "–" : f.ahr.toFixed(d)} (at the ${d} digits Amazon printed)`;
  }
  return `${fieldLabel(row, f.field)}: Amazon ${grouped(f.amazon)}, ahr ${f.ahr === null ? "–" : grouped(f.ahr)}`;
}

function ordersLine(row: ReconcileRow, clean: (s: string) => string): string | null {
  if (row.orders === undefined) return null;
  if (row.orders.length === 0) return `orders behind ahr's count: none`;
  const shown = row.orders.slice(0, ORDERS_SHOWN).map((o) => clean(o.orderId ?? "(no order id)"));
  const more = row.orders.length > ORDERS_SHOWN ? ` and ${row.orders.length - ORDERS_SHOWN} more` : "";
  return `orders behind ahr's count (${row.orders.length}): ${shown.join(", ")}${more}`;
}

function marketplaceTitle(m: ReconcileMarketplace, clean: (s: string) => string): string {
  return m.marketplace === null ? clean(m.marketplaceId) : `${m.marketplace} (${clean(m.marketplaceId)})`;
}

function ahrLines(m: ReconcileMarketplace, clean: (s: string) => string): string[] {
  const a = m.accountHealth;
  const out: string[] = [];
  const amazon =
    a.amazon.score === null && a.amazon.status === null
      ? "Amazon gives no Account Health Rating"
      : `Amazon ${a.amazon.score ?? "?"}${a.amazon.status === null ? "" : ` (${clean(a.amazon.status)})`}`;
  const account = a.amazon.accountStatus === null ? "" : `; account ${clean(a.amazon.accountStatus)}`;
  const estimate = a.estimate === null ? "no estimate (no orders)" : `ahr's estimate ${a.estimate.score}, ${a.estimate.band.replace("_", " ")}`;
  out.push(`AHR: ${amazon}${account}; ${estimate} (shown, not compared)`);
  if (a.violations.length > 0) {
    const nonzero = a.violations.filter((v) => (v.count ?? 0) > 0);
    const total = a.violations.reduce((n, v) => n + (v.count ?? 0), 0);
    out.push(
      `Amazon's policy violations: ${total}${nonzero.length > 0 ? ` (${nonzero.map((v) => `${clean(v.key)} ${v.count}`).join(", ")})` : ""}`,
    );
  }
  if (a.repeatLimits.length > 0) {
    const from = a.repeatLimitsFrom === "amazon" ? "Amazon's counts (no violations file)" : "the violations file";
    const limits = a.repeatLimits.map((r) => `${r.category.replace("_", " ")} ${r.count} of ${r.limit}${r.reached ? " REACHED" : ""}`).join(", ");
    out.push(`repeat limits from ${from}: ${limits}${a.estimate?.deactivationRisk ? " -> at risk of deactivation" : ""}`);
  }
  return out;
}

function listLines(l: ListComparison, clean: (s: string) => string): string[] {
  const head = `${SYMBOL[l.verdict]} ${l.title} (${showName(l.file)}) vs ahr's ${METRICS[l.id].short}: ${WORD[l.verdict]}`;
  if (l.verdict === "not_comparable") return [`${head}: ${l.reason ?? ""}`];
  const out = [`${head}; ${l.both} in both`];
  const ids = (xs: { orderId: string | null }[]): string => {
    const shown = xs.slice(0, ORDERS_SHOWN).map((x) => clean(x.orderId ?? "(no order id)"));
    return shown.join(", ") + (xs.length > ORDERS_SHOWN ? ` and ${xs.length - ORDERS_SHOWN} more` : "");
  };
  if (l.amazonOnly.length > 0) out.push(`Amazon counts ${l.amazonOnly.length} that ahr does not: ${ids(l.amazonOnly)}`);
  if (l.ahrOnly.length > 0) out.push(`ahr counts ${l.ahrOnly.length} that Amazon's list does not: ${ids(l.ahrOnly)}`);
  if (l.notCounted > 0) out.push(`${l.notCounted} listed rows Amazon does not count against the metric`);
  if (l.outside > 0) out.push(`${l.outside} counted rows dated outside Amazon's range, not compared`);
  return out;
}

function summaryLine(r: ReconcileReport): string {
  const s = r.summary;
  return `${s.agrees} agree, ${s.differs} ${s.differs === 1 ? "differs" : "differ"}, ${s.notComparable} not comparable -> exit ${s.exitCode}`;
}

export function formatReconcileTable(r: ReconcileReport, ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const colour: Record<Verdict, (s: string) => string> = { agrees: c.green, differs: c.red, not_comparable: c.dim };
  const width = Math.max(40, ctx.width);
  const out: string[] = [];
  const push = (text: string, indent = 0, hang = indent + 2): void => {
    out.push(...wrap(text, width, hang, indent));
  };
  push(`ahr reconcile: Amazon's figures (${showName(r.amazonFile)}) beside ahr's, as of ${r.asOf} (${r.timeZone})`);
  if (r.inputs.length > 0) push(`inputs: ${r.inputs.map((i) => `${i.kind} ${grouped(i.records)} (${i.files.map(showName).join(", ")})`).join("; ")}`);
  else push("inputs: none (nothing to compare Amazon's figures with)");
  for (const m of r.marketplaces) {
    out.push("");
    out.push(c.bold(marketplaceTitle(m, cleanText)));
    if (m.metrics.length === 0) push("Amazon's report gives no metric for this marketplace", 2);
    const cells = m.metrics.map((row) => [label(row), compactRange(row), amazonText(row), ahrText(row)]);
    const head = ["Metric", "Amazon's range", "Amazon", "ahr"];
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
    const aligned = 4 + widths.reduce((n, w) => n + w + 2, 0) + "not comparable".length <= width;
    if (aligned && m.metrics.length > 0) out.push(c.dim(`    ${head.map((h, i) => h.padEnd(widths[i]!)).join("  ")}`.trimEnd()));
    m.metrics.forEach((row, k) => {
      const mark = colour[row.verdict](`${SYMBOL[row.verdict]} ${WORD[row.verdict]}`);
      if (aligned) {
        const [sym, ...word] = [SYMBOL[row.verdict], WORD[row.verdict]];
        out.push(`  ${colour[row.verdict](sym)} ${cells[k]!.map((x, i) => x.padEnd(widths[i]!)).join("  ")}  ${colour[row.verdict](word.join(" "))}`);
      } else {
        const lines = wrap(`${label(row)} ${rangeText(row)}: Amazon ${amazonText(row)}, ahr ${ahrText(row)}: ${SYMBOL[row.verdict]} ${WORD[row.verdict]}`, width, 6, 2);
        const last = lines.length - 1;
        lines[last] = lines[last]!.replace(`${SYMBOL[row.verdict]} ${WORD[row.verdict]}`, mark);
        out.push(...lines);
      }
      if (row.verdict === "not_comparable") push(`why: ${row.reason ?? ""}`, 6, 8);
      for (const f of row.fields) if (!f.agrees) push(fieldLine(row, f), 6, 8);
      for (const e of row.explanations) push(`- ${e}`, 6, 8);
      const orders = ordersLine(row, cleanText);
      if (orders !== null) push(orders, 6, 8);
    });
    for (const l of ahrLines(m, cleanText)) push(l, 2, 4);
  }
  if (r.lists.length > 0) {
    out.push("");
    out.push(c.bold("Amazon's Account Health lists, order by order"));
    for (const l of r.lists) for (const [i, line] of listLines(l, cleanText).entries()) push(line, i === 0 ? 2 : 4, i === 0 ? 4 : 6);
  }
  out.push("");
  push(summaryLine(r));
  if (r.notes.length > 0) {
    out.push("");
    out.push("Notes:");
    for (const n of r.notes) push(`- ${cleanText(n)}`, 2, 4);
  }
  return `${out.join("\n")}\n`;
}

export function formatReconcileJson(r: ReconcileReport): string {
  return jsonText(r);
}

export function formatReconcileMarkdown(r: ReconcileReport): string {
  const md = escapeMarkdown;
  const out: string[] = [];
  out.push(`## ahr reconcile: Amazon's figures beside ahr's`);
  out.push("");
  out.push(`As of **${r.asOf}** (${md(r.timeZone)}); Amazon's report: \`${md(showName(r.amazonFile))}\`.`);
  if (r.inputs.length > 0) out.push(`Inputs: ${r.inputs.map((i) => `${i.kind} ${grouped(i.records)} (${i.files.map((f) => md(showName(f))).join(", ")})`).join("; ")}.`);
  for (const m of r.marketplaces) {
    out.push("");
    out.push(`### ${md(marketplaceTitle(m, (s) => s))}`);
    out.push("");
    if (m.metrics.length > 0) {
      out.push("| Metric | Amazon's range | Amazon | ahr | Verdict |");
      out.push("|---|---|---|---|---|");
      for (const row of m.metrics) {
        out.push(`| ${md(label(row))} | ${rangeText(row)} | ${md(amazonText(row))} | ${md(ahrText(row))} | ${SYMBOL[row.verdict]} ${WORD[row.verdict]} |`);
      }
      const detailed = m.metrics.filter((row) => row.verdict !== "agrees");
      if (detailed.length > 0) out.push("");
      for (const row of detailed) {
        const parts: string[] = [];
        if (row.verdict === "not_comparable") parts.push(md(row.reason ?? ""));
        for (const f of row.fields) if (!f.agrees) parts.push(md(fieldLine(row, f)));
        for (const e of row.explanations) parts.push(md(e));
        const orders = ordersLine(row, md);
        if (orders !== null) parts.push(orders);
        out.push(`- **${md(label(row))}** (${rangeText(row)}): ${parts.join("; ")}`);
      }
    } else out.push("Amazon's report gives no metric for this marketplace.");
    out.push("");
    for (const l of ahrLines(m, md)) out.push(`- ${l.replace(/\*/g, "\\*")}`);
  }
  if (r.lists.length > 0) {
    out.push("");
    out.push("### Amazon's Account Health lists, order by order");
    out.push("");
    for (const l of r.lists) out.push(`- ${listLines(l, md).map((x) => x.replace(showName(l.file), md(showName(l.file)))).join("; ")}`);
  }
  out.push("");
  out.push(`**${summaryLine(r)}**`);
  if (r.notes.length > 0) {
    out.push("");
    for (const n of r.notes) out.push(`- ${md(n)}`);
  }
  return `${out.join("\n")}\n`;
}

/**
 * rdr, Return Dissatisfaction Rate (SPEC 2.8, 8.6).
 *
 * - Denominator: return requests whose `requested_at` day is in W(60, 0).
 * - Negative (each request once) if any of:
 *   - the buyer said it was not resolved: `buyer_resolved` explicitly no (an empty cell is no
 *     answer, 8.6);
 *   - the first response came more than 48 h after the request, or there is none and more than
 *     48 h have passed by the end of D (a response after the end of D does not exist yet);
 *   - it was rejected (`action` = rejected) while `in_policy` is yes.
 * - Each part is judged only where its columns exist (rejection needs both `action` and
 *   `in_policy`); a note names the parts that could not be judged. A missing column never makes a
 *   request negative.
 */
import { formatDay } from "../time.js";
import { noData, tallied } from "./orders.js";
import { METRICS } from "../catalog.js";
import type { Metric, MetricFn, Offender } from "./types.js";
import { hoursWords } from "./crt.js";
import { inWindow } from "./window.js";

const BASIS = "return requested";
const HOUR = 3_600_000;
const LIMIT = 48 * HOUR;

export const NO_RETURNS_REASON = "no returns input";

function word(text: string | null): string {
  return text === null ? "" : text.toLowerCase().replace(/[\s_-]+/g, "");
}

/** "a", "a or b", "a, b or c". */
function listWords(items: string[], and: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

/**
 * The note naming the parts of rdr the returns columns could not judge, or null when every part
 * could be judged: "rdr could not judge the buyer's answer (no buyer_resolved column) or the
 * response time (no responded_at column); only in-policy rejections count".
 */
export function unjudgedNote(columns: ReadonlySet<string>): string | null {
  const judged: string[] = [];
  const not: string[] = [];
  (columns.has("buyer_resolved") ? judged : not).push(
    columns.has("buyer_resolved") ? "the buyer's answer" : "the buyer's answer (no buyer_resolved column)",
  );
  (columns.has("responded_at") ? judged : not).push(
    columns.has("responded_at") ? "the response time" : "the response time (no responded_at column)",
  );
  const missing = ["action", "in_policy"].filter((c) => !columns.has(c));
  if (missing.length === 0) judged.push("in-policy rejections");
  else not.push(`in-policy rejections (no ${missing.join(" and ")} column${missing.length === 1 ? "" : "s"})`);
  if (not.length === 0) return null;
  const tail = judged.length === 0 ? "no return request can be judged negative" : `only ${listWords(judged, "and")} count`;
  return `rdr could not judge ${listWords(not, "or")}; ${tail}`;
}

export const rdr: MetricFn = (ctx, window) => {
  const returns = ctx.inputs.returns;
  if (returns === undefined) return noData(BASIS, NO_RETURNS_REASON);

  const cols = returns.columns;
  const judgeResolved = cols.has("buyer_resolved");
  const judgeResponse = cols.has("responded_at");
  const judgeRejection = cols.has("action") && cols.has("in_policy");
  const { endOfDay } = ctx;

  let denominator = 0;
  const offenders: Offender[] = [];
  for (const r of returns.records) {
    if (!inWindow(r.requestedAt.day, window)) continue;
    denominator++;
    const reasons: string[] = [];
    if (judgeResolved && r.buyerResolved === false) reasons.push("buyer said not resolved");
    if (judgeResponse) {
      const requested = r.requestedAt.ms;
      const response = r.respondedAt !== null && r.respondedAt.ms <= endOfDay ? r.respondedAt.ms : null;
      if (response !== null) {
        if (response - requested > LIMIT) reasons.push(`first response after ${hoursWords(response - requested)}`);
      } else if (endOfDay - requested > LIMIT) {
        reasons.push(`no response after ${hoursWords(endOfDay - requested)}`);
      }
    }
    if (judgeRejection && word(r.action) === "rejected" && r.inPolicy === true) {
      reasons.push("rejected while in policy");
    }
    if (reasons.length > 0) {
      offenders.push({
        orderId: r.orderId,
        date: formatDay(r.requestedAt.day),
        reason: reasons.join("; "),
        source: `${r.source.file}:${r.source.line}`,
      });
    }
  }

  const note = unjudgedNote(cols);
  return tallied(BASIS, denominator, offenders, note === null ? [] : [note]);
};

export default { meta: METRICS.rdr, compute: rdr } satisfies Metric;

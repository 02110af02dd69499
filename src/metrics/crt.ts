/**
 * crt, Contact Response Time: the share of buyer messages answered within 24 hours (SPEC 2.7,
 * 8.13, 8.17).
 *
 * - Messages whose `received_at` day is in the window, minus those marked `no_response_needed`.
 * - A response stamped after the end of D does not exist yet (replay).
 * - Answered within 24 h (exactly 24 h included): on time, the numerator (a gte metric).
 *   Answered later: late. Not answered and more than 24 h passed by the end of D: late. Not
 *   answered and 24 h or less passed: left out of the denominator (it can still be on time).
 * - averageResponseHours: the unrounded mean of (response - received) over the answered, counted
 *   messages; null when there are none.
 * - Needs a messages input with a `responded_at` column: without it every message would look
 *   unanswered.
 */
import { cached } from "./cache.js";
import { at, dayIndexOf, visitDays } from "./day-index.js";
import { dayText, noData, tallied } from "./orders.js";
import { byEnd, pastBy, type RunningFn } from "./running.js";
import type { Message } from "../records.js";
import { METRICS } from "../catalog.js";
import type { Metric, MetricContext, MetricFn, Offender } from "./types.js";

const BASIS = "message received";
const HOUR = 3_600_000;
const LIMIT = 24 * HOUR;

export const NO_MESSAGES_REASON = "no messages input";
export const NO_RESPONDED_AT_REASON =
  "messages have no responded_at column: without it every message would look unanswered";

/** Hours in words, rounded up to a tenth ("31 hours", "24.5 hours"): a late reply never reads as 24. */
export function hoursWords(ms: number): string {
  const tenths = Math.ceil(ms / (HOUR / 10));
  const text = tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
  return `${text} hour${text === "1" ? "" : "s"}`;
}

/**
 * The message fields crt filters on, as columns, read from each message once per set of inputs
 * (the reader's messages build their Stamps on access): kept with these records in the
 * context's cache when it has one (cache.ts), so a report's windows and a trend's days share them.
 */
interface MessageFacts {
  readonly records: readonly Message[];
  readonly receivedDay: Int32Array;
  readonly receivedMs: Float64Array;
  /** NaN: no response. */
  readonly respondedMs: Float64Array;
  readonly noResponseNeeded: Uint8Array;
}

function messageFacts(records: readonly Message[]): MessageFacts {
  const n = records.length;
  const f: MessageFacts = {
    records,
    receivedDay: new Int32Array(n),
    receivedMs: new Float64Array(n),
    respondedMs: new Float64Array(n),
    noResponseNeeded: new Uint8Array(n),
  };
  for (let j = 0; j < n; j++) {
    const m = records[j]!;
    const received = m.receivedAt;
    f.receivedDay[j] = received.day;
    f.receivedMs[j] = received.ms;
    const responded = m.respondedAt;
    f.respondedMs[j] = responded === null ? NaN : responded.ms;
    f.noResponseNeeded[j] = m.noResponseNeeded ? 1 : 0;
  }
  return f;
}

function factsOfMessages(ctx: MetricContext, records: readonly Message[]): MessageFacts {
  return cached(ctx, "message facts", records, () => messageFacts(records));
}

export const crt: MetricFn = (ctx, window) => {
  const messages = ctx.inputs.messages;
  if (messages === undefined) return noData(BASIS, NO_MESSAGES_REASON);
  if (!messages.columns.has("responded_at")) return noData(BASIS, NO_RESPONDED_AT_REASON);

  const { endOfDay } = ctx;
  let onTime = 0;
  let counted = 0;
  let answered = 0;
  let answeredMs = 0;
  const offenders: Offender[] = [];
  const f = factsOfMessages(ctx, messages.records);
  const { from, to } = window;
  const list = ctx.countsOnly !== true;
  // On a trend's days only the messages received in the window (day-index.ts).
  const v = visitDays(dayIndexOf(ctx, "messages.received", f.records, f.receivedDay), f.records.length, from, to);
  for (let k = v.lo; k < v.hi; k++) {
    const j = at(v, k);
    const day = f.receivedDay[j]!;
    if (f.noResponseNeeded[j] !== 0 || day < from || day > to) continue;
    const received = f.receivedMs[j]!;
    const respondedMs = f.respondedMs[j]!; // NaN: none, and NaN <= endOfDay is false
    const response = respondedMs <= endOfDay ? respondedMs : null;
    let reason: string;
    if (response !== null) {
      const took = response - received;
      counted++;
      answered++;
      answeredMs += took;
      if (took <= LIMIT) {
        onTime++;
        continue;
      }
      if (!list) continue;
      reason = `answered after ${hoursWords(took)}`;
    } else {
      const waiting = endOfDay - received;
      if (waiting <= LIMIT) continue; // not late yet: left out
      counted++;
      if (!list) continue;
      reason = `not answered after ${hoursWords(waiting)}`;
    }
    const m = f.records[j]!;
    offenders.push({
      orderId: m.orderId,
      messageId: m.messageId,
      date: dayText(day),
      reason,
      source: `${m.source.file}:${m.source.line}`,
    });
  }

  const averageResponseHours = answered === 0 ? null : answeredMs / answered / HOUR;
  return { ...tallied(BASIS, counted, offenders, [], onTime), averageResponseHours };
};

/**
 * A trend's counts (running.ts): a message counts from the day it is answered by, or from the
 * first day that ends more than 24 h after it came, whichever is first; on time (the numerator)
 * from the day it is answered by, when answered within 24 h.
 */
export const crtRunning: RunningFn = (ctx, days, _channel, steps) => {
  const messages = ctx.inputs.messages;
  if (messages === undefined || !messages.columns.has("responded_at")) return false;
  const f = factsOfMessages(ctx, messages.records);
  for (let j = 0; j < f.records.length; j++) {
    if (f.noResponseNeeded[j] !== 0) continue;
    const received = f.receivedMs[j]!;
    const respondedMs = f.respondedMs[j]!; // NaN: none, never answered by any day
    const answered = byEnd(days, respondedMs);
    const den = Math.min(answered, pastBy(days, received, LIMIT));
    steps.add(f.receivedDay[j]!, den, respondedMs - received <= LIMIT ? answered : days.count);
  }
  return true;
};

export default { meta: METRICS.crt, compute: crt, running: crtRunning } satisfies Metric;

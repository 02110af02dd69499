/**
 * Order defects (SPEC 2.2, 8.8-8.10, 8.15): which feedback, claim and chargeback rows are
 * defects as of D, each order's defects that odr reads (defectsAsOf), and the rows whose order
 * the orders input does not know (`unmatched`).
 *
 * Every predicate takes `endOfDay` (the last millisecond of D): a row dated later has not
 * happened yet (replay, SPEC 1 and 8.1). A row without a date counts whatever D is.
 */
import type { Chargeback, Claim, Feedback, Inputs, Order, OrdersInput, Stamp } from "../records.js";
import { cached } from "./cache.js";
import type { MetricContext, OdrComponents } from "./types.js";

/** Status words compared as SPEC 3 says: lower-case, spaces, `_` and `-` removed. */
function word(text: string | null): string {
  return text === null ? "" : text.toLowerCase().replace(/[\s_-]+/g, "");
}

/** Dated no later than the end of D, or undated (an undated row counts). */
function byEndOf(stamp: Stamp | null, endOfDay: number): boolean {
  return happenedBy(stamp === null ? NaN : stamp.ms, endOfDay);
}

/** byEndOf for an instant in milliseconds, NaN for undated. */
function happenedBy(ms: number, endOfDay: number): boolean {
  return !(ms > endOfDay);
}

// ---------------------------------------------------------------------------------------------
// The three kinds of defect

/** Negative feedback: rating 1 or 2, not marked removed, dated by the end of D or undated. */
export function isNegativeFeedback(f: Feedback, endOfDay: number): boolean {
  return (f.rating === 1 || f.rating === 2) && !f.removed && byEndOf(f.date, endOfDay);
}

const CLAIM_GRANTED = new Set(["granted", "sellerrefunded"]);
const CLAIM_PENDING = new Set(["pending", "open"]);

/**
 * A counting A-to-z claim: status granted or seller_refunded, not Amazon-funded; pending/open
 * only with `countPendingClaims` (SPEC 8.9); denied, withdrawn and unknown statuses never.
 * Dated (filed) by the end of D, or undated.
 */
export function isCountingClaim(c: Claim, endOfDay: number, countPendingClaims: boolean): boolean {
  if (c.amazonFunded || !byEndOf(c.filedAt, endOfDay)) return false;
  const s = word(c.status);
  return CLAIM_GRANTED.has(s) || (countPendingClaims && CLAIM_PENDING.has(s));
}

const CHARGEBACK_CLEARED = new Set(["won", "reversed", "withdrawn"]);

/**
 * A counting chargeback: type not fraud, status not won, reversed or withdrawn (SPEC 8.9: those
 * three only; an empty or unknown status counts). Dated by the end of D, or undated.
 */
export function isCountingChargeback(cb: Chargeback, endOfDay: number): boolean {
  return word(cb.type) !== "fraud" && !CHARGEBACK_CLEARED.has(word(cb.status)) && byEndOf(cb.filedAt, endOfDay);
}

// ---------------------------------------------------------------------------------------------
// Defects per order

/** The defects of one order, each kind flagged, with its words in input order (no repeats). */
export interface OrderDefects {
  negativeFeedback: boolean;
  claims: boolean;
  chargebacks: boolean;
  /** "1-star feedback", "A-to-z claim granted", "chargeback", ... */
  words: string[];
}

function claimWords(c: Claim): string {
  const s = word(c.status);
  if (s === "granted") return "A-to-z claim granted";
  if (s === "sellerrefunded") return "A-to-z claim (seller refunded)";
  return `A-to-z claim ${s}`; // pending / open, only with countPendingClaims
}

/** Which defect inputs are given, in the order feedback, claims, chargebacks. */
export function defectInputsGiven(inputs: Inputs): { given: DefectKind[]; missing: DefectKind[] } {
  const given: DefectKind[] = [];
  const missing: DefectKind[] = [];
  for (const k of DEFECT_KINDS) (inputs[k] === undefined ? missing : given).push(k);
  return { given, missing };
}

export type DefectKind = "feedback" | "claims" | "chargebacks";
export const DEFECT_KINDS: readonly DefectKind[] = ["feedback", "claims", "chargebacks"];

const COMPONENT: Record<DefectKind, keyof OdrComponents> = {
  feedback: "negativeFeedback",
  claims: "claims",
  chargebacks: "chargebacks",
};

/** A row of a defect input that is a defect from its date on (every day when undated). */
interface DefectRow {
  kind: DefectKind;
  orderId: string;
  /** Its date (given, filed) in milliseconds; NaN: undated. */
  ms: number;
  /** "1-star feedback", "A-to-z claim granted", "chargeback", ... */
  words: string;
  /** Whether its order is among the orders' records. */
  matched: boolean;
}

interface DefectRows {
  /** Feedback first, then claims, then chargebacks, each in input order. */
  rows: DefectRow[];
  /** The rows of each order, by its position among the orders' records, in that order. */
  byOrder: Map<number, DefectRow[]>;
  /** 1 at the positions byOrder has (a look-up in a byte array, not the Map, for most orders). */
  has: Uint8Array;
}

/**
 * The rows that are defects on some day: the rules above with the date left out (an end of D at
 * infinity), with where their orders are among `records`. The same for every as-of day, so it is
 * read once per set of inputs (kept with the records in the context's cache): a day only filters
 * the rows of an order by date (defectsAsOf), which allocates nothing for the orders without
 * defects, and a trend's days do not read the defect inputs or walk the orders again.
 */
function defectRows(ctx: MetricContext, records: readonly Order[]): DefectRows {
  return cached(ctx, "defect rows", records, () => {
    const rows: DefectRow[] = [];
    const byOrder = new Map<number, DefectRow[]>();
    const has = new Uint8Array(records.length);
    const { inputs } = ctx;
    const add = (kind: DefectKind, orderId: string, date: Stamp | null, words: string): void => {
      rows.push({ kind, orderId, ms: date === null ? NaN : date.ms, words, matched: false });
    };
    for (const f of inputs.feedback?.records ?? []) {
      if (isNegativeFeedback(f, Infinity)) add("feedback", f.orderId, f.date, `${f.rating}-star feedback`);
    }
    const countPending = ctx.config.countPendingClaims;
    for (const c of inputs.claims?.records ?? []) {
      if (isCountingClaim(c, Infinity, countPending)) add("claims", c.orderId, c.filedAt, claimWords(c));
    }
    for (const cb of inputs.chargebacks?.records ?? []) {
      if (isCountingChargeback(cb, Infinity)) add("chargebacks", cb.orderId, cb.filedAt, "chargeback");
    }
    if (rows.length === 0) return { rows, byOrder, has };
    // One pass over the orders, for the ids the rows name.
    const ofId = new Map<string, DefectRow[]>();
    for (const r of rows) {
      const list = ofId.get(r.orderId);
      if (list === undefined) ofId.set(r.orderId, [r]);
      else list.push(r);
    }
    for (let j = 0; j < records.length; j++) {
      const list = ofId.get(records[j]!.orderId);
      if (list === undefined) continue;
      byOrder.set(j, list);
      has[j] = 1;
      for (const r of list) r.matched = true;
    }
    return { rows, byOrder, has };
  });
}

/**
 * The defects of the orders input's order at position j as of the end of D, or undefined when it
 * has none: each kind flagged, the words of its rows in input order, once each (two chargebacks
 * give "chargeback" once).
 */
export function defectsAsOf(ctx: MetricContext, orders: OrdersInput): (j: number) => OrderDefects | undefined {
  const { byOrder, has } = defectRows(ctx, orders.records);
  const endOfDay = ctx.endOfDay;
  return (j) => {
    if (has[j] !== 1) return undefined;
    const list = byOrder.get(j);
    if (list === undefined) return undefined;
    let d: OrderDefects | undefined;
    for (const r of list) {
      if (!happenedBy(r.ms, endOfDay)) continue;
      d ??= { negativeFeedback: false, claims: false, chargebacks: false, words: [] };
      d[COMPONENT[r.kind]] = true;
      if (!d.words.includes(r.words)) d.words.push(r.words);
    }
    return d;
  };
}

/**
 * The instant from which the order at position j has a defect (defectsAsOf gives it one as of D
 * when this is <= the end of D): its earliest row's date, -Infinity when a row is undated; NaN
 * when it has none. A trend's running totals (running.ts).
 */
export function firstDefectMs(ctx: MetricContext, orders: OrdersInput): (j: number) => number {
  const { byOrder, has } = defectRows(ctx, orders.records);
  return (j) => {
    if (has[j] !== 1) return NaN;
    let first = NaN;
    for (const r of byOrder.get(j) ?? []) {
      const ms = Number.isNaN(r.ms) ? -Infinity : r.ms;
      if (!(ms >= first)) first = ms;
    }
    return first;
  };
}

// ---------------------------------------------------------------------------------------------
// Unmatched (SPEC 2.2, 8.10)

export interface UnmatchedDefects {
  feedback: number;
  claims: number;
  chargebacks: number;
}

/**
 * Rows that would be defects as of D (by the rules above) whose order id is neither among the
 * orders read (pending ones included: those are matched, then left out of odr) nor among the
 * orders read but kept out as too old (`outsideIds`). Counted per row, per input.
 *
 * Without an orders input nothing is counted as unmatched: there is nothing to match against,
 * and odr itself is `no_data` ("needs an orders input"), which says so.
 */
export function unmatchedDefects(ctx: MetricContext): UnmatchedDefects {
  const counts: UnmatchedDefects = { feedback: 0, claims: 0, chargebacks: 0 };
  const orders = ctx.inputs.orders;
  if (orders === undefined) return counts;
  for (const r of defectRows(ctx, orders.records).rows) {
    if (!r.matched && happenedBy(r.ms, ctx.endOfDay) && !orders.outsideIds.has(r.orderId)) counts[r.kind]++;
  }
  return counts;
}

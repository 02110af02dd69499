/**
 * Order defects (SPEC 2.2, 8.8-8.10, 8.15): which feedback, claim and chargeback rows are
 * defects as of D, the index from order id to its defects that odr reads, and the rows whose
 * order the orders input does not know (`unmatched`).
 *
 * Every predicate takes `endOfDay` (the last millisecond of D): a row dated later has not
 * happened yet (replay, SPEC 1 and 8.1). A row without a date counts whatever D is.
 */
import type { Chargeback, Claim, Feedback, Inputs, Order, Stamp } from "../records.js";
import { cached } from "./cache.js";
import type { MetricContext, OdrComponents } from "./types.js";

/** Status words compared as SPEC 3 says: lower-case, spaces, `_` and `-` removed. */
function word(text: string | null): string {
  return text === null ? "" : text.toLowerCase().replace(/[\s_-]+/g, "");
}

/** Dated no later than the end of D, or undated (an undated row counts). */
function byEndOf(stamp: Stamp | null, endOfDay: number): boolean {
  return stamp === null || stamp.ms <= endOfDay;
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

/**
 * Visit every row that is a defect as of the end of D, with its kind, order id and words. One
 * pass over the defect inputs; feedback first, then claims, then chargebacks, each in input order.
 */
function eachDefect(ctx: MetricContext, visit: (kind: DefectKind, orderId: string, words: string) => void): void {
  const { inputs, endOfDay } = ctx;
  for (const f of inputs.feedback?.records ?? []) {
    if (isNegativeFeedback(f, endOfDay)) visit("feedback", f.orderId, `${f.rating}-star feedback`);
  }
  const countPending = ctx.config.countPendingClaims;
  for (const c of inputs.claims?.records ?? []) {
    if (isCountingClaim(c, endOfDay, countPending)) visit("claims", c.orderId, claimWords(c));
  }
  for (const cb of inputs.chargebacks?.records ?? []) {
    if (isCountingChargeback(cb, endOfDay)) visit("chargebacks", cb.orderId, "chargeback");
  }
}

const COMPONENT: Record<DefectKind, keyof OdrComponents> = {
  feedback: "negativeFeedback",
  claims: "claims",
  chargebacks: "chargebacks",
};

/**
 * order id -> its defects as of the end of D. One pass over the defect rows; a Map, so odr looks
 * each order up once. Two rows with the same words (two chargebacks) give the words once.
 */
export function defectIndex(ctx: MetricContext): Map<string, OrderDefects> {
  return defectTable(ctx).index;
}

/**
 * The defects as of the end of D, once per context (they depend on D: kept with the context in
 * its cache, cache.ts): the index, every defect row (kind and order id, in eachDefect's order),
 * and once looked up among the orders (defectOrderPositions), each order's defects by position
 * (only the orders that have any, so the table stays the size of the defects, not of the orders)
 * and the order ids found there (unmatchedDefects).
 */
interface DefectTable {
  index: Map<string, OrderDefects>;
  rows: { kind: DefectKind; orderId: string }[];
  /** The records `byOrder` is of. */
  of: readonly Order[] | null;
  byOrder: Map<number, OrderDefects>;
  found: Set<string>;
}

function defectTable(ctx: MetricContext): DefectTable {
  return cached(ctx, "defects", ctx, () => readDefectTable(ctx));
}

function readDefectTable(ctx: MetricContext): DefectTable {
  const index = new Map<string, OrderDefects>();
  const rows: DefectTable["rows"] = [];
  eachDefect(ctx, (kind, orderId, words) => {
    rows.push({ kind, orderId });
    let d = index.get(orderId);
    if (d === undefined) {
      d = { negativeFeedback: false, claims: false, chargebacks: false, words: [] };
      index.set(orderId, d);
    }
    d[COMPONENT[kind]] = true;
    if (!d.words.includes(words)) d.words.push(words);
  });
  return { index, rows, of: null, byOrder: new Map(), found: new Set() };
}

/**
 * The defects of `records` (the orders input's) by position, for the orders that have any: one
 * lookup per defect order per context, however many odr rows read them.
 */
export function defectsByOrder(ctx: MetricContext, records: readonly Order[]): ReadonlyMap<number, OrderDefects> {
  return lookUp(ctx, defectTable(ctx), records);
}

/**
 * Where the orders named by any row of the defect inputs are in `records` (order id -> positions;
 * ids not among the orders are absent), whatever the rows' dates: the same for every as-of day,
 * so one pass over the orders serves every day of a trend (kept with the records in the context's
 * cache). Empty, without a pass, when there are no defect rows.
 */
function defectOrderPositions(ctx: MetricContext, records: readonly Order[]): Map<string, number[]> {
  return cached(ctx, "defect order positions", records, () => {
    const wanted = new Set<string>();
    for (const k of DEFECT_KINDS) for (const r of ctx.inputs[k]?.records ?? []) wanted.add(r.orderId);
    const positions = new Map<string, number[]>();
    if (wanted.size === 0) return positions;
    for (let j = 0; j < records.length; j++) {
      const id = records[j]!.orderId;
      if (!wanted.has(id)) continue;
      const at = positions.get(id);
      if (at === undefined) positions.set(id, [j]);
      else at.push(j);
    }
    return positions;
  });
}

/** Fills the table's byOrder and found for `records`, unless it has them. */
function lookUp(ctx: MetricContext, t: DefectTable, records: readonly Order[]): ReadonlyMap<number, OrderDefects> {
  if (t.of !== records) {
    const byOrder = new Map<number, OrderDefects>();
    const found = new Set<string>();
    if (t.index.size > 0) {
      const positions = defectOrderPositions(ctx, records);
      for (const [id, d] of t.index) {
        const at = positions.get(id);
        if (at === undefined) continue;
        for (const j of at) byOrder.set(j, d);
        found.add(id);
      }
    }
    t.of = records;
    t.byOrder = byOrder;
    t.found = found;
  }
  return t.byOrder;
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
  // The defect rows first (few); without any, the orders are not walked at all. The ids found
  // among the orders come from the same lookup as odr's (defectsByOrder).
  const t = defectTable(ctx);
  if (t.rows.length === 0) return counts;
  lookUp(ctx, t, orders.records);
  for (const r of t.rows) {
    if (!orders.outsideIds.has(r.orderId) && !t.found.has(r.orderId)) counts[r.kind]++;
  }
  return counts;
}

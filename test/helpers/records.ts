/** Builders for hand-made records in metric tests. Days are written as YYYY-MM-DD. */
import { defaultConfig, type ResolvedConfig } from "../../src/config/defaults.js";
import type { MetricContext } from "../../src/metrics/types.js";
import type {
  Chargeback,
  Claim,
  Feedback,
  Input,
  InputKind,
  Inputs,
  Message,
  Order,
  OrdersInput,
  ReturnRequest,
  Stamp,
  Violation,
} from "../../src/records.js";
import { parseDay, zone } from "../../src/time.js";

/** A date (start of day, UTC) or a date-time `YYYY-MM-DDTHH:MM` (UTC) as a Stamp. */
export function at(text: string): Stamp {
  const day = parseDay(text.slice(0, 10));
  if (day === null) throw new Error(`bad test date ${text}`);
  const ms = text.length > 10 ? Date.parse(text.endsWith("Z") ? text : `${text}Z`) : day * 86_400_000;
  return { ms, day: Math.floor(ms / 86_400_000) };
}

/** A date without a time used as a latest ship date: its instant is the end of the day. */
export function endOf(text: string): Stamp {
  const s = at(text);
  return { ms: (s.day + 1) * 86_400_000 - 1, day: s.day };
}

let line = 1;
const src = (file: string) => ({ file, line: ++line });

export function order(o: Partial<Order> & { orderId: string; purchase: Stamp }): Order {
  return {
    channel: "mfn",
    status: "shipped",
    pending: false,
    cancelled: false,
    cancelledBy: null,
    latestShip: null,
    shippedAt: null,
    trackingNumber: null,
    trackingValid: null,
    trackingExempt: false,
    promisedDelivery: null,
    deliveredAt: null,
    refundedAt: null,
    refundUndated: false,
    rows: 1,
    source: src("orders.txt"),
    ...o,
  };
}

export function feedback(f: Partial<Feedback> & { orderId: string; rating: number }): Feedback {
  return { date: null, removed: false, comments: null, source: src("feedback.txt"), ...f };
}
export function claim(c: Partial<Claim> & { orderId: string; status: string }): Claim {
  return { filedAt: null, amazonFunded: false, source: src("claims.csv"), ...c };
}
export function chargeback(c: Partial<Chargeback> & { orderId: string }): Chargeback {
  return { filedAt: null, type: null, status: null, source: src("chargebacks.csv"), ...c };
}
export function message(m: Partial<Message> & { receivedAt: Stamp }): Message {
  return { messageId: null, orderId: null, respondedAt: null, noResponseNeeded: false, source: src("messages.csv"), ...m };
}
/** Copies of `list` that count the reads of their receivedAt (crt reads it when it reads a message's facts). */
export function countingReads(list: Message[]): { list: Message[]; reads: () => number } {
  let reads = 0;
  const counted = list.map((m) =>
    Object.defineProperty({ ...m }, "receivedAt", {
      get: () => {
        reads++;
        return m.receivedAt;
      },
    }),
  );
  return { list: counted, reads: () => reads };
}
export function returnRequest(r: Partial<ReturnRequest> & { orderId: string; requestedAt: Stamp }): ReturnRequest {
  return { inPolicy: null, respondedAt: null, action: null, buyerResolved: null, source: src("returns.txt"), ...r };
}
export function violation(v: Partial<Violation> & { policy: string; detectedAt: Stamp }): Violation {
  return {
    violationId: null,
    severity: "low",
    category: "other",
    resolvedAt: null,
    asin: null,
    source: src("violations.csv"),
    ...v,
  };
}

/** An Input with the given records and columns (canonical field names). */
export function input<R>(kind: InputKind, records: R[], columns: string[]): Input<R> {
  return {
    kind,
    files: [`${kind}.csv`],
    columns: new Set(columns),
    rows: records.length,
    records,
    skipped: 0,
    skippedSamples: [],
    duplicates: 0,
    notes: [],
  };
}

export const ALL_ORDER_COLUMNS = [
  "order_id",
  "purchase_date",
  "fulfillment_channel",
  "order_status",
  "item_status",
  "cancelled_by",
  "latest_ship_date",
  "shipped_at",
  "tracking_number",
  "tracking_valid",
  "tracking_exempt",
  "promised_delivery_date",
  "delivered_at",
  "refunded_at",
  "refund_amount",
];

export function orders(records: Order[], columns: string[] = ALL_ORDER_COLUMNS): OrdersInput {
  return { ...input("orders", records, columns), outsideIds: new Set() };
}

/** A MetricContext for as-of day `asOf` (YYYY-MM-DD) in UTC. */
export function context(asOf: string, inputs: Inputs, config: ResolvedConfig = defaultConfig()): MetricContext {
  const z = zone("UTC");
  const d = parseDay(asOf);
  if (d === null) throw new Error(`bad as-of ${asOf}`);
  return { inputs, asOf: d, endOfDay: z.endOfDay(d), zone: z, config };
}

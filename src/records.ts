/**
 * The typed records every reader produces and every metric consumes. Defined once, here.
 *
 * Dates are `Stamp`s: `day` is the calendar day (a day number, see time.ts) in the report time
 * zone, or the date as written when the value had no time; `ms` is the instant (for a date
 * without a time, the start of that day in the report zone; for `latestShip`, its end).
 * Status words are normalised: lower-case with spaces, `_` and `-` removed ("Pending
 * Availability" -> "pendingavailability").
 */

export interface Source {
  /** The file name as the user gave it (`-` for standard input). */
  file: string;
  /** 1-based physical line of the row in that file. */
  line: number;
}

export interface Stamp {
  ms: number;
  day: number;
}

export type Channel = "mfn" | "afn";
export type CancelledBy = "buyer" | "seller" | "amazon" | "unknown";

export interface Order {
  orderId: string;
  channel: Channel;
  purchase: Stamp;
  /** Normalised `order_status`, null when the column is absent or every row is empty. */
  status: string | null;
  /** Decided by `order_status` alone (SPEC 8.3). */
  pending: boolean;
  /** Order status cancelled, or any row's item status cancelled. */
  cancelled: boolean;
  /** Who cancelled; null when the orders input has no cancellation column or the cell is empty. */
  cancelledBy: CancelledBy | null;
  /** Latest ship date; `ms` is the end of that day when the value had no time. */
  latestShip: Stamp | null;
  shippedAt: Stamp | null;
  trackingNumber: string | null;
  /** null when the `tracking_valid` column is absent; an empty cell is false (SPEC 8.4). */
  trackingValid: boolean | null;
  trackingExempt: boolean;
  promisedDelivery: Stamp | null;
  deliveredAt: Stamp | null;
  /** Earliest `refunded_at` over the order's rows, null when no row has one. */
  refundedAt: Stamp | null;
  /** Some row has `refund_amount` > 0 and no `refunded_at` (counts whatever D is, SPEC 8.7). */
  refundUndated: boolean;
  /**
   * The order's marketplace (SPEC 9.3): its first non-empty `sales_channel`, a known one in its
   * own spelling (`Amazon.com`); null or absent when the orders name none.
   */
  marketplace?: string | null;
  /** Item rows merged into this order. */
  rows: number;
  /** The order's first row. */
  source: Source;
}

export interface Feedback {
  orderId: string;
  /** null: undated (an empty date counts, SPEC 8.15). */
  date: Stamp | null;
  rating: number;
  removed: boolean;
  comments: string | null;
  source: Source;
}

export interface Claim {
  orderId: string;
  /** Normalised claim status: granted, sellerrefunded, denied, withdrawn, pending, open, ... */
  status: string;
  filedAt: Stamp | null;
  amazonFunded: boolean;
  source: Source;
}

export interface Chargeback {
  orderId: string;
  filedAt: Stamp | null;
  /** Normalised type (fraud, ...), null when absent. */
  type: string | null;
  /** Normalised status (won, reversed, withdrawn, ...), null when absent. */
  status: string | null;
  source: Source;
}

export interface Message {
  messageId: string | null;
  orderId: string | null;
  receivedAt: Stamp;
  respondedAt: Stamp | null;
  noResponseNeeded: boolean;
  source: Source;
}

export type ReturnAction = "rejected" | "authorized" | "refunded" | "closed" | "other";

export interface ReturnRequest {
  orderId: string;
  requestedAt: Stamp;
  inPolicy: boolean | null;
  respondedAt: Stamp | null;
  /** Normalised action/status; null when absent. */
  action: string | null;
  /** Explicit answer; null = no answer or no column. */
  buyerResolved: boolean | null;
  source: Source;
}

export type Severity = "low" | "medium" | "high" | "critical";
export type ViolationCategory = "intellectual_property" | "restricted_products" | "other";

export interface Violation {
  violationId: string | null;
  policy: string;
  severity: Severity;
  category: ViolationCategory;
  detectedAt: Stamp;
  resolvedAt: Stamp | null;
  asin: string | null;
  /** The `marketplace` cell as written (SPEC 9.3); null: empty or no such column (every marketplace). */
  marketplace?: string | null;
  source: Source;
}

export type InputKind =
  | "orders"
  | "feedback"
  | "claims"
  | "chargebacks"
  | "messages"
  | "returns"
  | "violations"
  | JoinedInputKind;

/** The kinds whose rows add fields to the orders, matched by order id (SPEC 9.1). */
export type JoinedInputKind = "order-report" | "unshipped" | "shipments";

export const JOINED_INPUT_KINDS: readonly JoinedInputKind[] = ["order-report", "unshipped", "shipments"];

export const INPUT_KINDS: readonly InputKind[] = [
  "orders",
  "feedback",
  "claims",
  "chargebacks",
  "messages",
  "returns",
  "violations",
  "order-report",
  "unshipped",
  "shipments",
];

/**
 * The canonical fields of each kind's export and what each means (SPEC section 3), in schema
 * order: the column names a config may map (`columns`, config/schema.ts) and `ahr schema`
 * documents. Contract data, so config need not import the readers: each kind's schema
 * (inputs/<kind>/schema.ts) adds whether a field is required and the headers it accepts.
 */
export const INPUT_FIELDS = {
  orders: {
    order_id: "Amazon order id; rows with the same id are one order",
    purchase_date: "when the order was placed",
    fulfillment_channel: "Amazon, AFN or FBA (fulfilled by Amazon); Merchant, MFN, FBM or Seller (seller-fulfilled)",
    order_status: "Shipped, Pending, PendingAvailability, Cancelled, ...",
    item_status: "status of the item row; one cancelled item marks the order cancelled",
    cancelled_by: "who cancelled: buyer, seller or amazon (or true/false: buyer requested)",
    latest_ship_date: "ship-by date; a date without a time means the end of that day",
    shipped_at: "when shipment was confirmed",
    tracking_number: "carrier tracking number",
    tracking_valid: "yes/no: the tracking number was valid (empty means no)",
    tracking_exempt: "yes/no: exempt from the valid tracking rate",
    carrier: "carrier name",
    promised_delivery_date: "latest promised delivery date",
    delivered_at: "when the order was delivered",
    refunded_at: "when the order was refunded",
    refund_amount: "amount refunded (a number; currency symbols allowed)",
    sales_channel: "the marketplace (Amazon.com, Amazon.de, ...): each is judged on its own; Non-Amazon (Multi-Channel Fulfillment) and other channels not starting with Amazon. are left out",
    sku: "seller SKU (not used by metrics)",
    asin: "ASIN (not used by metrics)",
    quantity: "item quantity (not used by metrics)",
  },
  feedback: {
    order_id: "the order the feedback is about",
    date: "feedback date; an empty cell counts as undated",
    rating: "stars, 1..5; 1 and 2 are negative",
    removed: "yes/no: removed (struck through) by Amazon",
    comments: "the buyer's comment",
    rater_email: "the rater's e-mail address; its domain (@marketplace.amazon.de) tells the marketplace, and so how the dates are written",
  },
  claims: {
    order_id: "the order the A-to-z claim is about",
    status: "granted, seller_refunded, denied, withdrawn, pending, open, ...",
    filed_at: "when the claim was filed",
    amazon_funded: "yes/no: Amazon paid the claim (funded-by: amazon means yes)",
  },
  chargebacks: {
    order_id: "the order charged back",
    filed_at: "when the chargeback was filed",
    type: "reason type; fraud chargebacks are not defects",
    status: "won, reversed and withdrawn chargebacks are not defects",
  },
  messages: {
    received_at: "when the buyer message arrived",
    responded_at: "when it was first answered",
    no_response_needed: "yes/no: marked as needing no response",
    order_id: "the order the message is about",
    message_id: "message id",
  },
  returns: {
    order_id: "the order returned",
    requested_at: "when the return was requested",
    in_policy: "Y/N: the return was within policy",
    responded_at: "first response to the request",
    action: "what was done: rejected, authorized, refunded, closed (Return request status wins over Resolution)",
    buyer_resolved: "yes/no: the buyer said the return was resolved (empty: no answer)",
  },
  violations: {
    policy: "the policy violated (repeat doubling counts per policy)",
    severity: "low, medium, high or critical",
    detected_at: "when the violation was detected",
    category: "intellectual_property, restricted_products or other (unknown values are other)",
    resolved_at: "when the violation was resolved; empty means open",
    violation_id: "violation id",
    asin: "the ASIN concerned",
    marketplace: "the marketplace it applies to (Amazon.de, DE or A1PA6795UKMFR9); empty or no column: every marketplace",
  },
  "order-report": {
    order_id: "the order (seller-fulfilled; one row per item); its fields join onto the orders input's order",
    latest_ship_date: "ship-by date (lsr); a date without a time means the end of that day",
    earliest_ship_date: "start of the ship window (recognises the report; not used by metrics)",
    promised_delivery_date: "latest promised delivery date (vtr, otdr)",
    cancelled_by: "is-buyer-requested-cancellation: true means the buyer asked to cancel (pfcr leaves those out)",
    sales_channel: "marketplace (Amazon.com, Amazon.ca, ...)",
  },
  unshipped: {
    order_id: "the order not yet confirmed shipped; its fields join onto the orders input's order",
    promised_delivery_date: "the promise date (vtr, otdr)",
    quantity_to_ship: "items left to ship (recognises the report; not used by metrics)",
  },
  shipments: {
    order_id: "the order a package was confirmed for; joins onto the orders input's order",
    shipped_at: "ship date; an order is shipped when its last package is (the latest date of its rows)",
    carrier_code: "carrier code (Other: the name is in carrier_name)",
    carrier_name: "carrier name",
    tracking_number: "tracking number; an order has valid tracking only when every one of its rows has one",
    shipment_id: "Amazon's shipment id (the FBA shipments report; recognises it)",
  },
} as const satisfies Record<InputKind, Record<string, string>>;

/** The canonical field names of a kind. */
export type FieldOf<K extends InputKind> = keyof (typeof INPUT_FIELDS)[K] & string;

/** A row that `--skip-invalid` skipped, kept for the report (the first few per input). */
export interface SkippedRow {
  file: string;
  line: number;
  /** The one-line error message that would have stopped the run. */
  message: string;
}

/** Everything read for one input kind (possibly from several files). */
export interface Input<R> {
  kind: InputKind;
  files: string[];
  /** Canonical field names present as columns (in every file of this kind? in any: see reader). */
  columns: ReadonlySet<string>;
  /** Data rows kept. */
  rows: number;
  /** The records (for orders: distinct orders, merged by id). */
  records: R[];
  /**
   * How many records were read, when the reader kept only those a report can use (ReadOptions
   * `keep`: feedback that can be a defect, messages and returns from a day on); absent when
   * `records` holds them all.
   */
  recordCount?: number;
  /** Rows skipped under --skip-invalid. */
  skipped: number;
  skippedSamples: SkippedRow[];
  /** Rows that repeat an earlier row exactly (counted, then ignored). */
  duplicates: number;
  /** Reader notes: "read as Windows-1252", ... */
  notes: string[];
  /** Rows left out because their order is of no marketplace (OrdersInput.excludedIds); absent: none. */
  excluded?: number;
}

/**
 * Orders: besides the kept orders, the ids of orders that were read but not kept because they
 * were purchased before any window needs them. Only ids another input refers to are kept here,
 * so a defect on such an order is matched (not `unmatched`) without holding every order.
 */
export interface OrdersInput extends Input<Order> {
  outsideIds: ReadonlySet<string>;
  /**
   * Orders read and merged but not kept in `records` because only the AHR estimate counts them
   * (ReadOptions `countOnly`: purchased before every metric's windows, and never in the
   * attention list): how many, and per purchase day how many are not pending. `recordCount`
   * then counts them with the records. Absent when there are none.
   */
  countedOnly?: {
    orders: number;
    nonPendingByDay: ReadonlyMap<number, number>;
    /** The same per marketplace (SPEC 9.3), when the orders name marketplaces. */
    byMarketplace?: ReadonlyMap<string, { orders: number; nonPendingByDay: ReadonlyMap<number, number> }>;
  };
  /**
   * Orders of no Amazon marketplace (SPEC 9.3: `Non-Amazon`, Multi-Channel Fulfillment, any sales
   * channel not starting with `Amazon.`): left out of `records`, with the rows of the other
   * inputs that name them. Absent when there are none.
   */
  excludedIds?: ReadonlySet<string>;
}

/**
 * A joined input (SPEC 9.1): its rows add fields to the orders and keep nothing of their own
 * (`records` is empty; `recordCount` = rows).
 */
export interface JoinedInput extends Input<never> {
  /** Rows whose order id is not in the orders input (they change nothing). */
  unmatched: number;
}

export interface Inputs {
  orders?: OrdersInput;
  feedback?: Input<Feedback>;
  claims?: Input<Claim>;
  chargebacks?: Input<Chargeback>;
  messages?: Input<Message>;
  returns?: Input<ReturnRequest>;
  violations?: Input<Violation>;
  "order-report"?: JoinedInput;
  unshipped?: JoinedInput;
  shipments?: JoinedInput;
  /** Reader notes not tied to one kind (an empty file in a directory, skipped). */
  notes?: string[];
}

/**
 * The metrics as data (SPEC section 2): for each metric its id, names, condition, channels, what
 * dates it, which inputs it reads and its default settings. Plain data, importing nothing but
 * types: every layer may read it (config validates and fills `metrics.<id>` from it, the words
 * name metrics from it), and each metric module carries its entry as its `meta`
 * (metrics/registry.ts lists the modules).
 *
 * Why the entries live here and not in the metric modules: config/ sits below metrics/ in the
 * flow (a config file is validated and resolved before anything is computed) and needs the ids,
 * conditions and defaults; the committed JSON Schema lists every metric. A module that computes
 * imports facts, defects, ...; config importing it would run against the flow. So a new metric is
 * its entry here, its module in metrics/ and its line in metrics/registry.ts.
 */
import type { InputKind } from "./records.js";

export type MetricId = "odr" | "pfcr" | "lsr" | "vtr" | "otdr" | "crt" | "rdr" | "refund_rate";
export type Condition = "lt" | "gte";
export type Level = "error" | "warn" | "off";
export type ChannelScope = "mfn" | "afn" | "all";

/**
 * What places an item in a metric's window, for the read planning (engine/plan.ts):
 * - `purchase`: the order's purchase day;
 * - `fulfilment`: a ship-by, ship or delivery day of the order, which may fall up to
 *   BASIS_SLACK_DAYS after its purchase day;
 * - `{ kind }`: the basis day of the metric's own records of that kind (the kind's keep day:
 *   a message's receipt, a return's request).
 */
export type DateBasis = "purchase" | "fulfilment" | { kind: InputKind };

/** The settings a metric has when the config says nothing (warnAt is derived from the target). */
export interface MetricDefaults {
  target: number;
  windows: number[];
  lagDays: number;
  level: Level;
}

export interface MetricDefinition {
  id: MetricId;
  name: string;
  /** The short name in human output ("ODR", "Refund"). */
  short: string;
  condition: Condition;
  /** One row per channel per window. */
  channels: ChannelScope[];
  /** What one counted item is, for sentences ("2 more defective orders"). */
  unit: { one: string; many: string };
  /** What a bad item is called in sentences ("defective order", "late shipment"). */
  bad: { one: string; many: string };
  /** What places an item in the window (read planning). */
  dated: DateBasis;
  /** The input kinds the metric reads. */
  needs: InputKind[];
  /** Report row fields the metric always has (null when its tally has no value). */
  rowFields?: "averageResponseHours"[];
  defaults: MetricDefaults;
}

const orders = { one: "order", many: "orders" };
const shipments = { one: "shipment", many: "shipments" };

/** The metrics in report order (SPEC section 2). */
export const METRICS: Record<MetricId, MetricDefinition> = {
  odr: {
    id: "odr",
    name: "Order Defect Rate",
    short: "ODR",
    condition: "lt",
    channels: ["mfn", "afn"],
    unit: orders,
    bad: { one: "defective order", many: "defective orders" },
    dated: "purchase",
    needs: ["orders", "feedback", "claims", "chargebacks"],
    defaults: { target: 0.01, windows: [60], lagDays: 14, level: "error" },
  },
  pfcr: {
    id: "pfcr",
    name: "Pre-fulfillment Cancel Rate",
    short: "PFCR",
    condition: "lt",
    channels: ["mfn"],
    unit: orders,
    bad: { one: "cancelled order", many: "cancelled orders" },
    dated: "purchase",
    needs: ["orders"],
    defaults: { target: 0.025, windows: [7], lagDays: 0, level: "error" },
  },
  lsr: {
    id: "lsr",
    name: "Late Shipment Rate",
    short: "LSR",
    condition: "lt",
    channels: ["mfn"],
    unit: orders,
    bad: { one: "late shipment", many: "late shipments" },
    dated: "fulfilment",
    needs: ["orders"],
    defaults: { target: 0.04, windows: [10, 30], lagDays: 0, level: "error" },
  },
  vtr: {
    id: "vtr",
    name: "Valid Tracking Rate",
    short: "VTR",
    condition: "gte",
    channels: ["mfn"],
    unit: shipments,
    bad: { one: "shipment without valid tracking", many: "shipments without valid tracking" },
    dated: "fulfilment",
    needs: ["orders"],
    defaults: { target: 0.95, windows: [30], lagDays: 0, level: "error" },
  },
  otdr: {
    id: "otdr",
    name: "On-Time Delivery Rate",
    short: "OTDR",
    condition: "gte",
    channels: ["mfn"],
    unit: shipments,
    bad: { one: "late delivery", many: "late deliveries" },
    dated: "fulfilment",
    needs: ["orders"],
    defaults: { target: 0.97, windows: [30], lagDays: 0, level: "warn" },
  },
  crt: {
    id: "crt",
    name: "Contact Response Time",
    short: "CRT",
    condition: "gte",
    channels: ["all"],
    unit: { one: "message", many: "messages" },
    bad: { one: "late response", many: "late responses" },
    dated: { kind: "messages" },
    needs: ["messages"],
    rowFields: ["averageResponseHours"],
    defaults: { target: 0.9, windows: [7, 30, 90], lagDays: 0, level: "warn" },
  },
  rdr: {
    id: "rdr",
    name: "Return Dissatisfaction Rate",
    short: "RDR",
    condition: "lt",
    channels: ["all"],
    unit: { one: "return request", many: "return requests" },
    bad: { one: "negative return", many: "negative returns" },
    dated: { kind: "returns" },
    needs: ["returns"],
    defaults: { target: 0.1, windows: [60], lagDays: 0, level: "warn" },
  },
  refund_rate: {
    id: "refund_rate",
    name: "Refund Rate",
    short: "Refund",
    condition: "lt",
    channels: ["all"],
    unit: orders,
    bad: { one: "refunded order", many: "refunded orders" },
    dated: "purchase",
    needs: ["orders"],
    defaults: { target: 0.05, windows: [30], lagDays: 0, level: "warn" },
  },
};

/** The metric ids in report order. */
export const METRIC_IDS: readonly MetricId[] = Object.keys(METRICS) as MetricId[];

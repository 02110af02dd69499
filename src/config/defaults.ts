/**
 * The metric table of SPEC section 2 and the resolved configuration every layer below the CLI
 * receives. The zod schema that validates a config file lives in config/schema.ts; this file is
 * the defaults and the shape after defaults and flags are applied.
 */
import type { InputKind } from "../records.js";

export type MetricId = "odr" | "pfcr" | "lsr" | "vtr" | "otdr" | "crt" | "rdr" | "refund_rate";
export type Condition = "lt" | "gte";
export type Level = "error" | "warn" | "off";
export type ChannelScope = "mfn" | "afn" | "all";

export interface MetricDefinition {
  id: MetricId;
  name: string;
  condition: Condition;
  /** One row per channel per window. */
  channels: ChannelScope[];
  /** What one counted item is, for sentences ("2 more defective orders"). */
  unit: { one: string; many: string };
  /** What a bad item is called in sentences ("defective order", "late shipment"). */
  bad: { one: string; many: string };
}

export interface MetricSettings {
  target: number;
  warnAt: number;
  windows: number[];
  lagDays: number;
  level: Level;
}

export const METRIC_IDS: readonly MetricId[] = [
  "odr",
  "pfcr",
  "lsr",
  "vtr",
  "otdr",
  "crt",
  "rdr",
  "refund_rate",
];

const orders = { one: "order", many: "orders" };
export const METRICS: Record<MetricId, MetricDefinition> = {
  odr: {
    id: "odr",
    name: "Order Defect Rate",
    condition: "lt",
    channels: ["mfn", "afn"],
    unit: orders,
    bad: { one: "defective order", many: "defective orders" },
  },
  pfcr: {
    id: "pfcr",
    name: "Pre-fulfillment Cancel Rate",
    condition: "lt",
    channels: ["mfn"],
    unit: orders,
    bad: { one: "cancelled order", many: "cancelled orders" },
  },
  lsr: {
    id: "lsr",
    name: "Late Shipment Rate",
    condition: "lt",
    channels: ["mfn"],
    unit: orders,
    bad: { one: "late shipment", many: "late shipments" },
  },
  vtr: {
    id: "vtr",
    name: "Valid Tracking Rate",
    condition: "gte",
    channels: ["mfn"],
    unit: { one: "shipment", many: "shipments" },
    bad: { one: "shipment without valid tracking", many: "shipments without valid tracking" },
  },
  otdr: {
    id: "otdr",
    name: "On-Time Delivery Rate",
    condition: "gte",
    channels: ["mfn"],
    unit: { one: "shipment", many: "shipments" },
    bad: { one: "late delivery", many: "late deliveries" },
  },
  crt: {
    id: "crt",
    name: "Contact Response Time",
    condition: "gte",
    channels: ["all"],
    unit: { one: "message", many: "messages" },
    bad: { one: "late response", many: "late responses" },
  },
  rdr: {
    id: "rdr",
    name: "Return Dissatisfaction Rate",
    condition: "lt",
    channels: ["all"],
    unit: { one: "return request", many: "return requests" },
    bad: { one: "negative return", many: "negative returns" },
  },
  refund_rate: {
    id: "refund_rate",
    name: "Refund Rate",
    condition: "lt",
    channels: ["all"],
    unit: orders,
    bad: { one: "refunded order", many: "refunded orders" },
  },
};

/** Default warning point: 0.8 x target (lt), target + 0.2 x (1 - target) (gte), in millionths. */
export function defaultWarnAt(condition: Condition, target: number): number {
  const t = Math.round(target * 1_000_000);
  const w = condition === "lt" ? Math.round(t * 0.8) : t + Math.round((1_000_000 - t) * 0.2);
  return w / 1_000_000;
}

function settings(id: MetricId, target: number, windows: number[], lagDays: number, level: Level): MetricSettings {
  return { target, warnAt: defaultWarnAt(METRICS[id].condition, target), windows, lagDays, level };
}

export const DEFAULT_METRIC_SETTINGS: Record<MetricId, MetricSettings> = {
  odr: settings("odr", 0.01, [60], 14, "error"),
  pfcr: settings("pfcr", 0.025, [7], 0, "error"),
  lsr: settings("lsr", 0.04, [10, 30], 0, "error"),
  vtr: settings("vtr", 0.95, [30], 0, "error"),
  otdr: settings("otdr", 0.97, [30], 0, "warn"),
  crt: settings("crt", 0.9, [7, 30, 90], 0, "warn"),
  rdr: settings("rdr", 0.1, [60], 0, "warn"),
  refund_rate: settings("refund_rate", 0.05, [30], 0, "warn"),
};

export interface AhrSettings {
  severityPoints: { low: number; medium: number; high: number };
  repeatDoubling: boolean;
  repeatLimits: { intellectual_property: number; restricted_products: number };
}

export type DateOrder = "mdy" | "dmy";

export interface ResolvedConfig {
  timeZone: string;
  dateOrder: DateOrder;
  countPendingClaims: boolean;
  metrics: Record<MetricId, MetricSettings>;
  ahr: AhrSettings;
  /** Per input kind: canonical field -> the header used in the user's files. */
  columns: Partial<Record<InputKind, Record<string, string>>>;
}

export function defaultConfig(): ResolvedConfig {
  return {
    timeZone: "UTC",
    dateOrder: "mdy",
    countPendingClaims: false,
    metrics: structuredClone(DEFAULT_METRIC_SETTINGS),
    ahr: {
      severityPoints: { low: 2, medium: 4, high: 8 },
      repeatDoubling: false,
      repeatLimits: { intellectual_property: 5, restricted_products: 2 },
    },
    columns: {},
  };
}

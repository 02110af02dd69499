/**
 * The resolved configuration every layer below the CLI receives, and its defaults (the metrics'
 * own defaults come from catalog.ts, re-exported here). The zod schema that validates a config
 * file lives in config/schema.ts; this file is the defaults and the shape after defaults and
 * flags are applied.
 */
import { METRICS, METRIC_IDS, type Condition, type Level, type MetricId } from "../catalog.js";
import type { InputKind } from "../records.js";

export {
  METRICS,
  METRIC_IDS,
  type ChannelScope,
  type Condition,
  type DateBasis,
  type Level,
  type MetricDefaults,
  type MetricDefinition,
  type MetricId,
} from "../catalog.js";

export interface MetricSettings {
  target: number;
  warnAt: number;
  windows: number[];
  lagDays: number;
  level: Level;
}

/** Default warning point: 0.8 x target (lt), target + 0.2 x (1 - target) (gte), in millionths. */
export function defaultWarnAt(condition: Condition, target: number): number {
  const t = Math.round(target * 1_000_000);
  const w = condition === "lt" ? Math.round(t * 0.8) : t + Math.round((1_000_000 - t) * 0.2);
  return w / 1_000_000;
}

/** Each metric's default settings (catalog.ts), warnAt derived from the target. */
export const DEFAULT_METRIC_SETTINGS: Record<MetricId, MetricSettings> = Object.fromEntries(
  METRIC_IDS.map((id) => {
    const d = METRICS[id].defaults;
    const warnAt = defaultWarnAt(METRICS[id].condition, d.target);
    return [id, { target: d.target, warnAt, windows: [...d.windows], lagDays: d.lagDays, level: d.level }];
  }),
) as Record<MetricId, MetricSettings>;

export interface AhrSettings {
  severityPoints: { low: number; medium: number; high: number };
  repeatDoubling: boolean;
  repeatLimits: { intellectual_property: number; restricted_products: number };
}

export type DateOrder = "mdy" | "dmy";

export interface ResolvedConfig {
  timeZone: string;
  dateOrder: DateOrder;
  /**
   * True when dateOrder was given (config file or flag), not defaulted: it then wins over what a
   * file's marketplace says of its dates (SPEC 9.2). Absent: defaulted.
   */
  dateOrderSet?: true;
  countPendingClaims: boolean;
  metrics: Record<MetricId, MetricSettings>;
  ahr: AhrSettings;
  /** Per input kind: canonical field -> the header used in the user's files. */
  columns: Partial<Record<InputKind, Record<string, string>>>;
  /** The account's name, written into the report (`--account`, config `account`); absent: none. */
  account?: string;
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

/**
 * The library: `import { checkHealth } from "ahr"` returns the object `ahr check --format json`
 * prints. `schemaVersion` in it is the promise to scripts.
 */
export { checkHealth, type CheckOptions } from "./engine/index.js";
export type {
  AccountHealth,
  Attention,
  Deduction,
  FailOn,
  Forecast,
  InputSummary,
  MetricRow,
  OdrComponents,
  Offender,
  RepeatLimit,
  Report,
  Status,
  Summary,
} from "./report/types.js";
export {
  METRICS,
  METRIC_IDS,
  DEFAULT_METRIC_SETTINGS,
  defaultConfig,
  defaultWarnAt,
  type ChannelScope,
  type Condition,
  type DateOrder,
  type Level,
  type MetricDefinition,
  type MetricId,
  type MetricSettings,
  type ResolvedConfig,
} from "./config/defaults.js";
export type { ConfigInput } from "./config/schema.js";
export { AhrError, isAhrError, type ErrorCode, type ErrorParams } from "./errors.js";
export type { InputKind } from "./records.js";

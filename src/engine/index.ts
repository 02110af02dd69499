/** The engine: what the library and the CLI call (check, trend), their options and the read plan. */
export { checkHealth, checkWithConfig } from "./check.js";
export { trendWithConfig } from "./trend.js";
export { CHART_DAYS, checkWithTrends } from "./charts.js";
export {
  FAIL_ON,
  resolveAsOf,
  resolveCheckConfig,
  resolveFailOn,
  resolveTrendDays,
  resolveTrendWindow,
  type CheckOptions,
  type TrendRunOptions,
} from "./options.js";
export { AHR_DAYS, BASIS_SLACK_DAYS, countOnlyFor, keepFor, keepFromDay, trendKeepFromDay, windowsFromDay } from "./plan.js";
export { packageVersion } from "../version.js";

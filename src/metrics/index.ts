/** The metric modules (registry.ts) by id and in report order (catalog.ts's METRIC_IDS). */
import { METRIC_IDS, type MetricId } from "../catalog.js";
import * as REGISTRY from "./registry.js";
import type { Metric, MetricFn } from "./types.js";

/** Every catalog id has its module (a missing registry line fails to compile here). */
export const METRIC_MODULES: Readonly<Record<MetricId, Metric>> = REGISTRY;

/** The modules in report order. */
export const METRIC_LIST: readonly Metric[] = METRIC_IDS.map((id) => METRIC_MODULES[id]);

/** The compute function of each metric. */
export const METRIC_FNS: Record<MetricId, MetricFn> = Object.fromEntries(
  METRIC_IDS.map((id) => [id, METRIC_MODULES[id].compute]),
) as Record<MetricId, MetricFn>;

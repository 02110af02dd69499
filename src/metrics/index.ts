/** The metric registry: one MetricFn per metric id (SPEC section 2), in one place. */
import type { MetricId } from "../config/defaults.js";
import type { MetricFn } from "./types.js";
import { pfcr } from "./pfcr.js";
import { lsr } from "./lsr.js";
import { vtr } from "./vtr.js";
import { otdr } from "./otdr.js";
import { refundRate } from "./refund-rate.js";
import { odr } from "./odr.js";
import { crt } from "./crt.js";
import { rdr } from "./rdr.js";

export const METRIC_FNS: Record<MetricId, MetricFn> = {
  odr,
  pfcr,
  lsr,
  vtr,
  otdr,
  crt,
  rdr,
  refund_rate: refundRate,
};

/**
 * The metrics, one line each: the export's name is the metric's id (catalog.ts), the module its
 * `{ meta, compute }`. Adding a metric: its entry in catalog.ts, its module here in metrics/, its
 * line below (metrics/index.ts checks at compile time that every catalog id has a module).
 */
export { default as odr } from "./odr.js";
export { default as pfcr } from "./pfcr.js";
export { default as lsr } from "./lsr.js";
export { default as vtr } from "./vtr.js";
export { default as otdr } from "./otdr.js";
export { default as crt } from "./crt.js";
export { default as rdr } from "./rdr.js";
export { default as refund_rate } from "./refund-rate.js";

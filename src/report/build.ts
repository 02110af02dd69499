/** buildReport: records + as-of + config -> the Report. STUB: signature agreed, body to come. */
import type { ResolvedConfig } from "../config/defaults.js";
import type { Inputs } from "../records.js";
import type { FailOn, Report } from "./types.js";

export interface BuildOptions {
  /** The as-of day D (day number). */
  asOf: number;
  config: ResolvedConfig;
  /** Put every offender in each metric row (`--details`). */
  details: boolean;
  failOn: FailOn;
  /** The package version, for `tool.version`. */
  version: string;
}

export function buildReport(inputs: Inputs, options: BuildOptions): Report {
  void inputs;
  void options;
  throw new Error("buildReport: not implemented yet");
}

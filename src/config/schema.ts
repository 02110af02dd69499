/**
 * The zod schema of a config file (SPEC section 6): what a user may write in ahr.config.json or
 * .ahrrc.json, or pass to `checkHealth({ config })`. Every key is optional (defaults fill the
 * rest, see load.ts); every object is strict, so an unknown key is an error that names its path.
 *
 * Decisions (for the README):
 * - Each metric takes `windows` (a list of window lengths in days, one report row per window) or
 *   `days` (shorthand for a single window: `"days": 60` = `"windows": [60]`), never both. `days`
 *   is how the single-window metrics read best; `windows` is how lsr (10, 30) and crt (7, 30, 90)
 *   read best; both are accepted for every metric.
 * - `"$comment"` (a string, ignored) is allowed in every object, because JSON cannot hold
 *   comments and `ahr init` explains its file with them.
 * - Fractions (target, warnAt) are numbers from 0 to 1 with at most 6 decimals (the arithmetic
 *   is exact in millionths).
 * - `warnAt` left out is derived from the target (SPEC section 2); the side check (warnAt not
 *   beyond the target) is made after merging, in load.ts, because it needs the defaults.
 */
import { z } from "zod";
import { METRIC_IDS, type MetricId } from "../catalog.js";
import { INPUT_FIELDS, INPUT_KINDS, type InputKind } from "../records.js";
import { isValidZone } from "../time.js";

const FRACTION = "expected a number between 0 and 1";

/** A number from 0 to 1 with at most 6 decimal places. */
const fraction = z
  .number({ error: FRACTION })
  .min(0, { error: FRACTION })
  .max(1, { error: FRACTION })
  .refine((x) => Number(x.toFixed(6)) === x, { error: "expected at most 6 decimal places (the arithmetic is exact in millionths)" });

const WINDOW = "expected a whole number of days from 1 to 365";
const windowDays = z.int({ error: WINDOW }).min(1, { error: WINDOW }).max(365, { error: WINDOW });

const LAG = "expected a whole number of days from 0 to 365";
const lagDays = z.int({ error: LAG }).min(0, { error: LAG }).max(365, { error: LAG });

const comment = z.string({ error: "expected a string (a comment, ignored)" }).optional();

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of ${values.map((v) => JSON.stringify(v)).join(", ")}` });
}

const bool = z.boolean({ error: "expected true or false" });

export const metricConfigSchema = z
  .strictObject({
    $comment: comment,
    target: fraction.optional().describe("The target rate, a fraction (0.01 = 1%)."),
    warnAt: fraction
      .optional()
      .describe("The rate at which the status becomes at_risk. Default: 0.8 x target (lower-is-better) or target + 0.2 x (1 - target) (higher-is-better)."),
    days: windowDays.optional().describe("One window of this many days (shorthand for windows: [days])."),
    windows: z
      .array(windowDays, { error: "expected a list of window lengths in days, such as [10, 30]" })
      .min(1, { error: "expected at least one window" })
      .max(8, { error: "expected at most 8 windows" })
      .refine((ws) => new Set(ws).size === ws.length, { error: "expected different window lengths" })
      .optional()
      .describe("Window lengths in days; the metric gets one row per window."),
    lagDays: lagDays.optional().describe("Days between the as-of date and the window's last day (odr: 14)."),
    level: oneOf(["off", "warn", "error"] as const)
      .optional()
      .describe("error: a breach fails the run; warn: reported only; off: the metric is hidden."),
  })
  .refine((m) => m.days === undefined || m.windows === undefined, {
    error: "give either days or windows, not both",
  })
  .meta({ id: "metric", description: "One metric's settings; every key optional (defaults in the README's metric table)." });

export type MetricConfig = z.input<typeof metricConfigSchema>;

const metricsShape = Object.fromEntries(METRIC_IDS.map((id) => [id, metricConfigSchema.optional()])) as Record<
  MetricId,
  z.ZodOptional<typeof metricConfigSchema>
>;

const points = z.int({ error: "expected a whole number of points from 0 to 1000" }).min(0, { error: "expected a whole number of points from 0 to 1000" }).max(1000, { error: "expected a whole number of points from 0 to 1000" });
const limit = z.int({ error: "expected a whole number from 1 to 1000" }).min(1, { error: "expected a whole number from 1 to 1000" }).max(1000, { error: "expected a whole number from 1 to 1000" });

export const ahrConfigSchema = z.strictObject({
  $comment: comment,
  severityPoints: z
    .strictObject({ $comment: comment, low: points.optional(), medium: points.optional(), high: points.optional() }, { error: "expected an object" })
    .optional()
    .describe("Points an open violation costs, by severity (an open critical violation sets the score to 0)."),
  repeatDoubling: bool.optional().describe("The n-th open violation of the same policy costs base x 2^(n-1)."),
  repeatLimits: z
    .strictObject(
      { $comment: comment, intellectual_property: limit.optional(), restricted_products: limit.optional() },
      { error: "expected an object" },
    )
    .optional()
    .describe("Violations in 180 days (resolved or not) that put the account at risk of deactivation."),
});

const header = z.string({ error: "expected the header text of the column in your file" }).trim().min(1, { error: "expected a non-empty header text" });

/** One kind's mapping: canonical field name -> header text (the field names: records.ts INPUT_FIELDS). */
export type ColumnMapping = { $comment?: string } & { [field: string]: string | undefined };

function columnsOf(kind: InputKind): z.ZodType<ColumnMapping, ColumnMapping> {
  const shape: Record<string, z.ZodOptional<typeof header>> = {};
  for (const [name, description] of Object.entries(INPUT_FIELDS[kind])) shape[name] = header.optional().describe(description);
  return z.strictObject({ $comment: comment, ...shape }, { error: "expected an object" }) as unknown as z.ZodType<
    ColumnMapping,
    ColumnMapping
  >;
}

const columnsShape = Object.fromEntries(INPUT_KINDS.map((kind) => [kind, columnsOf(kind).optional()])) as Record<
  InputKind,
  z.ZodOptional<z.ZodType<ColumnMapping, ColumnMapping>>
>;

export const configSchema = z
  .strictObject(
    {
      $schema: z.string({ error: "expected a string (the path or URL of the JSON Schema)" }).optional(),
      $comment: comment,
      account: z
        .string({ error: "expected a string (the account's name)" })
        .min(1, { error: "expected a non-empty string (the account's name)" })
        .max(200, { error: "expected at most 200 characters" })
        .optional()
        .describe("The account's name, written into every report (ahr check --account beats it); for many accounts, see ahr rollup."),
      timeZone: z
        .string({ error: "expected an IANA time zone name such as \"America/Los_Angeles\"" })
        .refine(isValidZone, { error: "expected an IANA time zone name such as \"America/Los_Angeles\"" })
        .optional()
        .describe("The report time zone (IANA name). Timestamps without an offset are read in it; days are counted in it."),
      dateOrder: oneOf(["mdy", "dmy"] as const).optional().describe("How to read 1/2/26: mdy (US, January 2) or dmy (February 1)."),
      countPendingClaims: bool.optional().describe("Count pending and open A-to-z claims as order defects."),
      metrics: z
        .strictObject({ $comment: comment, ...metricsShape }, { error: "expected an object" })
        .optional()
        .describe("Per metric: target, warnAt, windows (or days), lagDays, level."),
      ahr: ahrConfigSchema.optional().describe("The Account Health Rating estimate."),
      columns: z
        .strictObject({ $comment: comment, ...columnsShape }, { error: "expected an object" })
        .optional()
        .describe("Per input kind: canonical field name -> the header used in your files."),
    },
    { error: "expected an object" },
  )
  .describe("ahr configuration (ahr.config.json)");

/** What a config file (or a library caller's `config` object) may hold: every key optional. */
export type ConfigInput = z.input<typeof configSchema>;
/** A validated config file. */
export type ConfigFile = z.output<typeof configSchema>;

/** A zod issue as one `key.path: what was expected` pair. */
export interface ConfigProblem {
  key: string;
  detail: string;
}

function keyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** The first problem of a failed parse, phrased for a human (the key path and what was expected). */
export function describeIssue(issue: z.core.$ZodIssue): ConfigProblem {
  const base = keyPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    return {
      key: base === "" ? key : `${base}.${key}`,
      detail: `unknown key${issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more)` : ""}; check the spelling against the JSON Schema (ahr/schema/ahr.config.schema.json)`,
    };
  }
  return { key: base === "" ? "(root)" : base, detail: issue.message };
}

/** Validates a parsed config value; returns the typed value or the first problem. */
export function validateConfig(value: unknown): { ok: true; value: ConfigFile } | { ok: false; problem: ConfigProblem } {
  const r = configSchema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const first = r.error.issues[0];
  return { ok: false, problem: first ? describeIssue(first) : { key: "(root)", detail: "invalid" } };
}

/**
 * The roll-up of many accounts' reports (SPEC section 12, issue 16), as data.
 *
 * Pure: it takes the JSON documents `ahr check --format json` wrote (already parsed, one at a
 * time, so a caller can read thousands of files and keep only the compact rows) and builds one
 * row per account and marketplace. It never reads files and never sees an export.
 *
 * - readReport(source, doc, name) checks the document's shape by hand (no schema library: the
 *   roll-up of 1,000 reports must start fast) and returns its rows, or one row saying why it
 *   cannot be used: `unreadable` (not JSON, not a check report, a field of the wrong type) or
 *   `other_version` (schemaVersion is not 1).
 * - failedAccount(name, error) is the row of an account whose check did not finish (ahr batch);
 *   the file batch leaves for it ({schemaVersion, account, error}) reads back as the same row.
 * - buildRollup(entries) marks `stale` reports (as-of date older than the newest report's by more
 *   than STALE_AFTER_DAYS), gives every row its exit code and sorts worst first.
 *
 * Exit codes (README "Many accounts"): a usable, current report gives its own summary.exitCode
 * (0 or 1, decided by the check with its --fail-on); a stale, unreadable or other-version report
 * and a failed account give 2 (the roll-up cannot vouch for that account). The roll-up's exit code
 * is the worst row's.
 *
 * Marketplaces: when a report's metric rows carry `marketplace` (a report of several
 * marketplaces, SPEC 9.3), each marketplace is its own row, with its AHR and summary from the
 * report's `marketplaces[]` (else, for an older layout, the AHR whose `marketplace` matches and
 * statuses counted from its rows). Otherwise the report is one row with marketplace null.
 */
import { MESSAGES, type ErrorCode, type ErrorParams } from "../errors.js";
import { formatDay, parseDay } from "../time.js";

export const ROLLUP_SCHEMA_VERSION = 1;
/** The report schema version the roll-up reads. */
export const REPORT_SCHEMA_VERSION = 1;
/** A report whose as-of date is more than this many days before the newest report's is stale. */
export const STALE_AFTER_DAYS = 1;

export type RollupState = "ok" | "stale" | "unreadable" | "other_version" | "failed";
export type RowStatus = "good" | "at_risk" | "breach";
type MetricStatus = "good" | "at_risk" | "breach" | "no_data";

export interface RollupMetric {
  id: string;
  channel: string;
  windowDays: number;
  rate: number | null;
  status: MetricStatus;
  level: "error" | "warn";
}

export interface RollupHealth {
  score: number;
  band: string;
  status: RowStatus;
  deactivationRisk: boolean;
}

export interface RollupError {
  /** An AhrError code (FILE_UNREADABLE, REPORT_JSON, REPORT_SHAPE, REPORT_VERSION, ...). */
  code: string;
  message: string;
}

export interface RollupRow {
  account: string;
  marketplace: string | null;
  /** The report file; null for an account whose check failed before writing one. */
  source: string | null;
  state: RollupState;
  /** The report's status (worst of its rows and the AHR); null when there is no usable report. */
  status: RowStatus | null;
  exitCode: 0 | 1 | 2;
  asOf: string | null;
  /** Days between this report's as-of date and the newest report's; null without a date. */
  ageDays: number | null;
  breaches: number;
  atRisk: number;
  /** Every metric row of the report (of this marketplace), worst first. */
  metrics: RollupMetric[];
  accountHealth: RollupHealth | null;
  error: RollupError | null;
}

export interface RollupSummary {
  /** Distinct account names. */
  accounts: number;
  rows: number;
  breach: number;
  atRisk: number;
  good: number;
  stale: number;
  unreadable: number;
  otherVersion: number;
  failed: number;
  exitCode: 0 | 1 | 2;
}

export interface Rollup {
  schemaVersion: typeof ROLLUP_SCHEMA_VERSION;
  kind: "rollup";
  tool: { name: string; version: string };
  /** The newest as-of date among the usable reports. */
  newestAsOf: string | null;
  staleAfterDays: number;
  rows: RollupRow[];
  /** Accounts named by more than one report (each is listed; this says so). */
  duplicates: { account: string; marketplace: string | null; sources: string[] }[];
  /** Files in a named directory that were not read (not *.json). */
  ignored: string[];
  summary: RollupSummary;
}

/** A row before buildRollup has set staleness, exit code and order. */
export type RollupEntry = Omit<RollupRow, "ageDays" | "exitCode"> & { reportExitCode: 0 | 1 | null };

const METRIC_STATUSES: ReadonlySet<string> = new Set(["good", "at_risk", "breach", "no_data"]);
const ROW_STATUSES: ReadonlySet<string> = new Set(["good", "at_risk", "breach"]);
const STATUS_RANK: Record<MetricStatus, number> = { breach: 0, at_risk: 1, good: 2, no_data: 3 };
const STATE_RANK: Record<RollupState, number> = { failed: 0, unreadable: 1, other_version: 2, stale: 3, ok: 4 };

class ShapeError extends Error {}

/** A row's error: its code and the one-line message errors.ts writes for it (no file prefix). */
export function rowError(code: ErrorCode, params: ErrorParams = {}): RollupError {
  return { code, message: MESSAGES[code](params) };
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function field(o: Obj, path: string, key: string): unknown {
  if (!(key in o)) throw new ShapeError(`${path}${key} is missing`);
  return o[key];
}

function str(o: Obj, path: string, key: string): string {
  const v = field(o, path, key);
  if (typeof v !== "string") throw new ShapeError(`${path}${key}: expected a string`);
  return v;
}

function num(o: Obj, path: string, key: string): number {
  const v = field(o, path, key);
  if (typeof v !== "number" || !Number.isFinite(v)) throw new ShapeError(`${path}${key}: expected a number`);
  return v;
}

function oneOf<T extends string>(o: Obj, path: string, key: string, allowed: ReadonlySet<string>): T {
  const v = field(o, path, key);
  if (typeof v !== "string" || !allowed.has(v)) {
    throw new ShapeError(`${path}${key}: expected one of ${[...allowed].join(", ")}`);
  }
  return v as T;
}

function obj(o: Obj, path: string, key: string): Obj {
  const v = field(o, path, key);
  if (!isObj(v)) throw new ShapeError(`${path}${key}: expected an object`);
  return v;
}

function readMetric(m: unknown, i: number): RollupMetric & { marketplace: string | null } {
  const path = `metrics[${i}].`;
  if (!isObj(m)) throw new ShapeError(`metrics[${i}]: expected an object`);
  const rate = field(m, path, "rate");
  if (rate !== null && (typeof rate !== "number" || !Number.isFinite(rate))) {
    throw new ShapeError(`${path}rate: expected a number or null`);
  }
  const marketplace = m["marketplace"];
  if (marketplace !== undefined && marketplace !== null && typeof marketplace !== "string") {
    throw new ShapeError(`${path}marketplace: expected a string`);
  }
  return {
    id: str(m, path, "id"),
    channel: str(m, path, "channel"),
    windowDays: num(m, path, "windowDays"),
    rate,
    status: oneOf(m, path, "status", METRIC_STATUSES),
    level: oneOf(m, path, "level", new Set(["error", "warn"])),
    marketplace: typeof marketplace === "string" ? marketplace : null,
  };
}

function readHealth(h: Obj, path: string): RollupHealth & { marketplace: string | null } {
  const risk = h["deactivationRisk"];
  if (risk !== undefined && typeof risk !== "boolean") throw new ShapeError(`${path}deactivationRisk: expected true or false`);
  const marketplace = h["marketplace"];
  return {
    score: num(h, path, "score"),
    band: str(h, path, "band"),
    status: oneOf(h, path, "status", ROW_STATUSES),
    deactivationRisk: risk === true,
    marketplace: typeof marketplace === "string" ? marketplace : null,
  };
}

/** Worst first: breach, at_risk, good, no_data; error-level before warn; then report order. */
export function worstFirst(metrics: readonly RollupMetric[]): RollupMetric[] {
  return metrics
    .map((m, i) => ({ m, i }))
    .sort(
      (a, b) =>
        STATUS_RANK[a.m.status] - STATUS_RANK[b.m.status] ||
        (a.m.level === b.m.level ? 0 : a.m.level === "error" ? -1 : 1) ||
        a.i - b.i,
    )
    .map(({ m }) => m);
}

function problem(
  state: "unreadable" | "other_version" | "failed",
  account: string,
  source: string | null,
  error: RollupError,
  asOf: string | null = null,
): RollupEntry {
  return {
    account,
    marketplace: null,
    source,
    state,
    status: null,
    asOf,
    breaches: 0,
    atRisk: 0,
    metrics: [],
    accountHealth: null,
    error,
    reportExitCode: null,
  };
}

/** The row of a report file that could not be read or parsed (the caller's error). */
export function unreadableReport(source: string, account: string, error: RollupError): RollupEntry {
  return problem("unreadable", account, source, error);
}

/** The row of an account whose check did not finish (ahr batch): its error, no report. */
export function failedAccount(account: string, error: RollupError, source: string | null = null): RollupEntry {
  return problem("failed", account, source, error);
}

/**
 * The rows of one parsed report document. `name` is the account name used when the report has
 * none (the caller passes the file's base name).
 */
export function readReport(source: string, doc: unknown, name: string): RollupEntry[] {
  if (!isObj(doc)) {
    return [unreadableReport(source, name, rowError("REPORT_SHAPE", { detail: "the JSON is not an object" }))];
  }
  const account = typeof doc["account"] === "string" && doc["account"] !== "" ? doc["account"] : name;
  const version = doc["schemaVersion"];
  if (version === undefined) {
    return [unreadableReport(source, account, rowError("REPORT_SHAPE", { detail: "no schemaVersion" }))];
  }
  if (version !== REPORT_SCHEMA_VERSION) {
    const asOf = typeof doc["asOf"] === "string" ? doc["asOf"] : null;
    return [
      problem(
        "other_version",
        account,
        source,
        rowError("REPORT_VERSION", { value: JSON.stringify(version), expected: String(REPORT_SCHEMA_VERSION) }),
        asOf,
      ),
    ];
  }
  const failure = doc["error"];
  if (isObj(failure) && typeof failure["code"] === "string" && typeof failure["message"] === "string" && !("metrics" in doc)) {
    // What ahr batch writes for an account whose check failed.
    return [failedAccount(account, { code: failure["code"], message: failure["message"] }, source)];
  }
  if (doc["kind"] === "rollup") {
    return [unreadableReport(source, account, rowError("REPORT_SHAPE", { detail: "this is a roll-up" }))];
  }
  if (typeof doc["metric"] === "string" && Array.isArray(doc["series"])) {
    return [unreadableReport(source, account, rowError("REPORT_SHAPE", { detail: "this is an ahr trend report" }))];
  }
  try {
    const asOf = str(doc, "", "asOf");
    if (parseDay(asOf) === null) throw new ShapeError("asOf: expected a date YYYY-MM-DD");
    const list = field(doc, "", "metrics");
    if (!Array.isArray(list)) throw new ShapeError("metrics: expected a list");
    const metrics = list.map(readMetric);
    const summary = obj(doc, "", "summary");
    const reportStatus = oneOf<RowStatus>(summary, "summary.", "status", ROW_STATUSES);
    const exit = field(summary, "summary.", "exitCode");
    if (exit !== 0 && exit !== 1) throw new ShapeError("summary.exitCode: expected 0 or 1");
    const breaches = num(summary, "summary.", "breaches");
    const atRisk = num(summary, "summary.", "atRisk");
    const rawHealth = field(doc, "", "accountHealth");
    const healths = Array.isArray(rawHealth)
      ? rawHealth.map((h, i) => {
          if (!isObj(h)) throw new ShapeError(`accountHealth[${i}]: expected an object`);
          return readHealth(h, `accountHealth[${i}].`);
        })
      : isObj(rawHealth)
        ? [readHealth(rawHealth, "accountHealth.")]
        : (() => {
            throw new ShapeError("accountHealth: expected an object");
          })();

    const marketplaces = [...new Set(metrics.map((m) => m.marketplace).filter((m): m is string => m !== null))];
    // A report of two or more marketplaces (SPEC 9.3) carries each one's AHR and summary.
    const perMarket = new Map<string, { health: RollupHealth; status: RowStatus; breaches: number; atRisk: number; exit: 0 | 1 }>();
    const listed = doc["marketplaces"];
    if (Array.isArray(listed)) {
      listed.forEach((x, i) => {
        const path = `marketplaces[${i}].`;
        if (!isObj(x)) throw new ShapeError(`marketplaces[${i}]: expected an object`);
        const name = str(x, path, "marketplace");
        const ms = obj(x, path, "summary");
        const e = field(ms, `${path}summary.`, "exitCode");
        if (e !== 0 && e !== 1) throw new ShapeError(`${path}summary.exitCode: expected 0 or 1`);
        perMarket.set(name, {
          health: readHealth(obj(x, path, "accountHealth"), `${path}accountHealth.`),
          status: oneOf<RowStatus>(ms, `${path}summary.`, "status", ROW_STATUSES),
          breaches: num(ms, `${path}summary.`, "breaches"),
          atRisk: num(ms, `${path}summary.`, "atRisk"),
          exit: e,
        });
      });
    }
    const plain = (m: RollupMetric & { marketplace: string | null }): RollupMetric => ({
      id: m.id,
      channel: m.channel,
      windowDays: m.windowDays,
      rate: m.rate,
      status: m.status,
      level: m.level,
    });
    const plainHealth = (h: RollupHealth | undefined): RollupHealth | null =>
      h === undefined ? null : { score: h.score, band: h.band, status: h.status, deactivationRisk: h.deactivationRisk };
    const base = { account, source, state: "ok" as const, asOf, error: null };

    if (marketplaces.length === 0) {
      return [
        {
          ...base,
          marketplace: null,
          status: reportStatus,
          breaches,
          atRisk,
          metrics: worstFirst(metrics.map(plain)),
          accountHealth: plainHealth(healths[0]),
          reportExitCode: exit,
        },
      ];
    }
    // One row per marketplace; the report's exit code goes to the rows that hold what failed it.
    const rows = marketplaces.map((mkt) => {
      const own = metrics.filter((m) => m.marketplace === mkt || m.marketplace === null);
      const given = perMarket.get(mkt);
      if (given !== undefined) {
        return {
          ...base,
          marketplace: mkt,
          status: given.status,
          breaches: given.breaches,
          atRisk: given.atRisk,
          metrics: worstFirst(own.map(plain)),
          accountHealth: plainHealth(given.health),
          reportExitCode: given.exit,
        };
      }
      const health = healths.find((h) => h.marketplace === mkt) ?? healths.find((h) => h.marketplace === null);
      const statuses: { level: string; status: string }[] = [
        ...own.map((m) => ({ level: m.level, status: m.status as string })),
        ...(health ? [{ level: "error", status: health.status as string }] : []),
      ];
      const b = statuses.filter((s) => s.status === "breach").length;
      const r = statuses.filter((s) => s.status === "at_risk").length;
      const failing = statuses.some((s) => s.level === "error" && (s.status === "breach" || s.status === "at_risk"));
      return {
        ...base,
        marketplace: mkt,
        status: (b > 0 ? "breach" : r > 0 ? "at_risk" : "good") as RowStatus,
        breaches: b,
        atRisk: r,
        metrics: worstFirst(own.map(plain)),
        accountHealth: plainHealth(health),
        reportExitCode: (exit === 1 && failing ? 1 : 0) as 0 | 1,
      };
    });
    // The account's exit code stands whatever the split: if no row took it, every row does.
    if (exit === 1 && !rows.some((r) => r.reportExitCode === 1)) for (const r of rows) r.reportExitCode = 1;
    return rows;
  } catch (e) {
    if (e instanceof ShapeError) {
      return [unreadableReport(source, account, rowError("REPORT_SHAPE", { detail: e.message }))];
    }
    throw e;
  }
}

function compareRows(a: RollupRow, b: RollupRow): number {
  const statusRank = (s: RowStatus | null): number => (s === null ? 3 : STATUS_RANK[s]);
  const text = (x: string | null, y: string | null): number =>
    x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
  return (
    b.exitCode - a.exitCode ||
    STATE_RANK[a.state] - STATE_RANK[b.state] ||
    statusRank(a.status) - statusRank(b.status) ||
    b.breaches - a.breaches ||
    b.atRisk - a.atRisk ||
    (a.accountHealth?.score ?? Infinity) - (b.accountHealth?.score ?? Infinity) ||
    text(a.account, b.account) ||
    text(a.marketplace, b.marketplace) ||
    text(b.asOf, a.asOf) ||
    text(a.source, b.source)
  );
}

export interface BuildRollupOptions {
  version: string;
  ignored?: string[];
}

/** Staleness, exit codes, order and the summary over every entry (none is ever left out). */
export function buildRollup(entries: readonly RollupEntry[], options: BuildRollupOptions): Rollup {
  let newest: number | null = null;
  for (const e of entries) {
    if (e.state !== "ok" || e.asOf === null) continue;
    const d = parseDay(e.asOf);
    if (d !== null && (newest === null || d > newest)) newest = d;
  }
  const rows: RollupRow[] = entries.map(({ reportExitCode, ...e }) => {
    const day = e.asOf === null ? null : parseDay(e.asOf);
    const ageDays = day === null || newest === null ? null : newest - day;
    const stale = e.state === "ok" && ageDays !== null && ageDays > STALE_AFTER_DAYS;
    const state: RollupState = stale ? "stale" : e.state;
    const exitCode: 0 | 1 | 2 = state === "ok" ? (reportExitCode ?? 0) : 2;
    return { ...e, state, exitCode, ageDays };
  });
  rows.sort(compareRows);

  const groups = new Map<string, { account: string; marketplace: string | null; sources: string[] }>();
  for (const r of rows) {
    if (r.source === null) continue;
    const key = JSON.stringify([r.account, r.marketplace]);
    const g = groups.get(key) ?? { account: r.account, marketplace: r.marketplace, sources: [] };
    g.sources.push(r.source);
    groups.set(key, g);
  }
  const duplicates = [...groups.values()]
    .filter((g) => new Set(g.sources).size > 1)
    .map((g) => ({ ...g, sources: [...new Set(g.sources)].sort() }));

  const count = (p: (r: RollupRow) => boolean): number => rows.filter(p).length;
  const summary: RollupSummary = {
    accounts: new Set(rows.map((r) => r.account)).size,
    rows: rows.length,
    breach: count((r) => r.state === "ok" && r.status === "breach"),
    atRisk: count((r) => r.state === "ok" && r.status === "at_risk"),
    good: count((r) => r.state === "ok" && r.status === "good"),
    stale: count((r) => r.state === "stale"),
    unreadable: count((r) => r.state === "unreadable"),
    otherVersion: count((r) => r.state === "other_version"),
    failed: count((r) => r.state === "failed"),
    exitCode: rows.reduce<0 | 1 | 2>((worst, r) => (r.exitCode > worst ? r.exitCode : worst), 0),
  };
  return {
    schemaVersion: ROLLUP_SCHEMA_VERSION,
    kind: "rollup",
    tool: { name: "ahr", version: options.version },
    newestAsOf: newest === null ? null : formatDay(newest),
    staleAfterDays: STALE_AFTER_DAYS,
    rows,
    duplicates,
    ignored: options.ignored ?? [],
    summary,
  };
}

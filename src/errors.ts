/**
 * Every user-facing error, keyed by a stable code, with its text in one place.
 *
 * Code throws `new AhrError(code, params)`; the CLI prints `error.message` (one line) on stderr
 * and exits 2. Messages name the file, line, column, value and the fix wherever they apply.
 * Values from files are quoted with JSON.stringify-like escaping by `quote()` so a hostile value
 * cannot put control characters on the terminal.
 */

export interface ErrorParams {
  file?: string;
  line?: number;
  column?: string;
  value?: string;
  expected?: string;
  hint?: string;
  kind?: string;
  field?: string;
  accepted?: string[];
  found?: string[];
  key?: string;
  detail?: string;
  what?: string;
  files?: string[];
  limit?: number;
  /** The row was skipped (--skip-invalid): leave out the advice to skip it. */
  skipped?: boolean;
  /** An option's value as the caller gave it (any type), written as JSON (usage errors). */
  given?: unknown;
}

type Render = (p: ErrorParams) => string;

/**
 * Controls, DEL, C1, line/paragraph separators and invisible format characters (Unicode Cf): what
 * showName escapes (format/sanitize.ts re-exports it; its cleanText shows the Cf ones the same way).
 */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}/gu;

/** A file name or key with every unsafe character shown escaped (`nope\u001b]0;T.csv`), never removed. */
export function showName(s: string): string {
  return s.replace(UNSHOWABLE, (c) => {
    const cp = c.codePointAt(0) ?? 0;
    return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, "0")}`;
  });
}

const at = (p: ErrorParams): string =>
  p.file === undefined ? "" : p.line === undefined ? `${showName(p.file)}: ` : `${showName(p.file)}:${p.line}: `;
const fix = (p: ErrorParams): string => (p.hint ? `; ${p.hint}` : "");

export const MESSAGES = {
  // usage errors (engine)
  TIME_ZONE_UNKNOWN: (p) =>
    `unknown time zone ${JSON.stringify(p.value)}; expected an IANA name such as UTC, America/Los_Angeles or Europe/Berlin`,
  /** Raised by the engine (resolveAsOf) and the CLI alike: one code, one text. */
  AS_OF_NOT_DATE: (p) => `--as-of ${JSON.stringify(p.value)} is not a date; expected YYYY-MM-DD, such as 2026-03-31`,
  FAIL_ON_UNKNOWN: (p) => `--fail-on ${JSON.stringify(p.given)} is not one of ${(p.accepted ?? []).join(", ")}`,
  DAYS_OUT_OF_RANGE: (p) => `--days ${JSON.stringify(p.given)} is not a whole number from 1 to 730`,
  NO_SUCH_WINDOW: (p) =>
    `${p.key ?? ""} has no ${String(p.given)}-day window; its windows are ${(p.accepted ?? []).join(", ")} days (metrics.${p.key ?? ""}.windows in the config)`,
  // usage errors (cli)
  TZ_UNKNOWN: (p) =>
    `--tz ${JSON.stringify(p.value)} is not a time zone; expected an IANA name such as UTC, America/Los_Angeles or Europe/Berlin`,
  STDIN_TWICE: () => `standard input (-) can be read only once`,
  KIND_WITHOUT_STDIN: (p) => `--kind applies to standard input only; use it with -, as in: ahr check - --kind ${p.kind} < ${p.kind}.txt`,
  NOT_WHOLE_NUMBER: (p) => `${p.key} ${JSON.stringify(p.value)} is not a whole number`,
  UNKNOWN_METRIC: (p) => `unknown metric ${JSON.stringify(p.value)}; expected one of ${(p.accepted ?? []).join(", ")}`,
  UNKNOWN_KIND: (p) => `unknown input kind ${JSON.stringify(p.value)}; expected one of ${(p.accepted ?? []).join(", ")}`,
  INIT_EXISTS: (p) => `${p.file} already exists; pass --force to overwrite it`,
  CONFIG_READ: (p) => `${at(p)}cannot read the config file: ${p.detail ?? ""}`,
  CONFIG_JSON: (p) => `${at(p)}the config file is not valid JSON: ${p.detail ?? ""}`,
  CONFIG_INVALID: (p) => `${at(p)}${p.key === undefined ? "(root)" : showName(p.key)}: ${p.detail ?? "invalid"}`,
  FILE_NOT_FOUND: (p) => `${at(p)}no such file or directory${fix(p)}`,
  FILE_UNREADABLE: (p) => `${at(p)}cannot read the file: ${p.detail ?? ""}`,
  DIR_UNREADABLE: (p) => `${at(p)}cannot list the directory: ${p.detail ?? ""}`,
  DIR_EMPTY: (p) =>
    `${at(p)}no recognised export in this directory (looked at ${p.found?.length ?? 0} file(s))${fix(p)}`,
  DIR_UNRECOGNISED: (p) =>
    `${at(p)}cannot tell which kind of export this is from its headers (${quoteList(p.found)}); pass it with --orders, --feedback, ... or rename its columns`,
  DIR_AMBIGUOUS: (p) =>
    `${at(p)}the headers fit more than one kind of export (${(p.accepted ?? []).join(", ")}); pass it with --${p.accepted?.[0] ?? "KIND"} FILE`,
  STDIN_KIND: (p) => `reading standard input ("-") needs --kind ${(p.accepted ?? []).join("|")}`,
  OPTIONS_INVALID: (p) => `checkHealth options: ${p.key === undefined ? "(root)" : showName(p.key)}: ${p.detail ?? "invalid"}`,
  NO_INPUT: () => `no input given; try: ahr check orders.txt  (or ahr check exports/)`,
  FEEDBACK_DATE_AMBIGUOUS: (p) =>
    `${at(p)}column ${quote(p.column ?? "")}: ${quote(p.value ?? "")} could be ${(p.accepted ?? []).join(" or ")}, and nothing tells this feedback file's marketplace (no rater e-mail of a marketplace, a header ahr does not know); pass --marketplace with the marketplace the file comes from (such as --marketplace DE), or --date-order mdy or dmy`,
  MARKETPLACE_UNKNOWN: (p) =>
    (p.found ?? []).length > 0
      ? `--marketplace ${quote(p.value ?? "")} is none of the marketplaces the orders hold: ${(p.found ?? []).join(", ")}; give one of them by name, code or marketplace id (such as --marketplace ${p.hint ?? "DE"}), or leave --marketplace out to see each`
      : `--marketplace ${quote(p.value ?? "")} is no Amazon marketplace, and the orders name none (no sales-channel column); give a name (Amazon.de), a code (DE) or a marketplace id (A1PA6795UKMFR9)`,
  MISSING_COLUMN: (p) =>
    `${at(p)}the ${p.kind} file has no ${p.field} column; accepted headers: ${quoteList(p.accepted)}; found: ${quoteList(p.found)}; map yours with "columns" in ahr.config.json`,
  VALUE: (p) =>
    `${at(p)}column ${quote(p.column ?? "")}: ${quote(p.value ?? "")} is not ${p.expected ?? "valid"}${fix(p)}${p.hint || p.skipped ? "" : "; or pass --skip-invalid to skip such rows"}`,
  EMPTY_REQUIRED: (p) =>
    `${at(p)}column ${quote(p.column ?? "")} is empty; every row needs ${p.expected ?? "a value"}${p.skipped ? "" : "; fix the row or pass --skip-invalid"}`,
  RECORD_TOO_LONG: (p) =>
    `${at(p)}a record longer than ${p.limit ?? 0} bytes; the file is probably not a CSV/TSV export${fix(p)}`,
  BLANK_BEFORE_HEADER: (p) =>
    `${at(p)}more than ${p.limit ?? 0} bytes of blank lines before the header; the file is probably not a CSV/TSV export`,
  TOO_MANY_COLUMNS: (p) => `${at(p)}more than ${p.limit ?? 0} columns; the file is probably not a CSV/TSV export`,
  UNCLOSED_QUOTE: (p) =>
    `${at(p)}a quoted field opened here is never closed; check for a stray " in this row`,
  CSV_SYNTAX: (p) => `${at(p)}${p.detail ?? "malformed CSV"}${fix(p)}`,
  BINARY_FILE: (p) =>
    `${at(p)}this looks like ${p.what ?? "a binary file"}, not a CSV/TSV export${fix(p)}`,
  // Amazon's own reports (SPEC 10)
  DOCUMENT_TOO_LARGE: (p) =>
    `${at(p)}more than ${p.limit ?? 0} characters; an Amazon seller performance report is a few kB per marketplace, so this is probably not one`,
  AMAZON_JSON: (p) =>
    `${at(p)}not valid JSON (${p.detail ?? ""}); download the seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT) again as JSON`,
  AMAZON_NOT_V2: (p) =>
    `${at(p)}a JSON document without "performanceMetrics" or "accountStatuses": not Amazon's seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT)`,
  AMAZON_VALUE: (p) =>
    `${at(p)}${showName(p.key ?? "")}: ${quote(p.value ?? "")} is not ${p.expected ?? "valid"}${fix(p)}`,
  AMAZON_UNRECOGNISED: (p) =>
    `${at(p)}neither Amazon's seller performance report (JSON) nor an Account Health list (cancellations, valid tracking): headers ${quoteList(p.found)}; --amazon takes those, other exports go among the paths`,
  MARKETPLACE_NOT_IN_REPORT: (p) =>
    `${at(p)}--marketplace ${JSON.stringify(p.value)}: the report has no block for it; its marketplaces: ${(p.found ?? []).map(showName).join(", ")}`,
  AMAZON_MISSING: () =>
    `no Amazon seller performance report given; pass --amazon FILE (the JSON of GET_V2_SELLER_PERFORMANCE_REPORT, plain or .gz), or put it among the paths`,
  AMAZON_TWICE: (p) =>
    `two Amazon seller performance reports (${(p.files ?? []).map(showName).join(", ")}); reconcile one at a time`,
  DATE_RANGE: () =>
    `a date after 9999-12-31 would be written (windows and forecasts reach up to 730 days past --as-of, a time stamp with an offset can pass midnight); use an --as-of before 9998`,
  OUTPUT_IS_INPUT: (p) => `${p.what ?? "--output"} ${showName(p.file ?? "")} is one of the input files; refusing to overwrite it`,
  OUTPUT_IS_CONFIG: (p) => `${p.what ?? "--output"} ${showName(p.file ?? "")} is the config file; refusing to overwrite it`,
  OUTPUT_WRITE: (p) => `${at(p)}cannot write the report: ${p.detail ?? ""}`,
  // roll-up and batch (issue 16)
  REPORT_JSON: (p) => `${at(p)}not valid JSON: ${p.detail ?? ""}; write it again with ahr check --format json --output FILE`,
  REPORT_SHAPE: (p) => `${at(p)}not an ahr check report: ${p.detail ?? "unexpected content"}`,
  REPORT_VERSION: (p) =>
    `${at(p)}schemaVersion ${p.value ?? "?"}; this ahr reads schemaVersion ${p.expected ?? "1"}; check the account again with this version of ahr`,
  ROLLUP_NO_INPUT: () => `no report given; try: ahr rollup reports/  (the JSON files ahr check --format json wrote)`,
  ROLLUP_NO_REPORTS: (p) => `${at(p)}no *.json report in this directory (looked at ${p.found?.length ?? 0} file(s))`,
  BATCH_NO_ACCOUNTS: (p) =>
    `${at(p)}no account folders here; ahr batch wants one subfolder per account, each holding that account's exports`,
  ACCOUNT_EMPTY: () => `--account needs a name, such as --account acme-us`,
  JOBS_INVALID: (p) => `--jobs ${JSON.stringify(p.value ?? "")} is not a number of threads; expected a whole number from 1 to 9999`,
  BATCH_OUT_INSIDE: (p) =>
    `--out ${p.file ?? ""} is inside the accounts directory; it would be read as an account: choose a folder outside it`,
  /** `accepted`: the joined kinds given; `files`: their files. */
  JOIN_WITHOUT_ORDERS: (p) => {
    const kinds = p.accepted ?? [];
    const these = kinds.length === 1 ? `this ${kinds[0]} file adds` : `these reports (${kinds.join(", ")}) add`;
    return `${(p.files ?? []).map(showName).join(", ")}: ${these} fields to the orders, matched by order id, but no orders input was given; add the All Orders report (Seller Central: Reports > Fulfillment > All Orders) with --orders FILE or in the same folder`;
  },
  INTERNAL: (p) =>
    `internal error: ${p.detail ?? "unexpected failure"}; this is a bug in ahr, please report it with the output of --debug`,
} satisfies Record<string, Render>;

export type ErrorCode = keyof typeof MESSAGES;

export class AhrError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(MESSAGES[code](params));
    this.name = "AhrError";
    this.code = code;
    this.params = params;
  }
}

/** The error's message as a skipped row's note: the same line without the advice to skip it. */
export function skippedMessage(e: AhrError): string {
  return MESSAGES[e.code]({ ...e.params, skipped: true });
}

export function isAhrError(e: unknown): e is AhrError {
  return e instanceof AhrError;
}

/** A value from a file, quoted and with every control character escaped; long values cut. */
export function quote(value: string, max = 80): string {
  const cut = value.length > max ? value.slice(0, max) + "…" : value;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u2028\u2029]|\p{Cf}/gu, (c) => {
    let out = "";
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`;
    return out;
  });
}

function quoteList(values: string[] | undefined): string {
  if (!values || values.length === 0) return "(none)";
  return values.map((v) => quote(v, 40)).join(", ");
}

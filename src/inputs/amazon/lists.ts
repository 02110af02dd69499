/**
 * Amazon's Account Health downloads (SPEC 10, samples/README.md): the orders behind a metric, as
 * the Account Health page lists them. Defects only: they confirm numerators, never denominators.
 * - the pre-fulfillment cancellation list: `Order Date`, `Order ID`, `Impacts Account Health`;
 * - the valid-tracking list: `Order ID`, `Carrier Name`, `Tracking ID`, ..., `Promised Delivery
 *   Date`, ..., `No Valid Tracking` (marked `X`), ...
 * Their delimiter and date format are not documented: the table reader sniffs the delimiter, and
 * the dates are read month first unless a date of the file only reads day first (13/5/2026).
 * Recognised by their headers (`looksLikeList`); every other column is ignored.
 */
import { METRICS, type MetricId } from "../../catalog.js";
import { AhrError } from "../../errors.js";
import type { Source } from "../../records.js";
import type { Table } from "../../read/table.js";
import type { Zone } from "../../time.js";
import { normaliseHeader } from "../headers.js";
import { BOOL_EXPECTED, dateExpected, parseBool, parseStamp } from "../values.js";

export interface AmazonListRow {
  orderId: string;
  /** The list's date (order date; promised delivery date), a day number; null when empty. */
  day: number | null;
  /** Amazon counts it against the metric (`Impacts Account Health` yes; `No Valid Tracking` X). */
  counts: boolean;
  source: Source;
}

export interface AmazonList {
  file: string;
  /** The metric the list is about (pfcr: cancellations; vtr: valid tracking). */
  metric: MetricId;
  /** What the list is, in words. */
  title: string;
  rows: AmazonListRow[];
}

interface ListSpec {
  metric: MetricId;
  title: string;
  /** The column that says whether Amazon counts the order, normalised. */
  flag: string;
  flagHeader: string;
  /** The date column, normalised. */
  date: string;
  dateHeader: string;
}

const ORDER_ID = "order-id";

const SPECS: ListSpec[] = [
  {
    metric: METRICS.pfcr.id,
    title: "Amazon's cancellation list",
    flag: "impacts-account-health",
    flagHeader: "Impacts Account Health",
    date: "order-date",
    dateHeader: "Order Date",
  },
  {
    metric: METRICS.vtr.id,
    title: "Amazon's valid-tracking list",
    flag: "no-valid-tracking",
    flagHeader: "No Valid Tracking",
    date: "promised-delivery-date",
    dateHeader: "Promised Delivery Date",
  },
];

function specOf(header: readonly string[]): ListSpec | undefined {
  const norm = new Set(header.map(normaliseHeader));
  return SPECS.find((s) => norm.has(ORDER_ID) && norm.has(s.flag));
}

/** Whether a header is one of the Account Health lists. */
export function looksLikeList(header: readonly string[]): boolean {
  return specOf(header) !== undefined;
}

/** The rows of an Account Health list. MISSING_COLUMN (not a list), VALUE, EMPTY_REQUIRED. */
export async function readList(table: Table, zone: Zone): Promise<AmazonList> {
  const spec = specOf(table.header);
  const file = table.file;
  if (spec === undefined) {
    throw new AhrError("MISSING_COLUMN", {
      file,
      kind: "Account Health list",
      field: "Impacts Account Health or No Valid Tracking",
      accepted: SPECS.map((s) => s.flagHeader),
      found: [...table.header],
    });
  }
  const norm = table.header.map(normaliseHeader);
  const columns = [norm.indexOf(ORDER_ID), norm.indexOf(spec.flag), norm.indexOf(spec.date)];
  const raw: { line: number; id: string; flag: string; date: string }[] = [];
  for await (const batch of table.rows(columns.map((c) => Math.max(c, 0)))) {
    for (const r of batch) raw.push({ line: r.line, id: r.cells[0]!, flag: r.cells[1]!, date: columns[2]! < 0 ? "" : r.cells[2]! });
  }
  // Month first, unless some date reads only day first.
  const mdy = { zone, dateOrder: "mdy" as const };
  const dmy = { zone, dateOrder: "dmy" as const };
  const order = raw.some((r) => r.date !== "" && parseStamp(r.date, mdy) === null && parseStamp(r.date, dmy) !== null) ? dmy : mdy;
  const rows: AmazonListRow[] = raw.map((r) => {
    if (r.id === "") throw new AhrError("EMPTY_REQUIRED", { file, line: r.line, column: "Order ID", expected: "an order id", skipped: true });
    const counts = parseBool(r.flag);
    if (counts === null) {
      throw new AhrError("VALUE", { file, line: r.line, column: spec.flagHeader, value: r.flag, expected: BOOL_EXPECTED, skipped: true });
    }
    let day: number | null = null;
    if (r.date !== "") {
      const stamp = parseStamp(r.date, order);
      if (stamp === null) {
        throw new AhrError("VALUE", { file, line: r.line, column: spec.dateHeader, value: r.date, expected: dateExpected(order.dateOrder), skipped: true });
      }
      day = stamp.day;
    }
    return { orderId: r.id, day, counts, source: { file, line: r.line } };
  });
  return { file, metric: spec.metric, title: spec.title, rows };
}

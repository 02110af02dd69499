/**
 * Amazon's V2 seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT, JSON, schema
 * accountHealthReport-2020-11-18.json; SPEC 10) -> Amazon's figures per marketplace id.
 *
 * Tolerant as real documents need: every block and field is optional; the schema example's
 * spellings are read too (`prefulfillmentCancelRate` beside `preFulfillmentCancellationRate`,
 * `accountHealthRatingStatus` beside `ahrStatus`, `warningState` beside `warningStates`); keys are
 * matched ignoring case; `lateShipmentRateList` gives the 10- and 30-day LSR (with
 * `lateShipmentRate`, the same range is read once); a count may be a number or `{ "count": n }`;
 * dates with or without seconds, or dates alone. What is there but wrong (a count that is not a
 * whole number, a date that is not one) is AMAZON_VALUE naming the field's path.
 *
 * A range's days are the calendar dates as written (Amazon writes whole days, 00:00:00Z to
 * 23:59:59Z), read as days of the report time zone.
 */
import { METRICS, type ChannelScope, type MetricId } from "../../catalog.js";
import { AhrError } from "../../errors.js";
import type { ViolationCategory } from "../../records.js";
import { dayNumber, formatDay } from "../../time.js";
import { JsonNumber, JsonSyntaxError, isObject, parseJson, type JsonValue } from "./json.js";

export interface AmazonRange {
  /** First and last day in (day numbers). */
  from: number;
  to: number;
}

/** A rate as Amazon printed it. */
export interface AmazonRate {
  value: number;
  /** Digits after the decimal point as printed (`0.015625`: 6). */
  decimals: number;
}

/** One of Amazon's metric blocks, as ahr can compare it. */
export interface AmazonFigure {
  metric: MetricId;
  channel: ChannelScope;
  /** Where it is in the document: `orderDefectRate.mfn`, `lateShipmentRateList[0]`. */
  path: string;
  range: AmazonRange | null;
  /** The count under the rate (orders, shipments), null when the document leaves it out. */
  denominator: number | null;
  /** Bad items for lower-is-better metrics, good ones for higher-is-better (as ahr counts). */
  numerator: number | null;
  rate: AmazonRate | null;
  status: string | null;
  targetValue: number | null;
  targetCondition: string | null;
  /** odr: the three defect counts (orders with each defect). */
  components?: { negativeFeedback: number | null; claims: number | null; chargebacks: number | null };
}

/** A block ahr has no metric for (unit on-time delivery, invoice defects). */
export interface AmazonOther {
  path: string;
  range: AmazonRange | null;
  rate: AmazonRate | null;
  status: string | null;
}

export interface AmazonViolations {
  /** The block's key as Amazon writes it (`listingPolicyViolations`). */
  key: string;
  category: ViolationCategory;
  count: number | null;
  status: string | null;
  range: AmazonRange | null;
}

export interface AmazonMarketplace {
  marketplaceId: string;
  /** From `accountStatuses` (NORMAL, AT_RISK, DEACTIVATED), null when absent. */
  accountStatus: string | null;
  figures: AmazonFigure[];
  others: AmazonOther[];
  ahr: { score: number | null; status: string | null; range: AmazonRange | null } | null;
  violations: AmazonViolations[];
  /** `policyViolationWarnings.warningsCount`. */
  warnings: number | null;
  warningStates: string[];
}

export interface SellerPerformance {
  file: string;
  marketplaces: AmazonMarketplace[];
  /** The last day of the latest `reportingDateTo` in the document; null when it has none. */
  lastDay: number | null;
}

/** Policy blocks with `defectsCount`, and the repeat-limit category each counts for (SPEC 2.10). */
const VIOLATION_BLOCKS: [string, ViolationCategory][] = [
  ["listingPolicyViolations", "other"],
  ["productAuthenticityCustomerComplaints", "other"],
  ["productConditionCustomerComplaints", "other"],
  ["productSafetyCustomerComplaints", "other"],
  ["receivedIntellectualPropertyComplaints", "intellectual_property"],
  ["restrictedProductPolicyViolations", "restricted_products"],
  ["suspectedIntellectualPropertyViolations", "intellectual_property"],
  ["foodAndProductSafetyIssues", "other"],
  ["customerProductReviewsPolicyViolations", "other"],
  ["otherPolicyViolations", "other"],
  ["documentRequests", "other"],
];

type Obj = { [key: string]: JsonValue };

const FIX = "every field is optional: correct it or leave it out";

class Reader {
  constructor(readonly file: string) {}

  bad(path: string, value: JsonValue, expected: string): never {
    const shown = value instanceof JsonNumber ? value.text : JSON.stringify(value);
    throw new AhrError("AMAZON_VALUE", { file: this.file, key: path, value: shown ?? "null", expected, hint: FIX });
  }

  /** obj[name], the key matched ignoring case; the first of `names` present. */
  get(obj: Obj, ...names: string[]): { key: string; value: JsonValue } | undefined {
    const keys = Object.keys(obj);
    for (const name of names) {
      const lower = name.toLowerCase();
      const key = keys.find((k) => k.toLowerCase() === lower);
      if (key !== undefined && obj[key] !== null) return { key, value: obj[key]! };
    }
    return undefined;
  }

  object(v: JsonValue, path: string): Obj {
    if (!isObject(v)) this.bad(path, v, "an object");
    return v as Obj;
  }

  /** A whole number >= 0 (a numeric string is taken), or `{ "count": n }`. */
  count(obj: Obj, path: string, ...names: string[]): number | null {
    const got = this.get(obj, ...names);
    if (got === undefined) return null;
    let v = got.value;
    let p = `${path}.${got.key}`;
    if (isObject(v)) {
      const inner = this.get(v, "count");
      if (inner === undefined) return null;
      v = inner.value;
      p = `${p}.${inner.key}`;
    }
    const n = v instanceof JsonNumber ? v.value : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 0) this.bad(p, v, "a whole number of 0 or more");
    return n;
  }

  number(obj: Obj, path: string, name: string): AmazonRate | null {
    const got = this.get(obj, name);
    if (got === undefined) return null;
    const v = got.value;
    if (v instanceof JsonNumber) return { value: v.value, decimals: v.decimals };
    if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) {
      const n = new JsonNumber(Number(v), v.trim());
      return { value: n.value, decimals: n.decimals };
    }
    return this.bad(`${path}.${got.key}`, v, "a number");
  }

  text(obj: Obj, path: string, ...names: string[]): string | null {
    const got = this.get(obj, ...names);
    if (got === undefined) return null;
    if (typeof got.value !== "string") this.bad(`${path}.${got.key}`, got.value, "a string");
    return got.value as string;
  }

  day(v: JsonValue, path: string): number {
    const m = typeof v === "string" ? /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/i.exec(v) : null;
    if (m) {
      const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
      const hours = m[4] === undefined ? 0 : Number(m[4]);
      const minutes = m[5] === undefined ? 0 : Number(m[5]);
      const seconds = m[6] === undefined ? 0 : Number(m[6]);
      if (formatDay(day) === `${m[1]}-${m[2]}-${m[3]}` && hours < 24 && minutes < 60 && seconds < 60) return day;
    }
    return this.bad(path, v, "a date like 2026-05-18T23:59:59Z");
  }

  range(obj: Obj, path: string): AmazonRange | null {
    const got = this.get(obj, "reportingDateRange");
    if (got === undefined) return null;
    const p = `${path}.${got.key}`;
    const r = this.object(got.value, p);
    const from = this.get(r, "reportingDateFrom", "dateFrom", "from");
    const to = this.get(r, "reportingDateTo", "dateTo", "to");
    if (from === undefined || to === undefined) return null;
    const range = { from: this.day(from.value, `${p}.${from.key}`), to: this.day(to.value, `${p}.${to.key}`) };
    if (range.from > range.to) this.bad(`${p}.${from.key}`, from.value, `a date on or before ${formatDay(range.to)} (${to.key})`);
    return range;
  }
}

/** Where each metric's block is, its spellings, and the names of its two counts. */
interface BlockSpec {
  metric: MetricId;
  names: string[];
  denominator: string[];
  numerator: string[];
}

const SIMPLE: BlockSpec[] = [
  {
    metric: METRICS.pfcr.id,
    names: ["preFulfillmentCancellationRate", "prefulfillmentCancelRate", "preFulfillmentCancelRate"],
    denominator: ["orderCount"],
    numerator: ["cancellationCount", "cancelledOrderCount"],
  },
  {
    metric: METRICS.vtr.id,
    names: ["validTrackingRate"],
    denominator: ["shipmentCount"],
    numerator: ["validTrackingCount"],
  },
  {
    metric: METRICS.otdr.id,
    names: ["onTimeDeliveryRate"],
    denominator: ["shipmentCountWithValidTracking", "shipmentCount"],
    numerator: ["onTimeDeliveryCount"],
  },
];

const LSR = { denominator: ["orderCount"], numerator: ["lateShipmentCount"] };
const ODR = { denominator: ["orderCount"], numerator: ["orderWithDefects", "ordersWithDefects"] };
const OTHERS = ["unitOnTimeDeliveryRate", "invoiceDefectRate"];

function figureOf(
  r: Reader,
  obj: Obj,
  path: string,
  metric: MetricId,
  channel: ChannelScope,
  counts: { denominator: string[]; numerator: string[] },
): AmazonFigure {
  return {
    metric,
    channel,
    path,
    range: r.range(obj, path),
    denominator: r.count(obj, path, ...counts.denominator),
    numerator: r.count(obj, path, ...counts.numerator),
    rate: r.number(obj, path, "rate"),
    status: r.text(obj, path, "status"),
    targetValue: r.number(obj, path, "targetValue")?.value ?? null,
    targetCondition: r.text(obj, path, "targetCondition"),
  };
}

function marketplaceOf(r: Reader, block: Obj, path: string, statuses: Map<string, string>): AmazonMarketplace {
  const id = r.text(block, path, "marketplaceId");
  if (id === null || id.trim() === "") r.bad(`${path}.marketplaceId`, null, "the marketplace id of the block (ATVPDKIKX0DER)");
  const marketplaceId = id!.trim();
  const figures: AmazonFigure[] = [];

  const odr = r.get(block, "orderDefectRate");
  if (odr !== undefined) {
    const p = `${path}.${odr.key}`;
    const parts: [Obj, string, JsonValue | undefined][] = [];
    if (Array.isArray(odr.value)) {
      odr.value.forEach((x, i) => {
        const o = r.object(x, `${p}[${i}]`);
        parts.push([o, `${p}[${i}]`, r.get(o, "fulfillmentType")?.value]);
      });
    } else {
      const o = r.object(odr.value, p);
      for (const ch of ["mfn", "afn"]) {
        const got = r.get(o, ch);
        if (got !== undefined) parts.push([r.object(got.value, `${p}.${got.key}`), `${p}.${got.key}`, ch]);
      }
    }
    for (const [o, q, type] of parts) {
      const channel = typeof type === "string" ? type.trim().toLowerCase() : "";
      if (channel !== "mfn" && channel !== "afn") r.bad(`${q}.fulfillmentType`, type ?? null, "mfn or afn");
      figures.push({
        ...figureOf(r, o, q, METRICS.odr.id, channel as ChannelScope, ODR),
        components: {
          negativeFeedback: r.count(o, q, "negativeFeedback"),
          claims: r.count(o, q, "claims", "aToZClaims"),
          chargebacks: r.count(o, q, "chargebacks"),
        },
      });
    }
  }

  // LSR: the list (10 and 30 days), then the single block when its range is not in the list.
  const seen = new Set<string>();
  const list = r.get(block, "lateShipmentRateList");
  const lsr: [Obj, string][] = [];
  if (list !== undefined) {
    const p = `${path}.${list.key}`;
    if (!Array.isArray(list.value)) r.bad(p, list.value, "a list of late shipment rates");
    (list.value as JsonValue[]).forEach((x, i) => lsr.push([r.object(x, `${p}[${i}]`), `${p}[${i}]`]));
  }
  const single = r.get(block, "lateShipmentRate");
  if (single !== undefined) lsr.push([r.object(single.value, `${path}.${single.key}`), `${path}.${single.key}`]);
  for (const [o, q] of lsr) {
    const f = figureOf(r, o, q, METRICS.lsr.id, "mfn", LSR);
    const key = f.range === null ? q : `${f.range.from}-${f.range.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    figures.push(f);
  }

  for (const spec of SIMPLE) {
    const got = r.get(block, ...spec.names);
    if (got === undefined) continue;
    const p = `${path}.${got.key}`;
    figures.push(figureOf(r, r.object(got.value, p), p, spec.metric, "mfn", spec));
  }

  const others: AmazonOther[] = [];
  for (const name of OTHERS) {
    const got = r.get(block, name);
    if (got === undefined) continue;
    const p = `${path}.${got.key}`;
    const o = r.object(got.value, p);
    others.push({ path: p, range: r.range(o, p), rate: r.number(o, p, "rate"), status: r.text(o, p, "status") });
  }

  let ahr: AmazonMarketplace["ahr"] = null;
  const rating = r.get(block, "accountHealthRating");
  if (rating !== undefined) {
    const p = `${path}.${rating.key}`;
    if (typeof rating.value === "string") ahr = { score: null, status: rating.value, range: null };
    else {
      const o = r.object(rating.value, p);
      ahr = {
        score: r.count(o, p, "ahrScore", "score"),
        status: r.text(o, p, "ahrStatus", "accountHealthRatingStatus", "status"),
        range: r.range(o, p),
      };
    }
  }

  const violations: AmazonViolations[] = [];
  for (const [name, category] of VIOLATION_BLOCKS) {
    const got = r.get(block, name);
    if (got === undefined) continue;
    const p = `${path}.${got.key}`;
    const o = r.object(got.value, p);
    violations.push({
      key: got.key,
      category,
      count: r.count(o, p, "defectsCount", "defectCount", "count"),
      status: r.text(o, p, "status"),
      range: r.range(o, p),
    });
  }
  let warnings: number | null = null;
  const pvw = r.get(block, "policyViolationWarnings");
  if (pvw !== undefined) warnings = r.count(r.object(pvw.value, `${path}.${pvw.key}`), `${path}.${pvw.key}`, "warningsCount");

  const warningStates: string[] = [];
  const ws = r.get(block, "warningStates", "warningState");
  if (ws !== undefined) {
    const values = Array.isArray(ws.value) ? ws.value : [ws.value];
    values.forEach((v, i) => {
      if (typeof v !== "string") r.bad(`${path}.${ws.key}[${i}]`, v, "a warning state (a string)");
      else warningStates.push(v);
    });
  }

  return {
    marketplaceId,
    accountStatus: statuses.get(marketplaceId) ?? null,
    figures,
    others,
    ahr,
    violations,
    warnings,
    warningStates,
  };
}

/** The text of a V2 document -> Amazon's figures. AMAZON_JSON, AMAZON_NOT_V2, AMAZON_VALUE. */
export function parseSellerPerformance(text: string, file: string): SellerPerformance {
  let doc: JsonValue;
  try {
    doc = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      throw new AhrError("AMAZON_JSON", { file, line: e.line, detail: `column ${e.column}: ${e.detail}` });
    }
    throw e;
  }
  const r = new Reader(file);
  // A report wrapped in a list (some tools save the API's array): its single document.
  if (Array.isArray(doc) && doc.length === 1) doc = doc[0]!;
  if (!isObject(doc)) throw new AhrError("AMAZON_NOT_V2", { file });
  const metrics = r.get(doc, "performanceMetrics");
  const accounts = r.get(doc, "accountStatuses");
  if (metrics === undefined && accounts === undefined) throw new AhrError("AMAZON_NOT_V2", { file });

  const statuses = new Map<string, string>();
  if (accounts !== undefined) {
    if (!Array.isArray(accounts.value)) r.bad(accounts.key, accounts.value, "a list of account statuses");
    (accounts.value as JsonValue[]).forEach((x, i) => {
      const o = r.object(x, `${accounts.key}[${i}]`);
      const id = r.text(o, `${accounts.key}[${i}]`, "marketplaceId");
      const status = r.text(o, `${accounts.key}[${i}]`, "status");
      if (id !== null && status !== null) statuses.set(id.trim(), status);
    });
  }
  const marketplaces: AmazonMarketplace[] = [];
  if (metrics !== undefined) {
    if (!Array.isArray(metrics.value)) r.bad(metrics.key, metrics.value, "a list of blocks, one per marketplace");
    (metrics.value as JsonValue[]).forEach((x, i) => {
      const p = `${metrics.key}[${i}]`;
      const m = marketplaceOf(r, r.object(x, p), p, statuses);
      const dup = marketplaces.find((o) => o.marketplaceId === m.marketplaceId);
      if (dup !== undefined) r.bad(`${p}.marketplaceId`, m.marketplaceId, "a marketplace id not given by an earlier block");
      marketplaces.push(m);
    });
  }
  // Marketplaces with a status and no figures are still listed.
  for (const [id, status] of statuses) {
    if (!marketplaces.some((m) => m.marketplaceId === id)) {
      marketplaces.push({ marketplaceId: id, accountStatus: status, figures: [], others: [], ahr: null, violations: [], warnings: null, warningStates: [] });
    }
  }

  let lastDay: number | null = null;
  const see = (range: AmazonRange | null): void => {
    if (range !== null && (lastDay === null || range.to > lastDay)) lastDay = range.to;
  };
  for (const m of marketplaces) {
    for (const f of m.figures) see(f.range);
    for (const o of m.others) see(o.range);
    for (const v of m.violations) see(v.range);
    see(m.ahr?.range ?? null);
  }
  return { file, marketplaces, lastDay };
}

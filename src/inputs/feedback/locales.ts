/**
 * The Seller Feedback report in every marketplace (SPEC 9.2): its six columns keep their order
 * (date, rating, comments, response, order id, rater e-mail) while the header is translated, and
 * its dates follow the marketplace.
 *
 * - HEADERS: the translated headers seen in real files (shared/samples), which are aliases of the
 *   feedback fields; each tells the marketplace it comes from, where the language does.
 * - byPosition: a six-column header that matches none of them, whose second column holds
 *   ratings and whose fifth holds order ids, is read by position.
 * - FeedbackDates: which date format a row is read in: an explicit `--date-order` (or config
 *   `dateOrder`), else the marketplace of the row's rater e-mail domain, else the header's
 *   language, else `--marketplace`; an English (or canonical) header with none of these is the
 *   US report (M/D/YY, the default date order, as before marketplaces were known); a header by
 *   position with none of these has no known format, and a date it could read two ways is an
 *   error that names `--date-order` and `--marketplace`.
 */
import { marketplaceOfEmail, MARKETPLACES, type FeedbackDates as DateFormat, type Marketplace } from "../../marketplaces.js";
import type { DateOrder } from "../../config/defaults.js";
import type { Stamp } from "../../records.js";
import type { Zone } from "../../time.js";
import { daysFromCivil, dateOnlyStamp, parseStamp, type DateContext } from "../values.js";

const byCode = (code: string): Marketplace => MARKETPLACES.find((x) => x.code === code)!;

/** One translated header of the report: its six cells in order, and what its language tells. */
export interface FeedbackHeader {
  language: string;
  /** The marketplace the language says; undefined for English (many marketplaces write it). */
  marketplace?: Marketplace;
  cells: readonly [string, string, string, string, string, string];
}

/** The headers in shared/samples (README there: "Other Seller Feedback headers seen in real files"). */
export const HEADERS: readonly FeedbackHeader[] = [
  { language: "en", cells: ["Date", "Rating", "Comments", "Response", "Order ID", "Rater Email"] },
  { language: "en", cells: ["Date", "Rating", "Comments", "Your Response", "Order ID", "Rater Email"] },
  {
    language: "de",
    marketplace: byCode("DE"),
    cells: ["Datum", "Bewertung", "Kommentar", "Ihre Antwort", "Transaktionsnummer", "E-Mail des Bewertenden"],
  },
  {
    language: "es",
    marketplace: byCode("ES"),
    cells: ["Date", "Rating", "Comentarios", "Response", "Número de pedido", "E-mail del cliente"],
  },
  {
    language: "es-MX",
    marketplace: byCode("MX"),
    cells: ["Fecha", "Rating", "Comentarios", "Tu respuesta", "Número de pedido", "Correo electrónico del evaluador"],
  },
];

/** The report's six columns, in order, as feedback fields (`response` is not read). */
export const POSITIONS = ["date", "rating", "comments", "response", "order_id", "rater_email"] as const;

/**
 * The translated headers as aliases per feedback field, every header's cell for that column
 * once, in HEADERS order (English first), beyond the field's existing aliases.
 */
export function translatedAliases(field: (typeof POSITIONS)[number]): string[] {
  const at = POSITIONS.indexOf(field);
  const out: string[] = [];
  for (const h of HEADERS) if (!out.includes(h.cells[at]!)) out.push(h.cells[at]!);
  return out;
}

const norm = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, "-");

/**
 * The language of a feedback header, from the translated cells it holds: the header of HEADERS
 * with the most cells present (at least two, only cells that are not English; ties: the first),
 * or undefined when it holds none (an English or canonical header, or an unknown one).
 */
export function headerLanguage(header: readonly string[]): FeedbackHeader | undefined {
  const cells = new Set(header.map(norm));
  const english = new Set(HEADERS.filter((h) => h.language === "en").flatMap((h) => h.cells.map(norm)));
  let best: FeedbackHeader | undefined;
  let bestScore = 1;
  for (const h of HEADERS) {
    if (h.language === "en") continue;
    let score = 0;
    for (const c of h.cells) if (!english.has(norm(c)) && cells.has(norm(c))) score++;
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}

/** An Amazon order id: 3-7-7 digits (`028-5593017-2231846`), or an MCF id (`S01-...`). */
const ORDER_ID = /^[0-9A-Z]{3}-\d{7}-\d{7}$/;
const RATING = /^[1-5](\.0+)?$/;

/**
 * A header that is read by position (SPEC 9.2): six cells, and every sample row (the first data
 * rows; at least one) has a rating 1-5 in its second cell and an order id in its fifth. Returns
 * the header index of each feedback field, or null when the file is not such a report. The
 * caller tries this only when the header matched no kind.
 */
export function byPosition(header: readonly string[], sample: readonly (readonly string[])[]): Record<string, number> | null {
  if (header.length !== 6 || sample.length === 0) return null;
  for (const row of sample) {
    if (!RATING.test((row[1] ?? "").trim()) || !ORDER_ID.test((row[4] ?? "").trim())) return null;
  }
  return { date: 0, rating: 1, comments: 2, order_id: 4, rater_email: 5 };
}

// ---------------------------------------------------------------- dates

/** Where a row's date format came from. */
export type DatesFrom = "date-order" | "e-mail" | "header" | "marketplace" | "english" | "unknown";

export interface FeedbackDatesOptions {
  zone: Zone;
  /** The date order of the run (flag, config or the default mdy). */
  dateOrder: DateOrder;
  /** Whether dateOrder was given (`--date-order`, config `dateOrder`): it then wins. */
  dateOrderExplicit: boolean;
  /** The marketplace the header's language tells (headerLanguage), if any. */
  header?: Marketplace;
  /** The marketplaces given with `--marketplace` (one format among them is used). */
  selected?: readonly Marketplace[];
  /** The header was matched by position (byPosition): its language is unknown. */
  positional: boolean;
}

/** What a feedback date cell reads as. */
export type DateResult =
  | { ok: true; stamp: Stamp; from: DatesFrom }
  /** Does not parse in the row's format (`expected` says what would). */
  | { ok: false; ambiguous: false; format: DateFormat | null; from: DatesFrom }
  /** The format is unknown and the text reads as more than one date (`readings`, ISO days). */
  | { ok: false; ambiguous: true; readings: string[] };

const YMD2 = /^(\d{2})\/(\d{1,2})\/(\d{1,2})$/;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function valid(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]!);
}
const iso = (y: number, mo: number, d: number): string =>
  `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** The distinct dates a slash date could be: M/D/YY, D/M/YY and YY/M/D, as ISO days. */
export function slashReadings(text: string): string[] {
  const out = new Set<string>();
  const s = SLASH.exec(text);
  if (s) {
    const a = Number(s[1]);
    const b = Number(s[2]);
    const y = s[3]!.length === 2 ? 2000 + Number(s[3]) : Number(s[3]);
    if (valid(y, a, b)) out.add(iso(y, a, b));
    if (valid(y, b, a)) out.add(iso(y, b, a));
  }
  const j = YMD2.exec(text);
  if (j) {
    const y = 2000 + Number(j[1]);
    if (valid(y, Number(j[2]), Number(j[3]))) out.add(iso(y, Number(j[2]), Number(j[3])));
  }
  return [...out];
}

/** The option a format means for the general date rules (slash dates in D.M.YY, YY/M/D and ISO files are day first). */
const orderOf = (f: DateFormat): DateOrder => (f === "mdy" ? "mdy" : "dmy");

/**
 * Reads the feedback dates of one file, each row in its marketplace's format (see the module
 * comment). Keeps the last e-mail domain it looked up (a file's rows share one).
 */
export class FeedbackDates {
  private readonly ctx: { mdy: DateContext; dmy: DateContext };
  /** The format every row without an e-mail domain of a marketplace is read in (null: unknown). */
  private readonly fallback: { format: DateFormat | null; from: DatesFrom };
  private lastEmail = "";
  private lastMarket: Marketplace | undefined;

  constructor(private readonly o: FeedbackDatesOptions) {
    this.ctx = { mdy: { zone: o.zone, dateOrder: "mdy" }, dmy: { zone: o.zone, dateOrder: "dmy" } };
    const formats = new Set((o.selected ?? []).map((m) => m.feedbackDates));
    if (o.header !== undefined) this.fallback = { format: o.header.feedbackDates, from: "header" };
    else if (formats.size === 1) this.fallback = { format: [...formats][0]!, from: "marketplace" };
    else if (!o.positional) this.fallback = { format: o.dateOrder, from: "english" };
    else this.fallback = { format: null, from: "unknown" };
  }

  /** The marketplace of a rater e-mail (memoised on the last address's domain). */
  private market(email: string): Marketplace | undefined {
    if (email === "") return undefined;
    const at = email.lastIndexOf("@");
    const domain = at < 0 ? "" : email.slice(at + 1);
    if (domain !== this.lastEmail) {
      this.lastEmail = domain;
      this.lastMarket = marketplaceOfEmail(email);
    }
    return this.lastMarket;
  }

  /** The format a row is read in and why; null format: unknown. */
  formatOf(email: string): { format: DateFormat | null; from: DatesFrom } {
    if (this.o.dateOrderExplicit) return { format: this.o.dateOrder, from: "date-order" };
    const m = this.market(email);
    if (m !== undefined) return { format: m.feedbackDates, from: "e-mail" };
    return this.fallback;
  }

  /** A non-empty date cell of a row whose rater e-mail cell is `email` ("" when none). */
  read(text: string, email: string): DateResult {
    const { format, from } = this.formatOf(email);
    if (format === null) {
      const readings = slashReadings(text);
      if (readings.length > 1) return { ok: false, ambiguous: true, readings };
      if (readings.length === 1) {
        const [y, mo, d] = readings[0]!.split("-").map(Number) as [number, number, number];
        return { ok: true, stamp: dateOnlyStamp(daysFromCivil(y, mo, d), this.o.zone, false), from };
      }
      const st = parseStamp(text, this.ctx.dmy);
      return st === null ? { ok: false, ambiguous: false, format, from } : { ok: true, stamp: st, from };
    }
    if (format === "ymd") {
      const j = YMD2.exec(text);
      if (j) {
        const y = 2000 + Number(j[1]);
        const mo = Number(j[2]);
        const d = Number(j[3]);
        if (!valid(y, mo, d)) return { ok: false, ambiguous: false, format, from };
        return { ok: true, stamp: dateOnlyStamp(daysFromCivil(y, mo, d), this.o.zone, false), from };
      }
      // Another slash date than YY/M/D or YYYY/M/D is not this marketplace's.
      if (text.includes("/") && !/^\d{4}\//.test(text)) return { ok: false, ambiguous: false, format, from };
    }
    const st = parseStamp(text, this.ctx[orderOf(format)]);
    return st === null ? { ok: false, ambiguous: false, format, from } : { ok: true, stamp: st, from };
  }
}

/** What a date in a format looks like, for the error message. */
export function formatExpected(format: DateFormat | null): string {
  switch (format) {
    case "mdy":
      return "a date like 1/31/26 (M/D/YY) or 2026-01-31";
    case "dmy":
      return "a date like 31/1/26 (D/M/YY) or 2026-01-31";
    case "dot":
      return "a date like 31.1.26 (D.M.YY) or 2026-01-31";
    case "ymd":
      return "a date like 26/1/31 (YY/M/D) or 2026-01-31";
    case "iso":
      return "a date like 2026-01-31";
    case null:
      return "a date like 2026-01-31";
  }
}

/**
 * Amazon's marketplaces (SPEC 9.2 and 9.3): the name a `sales-channel` cell holds (`Amazon.de`),
 * the country code and the marketplace id a seller may pass to `--marketplace` (`DE`,
 * `A1PA6795UKMFR9`, from Amazon's SP-API marketplace id table), the domain of the rater e-mail
 * addresses in its feedback report (`@marketplace.amazon.de`), how its Seller Feedback report
 * writes dates, and how its flat files are encoded when they are not UTF-8.
 *
 * Knows no input kind: the inputs, the engine and the CLI all ask it.
 */

/**
 * How a Seller Feedback report writes its dates: `mdy` M/D/YY (US), `dmy` D/M/YY (most),
 * `dot` D.M.YY (DE), `ymd` YY/M/D (JP), `iso` YYYY-MM-DD (SE).
 */
export type FeedbackDates = "mdy" | "dmy" | "dot" | "ymd" | "iso";

export interface Marketplace {
  /** As a `sales-channel` cell writes it: `Amazon.com`, `Amazon.co.uk`. */
  name: string;
  /** Country code as Amazon's marketplace table writes it (`UK`, not `GB`). */
  code: string;
  /** The marketplace id (`ATVPDKIKX0DER`). */
  id: string;
  /** Lower-case domain (`amazon.co.uk`): `name` lower-cased. */
  domain: string;
  feedbackDates: FeedbackDates;
  /** What bytes that are not UTF-8 are read as in this marketplace's flat files. */
  legacyEncoding: "windows-1252" | "shift_jis";
}

const m = (name: string, code: string, id: string, feedbackDates: FeedbackDates = "dmy"): Marketplace => ({
  name,
  code,
  id,
  domain: name.toLowerCase(),
  feedbackDates,
  legacyEncoding: code === "JP" ? "shift_jis" : "windows-1252",
});

/** Every marketplace in Amazon's marketplace id table, North America, Europe, Far East. */
export const MARKETPLACES: readonly Marketplace[] = [
  m("Amazon.com", "US", "ATVPDKIKX0DER", "mdy"),
  m("Amazon.ca", "CA", "A2EUQ1WTGCTBG2"),
  m("Amazon.com.mx", "MX", "A1AM78C64UM0Y8"),
  m("Amazon.com.br", "BR", "A2Q3Y263D00KWC"),
  m("Amazon.ie", "IE", "A28R8C7NBKEWEA"),
  m("Amazon.es", "ES", "A1RKKUPIHCS9HS"),
  m("Amazon.co.uk", "UK", "A1F83G8C2ARO7P"),
  m("Amazon.fr", "FR", "A13V1IB3VIYZZH"),
  m("Amazon.com.be", "BE", "AMEN7PMS3EDWL"),
  m("Amazon.nl", "NL", "A1805IZSGTT6HS"),
  m("Amazon.de", "DE", "A1PA6795UKMFR9", "dot"),
  m("Amazon.it", "IT", "APJ6JRA9NG5V4"),
  m("Amazon.se", "SE", "A2NODRKZP88ZB9", "iso"),
  m("Amazon.co.za", "ZA", "AE08WJ6YKNBMC"),
  m("Amazon.pl", "PL", "A1C3SOZRARQ6R3"),
  m("Amazon.eg", "EG", "ARBP9OOSHTCHU"),
  m("Amazon.com.tr", "TR", "A33AVAJ2PDY3EV"),
  m("Amazon.sa", "SA", "A17E79C6D8DWNP"),
  m("Amazon.ae", "AE", "A2VIGQ35RCS4UG"),
  m("Amazon.in", "IN", "A21TJRUUN4KGV"),
  m("Amazon.sg", "SG", "A19VAU5U5O7RUS"),
  m("Amazon.com.au", "AU", "A39IBJ37TRP1C6"),
  m("Amazon.co.jp", "JP", "A1VC38T7YXB528", "ymd"),
];

const BY_DOMAIN = new Map(MARKETPLACES.map((x) => [x.domain, x]));
const BY_CODE = new Map(MARKETPLACES.map((x) => [x.code, x]));
const BY_ID = new Map(MARKETPLACES.map((x) => [x.id, x]));

/** The marketplace of a domain (`amazon.de`, any case, a leading `www.` allowed), or undefined. */
export function marketplaceOfDomain(domain: string): Marketplace | undefined {
  const d = domain.trim().toLowerCase();
  return BY_DOMAIN.get(d.startsWith("www.") ? d.slice(4) : d);
}

/**
 * What a `sales-channel` value says about an order (SPEC 9.3):
 * - `{ kind: "marketplace", marketplace }` for a known `Amazon.xx` name (any case);
 * - `{ kind: "amazon", name }` for another value starting with `Amazon.` (a marketplace this
 *   table does not know: still an Amazon marketplace, judged on its own under that name);
 * - `{ kind: "excluded", name }` for `Non-Amazon` (Multi-Channel Fulfillment) and any value not
 *   starting with `Amazon.`: not a marketplace order;
 * - `{ kind: "none" }` for an empty cell (the file names no marketplace).
 */
export type SalesChannel =
  | { kind: "marketplace"; marketplace: Marketplace }
  | { kind: "amazon"; name: string }
  | { kind: "excluded"; name: string }
  | { kind: "none" };

export function classifySalesChannel(text: string): SalesChannel {
  const t = text.trim();
  if (t === "") return { kind: "none" };
  if (!/^amazon\./i.test(t)) return { kind: "excluded", name: t };
  const known = marketplaceOfDomain(t);
  return known !== undefined ? { kind: "marketplace", marketplace: known } : { kind: "amazon", name: t };
}

/** The name a sales-channel value is reported under: a known marketplace's own spelling. */
export function marketplaceName(text: string): string {
  const c = classifySalesChannel(text);
  return c.kind === "marketplace" ? c.marketplace.name : text.trim();
}

/**
 * A `--marketplace` value: a name (`Amazon.de`, any case), a code (`DE`, any case; `GB` is
 * taken for `UK`) or an id (`A1PA6795UKMFR9`); undefined when it is none of these.
 */
export function parseMarketplaceArg(text: string): Marketplace | undefined {
  const t = text.trim();
  const upper = t.toUpperCase();
  return (
    marketplaceOfDomain(t) ??
    BY_CODE.get(upper === "GB" ? "UK" : upper) ??
    BY_ID.get(upper) ??
    (/^amazon\./i.test(t) ? undefined : marketplaceOfDomain(`amazon.${t}`))
  );
}

/**
 * The marketplace of a rater e-mail address from a Seller Feedback report
 * (`x7k2m9@marketplace.amazon.de`), or undefined when its domain is not a marketplace's.
 */
export function marketplaceOfEmail(email: string): Marketplace | undefined {
  const at = email.lastIndexOf("@");
  if (at < 0) return undefined;
  let domain = email.slice(at + 1).trim().toLowerCase();
  if (domain.startsWith("marketplace.")) domain = domain.slice("marketplace.".length);
  return BY_DOMAIN.get(domain);
}

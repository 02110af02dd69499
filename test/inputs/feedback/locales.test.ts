import { describe, expect, it } from "vitest";
import { parseMarketplaceArg } from "../../../src/marketplaces.js";
import {
  FeedbackDates,
  HEADERS,
  byPosition,
  headerLanguage,
  slashReadings,
  translatedAliases,
  type FeedbackDatesOptions,
} from "../../../src/inputs/feedback/locales.js";
import { daysFromCivil } from "../../../src/inputs/values.js";
import { zone } from "../../../src/time.js";
const UTC = zone("UTC");

const DE = "Datum\tBewertung\tKommentar\tIhre Antwort\tTransaktionsnummer\tE-Mail des Bewertenden".split("\t");
const MX = "Fecha\tRating\tComentarios\tTu respuesta\tNúmero de pedido\tCorreo electrónico del evaluador".split("\t");
const ES = "Date\tRating\tComentarios\tResponse\tNúmero de pedido\tE-mail del cliente".split("\t");
const US = "Date\tRating\tComments\tResponse\tOrder ID\tRater Email".split("\t");
const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

describe("translated feedback headers", () => {
  it("every header of the samples keeps the six columns; aliases per field list each cell once", () => {
    for (const h of HEADERS) expect(h.cells).toHaveLength(6);
    expect(translatedAliases("order_id")).toEqual(["Order ID", "Transaktionsnummer", "Número de pedido"]);
    expect(translatedAliases("date")).toEqual(["Date", "Datum", "Fecha"]);
    expect(translatedAliases("rating")).toEqual(["Rating", "Bewertung"]);
    expect(translatedAliases("rater_email")).toEqual([
      "Rater Email",
      "E-Mail des Bewertenden",
      "E-mail del cliente",
      "Correo electrónico del evaluador",
    ]);
  });

  it("the header's language names the marketplace: DE, ES, MX; English names none", () => {
    expect(headerLanguage(DE)?.marketplace?.code).toBe("DE");
    expect(headerLanguage(MX)?.marketplace?.code).toBe("MX");
    expect(headerLanguage(ES)?.marketplace?.code).toBe("ES");
    expect(headerLanguage(US)).toBeUndefined();
    expect(headerLanguage(["order_id", "date", "rating"])).toBeUndefined();
    // one translated cell is not enough to tell a language
    expect(headerLanguage(["Date", "Rating", "Comentarios", "Order ID"])).toBeUndefined();
  });
});

describe("a six-column feedback report read by position", () => {
  const FR = ["Date", "Évaluation", "Commentaires", "Votre réponse", "Numéro de commande", "E-mail de l'évaluateur"];
  it("second column ratings, fifth order ids: the columns by position", () => {
    const rows = [["3/5/26", "1", "cassé", "", "171-1184420-6653017", "a@marketplace.amazon.fr"]];
    expect(byPosition(FR, rows)).toEqual({ date: 0, rating: 1, comments: 2, order_id: 4, rater_email: 5 });
  });
  it("not six columns, no sample row, a rating that is not 1-5 or an id that is not an order id: not feedback", () => {
    const good = ["3/5/26", "1", "x", "", "171-1184420-6653017", ""];
    expect(byPosition(FR.slice(0, 5), [good])).toBeNull();
    expect(byPosition(FR, [])).toBeNull();
    expect(byPosition(FR, [good, ["3/5/26", "6", "x", "", "171-1184420-6653017", ""]])).toBeNull();
    expect(byPosition(FR, [["3/5/26", "1", "x", "", "SKU-12", ""]])).toBeNull();
  });
});

describe("slash dates read every way", () => {
  it("M/D/YY, D/M/YY and YY/M/D, distinct valid readings only", () => {
    expect(slashReadings("3/5/26")).toEqual(["2026-03-05", "2026-05-03"]);
    expect(slashReadings("5/5/26")).toEqual(["2026-05-05"]);
    // 13/5/26: 13 is no month; D/M/YY 2026-05-13, YY/M/D 2013-05-26
    expect(slashReadings("13/5/26")).toEqual(["2026-05-13", "2013-05-26"]);
    expect(slashReadings("13/5/2026")).toEqual(["2026-05-13"]);
    // 26/5/3: only YY/M/D (a one-digit year is no year)
    expect(slashReadings("26/5/3")).toEqual(["2026-05-03"]);
    expect(slashReadings("2026-05-03")).toEqual([]);
  });
});

describe("the date format of a feedback row", () => {
  const base: FeedbackDatesOptions = { zone: UTC, dateOrder: "mdy", dateOrderExplicit: false, positional: false };
  const read = (o: Partial<FeedbackDatesOptions>, text: string, email = "") => new FeedbackDates({ ...base, ...o }).read(text, email);
  const dayOf = (r: ReturnType<typeof read>) => (r.ok ? r.stamp.day : r);

  it("the rater e-mail domain: .com M/D/YY, .de D.M.YY, .co.uk D/M/YY, .co.jp YY/M/D, .se ISO", () => {
    expect(dayOf(read({}, "10/9/26", "x@marketplace.amazon.com"))).toBe(day(2026, 10, 9));
    expect(dayOf(read({}, "3.5.26", "q@marketplace.amazon.de"))).toBe(day(2026, 5, 3));
    expect(dayOf(read({}, "10/9/26", "q@marketplace.amazon.co.uk"))).toBe(day(2026, 9, 10));
    expect(dayOf(read({}, "26/5/3", "m@marketplace.amazon.co.jp"))).toBe(day(2026, 5, 3));
    expect(dayOf(read({}, "26/5/11", "m@marketplace.amazon.co.jp"))).toBe(day(2026, 5, 11));
    expect(dayOf(read({}, "2026-05-03", "s@marketplace.amazon.se"))).toBe(day(2026, 5, 3));
    expect(read({}, "10/9/26", "x@marketplace.amazon.com")).toMatchObject({ from: "e-mail" });
  });

  it("an explicit --date-order wins over the e-mail domain", () => {
    const r = read({ dateOrder: "dmy", dateOrderExplicit: true }, "10/9/26", "x@marketplace.amazon.com");
    expect(dayOf(r)).toBe(day(2026, 9, 10));
    expect(r).toMatchObject({ from: "date-order" });
    // JP's 26/5/3 under an explicit mdy: month 26 does not exist
    expect(read({ dateOrderExplicit: true }, "26/5/3", "m@marketplace.amazon.co.jp")).toMatchObject({ ok: false, ambiguous: false });
  });

  it("without a marketplace e-mail: the header's language, then --marketplace, then an English header's M/D/YY", () => {
    const de = headerLanguage(DE)!.marketplace!;
    expect(read({ header: de }, "12.5.26")).toMatchObject({ ok: true, from: "header" });
    expect(dayOf(read({ header: headerLanguage(MX)!.marketplace! }, "3/5/26"))).toBe(day(2026, 5, 3));
    const uk = parseMarketplaceArg("UK")!;
    expect(dayOf(read({ selected: [uk] }, "3/5/26", "a@gmail.com"))).toBe(day(2026, 5, 3));
    expect(read({ selected: [uk] }, "3/5/26")).toMatchObject({ from: "marketplace" });
    // US and DE selected: two formats, so --marketplace says nothing; an English header: M/D/YY
    expect(dayOf(read({ selected: [parseMarketplaceArg("US")!, parseMarketplaceArg("DE")!] }, "3/5/26"))).toBe(day(2026, 3, 5));
    expect(read({}, "3/5/26")).toMatchObject({ ok: true, from: "english" });
  });

  it("by position, no marketplace: a date read two ways is ambiguous; one read one way is that date", () => {
    expect(read({ positional: true }, "3/5/26")).toEqual({ ok: false, ambiguous: true, readings: ["2026-03-05", "2026-05-03"] });
    expect(dayOf(read({ positional: true }, "5/5/26"))).toBe(day(2026, 5, 5));
    expect(dayOf(read({ positional: true }, "13/5/2026"))).toBe(day(2026, 5, 13));
    expect(dayOf(read({ positional: true }, "3.5.26"))).toBe(day(2026, 5, 3));
    expect(dayOf(read({ positional: true }, "2026-05-03"))).toBe(day(2026, 5, 3));
    // the rater e-mail still tells, by position too
    expect(dayOf(read({ positional: true }, "3/5/26", "a@marketplace.amazon.fr"))).toBe(day(2026, 5, 3));
    expect(read({ positional: true }, "tomorrow")).toMatchObject({ ok: false, ambiguous: false, format: null });
  });

  it("a date that does not exist in the row's format is not a date", () => {
    expect(read({}, "31.2.26", "q@marketplace.amazon.de")).toMatchObject({ ok: false, ambiguous: false, format: "dot" });
    expect(read({}, "26/2/30", "m@marketplace.amazon.co.jp")).toMatchObject({ ok: false, format: "ymd" });
  });
});

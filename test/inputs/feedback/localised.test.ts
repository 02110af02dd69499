/**
 * The Seller Feedback report as each marketplace writes it (SPEC 9.2), read through readInputs:
 * translated headers, a layout known only by position, and dates in the marketplace's format.
 * Every expected day is written out from the sample rows (../shared/samples).
 */
import { describe, expect, it } from "vitest";
import { isAhrError, type AhrError } from "../../../src/errors.js";
import { readInputsWith, type ReadOptions } from "../../../src/inputs/index.js";
import { parseMarketplaceArg } from "../../../src/marketplaces.js";
import { parseDay, zone } from "../../../src/time.js";
import { fakeFs } from "../../helpers/table.js";

/** The default date order, not given: each file's marketplace decides (as the CLI without --date-order). */
const opts = (o: Partial<ReadOptions> = {}): ReadOptions => ({
  zone: zone("UTC"),
  dateOrder: "mdy",
  dateOrderExplicit: false,
  columns: {},
  skipInvalid: false,
  ...o,
});

async function read(files: Record<string, string>, o: Partial<ReadOptions> = {}) {
  const fs = fakeFs(files);
  return readInputsWith({ files: {}, auto: Object.keys(files) }, opts(o), fs.deps);
}
async function failure(p: Promise<unknown>): Promise<AhrError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (isAhrError(e)) return e;
  throw new Error(`expected an AhrError, got ${String(e)}`);
}
const days = (records: { orderId: string; date: { day: number } | null }[]) =>
  records.map((r) => [r.orderId, r.date === null ? null : r.date.day]);
const day = (s: string) => parseDay(s)!;

// shared/samples/feedback-de.txt, comments shortened
const DE =
  "Datum\tBewertung\tKommentar\tIhre Antwort\tTransaktionsnummer\tE-Mail des Bewertenden\n" +
  "3.5.26\t1\tbeschädigt\t\t302-1184420-6653017\tq8w2e6r0t4y7u1i@marketplace.amazon.de\n" +
  "12.5.26\t2\tzwei Wochen\tEntschuldigung\t028-5593017-2231846\ta5s9d3f7g1h4j8k@marketplace.amazon.de\n";
// shared/samples/feedback-jp.txt, comments replaced
const JP =
  "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n" +
  "26/5/3\t1\tx\t\t249-4408123-7719526\tm3n7b1v5c9x2z6a@marketplace.amazon.co.jp\n" +
  "26/5/11\t2\ty\t\t250-1937264-0058413\tk1j5h9g3f7d0s4a@marketplace.amazon.co.jp\n";
const MX =
  "Fecha\tRating\tComentarios\tTu respuesta\tNúmero de pedido\tCorreo electrónico del evaluador\n" +
  "3/5/26\t1\tmal\t\t701-1000000-0000001\t\n";
const ES =
  "Date\tRating\tComentarios\tResponse\tNúmero de pedido\tE-mail del cliente\n" + "3/5/26\t2\tmal\t\t403-1000000-0000001\t\n";
const FR = "Date\tÉvaluation\tCommentaires\tVotre réponse\tNuméro de commande\tE-mail de l'évaluateur\n";

describe("translated headers are aliases", () => {
  it("DE: Datum, Bewertung, Transaktionsnummer; D.M.YY; the rater e-mail read as a column", async () => {
    const inputs = await read({ "fb-de.txt": DE });
    const fb = inputs.feedback!;
    // 3.5.26 is 3 May 2026, 12.5.26 is 12 May 2026
    expect(days(fb.records)).toEqual([
      ["302-1184420-6653017", day("2026-05-03")],
      ["028-5593017-2231846", day("2026-05-12")],
    ]);
    expect(fb.records.map((r) => r.rating)).toEqual([1, 2]);
    expect([...fb.columns].sort()).toEqual(["comments", "date", "order_id", "rater_email", "rating"]);
    expect(fb.notes).toEqual([]);
  });

  it("MX and ES headers: D/M/YY from the header's language when no e-mail tells", async () => {
    // 3/5/26 day first: 3 May 2026 (as M/D/YY it would be 5 March)
    expect(days((await read({ "mx.txt": MX })).feedback!.records)).toEqual([["701-1000000-0000001", day("2026-05-03")]]);
    expect(days((await read({ "es.txt": ES })).feedback!.records)).toEqual([["403-1000000-0000001", day("2026-05-03")]]);
  });
});

describe("dates follow the marketplace", () => {
  it("JP: YY/M/D from the .co.jp rater e-mail (26/5/3 is 2026-05-03)", async () => {
    expect(days((await read({ "jp.txt": JP })).feedback!.records)).toEqual([
      ["249-4408123-7719526", day("2026-05-03")],
      ["250-1937264-0058413", day("2026-05-11")],
    ]);
  });

  it("an English header: the e-mail's marketplace per row (.co.uk day first), else M/D/YY as before", async () => {
    const text =
      "Date\tRating\tComments\tResponse\tOrder ID\tRater Email\n" +
      "10/9/26\t1\tx\t\tA\tp@marketplace.amazon.co.uk\n" +
      "10/9/26\t1\tx\t\tB\tp@marketplace.amazon.com\n" +
      "10/9/26\t1\tx\t\tC\t\n";
    expect(days((await read({ "fb.txt": text })).feedback!.records)).toEqual([
      ["A", day("2026-09-10")],
      ["B", day("2026-10-09")],
      ["C", day("2026-10-09")],
    ]);
  });

  it("an explicit --date-order (or config dateOrder) wins over all of these", async () => {
    const inputs = await read({ "jp.txt": JP.replace("26/5/3", "3/5/26").replace("26/5/11", "11/5/26") }, { dateOrder: "dmy", dateOrderExplicit: true });
    expect(days(inputs.feedback!.records)).toEqual([
      ["249-4408123-7719526", day("2026-05-03")],
      ["250-1937264-0058413", day("2026-05-11")],
    ]);
    // without dateOrderExplicit (a library caller passing dateOrder): explicit, as before
    const de = await read({ "fb-de.txt": DE.replace("3.5.26", "5/3/26") }, { dateOrderExplicit: undefined });
    expect(days(de.feedback!.records)[0]).toEqual(["302-1184420-6653017", day("2026-05-03")]);
  });

  it("a date that is not the marketplace's format: the value error says why", async () => {
    const e = await failure(read({ "jp.txt": JP.replace("26/5/3", "5/3/26") }));
    expect(e.code).toBe("VALUE");
    expect(e.message).toBe(
      'jp.txt:2: column "Date": "5/3/26" is not a date like 26/1/31 (YY/M/D) or 2026-01-31; the rater e-mail "@marketplace.amazon.co.jp" is of a marketplace that writes YY/M/D; pass --date-order mdy or dmy if the file writes dates otherwise',
    );
  });
});

describe("a six-column feedback report in another language, by position", () => {
  it("read by position, with a note; the e-mail domain gives D/M/YY", async () => {
    const inputs = await read({ "fr.txt": FR + "3/5/26\t1\tcassé\t\t171-1184420-6653017\ta@marketplace.amazon.fr\n" });
    const fb = inputs.feedback!;
    expect(days(fb.records)).toEqual([["171-1184420-6653017", day("2026-05-03")]]);
    expect(fb.records[0]).toMatchObject({ rating: 1, comments: "cassé" });
    expect(fb.notes).toEqual([
      'fr.txt: its header ("Date" "Évaluation" "Commentaires" "Votre réponse" "Numéro de commande" "E-mail de l\'évaluateur") is not one ahr knows; read as a feedback report by column position (date, rating, comments, response, order id, rater e-mail)',
    ]);
  });

  it("given with --feedback too; a date that reads one way only is that date", async () => {
    const fs = fakeFs({ "fr.txt": FR + "13/5/2026\t2\tx\t\t171-1184420-6653017\t\n" });
    const inputs = await readInputsWith({ files: { feedback: ["fr.txt"] }, auto: [] }, opts(), fs.deps);
    // 13/5/2026: 13 is no month and a four-digit year is not YY/M/D: 13 May 2026
    expect(days(inputs.feedback!.records)).toEqual([["171-1184420-6653017", day("2026-05-13")]]);
    // 13/5/26 could also be YY/M/D (2013-05-26): ambiguous
    const two = fakeFs({ "fr.txt": FR + "13/5/26\t2\tx\t\t171-1184420-6653017\t\n" });
    const e = await failure(readInputsWith({ files: { feedback: ["fr.txt"] }, auto: [] }, opts(), two.deps));
    expect(e.params.accepted).toEqual(["2026-05-13", "2013-05-26"]);
  });

  it("no marketplace known and a date read two ways: exit 2 naming --marketplace and --date-order", async () => {
    const e = await failure(read({ "fr.txt": FR + "3/5/26\t1\tx\t\t171-1184420-6653017\t\n" }));
    expect(e.code).toBe("FEEDBACK_DATE_AMBIGUOUS");
    expect(e.message).toBe(
      'fr.txt:2: column "Date": "3/5/26" could be 2026-03-05 or 2026-05-03, and nothing tells this feedback file\'s marketplace (no rater e-mail of a marketplace, a header ahr does not know); pass --marketplace with the marketplace the file comes from (such as --marketplace DE), or --date-order mdy or dmy',
    );
    // not a value error: --skip-invalid does not skip it
    expect((await failure(read({ "fr.txt": FR + "3/5/26\t1\tx\t\t171-1184420-6653017\t\n" }, { skipInvalid: true }))).code).toBe(
      "FEEDBACK_DATE_AMBIGUOUS",
    );
  });

  it("--marketplace tells it; so does --date-order", async () => {
    const text = FR + "3/5/26\t1\tx\t\t171-1184420-6653017\t\n";
    const fr = await read({ "fr.txt": text }, { marketplaces: [parseMarketplaceArg("FR")!] });
    expect(days(fr.feedback!.records)).toEqual([["171-1184420-6653017", day("2026-05-03")]]);
    const mdy = await read({ "fr.txt": text }, { dateOrderExplicit: true });
    expect(days(mdy.feedback!.records)).toEqual([["171-1184420-6653017", day("2026-03-05")]]);
  });

  it("six columns whose second is not a rating or fifth not an order id: not feedback", async () => {
    const e = await failure(read({ "x.txt": FR + "3/5/26\tgood\tx\t\t171-1184420-6653017\t\n" }));
    expect(e.code).toBe("DIR_UNRECOGNISED");
  });
});

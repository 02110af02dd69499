import { describe, expect, it } from "vitest";
import { changeText, grouped, percent, rowSentence, shortPercent, targetText } from "../../src/format/words.js";
import { run } from "../report/fakes.js";

describe("numbers in words", () => {
  it("groups thousands, formats percentages and targets", () => {
    expect(grouped(1234567)).toBe("1,234,567");
    expect(grouped(999)).toBe("999");
    expect(percent(0.0125)).toBe("1.25%");
    expect(percent(null)).toBe("–");
    expect(shortPercent(0.025)).toBe("2.5%");
    expect(shortPercent(0.07)).toBe("7%"); // 0.07 * 100 = 7.000000000000001 in binary
    expect(targetText({ condition: "lt", target: 0.01 })).toBe("< 1%");
    expect(targetText({ condition: "gte", target: 0.95 })).toBe(">= 95%");
  });
});

describe("words", () => {
  it("a breach with its forecast and change", () => {
    // odr mfn 3/100 = 3%; offenders 09-08, 09-08, 09-20 leave on 11-21, 11-21, 12-03;
    // 1/100 = 1% is still a breach, 0/100 is not: clears 12-03. Previous 2/100: +1 pt.
    const r = run({
      table: {
        "odr mfn 2026-09-08": {
          numerator: 3,
          denominator: 100,
          offenders: [
            { orderId: "A", date: "2026-09-08", reason: "r", source: "s" },
            { orderId: "B", date: "2026-09-08", reason: "r", source: "s" },
            { orderId: "C", date: "2026-09-20", reason: "r", source: "s" },
          ],
        },
        "odr mfn 2026-07-10": { numerator: 2, denominator: 100 },
      },
    });
    expect(rowSentence(r.metrics[0]!)).toBe(
      "ODR (MFN) 60d is 3.00%, a breach of < 1%: 3 defective orders out of 100 orders; clears on 2026-12-03 if no new defective order arrives; +1 pt vs the 60 days before",
    );
  });

  it("at risk with headroom", () => {
    // 33/1000 = 3.3% >= warnAt 3.2%; largest m with m/1000 < 4% is 39: room for 39 - 33 = 6.
    // Previous window (11-01..11-10) is the fake's default 0/100: 3.3% - 0% = +3.3 pt.
    const r = run({ table: { "lsr mfn 2026-11-11": { numerator: 33, denominator: 1000 } } });
    const lsr = r.metrics.find((m) => m.id === "lsr")!;
    expect(rowSentence(lsr)).toBe(
      "LSR 10d is 3.30% and at risk (< 4%, warning at 3.2%): room for 6 more late shipments; 7 more and it breaches; +3.3 pt vs the 10 days before",
    );
  });

  it("at risk with no headroom; gte breach counts the bad ones", () => {
    // crt 7d: 27/30 = 90% >= 90% (no breach), < 92%: at risk; smallest m with m/30 >= 90% is 27: room 0.
    // vtr: 93/100 < 95%: breach; bad = 100 - 93 = 7. Previous window empty (0/100 default good = 100/100):
    // change 93% - 100% = -7 pt.
    const r = run({
      table: {
        "crt all 2026-11-14": { numerator: 27, denominator: 30 },
        "vtr mfn 2026-10-22": { numerator: 93, denominator: 100 },
      },
    });
    expect(rowSentence(r.metrics.find((m) => m.id === "crt")!)).toBe(
      "CRT 7d is 90.00% and at risk (>= 90%, warning at 92%): the next late response breaches it; -10 pt vs the 7 days before",
    );
    expect(rowSentence(r.metrics.find((m) => m.id === "vtr")!)).toBe(
      "VTR 30d is 93.00%, a breach of >= 95%: 7 shipments without valid tracking out of 100 shipments; -7 pt vs the 30 days before",
    );
  });

  it("no sentence for good rows; change needs both rates", () => {
    const r = run({ table: { "pfcr mfn 2026-11-07": { numerator: null, denominator: null, reason: "x" } } });
    const pfcr = r.metrics.find((m) => m.id === "pfcr")!;
    expect(rowSentence(pfcr)).toBeNull();
    expect(changeText(pfcr)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cleanText, clip, escapeMarkdown, showName } from "../../src/format/sanitize.js";

/** Any code point, or one of the characters a spoof or an escape is made of. */
const SPOOF_UNIT = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.constantFrom("\u200b", "\u202e", "\u{e0041}", "\ufeff", "\u001b", "[", "]", "\\", "u"),
);

describe("cleanText", () => {
  it("strips CSI sequences (clear screen, colours, cursor moves)", () => {
    expect(cleanText("a\u001b[2Jb")).toBe("ab");
    expect(cleanText("\u001b[31mred\u001b[0m")).toBe("red");
    expect(cleanText("x\u001b[10;20Hy")).toBe("xy");
  });

  it("strips OSC sequences ended by BEL or ST, and unterminated ones", () => {
    expect(cleanText("x\u001b]0;evil title\u0007y")).toBe("xy");
    expect(cleanText("x\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\y")).toBe("xlinky");
    expect(cleanText("x\u001b]0;no end")).toBe("x");
  });

  it("strips 8-bit C1 forms: CSI 0x9b, OSC 0x9d ... ST 0x9c", () => {
    expect(cleanText("a\u009b31mb")).toBe("ab");
    expect(cleanText("a\u009d0;title\u009cb")).toBe("ab");
  });

  it("strips other ESC sequences and a lone ESC", () => {
    expect(cleanText("a\u001bcb")).toBe("ab"); // RIS, full reset
    expect(cleanText("a\u001b(Bb")).toBe("ab");
    expect(cleanText("a\u001b")).toBe("a");
  });

  it("shows bidi controls escaped (issue 17: they are Cf); strips NUL, DEL and C1; tabs and newlines become spaces", () => {
    expect(cleanText("abc\u202efed")).toBe("abc\\u202efed");
    expect(cleanText("\u2066a\u2067b\u2068c\u2069\u200e")).toBe("\\u2066a\\u2067b\\u2068c\\u2069\\u200e");
    expect(cleanText("a\u0000b\u007fc\u0085d")).toBe("abcd");
    expect(cleanText("a\tb\nc\r\nd")).toBe("a b c  d");
  });

  it("keeps ordinary text, accents, quotes and symbols", () => {
    const s = 'Crème brûlée – 12" Pizza Pan · 1-star ✔ ▲ ✖ 日本';
    expect(cleanText(s)).toBe(s);
  });

  it("shows invisible format characters (Cf) escaped: a spoofed order id is visible (issue 17)", () => {
    // zero-width space, zero-width joiner and non-joiner, word joiner, BOM, soft hyphen
    expect(cleanText("111-\u200b0000001")).toBe("111-\\u200b0000001");
    expect(cleanText("a\u200cb\u200dc\u2060d\ufeffe\u00adf")).toBe("a\\u200cb\\u200dc\\u2060d\\ufeffe\\u00adf");
    // a tag character beyond U+FFFF is one escape, not two halves
    expect(cleanText("x\u{e0041}y")).toBe("x\\u{e0041}y");
    // a letter, an accent, a CJK character and an emoji with a variation selector stay
    expect(cleanText("é日✔️")).toBe("é日✔️");
  });

  it("property: no control, escape, bidi or other Cf character survives, and it is idempotent", () => {
    const bad = /[\u0000-\u001f\u007f-\u009f]|\p{Cf}/u;
    fc.assert(
      fc.property(fc.string({ unit: SPOOF_UNIT, maxLength: 60 }), (s) => {
        const out = cleanText(s);
        expect(bad.test(out)).toBe(false);
        expect(cleanText(out)).toBe(out);
      }),
    );
  });
});

describe("escapeMarkdown", () => {
  it("escapes table pipes, emphasis, code and backslashes", () => {
    expect(escapeMarkdown("a|b")).toBe("a\\|b");
    expect(escapeMarkdown("*bold* _it_ `code` a\\b ~s~")).toBe("\\*bold\\* \\_it\\_ \\`code\\` a\\\\b \\~s\\~");
    expect(escapeMarkdown("[link](x) ![img](y) #1")).toBe("\\[link\\](x) \\!\\[img\\](y) \\#1");
  });

  it("turns <, > and & into entities: no raw HTML", () => {
    expect(escapeMarkdown("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(escapeMarkdown("&amp;")).toBe("&amp;amp;");
  });

  it("cleans first: escapes and newlines cannot break a row", () => {
    expect(escapeMarkdown("a\nb|\u001b[2Jc")).toBe("a b\\|c");
  });

  it("property: no unescaped pipe, no < or > and no newline in the output", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const out = escapeMarkdown(s);
        expect(/[<>\n\r]/.test(out)).toBe(false);
        // every | is preceded by an odd number of backslashes
        for (const m of out.matchAll(/(\\*)\|/g)) expect((m[1] ?? "").length % 2).toBe(1);
      }),
    );
  });
});

describe("clip", () => {
  it("cuts to max code points with an ellipsis", () => {
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("abc", 3)).toBe("abc");
    expect(clip("日本語テキスト", 3)).toBe("日本…");
  });
});

describe("showName: file names and config keys (issue 17)", () => {
  it("shows escapes escaped instead of removing them: nope\\u001b]0;T\\u0007.csv, not nope.csv", () => {
    expect(showName("nope\u001b]0;T\u0007.csv")).toBe("nope\\u001b]0;T\\u0007.csv");
    expect(showName("a\tb\nc\u009bd\u202ee\u200bf\u2028g")).toBe("a\\u0009b\\u000ac\\u009bd\\u202ee\\u200bf\\u2028g");
    expect(showName("exports/Bestellungen März.csv")).toBe("exports/Bestellungen März.csv");
  });

  it("property: nothing unsafe survives, and every other character is kept in order", () => {
    const bad = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}/u;
    fc.assert(
      fc.property(fc.string({ unit: SPOOF_UNIT, maxLength: 60 }), (s) => {
        const out = showName(s);
        expect(bad.test(out)).toBe(false);
        // removing the escapes it wrote gives back the safe characters of the input
        const kept = Array.from(s).filter((c) => !bad.test(c)).join("");
        expect(out.replace(/\\u\{[0-9a-f]+\}|\\u[0-9a-f]{4}/g, "")).toBe(kept.replace(/\\u\{[0-9a-f]+\}|\\u[0-9a-f]{4}/g, ""));
      }),
    );
  });
});

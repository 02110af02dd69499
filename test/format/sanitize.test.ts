import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cleanText, clip, escapeMarkdown } from "../../src/format/sanitize.js";

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

  it("strips bidi controls, NUL, DEL and C1; tabs and newlines become spaces", () => {
    expect(cleanText("abc\u202efed")).toBe("abcfed");
    expect(cleanText("\u2066a\u2067b\u2068c\u2069\u200e\u200f\u061c\u202a\u202b\u202c\u202d")).toBe("abc");
    expect(cleanText("a\u0000b\u007fc\u0085d")).toBe("abcd");
    expect(cleanText("a\tb\nc\r\nd")).toBe("a b c  d");
  });

  it("keeps ordinary text, accents, quotes and symbols", () => {
    const s = 'Crème brûlée – 12" Pizza Pan · 1-star ✔ ▲ ✖ 日本';
    expect(cleanText(s)).toBe(s);
  });

  it("property: no control, escape or bidi character survives, and it is idempotent", () => {
    const bad = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
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

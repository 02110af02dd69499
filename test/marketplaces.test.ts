import { describe, expect, it } from "vitest";
import {
  MARKETPLACES,
  classifySalesChannel,
  marketplaceName,
  marketplaceOfEmail,
  parseMarketplaceArg,
} from "../src/marketplaces.js";

describe("the marketplace table", () => {
  it("has Amazon's 23 marketplaces, each name, code, id and domain once", () => {
    expect(MARKETPLACES).toHaveLength(23);
    for (const key of ["name", "code", "id", "domain"] as const) {
      expect(new Set(MARKETPLACES.map((m) => m[key])).size, key).toBe(23);
    }
  });

  it("dates of the feedback report per SPEC 9.2: US M/D/YY, DE D.M.YY, JP YY/M/D, SE ISO, the rest D/M/YY", () => {
    const dates = Object.fromEntries(MARKETPLACES.map((m) => [m.code, m.feedbackDates]));
    expect(dates).toMatchObject({ US: "mdy", DE: "dot", JP: "ymd", SE: "iso", UK: "dmy", CA: "dmy", MX: "dmy", FR: "dmy" });
    expect(MARKETPLACES.filter((m) => m.feedbackDates === "dmy")).toHaveLength(23 - 4);
  });

  it("only Amazon.co.jp's flat files are Shift_JIS when not UTF-8", () => {
    expect(MARKETPLACES.filter((m) => m.legacyEncoding === "shift_jis").map((m) => m.code)).toEqual(["JP"]);
  });
});

describe("--marketplace values", () => {
  it("a name, a code or an id, any case", () => {
    for (const v of ["Amazon.de", "amazon.de", "AMAZON.DE", "DE", "de", "A1PA6795UKMFR9", "a1pa6795ukmfr9", " DE "]) {
      expect(parseMarketplaceArg(v)?.name, v).toBe("Amazon.de");
    }
    expect(parseMarketplaceArg("GB")?.name).toBe("Amazon.co.uk");
    expect(parseMarketplaceArg("UK")?.name).toBe("Amazon.co.uk");
    expect(parseMarketplaceArg("co.jp")?.code).toBe("JP");
  });

  it("anything else is undefined", () => {
    for (const v of ["", "XX", "Amazon.xx", "Non-Amazon", "ATVPDKIKX0DE"]) expect(parseMarketplaceArg(v), v).toBeUndefined();
  });
});

describe("sales-channel values (SPEC 9.3)", () => {
  it("Amazon.xx is that marketplace; an unknown Amazon.xx is an Amazon marketplace under its own name", () => {
    expect(classifySalesChannel("Amazon.com")).toMatchObject({ kind: "marketplace", marketplace: { code: "US" } });
    expect(classifySalesChannel("amazon.ca")).toMatchObject({ kind: "marketplace", marketplace: { code: "CA" } });
    expect(classifySalesChannel("Amazon.zz")).toEqual({ kind: "amazon", name: "Amazon.zz" });
    expect(marketplaceName("amazon.ca")).toBe("Amazon.ca");
  });

  it("Non-Amazon (MCF) and any value not starting with Amazon. are excluded; empty is none", () => {
    expect(classifySalesChannel("Non-Amazon")).toEqual({ kind: "excluded", name: "Non-Amazon" });
    expect(classifySalesChannel("eBay")).toEqual({ kind: "excluded", name: "eBay" });
    expect(classifySalesChannel("Amazon")).toEqual({ kind: "excluded", name: "Amazon" });
    expect(classifySalesChannel("  ")).toEqual({ kind: "none" });
  });
});

describe("rater e-mail domains", () => {
  it("@marketplace.amazon.XX and @amazon.XX name the marketplace", () => {
    expect(marketplaceOfEmail("q8w2e6r0t4y7u1i@marketplace.amazon.de")?.code).toBe("DE");
    expect(marketplaceOfEmail("m3n7b1v5c9x2z6a@marketplace.amazon.co.jp")?.code).toBe("JP");
    expect(marketplaceOfEmail("x7k2m9@MARKETPLACE.AMAZON.COM")?.code).toBe("US");
    expect(marketplaceOfEmail("a@amazon.com.mx")?.code).toBe("MX");
  });

  it("another domain or no address names none", () => {
    for (const e of ["", "nobody", "a@gmail.com", "a@marketplace.amazon.xx", "a@marketplace.amazon.de.example.com"]) {
      expect(marketplaceOfEmail(e), e).toBeUndefined();
    }
  });
});

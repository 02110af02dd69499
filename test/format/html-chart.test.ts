import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { chartSvg, yDomain, type ChartInput } from "../../src/format/html-chart.js";
import { ODR_CROSSINGS, ODR_POINTS } from "./html-sample.js";

const input: ChartInput = { label: "ODR (MFN) 60d", condition: "lt", target: 0.01, warnAt: 0.008, points: ODR_POINTS, crossings: ODR_CROSSINGS };

function svgOf(c: ChartInput) {
  const { document } = parseHTML(`<!doctype html><html><body>${chartSvg(c)}</body></html>`);
  return document.querySelector("svg")!;
}

describe("yDomain", () => {
  it("lt: from 0 to 15% over the highest of rates, target and warning point", () => {
    // max(0.01, 0.008, 0.03) = 0.03; x 1.15 = 0.0345.
    const [lo, hi] = yDomain(input);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.0345, 12);
  });

  it("gte: 15% of the span beyond the lowest and highest, at most 100%", () => {
    // rates 0.90 and 0.99, target 0.95, warnAt 0.96: lo 0.90, hi 0.99, span 0.09;
    // 0.90 - 0.0135 = 0.8865; 0.99 + 0.0135 = 1.0035 -> 1.
    const points = [
      { asOf: "2026-11-19", numerator: 90, denominator: 100, rate: 0.9, status: "breach" as const },
      { asOf: "2026-11-20", numerator: 99, denominator: 100, rate: 0.99, status: "good" as const },
    ];
    const [lo, hi] = yDomain({ ...input, condition: "gte", target: 0.95, warnAt: 0.96, points, crossings: [] });
    expect(lo).toBeCloseTo(0.8865, 12);
    expect(hi).toBe(1);
  });

  it("lt with every rate 0 still has room for the lines; no rate at all leaves the lines", () => {
    const zero = ODR_POINTS.map((p) => ({ ...p, rate: 0 }));
    expect(yDomain({ ...input, points: zero })[1]).toBeCloseTo(0.0115, 12); // 0.01 x 1.15
    const none = ODR_POINTS.map((p) => ({ ...p, rate: null }));
    expect(yDomain({ ...input, points: none })[1]).toBeCloseTo(0.0115, 12);
  });
});

describe("chartSvg", () => {
  const svg = svgOf(input);

  it("is an SVG with a name for screen readers and no style or script of its own", () => {
    expect(svg.getAttribute("class")).toBe("ahr-plot");
    expect(svg.getAttribute("aria-label")).toBe("ODR (MFN) 60d: the rate on each of the last 8 as-of days");
    expect(svg.querySelectorAll("style, script, foreignObject")).toHaveLength(0);
  });

  it("marks the 4 breach days with crosses and the 1 at-risk day with a triangle", () => {
    expect(svg.querySelectorAll(".ahr-breach path")).toHaveLength(4);
    expect(svg.querySelectorAll(".ahr-risk path")).toHaveLength(1);
  });

  it("draws the target and warning lines, labelled, and the rate as one line", () => {
    expect(svg.querySelectorAll(".ahr-target line")).toHaveLength(1);
    expect(svg.querySelectorAll(".ahr-warn line")).toHaveLength(1);
    expect(svg.querySelector(".ahr-warn line")?.getAttribute("stroke-dasharray") ?? svg.querySelector(".ahr-warn")?.getAttribute("stroke-dasharray")).toBe("5 4");
    expect(svg.querySelector(".ahr-target-label")?.textContent).toBe("target < 1%");
    expect(svg.querySelector(".ahr-warn-label")?.textContent).toBe("warning 0.8%");
    expect(svg.querySelectorAll(".ahr-rate path")).toHaveLength(1);
    expect(svg.querySelector(".ahr-last")?.textContent).toBe("1.00%");
  });

  it("puts the target line at the target's height (y scale from 0 to 3.45%)", () => {
    // Plot's frame: height 220, marginTop 24, marginBottom 34 -> y range 186 .. 24 (162 px).
    // 1% of 3.45%: 186 - 162 x (1 / 3.45) = 139.04..., rounded to 0.1 px: 139.
    const y = Number(svg.querySelector(".ahr-target line")?.getAttribute("y1"));
    expect(y).toBeCloseTo(139, 0);
  });

  it("draws a rule at each of the 3 crossings and labels those not too close to the last label", () => {
    // 8 days over 600 - 52 - 16 = 532 px: 76 px a day. Crossings on days 3, 5, 6 (from 0):
    // 228, 380, 456 px; 456 - 380 = 76 < 78, so the third has no label (the caption names it).
    expect(svg.querySelectorAll(".ahr-crossing line")).toHaveLength(3);
    expect([...svg.querySelectorAll(".ahr-crossing-label text")].map((t) => t.textContent)).toEqual(["✖ breached 11-16", "✔ back 11-18"]);
  });

  it("has a hover title for each of the 7 days with data, and axis labels", () => {
    const titles = [...svg.querySelectorAll(".ahr-hover title")].map((t) => t.textContent);
    expect(titles).toHaveLength(7);
    expect(titles[2]).toBe("2026-11-16: 2.00% (2/100), breach");
    expect(svg.textContent).toContain("as-of day");
    expect(svg.textContent).toContain("rate");
    expect(svg.textContent).toContain("3%"); // a y tick
  });

  it("rounds coordinates to 0.1 px and gives the same bytes twice", () => {
    const coords = [...svg.querySelectorAll("*")].flatMap((el) =>
      ["x", "y", "x1", "x2", "y1", "y2", "d", "transform"].map((a) => el.getAttribute(a) ?? ""),
    );
    expect(coords.join(" ")).toMatch(/\d\.\d/);
    expect(coords.join(" ")).not.toMatch(/\d\.\d{2}/);
    expect(chartSvg(input)).toBe(chartSvg(input));
  });
});

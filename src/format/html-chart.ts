/**
 * One chart of the HTML report (SPEC section 11): a metric's rate on each replayed as-of day
 * (the points of a trend series, as `ahr trend` computes them), against its target and warning
 * lines, with the breach and at-risk days marked and each crossing of the target named. Drawn as
 * SVG in Node by Observable Plot on linkedom's server-side DOM (measured against Vega-Lite in the
 * commit that chose it), so the page needs no script to show it.
 *
 * Status is never colour alone: a breach day is a cross, an at-risk day a triangle, the target
 * line solid and labelled, the warning line dashed and labelled, each crossing a labelled
 * vertical line, and the figure caption says the same in words. Colours come from the page's CSS
 * by class (ahr-rate, ahr-target, ahr-warn, ahr-breach, ahr-risk, ahr-crossing), so one SVG
 * reads in light and dark mode and in print. Every day has an invisible hover target whose
 * <title> gives the day, the rate and the count (a browser tooltip, no script).
 *
 * Only dates, numbers and our own words reach a chart: no text from a file.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { Condition } from "../catalog.js";
import type { Status } from "../metrics/status.js";
import type { TrendPoint } from "../report/trend.js";

export interface ChartInput {
  /** "ODR (MFN) 60d": the chart's name for screen readers. */
  label: string;
  condition: Condition;
  target: number;
  warnAt: number;
  points: readonly TrendPoint[];
  /** As-of days on which the status changed to or from breach (TrendSeries.crossings). */
  crossings: readonly { asOf: string; status: Status }[];
}

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 220;

/** What this module uses of a DOM element (linkedom's; the build has no DOM typings). */
interface Node {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): Node | null;
  querySelectorAll(selector: string): ArrayLike<Node>;
  remove(): void;
  readonly outerHTML: string;
}

let doc: unknown = null;

/** One server-side document for every chart (Plot only creates elements in it; none is attached). */
function document(): unknown {
  if (doc === null) doc = parseHTML("<!doctype html><html><head></head><body></body></html>").document;
  return doc;
}

const day = (asOf: string): Date => new Date(`${asOf}T00:00:00Z`);

/** "1.25%" (two decimals, as the tables show it). */
function pct(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}

/** A configured decimal as a short percentage: 0.01 -> "1%", 0.976 -> "97.6%". */
function shortPct(fraction: number): string {
  return `${Number((fraction * 100).toFixed(4))}%`;
}

const STATUS_TEXT: Record<Status, string> = { good: "good", at_risk: "at risk", breach: "breach", no_data: "no data" };

/**
 * The y domain: from 0 (lt) or from a little under the lowest of the rates, target and warning
 * point (gte) to a little over the highest of them (at most 100% for gte), so both lines and
 * every point are inside.
 */
export function yDomain(c: ChartInput): [number, number] {
  const rates = c.points.map((p) => p.rate).filter((r): r is number => r !== null);
  const lo = Math.min(c.target, c.warnAt, ...rates);
  const hi = Math.max(c.target, c.warnAt, ...rates);
  if (c.condition === "lt") return [0, hi === 0 ? 0.01 : hi * 1.15];
  const span = Math.max(hi - lo, 0.01);
  return [Math.max(0, lo - span * 0.15), Math.min(1, hi + span * 0.15)];
}

/** Coordinates rounded to 0.1 px: Plot writes them at full double precision (110.30000000000001). */
function tidy(svg: Node): void {
  const attrs = ["x", "y", "x1", "x2", "y1", "y2", "d", "transform", "cx", "cy", "points"];
  for (const el of [svg, ...Array.from(svg.querySelectorAll("*"))]) {
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (v !== null && /\d\.\d{2}/.test(v)) {
        el.setAttribute(a, v.replace(/-?\d+\.\d+(?:e-?\d+)?/g, (n: string) => String(Math.round(Number(n) * 10) / 10)));
      }
    }
  }
}

/** Labels closer than this (in px) to the previous labelled crossing are left out (the rule stays). */
const LABEL_GAP = 78;

/** The chart as an SVG element's markup. Deterministic: the same input gives the same bytes. */
export function chartSvg(c: ChartInput): string {
  // Plot draws percentages (rate x 100), so its ticks read 2.5% rather than 0.025.
  const data = c.points.map((p) => ({
    date: day(p.asOf),
    y: p.rate === null ? null : p.rate * 100,
    status: p.status,
    title:
      p.rate === null
        ? `${p.asOf}: no data`
        : `${p.asOf}: ${pct(p.rate)} (${p.numerator}/${p.denominator}), ${STATUS_TEXT[p.status]}`,
  }));
  const known = data.filter((d) => d.y !== null);
  const first = data[0]?.date ?? new Date(0);
  const last = data[data.length - 1]?.date ?? first;
  const [lo, hi] = yDomain(c);
  const marginLeft = 52;
  const marginRight = 16;
  const span = Math.max(1, last.getTime() - first.getTime());
  const px = (d: Date): number => ((d.getTime() - first.getTime()) / span) * (CHART_WIDTH - marginLeft - marginRight);
  const crossings = c.crossings.map((x) => ({
    date: day(x.asOf),
    label: x.status === "breach" ? `✖ breached ${x.asOf.slice(5)}` : `✔ back ${x.asOf.slice(5)}`,
  }));
  let lastLabel = -Infinity;
  const labelled = crossings.filter((x) => {
    if (px(x.date) - lastLabel < LABEL_GAP) return false;
    lastLabel = px(x.date);
    return true;
  });
  const lastKnown = known[known.length - 1];
  const target = c.target * 100;
  const warnAt = c.warnAt * 100;
  const below = c.condition === "lt"; // the good side of the target line is below it

  const svg = Plot.plot({
    document: document() as never,
    className: "ahr-plot",
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    marginLeft,
    marginRight,
    marginTop: 24,
    marginBottom: 34,
    ariaLabel: `${c.label}: the rate on each of the last ${data.length} as-of days`,
    x: { type: "utc", domain: [first, last], label: "as-of day", labelAnchor: "right", labelArrow: "none", ticks: 6 },
    y: {
      domain: [lo * 100, hi * 100],
      label: "rate",
      labelArrow: "none",
      grid: true,
      ticks: 5,
      tickFormat: (v: number) => `${Number(v.toFixed(3))}%`,
    },
    marks: [
      Plot.ruleY([warnAt], { className: "ahr-warn", strokeDasharray: "5 4" }),
      Plot.ruleY([target], { className: "ahr-target", strokeWidth: 1.5 }),
      Plot.text([{ date: first, y: target }], {
        x: "date",
        y: "y",
        text: () => `target ${below ? "<" : "≥"} ${shortPct(c.target)}`,
        textAnchor: "start",
        dx: 4,
        dy: below ? -7 : 7,
        className: "ahr-target-label",
      }),
      Plot.text([{ date: first, y: warnAt }], {
        x: "date",
        y: "y",
        text: () => `warning ${shortPct(c.warnAt)}`,
        textAnchor: "start",
        dx: 4,
        dy: below ? 8 : -8,
        className: "ahr-warn-label",
      }),
      Plot.ruleX(crossings, { x: "date", className: "ahr-crossing", strokeDasharray: "2 3" }),
      Plot.text(labelled, {
        x: "date",
        frameAnchor: "top",
        dy: -14,
        text: "label",
        textAnchor: "middle",
        className: "ahr-crossing-label",
      }),
      Plot.lineY(data, { x: "date", y: "y", className: "ahr-rate", strokeWidth: 2 }),
      Plot.dot(
        data.filter((d) => d.status === "at_risk"),
        { x: "date", y: "y", symbol: "triangle", r: 3.5, className: "ahr-risk" },
      ),
      Plot.dot(
        data.filter((d) => d.status === "breach"),
        { x: "date", y: "y", symbol: "times", r: 3.5, className: "ahr-breach" },
      ),
      ...(lastKnown
        ? [
            Plot.dot([lastKnown], { x: "date", y: "y", r: 2.5, className: "ahr-last-dot" }),
            Plot.text([lastKnown], {
              x: "date",
              y: "y",
              text: (d: { y: number }) => `${d.y.toFixed(2)}%`,
              textAnchor: "end",
              dy: -10,
              className: "ahr-last",
              fontWeight: "bold",
            }),
          ]
        : []),
      // Hover targets: a transparent dot per known day, its <title> the day's figures.
      Plot.dot(known, { x: "date", y: "y", r: 5, fill: "transparent", stroke: "none", title: "title", className: "ahr-hover", ariaHidden: "true" }),
    ],
  }) as unknown as Node;
  // The page's CSS styles every chart (one rule set, not one <style> per SVG).
  svg.querySelector("style")?.remove();
  tidy(svg);
  return svg.outerHTML;
}

/**
 * HTML built by a tagged template that escapes by default: every value put into `html\`...\``
 * goes through escapeHtml (cleanText: controls removed, invisible characters shown escaped; then `< > & " '` as entities) unless
 * it is itself markup made by `html` or marked with `raw` (the charts' SVG, our CSS). So text from
 * a file cannot reach the page unescaped by forgetting to escape it: the one way in is `raw`.
 */
import { escapeHtml } from "./sanitize.js";

/** Markup that is already safe (made by `html`, or our own constant text via `raw`). */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Value = Markup | string | number | null | undefined | false | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Markup) return v.text;
  if (Array.isArray(v)) return (v as readonly Value[]).map(render).join("");
  return escapeHtml(String(v));
}

/** `html\`<td>${orderId}</td>\``: interpolations escaped, nested `html` kept as markup. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + (strings[i + 1] ?? "");
  return new Markup(out);
}

/** Text we made ourselves that is markup already (an SVG from the chart module, the style sheet). */
export function raw(text: string): Markup {
  return new Markup(text);
}

/**
 * The `<head>` every ahr page shares: the Content-Security-Policy that allows no script, no
 * request and no form (mail clients and CI artifact viewers open these files), light and dark
 * mode, the generator, the title and the page's own CSS.
 */
export function pageHead(title: Value, version: string, css: string): Markup {
  return html`<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="ahr ${version}">
<title>${title}</title>
<style>${raw(css)}</style>
</head>`;
}

/**
 * Small display helpers for the notebooks (Deno's Jupyter kernel). A value with a
 * `Symbol.for('Jupyter.display')` method is shown as the MIME bundle it returns (Deno's
 * `Deno.jupyter.$display` is that symbol), so these helpers need no Deno types and stay
 * plain TypeScript: tables as HTML, charts as SVG rendered by Vega (no browser, no CDN),
 * and the machine-readable figures the notebook test reads back.
 */
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

const DISPLAY = Symbol.for('Jupyter.display');

export type MediaBundle = Record<string, unknown>;

export interface Displayable {
  [DISPLAY](): MediaBundle;
}

function displayable(bundle: MediaBundle): Displayable {
  return { [DISPLAY]: () => bundle };
}

export type Cell = string | number | boolean | null | undefined;

/** Rows of plain values as an HTML table (and a tab-separated text fallback). */
export function table(rows: readonly Readonly<Record<string, Cell>>[], caption?: string): Displayable {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const text = (v: Cell): string => (v === null || v === undefined ? '' : String(v));
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const numeric = (c: string): boolean => rows.every((r) => typeof r[c] === 'number' || /^[−\-+]?[\d.,\s%]+(\s?[a-zA-Z%]*)?$/.test(text(r[c])));
  const align = (c: string): string => (numeric(c) ? ' style="text-align:right"' : ' style="text-align:left"');
  const html = [
    '<table>',
    caption ? `<caption>${esc(caption)}</caption>` : '',
    `<thead><tr>${columns.map((c) => `<th${align(c)}>${esc(c)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((r) => `<tr>${columns.map((c) => `<td${align(c)}>${esc(text(r[c]))}</td>`).join('')}</tr>`),
    '</tbody></table>',
  ].join('');
  const plain = [columns.join('\t'), ...rows.map((r) => columns.map((c) => text(r[c])).join('\t'))].join('\n');
  return displayable({ 'text/html': html, 'text/plain': caption ? `${caption}\n${plain}` : plain });
}

/**
 * A Vega-Lite chart, compiled and rendered to SVG here (headless Vega, no canvas needed),
 * so it shows in any Jupyter front end, in nbconvert's HTML and on GitHub.
 */
export async function chart(spec: vegaLite.TopLevelSpec): Promise<Displayable> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const title = typeof spec.title === 'string' ? spec.title : 'chart';
  return displayable({ 'image/svg+xml': svg, 'text/plain': `[chart: ${title}]` });
}

/**
 * The notebook's key figures as JSON, for `test/notebooks/notebooks.test.ts` to compare
 * with the committed references (and as a readable list for the reader).
 */
export function figures(values: Readonly<Record<string, number | null>>): Displayable {
  const plain = Object.entries(values)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return displayable({ 'application/json': values, 'text/plain': plain });
}

/** 0.2678 → "26.8 %" (one decimal by default). */
export function pct(x: number, digits = 1): string {
  return `${(100 * x).toFixed(digits)} %`;
}

/** A difference of shares in percentage points: 0.1375 → "13.8 pp". */
export function pp(x: number, digits = 1): string {
  return `${(100 * x).toFixed(digits)} pp`;
}

/** [0.0346, 0.2681] → "[3.5; 26.8] pp" (or % with unit "%"). */
export function interval(ci: readonly [number, number], unit: 'pp' | '%' = 'pp', digits = 1): string {
  return `[${(100 * ci[0]).toFixed(digits)}; ${(100 * ci[1]).toFixed(digits)}] ${unit}`;
}

/** A p-value with 4 significant digits: 0.008627940 → "0.008628". */
export function pValue(p: number): string {
  return p < 1e-4 ? p.toExponential(2) : p.toPrecision(4);
}

/** Whole Danish kroner with thousands separators: 102517.4 → "102,517". */
export function dkk(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

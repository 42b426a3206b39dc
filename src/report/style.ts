/**
 * The note's stylesheet, inline in the HTML: screen reading width, and an A4 print layout
 * with page numbers in the bottom margin (CSS Paged Media margin boxes, which Chromium
 * supports from version 131) and the internal marking at the top of every page.
 */
import type { Messages } from './messages/index.js';

const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function noteCss(m: Messages, options: { internal: boolean; footer: string }): string {
  const top = options.internal ? `@top-center { content: ${cssString(m.internal.short)}; color: #b03a2e; font: bold 9pt 'Liberation Sans', Arial, sans-serif; }` : '';
  return `
:root { --ink: #1b2a38; --muted: #4a5560; --rule: #c9d2dc; --accent: #1f5f8b; --band: #f2f5f8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: white; font: 10.5pt/1.45 'Liberation Sans', Arial, Helvetica, sans-serif; }
main { max-width: 178mm; margin: 0 auto; padding: 12mm 8mm 16mm; }
header.title h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 2mm; color: var(--accent); }
header.title .subtitle { margin: 0 0 6mm; color: var(--muted); }
h2 { font-size: 14pt; margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 1.5pt solid var(--accent); break-after: avoid; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2.5mm; orphans: 3; widows: 3; break-inside: avoid; }
p.lead { font-size: 11pt; }
p.small { font-size: 8.5pt; color: var(--muted); }
ul, ol { margin: 0 0 3mm; padding-left: 6mm; }
li { margin-bottom: 1.5mm; }
.banner { border: 1.5pt solid #b03a2e; color: #b03a2e; font-weight: bold; padding: 2mm 3mm; margin: 0 0 4mm; }
figure { margin: 3mm 0 5mm; break-inside: avoid; }
figure.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; font-variant-numeric: tabular-nums; }
figure.small table { font-size: 8pt; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 9.5pt; padding-bottom: 1.5mm; }
th, td { padding: 1mm 1.5mm; vertical-align: top; text-align: left; border-bottom: 0.5pt solid var(--rule); }
thead th { border-bottom: 1pt solid var(--ink); font-weight: bold; vertical-align: bottom; }
tbody th { font-weight: normal; min-width: 22mm; }
thead th.mono { font-family: inherit; font-size: inherit; }
.num { text-align: right; white-space: nowrap; }
.mono { font-family: 'Liberation Mono', 'DejaVu Sans Mono', monospace; font-size: 7pt; word-break: break-all; }
tr.total th, tr.total td { font-weight: bold; border-top: 1pt solid var(--ink); }
.table-notes p { font-size: 8pt; color: var(--muted); margin: 1mm 0 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 8.5pt; color: var(--muted); margin-top: 1mm; }
@page { size: A4; margin: 16mm 16mm 18mm; ${top} @bottom-right { content: ${cssString(`${m.page.word} `)} counter(page) ${cssString(` ${m.page.of} `)} counter(pages); font: 8.5pt 'Liberation Sans', Arial, sans-serif; color: #4a5560; } @bottom-left { content: ${cssString(options.footer)}; font: 8.5pt 'Liberation Sans', Arial, sans-serif; color: #4a5560; } }
@media print {
  main { max-width: none; padding: 0; }
  h2.page-break { break-before: page; margin-top: 0; }
  figure.table { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`.trim();
}

import { join } from 'node:path';
import type { EconomicsResult } from '../economics/index.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { inlineSvg, renderChart } from './charts/render.js';
import { renderHtml, renderMarkdown, type Block } from './doc.js';
import { economicsSection, publishEconomics } from './economics.js';
import { formatter } from './format.js';
import { stableJson } from './json.js';
import { messages } from './messages/index.js';
import { renumberTables } from './note.js';
import { noteCss } from './style.js';

/**
 * A note of the economic model alone (`effekt economics --out DIR`), for planning a deal
 * from an assumed effect or checking the reference scenario against the catalogue: the
 * same economics section as the effect note, its charts, and economics.json. It holds no
 * person-level data, so nothing is suppressed.
 */
export async function writeEconomicsNote(result: EconomicsResult, outDir: string, options: { lang: 'da' | 'en' }): Promise<{ files: string[] }> {
  const m = messages(options.lang);
  const f = formatter(options.lang);
  const section = economicsSection(publishEconomics(result, 0), { m, f, internal: false, threshold: 0 });
  const files: string[] = [];
  const write = (rel: string, data: string) => {
    writeFileAtomic(join(outDir, rel), data);
    files.push(rel);
  };
  const svgs = new Map<string, string>();
  for (const { name, spec } of section.charts) {
    const chart = await renderChart(name, spec);
    write(`charts/${name}.vl.json`, stableJson(spec));
    write(`charts/${name}.svg`, `${chart.svg}\n`);
    svgs.set(name, inlineSvg(name, chart.svg));
  }
  const name = result.name ?? 'economics';
  const title = m.econNote.title(name);
  const blocks: Block[] = [
    { kind: 'title', text: title, subtitle: m.econNote.subtitle({ effect: f.pp(result.effect.net_effect, 1), source: result.effect.source }) },
    { kind: 'paragraph', text: m.econNote.intro, className: 'lead' },
    ...section.summary.map((text): Block => ({ kind: 'paragraph', text })),
    { kind: 'heading', level: 2, text: section.title, id: 'economics' },
  ];
  let figure = 0;
  for (const b of section.blocks) {
    if (b.kind !== 'figure') {
      blocks.push(b);
      continue;
    }
    const svg = svgs.get(b.name);
    if (svg === undefined) continue;
    figure += 1;
    blocks.push({ ...b, svg, caption: `${m.chart.figure(String(figure))} ${b.caption}` });
  }
  for (const text of section.limitations) blocks.push({ kind: 'paragraph', text, className: 'note' });
  const numbered = renumberTables(blocks);
  write('economics.json', stableJson(result));
  write('economics-note.md', renderMarkdown(numbered));
  write('economics-note.html', renderHtml(numbered, { lang: options.lang, title, css: noteCss(m, { internal: false, footer: title }) }));
  return { files };
}

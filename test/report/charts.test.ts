import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { compileSpec, renderChart } from '../../src/report/charts/render.js';
import { writeReport } from '../../src/report/index.js';
import { exampleLike, smallCells } from './fixtures/evaluation.js';

async function chartsOf(evaluation: ReturnType<typeof exampleLike>, lang: 'da' | 'en', unsuppressed = false): Promise<{ name: string; spec: TopLevelSpec; svg: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'effekt-charts-'));
  await writeReport({ evaluation }, dir, { lang, suppressionThreshold: 5, unsuppressed, pdf: false });
  return readdirSync(join(dir, 'charts'))
    .filter((f) => f.endsWith('.vl.json'))
    .map((f) => {
      const name = f.replace(/\.vl\.json$/, '');
      return { name, spec: JSON.parse(readFileSync(join(dir, 'charts', f), 'utf8')) as TopLevelSpec, svg: readFileSync(join(dir, 'charts', `${name}.svg`), 'utf8') };
    });
}

describe('charts', () => {
  it('every spec compiles with zero Vega-Lite warnings and has size, title and axis titles', async () => {
    for (const [ev, lang] of [[exampleLike(), 'da'], [smallCells(), 'en']] as const) {
      const charts = await chartsOf(ev, lang);
      // In the small cohort every subgroup has hidden counts, so there is no subgroup chart.
      expect(charts.map((c) => c.name).sort()).toEqual(ev.name === 'example' ? ['effects', 'status', 'subgroups'] : ['effects', 'status']);
      for (const c of charts) {
        const { warnings } = compileSpec(c.spec);
        expect(warnings, `${c.name}: warnings`).toEqual([]);
        const s = c.spec as unknown as Record<string, unknown>;
        expect(typeof s['width'], `${c.name}: width`).toBe('number');
        expect(typeof s['height'], `${c.name}: height`).toBe('number');
        expect((s['title'] as { text?: string }).text, `${c.name}: title`).toBeTruthy();
        expect(JSON.stringify(s)).toMatch(/"x":\{[^}]*"title":"[^"]+"/);
      }
    }
  });

  it('renders the same SVG bytes twice, with no text outside the drawing', async () => {
    for (const c of await chartsOf(exampleLike(), 'da')) {
      const again = await renderChart(c.name, c.spec);
      expect(`${again.svg}\n`).toBe(c.svg);
      const [, w, h] = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(c.svg) ?? [];
      expect(Number(w)).toBeGreaterThan(300);
      expect(Number(w)).toBeLessThan(760); // fits the A4 text column at 96 dpi
      expect(Number(h)).toBeGreaterThan(80);
    }
  });

  it('charts show only published figures: suppressed cells are left out', async () => {
    const status = (await chartsOf(smallCells(), 'da')).find((c) => c.name === 'status');
    const values = ((status?.spec as unknown as { data: { values: { group: string; category: string }[] } }).data.values);
    // Uddannelse has 1 participant and 3 controls: neither bar may be drawn.
    expect(values.filter((v) => v.category === 'Uddannelse')).toEqual([]);
    expect(JSON.stringify(status?.spec)).toContain('Skjulte tal');
  });

  it('internal charts carry the not-for-publication marking', async () => {
    for (const c of await chartsOf(exampleLike(), 'da', true)) expect(c.svg, c.name).toContain('INTERNT');
  });
});

import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('effekt economics --out: a note of the model alone', () => {
  it('puts the model’s figures beside the catalogue’s, with the reason for each difference', async () => {
    const out = mkdtempSync(join(tmpdir(), 'effekt-econ-'));
    const r = await cli(['economics', 'data/reference/sib-catalogue.economics.json', '--out', out, '--lang', 'da']);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['charts', 'economics-note.html', 'economics-note.md', 'economics.json']);
    expect(readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg')).sort()).toEqual(['cash_flow.svg', 'surplus.svg', 'tornado.svg']);
    const md = readFileSync(join(out, 'economics-note.md'), 'utf8');
    // Rows of the comparison table: label | catalogue | model | difference | reason.
    expect(md).toContain('| Kommunens besparelse | 102.517 | 102.517 | 0 | afrunding |');
    expect(md).toContain('| Nulpunkt: årligt fald i effekten | 28,0 pct. | 28,0 pct. | 0,0 pct. | nulpunkt for det delte overskud |');
    expect(md).toContain('| Nulpunkt: mereffekt | 12,0 pct. | 12,4 pct. | 0,4 pct. | afrunding |');
    expect(md).toMatch(/\| År til kommunens regnskab går i nul \| 8,0 \| 8,2 \| 0,2 \|/);
    expect(md).not.toMatch(/^\| [a-z_.]+ \|/m); // every figure has a label, no raw ids
  });

  it('rejects an unknown language in one line', async () => {
    const r = await cli(['economics', 'data/reference/sib-catalogue.economics.json', '--out', tmpdir(), '--lang', 'de']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('effekt: economics: --lang must be da or en, not "de"\n');
  });
});

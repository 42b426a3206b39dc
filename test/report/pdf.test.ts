import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EffektError } from '../../src/errors.js';
import { writeReport } from '../../src/report/index.js';
import { findChromium, normalizePdfDates, printPdf } from '../../src/report/pdf.js';
import { exampleLike } from './fixtures/evaluation.js';

const chromium = findChromium();

describe('PDF', () => {
  it('says clearly what to install when no Chromium is found', async () => {
    expect(findChromium({ EFFEKT_CHROMIUM: '/nonexistent/chromium' }, [])).toBeNull();
    await expect(printPdf('<p>x</p>', 'out.pdf', { chromium: null })).rejects.toThrow(EffektError);
    await expect(printPdf('<p>x</p>', 'out.pdf', { chromium: null })).rejects.toThrow(/needs a headless Chromium.*apt-get install chromium/);
  });

  it('overwrites the clock dates in place, keeping the byte length', () => {
    const pdf = Buffer.from("%PDF-1.4\n<< /CreationDate (D:20261125122040+00'00') /ModDate (D:20261125122041+00'00') >>\n", 'latin1');
    const out = normalizePdfDates(pdf);
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toContain("/CreationDate (D:19700101000000+00'00')");
    expect(out.toString('latin1')).toContain("/ModDate (D:19700101000000+00'00')");
  });

  it.skipIf(!chromium)('prints an A4 note with page numbers, the same bytes twice', async () => {
    const a = mkdtempSync(join(tmpdir(), 'effekt-pdf-a-'));
    const b = mkdtempSync(join(tmpdir(), 'effekt-pdf-b-'));
    const options = { lang: 'da' as const, suppressionThreshold: 5, unsuppressed: false, pdf: true };
    await writeReport({ evaluation: exampleLike() }, a, options);
    await writeReport({ evaluation: exampleLike() }, b, options);
    const pdf = readFileSync(join(a, 'effect-note.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.equals(readFileSync(join(b, 'effect-note.pdf')))).toBe(true);
    // A4 = 210 × 297 mm = 595.3 × 841.9 pt (Chromium writes 594.96 × 841.92).
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(Math.abs(Number(box?.[1]) - 595.3), 'page width in pt').toBeLessThan(1);
    expect(Math.abs(Number(box?.[2]) - 841.9), 'page height in pt').toBeLessThan(1);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0, 'pages').toBeGreaterThanOrEqual(4);
    const pdftotext = ['/usr/bin/pdftotext'].find((p) => existsSync(p));
    if (pdftotext) {
      const txt = join(a, 'note.txt');
      writeFileSync(txt, '');
      spawnSync(pdftotext, ['-layout', join(a, 'effect-note.pdf'), txt]);
      const text = readFileSync(txt, 'utf8');
      expect(text).toMatch(/Side 1 af \d/);
      expect(text).toContain('Sammenfatning');
    }
  });
});

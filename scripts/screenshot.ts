/**
 * Render an effect note's HTML as A4 PNG pages for a visual check:
 *   npx tsx scripts/screenshot.ts <effect-note.html | report dir> [out dir] [--dpi 110]
 * Prints the HTML to PDF with headless Chromium (the same path as `--pdf`, so page breaks
 * and page numbers are the real ones), then rasterises each page with poppler's pdftoppm
 * (Debian: apt-get install poppler-utils). Writes <out>/page-01.png, page-02.png, …
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { printPdf } from '../src/report/pdf.js';

async function main(argv: readonly string[]): Promise<number> {
  const args = [...argv];
  let dpi = 110;
  const d = args.indexOf('--dpi');
  if (d >= 0) {
    dpi = Number(args[d + 1]);
    args.splice(d, 2);
  }
  const [input, outArg] = args;
  if (!input) {
    process.stderr.write('usage: tsx scripts/screenshot.ts <effect-note.html | report dir> [out dir] [--dpi 110]\n');
    return 2;
  }
  const htmlPath = statSync(input).isDirectory() ? join(input, 'effect-note.html') : input;
  const outDir = resolve(outArg ?? join(resolve(htmlPath, '..'), 'screenshots'));
  const pdftoppm = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((p) => existsSync(p));
  if (!pdftoppm) {
    process.stderr.write('screenshot: pdftoppm not found (Debian/Ubuntu: apt-get install poppler-utils)\n');
    return 2;
  }
  const pdf = await printPdf(readFileSync(htmlPath, 'utf8'), 'screenshot.pdf');
  const work = mkdtempSync(join(tmpdir(), 'effekt-shot-'));
  try {
    const pdfPath = join(work, 'note.pdf');
    writeFileSync(pdfPath, pdf);
    const r = spawnSync(pdftoppm, ['-png', '-r', String(dpi), pdfPath, join(work, 'page')], { encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(`screenshot: pdftoppm failed: ${r.stderr}\n`);
      return 1;
    }
    mkdirSync(outDir, { recursive: true });
    for (const old of readdirSync(outDir)) if (/^page-\d+\.png$/.test(old)) rmSync(join(outDir, old));
    const pages = readdirSync(work)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort((a, b) => Number(/(\d+)/.exec(a)?.[1]) - Number(/(\d+)/.exec(b)?.[1]));
    pages.forEach((f, i) => renameSync(join(work, f), join(outDir, `page-${String(i + 1).padStart(2, '0')}.png`)));
    process.stdout.write(`${pages.length} pages → ${outDir} (${basename(htmlPath)}, ${dpi} dpi)\n`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`screenshot: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);

/**
 * Print the note's HTML to PDF with a headless Chromium (Debian's `chromium`, or Google
 * Chrome), page size and numbers coming from the stylesheet's @page rules. Chromium stamps
 * the PDF's /CreationDate and /ModDate with the clock; they are overwritten in place with a
 * fixed date (or the report's timestamp) of the same length, so the cross-reference offsets
 * stay valid and two runs give the same bytes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EffektError } from '../errors.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CANDIDATES): string | null {
  const fromEnv = env['EFFEKT_CHROMIUM'] ?? env['CHROME_PATH'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidates.find((c) => existsSync(c)) ?? null;
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--hide-scrollbars',
] as const;

/** Run Chromium with a fresh profile directory; resolves when it exits. */
export function runChromium(binary: string, args: readonly string[], timeoutMs = 120_000): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'effekt-chromium-'));
  return new Promise<void>((resolve, reject) => {
    const child = spawn(binary, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      if (code === 0) resolve();
      else reject(new Error(`chromium exited with ${code}: ${stderr.split('\n').filter((l) => !/dbus|Fontconfig/i.test(l)).slice(-5).join(' ')}`));
    });
  });
}

/** PDF date string D:YYYYMMDDHHmmSS from an ISO timestamp, or the epoch. */
function pdfDate(timestamp?: string): string {
  const d = timestamp ? new Date(timestamp) : new Date(0);
  const t = Number.isNaN(d.getTime()) ? new Date(0) : d;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(t.getUTCFullYear(), 4)}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}`;
}

/** Overwrite Chromium's clock-based dates with a fixed one of the same byte length. */
export function normalizePdfDates(pdf: Buffer, timestamp?: string): Buffer {
  const text = pdf.toString('latin1');
  const fixed = pdfDate(timestamp);
  const out = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_m, key: string) => `/${key} (${fixed}`);
  return Buffer.from(out, 'latin1');
}

export async function printPdf(html: string, outPath: string, options: { timestamp?: string; chromium?: string | null } = {}): Promise<Buffer> {
  const binary = options.chromium === undefined ? findChromium() : options.chromium;
  if (!binary) {
    throw new EffektError('--pdf needs a headless Chromium, and none was found (looked for chromium, chromium-browser, google-chrome; set EFFEKT_CHROMIUM to its path, or on Debian/Ubuntu: apt-get install chromium). The HTML note was written; print it from a browser instead.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'effekt-pdf-'));
  try {
    const htmlPath = join(dir, 'effect-note.html');
    const pdfPath = join(dir, 'effect-note.pdf');
    writeFileSync(htmlPath, html);
    await runChromium(binary, ['--no-pdf-header-footer', '--run-all-compositor-stages-before-draw', `--print-to-pdf=${pdfPath}`, pathToFileURL(htmlPath).href]);
    if (!existsSync(pdfPath)) throw new EffektError(`chromium did not write ${outPath}`);
    return normalizePdfDates(readFileSync(pdfPath), options.timestamp);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

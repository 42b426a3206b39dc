import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, copyExample } from './helpers.js';

/**
 * The example cohort rewritten as a Danish Excel export would be (semicolons, decimal
 * comma, Windows-1252/Latin-1 bytes, CRLF, dd-mm-yyyy dates, DREAM-style 202214 weeks,
 * 202204 months, Danish column names mapped in the spec) must give the same effect.json
 * figures as the canonical files.
 */
function toDanish(text: string, rewrite: (cells: string[], header: string[]) => string[], header?: (h: string[]) => string[]): Buffer {
  const lines = text.trimEnd().split('\n');
  const head = lines[0]!.split(',');
  const out = [(header ? header(head) : head).join(';')];
  for (const line of lines.slice(1)) out.push(rewrite(line.split(','), head).join(';'));
  return Buffer.from(out.join('\r\n') + '\r\n', 'latin1');
}

const ddmmyyyy = (iso: string) => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : iso);
const decimalComma = (v: string) => (v === '' ? v : `${v},0`.replace(/^(-?\d+),0$/, '$1,00'));
// A Danish letter in the data must survive Latin-1 decoding: one municipality is renamed.
const municipality = (m: string) => (m === 'Herning' ? 'Herning Ø' : m);

describe('Danish CSV dialect gives the same results as the canonical files', () => {
  let canonical: Record<string, unknown>;
  let danish: Record<string, unknown>;
  beforeAll(async () => {
    const a = copyExample();
    const b = copyExample();
    const read = (f: string) => readFileSync(join(b.dir, f), 'utf8');
    writeFileSync(
      join(b.dir, 'participants.csv'),
      toDanish(read('participants.csv'), (c, h) => c.map((v, i) => (h[i] === 'start_date' || h[i] === 'end_date' ? ddmmyyyy(v) : h[i] === 'municipality' ? municipality(v) : v))),
    );
    writeFileSync(join(b.dir, 'controls.csv'), toDanish(read('controls.csv'), (c, h) => c.map((v, i) => (h[i] === 'municipality' ? municipality(v) : v))));
    writeFileSync(
      join(b.dir, 'benefits_weekly.csv'),
      toDanish(read('benefits_weekly.csv'), (c) => [c[0]!, c[1]!.replace('-W', ''), c[2] ?? ''], () => ['cpr_pseudo', 'uge', 'ydelseskode']),
    );
    writeFileSync(join(b.dir, 'wages_monthly.csv'), toDanish(read('wages_monthly.csv'), (c) => [c[0]!, c[1]!.replace('-', ''), decimalComma(c[2]!), decimalComma(c[3]!)]));
    const spec = JSON.parse(read('evaluation.json')) as { inputs: Record<string, unknown> };
    spec.inputs.benefits = { path: 'benefits_weekly.csv', columns: { person_id: 'cpr_pseudo', week: 'uge', benefit_code: 'ydelseskode' } };
    writeFileSync(b.spec, JSON.stringify(spec, null, 2));
    const outA = mkdtempSync(join(tmpdir(), 'effekt-canon-'));
    const outB = mkdtempSync(join(tmpdir(), 'effekt-dk-'));
    const ra = await cli(['run', a.spec, '--out', outA, '--unsuppressed']);
    const rb = await cli(['run', b.spec, '--out', outB, '--unsuppressed']);
    expect(ra.code, ra.err).toBe(0);
    expect(rb.code, rb.err).toBe(0);
    canonical = JSON.parse(readFileSync(join(outA, 'effect.json'), 'utf8')) as Record<string, unknown>;
    danish = JSON.parse(readFileSync(join(outB, 'effect.json'), 'utf8')) as Record<string, unknown>;
  }, 120_000);

  it('has identical outcomes (counts, shares, intervals, p-values), status table and continuous comparisons', () => {
    expect(danish.outcomes).toEqual(canonical.outcomes);
    expect(danish.status_distribution).toEqual(canonical.status_distribution);
    expect(danish.continuous).toEqual(canonical.continuous);
    expect(danish.balance).toEqual(canonical.balance);
  });

  it('keeps Danish letters (Latin-1 decoded) in subgroup levels', () => {
    const levels = (danish.subgroups as { variable: string; level: string }[]).filter((s) => s.variable === 'municipality').map((s) => s.level);
    expect(levels).toEqual(['Herning Ø', 'Viborg']);
    const strip = (s: unknown) => (s as { level: string; outcomes: unknown }[]).map((x) => x.outcomes);
    expect(strip(danish.subgroups)).toEqual(strip(canonical.subgroups));
  });

  it('reads and uses the same number of rows', () => {
    const rows = (d: Record<string, unknown>) => (d.reconciliation as { files: { rows_read: number; rows_used: number }[] }).files.map((f) => [f.rows_read, f.rows_used]);
    expect(rows(danish)).toEqual(rows(canonical));
  });
});

/**
 * The example cohort as R's write.csv writes a data frame: a first column of row names
 * under a blank header, every text field quoted, NA for a missing value, numbers bare.
 */
function asRWriteCsv(text: string): string {
  const [head, ...rows] = text.trimEnd().split('\n');
  const quote = (v: string): string => `"${v.replaceAll('"', '""')}"`;
  const cell = (v: string): string => (v === '' ? 'NA' : /^-?\d+(\.\d+)?$/.test(v) ? v : quote(v));
  return [['""', ...head!.split(',').map(quote)].join(','), ...rows.map((r, i) => [String(i + 1), ...r.split(',').map(cell)].join(','))].join('\n') + '\n';
}

describe("R's write.csv output gives the same results as the canonical files", () => {
  it('row names, quoted text, NA for blanks: the same effect.json apart from the files\' hashes', async () => {
    const a = copyExample();
    const b = copyExample();
    for (const f of ['participants.csv', 'controls.csv', 'benefits_weekly.csv', 'wages_monthly.csv']) {
      writeFileSync(join(b.dir, f), asRWriteCsv(readFileSync(join(b.dir, f), 'utf8')));
    }
    expect(readFileSync(join(b.dir, 'benefits_weekly.csv'), 'utf8')).toMatch(/^"","person_id","week","benefit_code"\n1,"P\d+","\d{4}-W\d\d",(\d+|NA)\n/);
    const outs = [mkdtempSync(join(tmpdir(), 'effekt-canon-')), mkdtempSync(join(tmpdir(), 'effekt-r-'))];
    for (const [spec, out] of [[a.spec, outs[0]!], [b.spec, outs[1]!]] as const) {
      const r = await cli(['run', spec, '--out', out, '--unsuppressed']);
      expect(r.code, r.err).toBe(0);
    }
    const [canonical, fromR] = outs.map((o) => ({ ...(JSON.parse(readFileSync(join(o, 'effect.json'), 'utf8')) as Record<string, unknown>), provenance: undefined }));
    expect(fromR).toEqual(canonical);
  }, 120_000);
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCodebook, readBenefitPanel, readCohort, readWages, type Codebook } from '../../src/ingest/index.js';
import type { IngestOptions } from '../../src/ingest/types.js';
import { loadSpec, type LoadedSpec } from '../../src/spec/load.js';
import { EffektError } from '../../src/errors.js';
import { monthOfIsoDate } from '../../src/util/months.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXAMPLE = join(ROOT, 'data/example');
export const CODEBOOK = join(ROOT, 'data/codebooks/illustrative.json');

export type Table = { header: string[]; rows: string[][] };

/** The canonical example files contain no quotes: a plain split reads them. */
export function readCanonical(path: string): Table {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

export interface WriteDialect {
  readonly delimiter: string;
  readonly eol: '\n' | '\r\n';
  readonly encoding: 'utf8' | 'latin1' | 'windows-1252';
  readonly bom?: boolean;
  readonly quoteAll?: boolean;
}

const CP1252_EXTRA: Record<string, number> = { '€': 0x80, '–': 0x96, '—': 0x97, '’': 0x92, '“': 0x93, '”': 0x94 };

export function encode(text: string, encoding: WriteDialect['encoding']): Buffer {
  if (encoding !== 'windows-1252') return Buffer.from(text, encoding);
  return Buffer.from([...text].map((ch) => CP1252_EXTRA[ch] ?? ch.charCodeAt(0)));
}

/** Writes a table in a dialect, quoting fields that need it (RFC 4180). */
export function writeCsv(t: Table, d: WriteDialect): Buffer {
  const cell = (v: string): string => {
    const needs = d.quoteAll || v.includes(d.delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r');
    return needs ? `"${v.replaceAll('"', '""')}"` : v;
  };
  const text = [t.header, ...t.rows].map((r) => r.map(cell).join(d.delimiter)).join(d.eol) + d.eol;
  const body = encode(text, d.encoding);
  return d.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Applies `f(value, column)` to every cell. */
export function mapCells(t: Table, f: (v: string, column: string) => string, header?: (h: string) => string): Table {
  return { header: t.header.map((h) => (header ? header(h) : h)), rows: t.rows.map((r) => r.map((v, i) => f(v, t.header[i]!))) };
}

export const DATE_COLUMNS = new Set(['start_date', 'end_date', 'reference_end_date']);

export function formatDate(iso: string, format: 'dd-mm-yyyy' | 'dd.mm.yyyy'): string {
  if (!iso) return iso;
  const sep = format === 'dd-mm-yyyy' ? '-' : '.';
  return `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
}

/** A directory with the given files and an evaluation.json (defaults: the four canonical names). */
export function specDir(files: Record<string, string | Buffer>, spec: Record<string, unknown> = {}): LoadedSpec {
  const dir = mkdtempSync(join(tmpdir(), 'effekt-ingest-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const full = {
    inputs: { participants: 'participants.csv', controls: 'controls.csv', benefits: 'benefits_weekly.csv', wages: 'wages_monthly.csv' },
    codebook: CODEBOOK,
    ...spec,
  };
  writeFileSync(join(dir, 'evaluation.json'), JSON.stringify(full));
  return loadSpec(join(dir, 'evaluation.json'));
}

/** Follow-up month per person as the outcomes stage computes it: end month + 2; controls via matched_to, else the mean. */
export function wantedMonths(cohort: Awaited<ReturnType<typeof readCohort>>['cohort'], after = 2): Map<string, number> {
  const byId = new Map(cohort.participants.map((p) => [p.id, monthOfIsoDate(p.endDate!) + after]));
  const fallback = Math.round([...byId.values()].reduce((a, b) => a + b, 0) / Math.max(1, byId.size));
  const wanted = new Map(byId);
  for (const c of cohort.controls) wanted.set(c.id, c.referenceEndDate ? monthOfIsoDate(c.referenceEndDate) + after : (byId.get(c.matchedTo ?? '') ?? fallback));
  return wanted;
}

export async function ingestAll(loaded: LoadedSpec, opts: IngestOptions = {}, codebook: Codebook = loadCodebook(CODEBOOK, 'illustrative.json')) {
  const cohortIngest = await readCohort(loaded, opts);
  const wanted = wantedMonths(cohortIngest.cohort);
  const benefits = await readBenefitPanel(loaded, codebook, wanted, opts);
  const wages = await readWages(loaded, wanted, opts);
  return { cohortIngest, wanted, benefits, wages };
}

/** The one-line message an EffektError prints (without `effekt: `), plus its detail lines. */
export async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<{ line: string; details: readonly string[] }> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof EffektError) return { line: e.line, details: e.details };
    throw e;
  }
  throw new Error('expected an EffektError, but the call succeeded');
}

/** Shared helpers of the report tests: run the example pipeline, list and scan output files. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { loadSpec } from '../../src/spec/load.js';
import { runPipeline } from '../../src/pipeline/run.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const GOLDEN = join(ROOT, 'test/golden/example');

export interface RunOptions {
  readonly lang?: 'da' | 'en';
  readonly unsuppressed?: boolean;
  readonly pdf?: boolean;
  readonly spec?: string;
}

/** Run the whole pipeline on a spec (default: the example) into a fresh folder. */
export async function runExample(options: RunOptions = {}): Promise<{ dir: string; files: readonly string[]; warnings: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'effekt-report-'));
  const warnings: string[] = [];
  const loaded = loadSpec(options.spec ?? join(ROOT, 'data/example/evaluation.json'));
  const result = await runPipeline(loaded, {
    outDir: dir,
    lang: options.lang ?? 'da',
    unsuppressed: options.unsuppressed ?? false,
    pdf: options.pdf ?? false,
    warn: (line) => warnings.push(line),
  });
  return { dir, files: result.files, warnings };
}

/** Every file under `dir`, relative paths, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Person ids of every input file of a cohort folder (first column `person_id` / `matched_to`). */
export function inputIds(cohortDir: string): Set<string> {
  const ids = new Set<string>();
  for (const name of readdirSync(cohortDir).filter((f) => f.endsWith('.csv'))) {
    const lines = readFileSync(join(cohortDir, name), 'utf8').split(/\r?\n/).filter(Boolean);
    const header = (lines[0] ?? '').split(',');
    const cols = ['person_id', 'matched_to'].map((c) => header.indexOf(c)).filter((i) => i >= 0);
    for (const line of lines.slice(1)) for (const i of cols) {
      const v = parseCsvLine(line)[i];
      if (v) ids.add(v);
    }
  }
  return ids;
}

/** Minimal CSV field split with double-quote quoting (the test inputs are plain). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** A copy of the example cohort whose person ids are replaced by `rename(id, index)`. */
export function exampleWithIds(rename: (id: string, index: number) => string): { dir: string; spec: string; ids: Map<string, string> } {
  const root = mkdtempSync(join(tmpdir(), 'effekt-ids-'));
  const dir = join(root, 'example');
  cpSync(join(ROOT, 'data/example'), dir, { recursive: true });
  for (const sub of ['codebooks', 'config']) if (existsSync(join(ROOT, 'data', sub))) cpSync(join(ROOT, 'data', sub), join(root, sub), { recursive: true });
  const mapping = new Map<string, string>();
  for (const id of [...inputIds(dir)].sort()) mapping.set(id, rename(id, mapping.size));
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const lines = readFileSync(join(dir, name), 'utf8').split(/\r?\n/);
    const header = (lines[0] ?? '').split(',');
    const cols = ['person_id', 'matched_to'].map((c) => header.indexOf(c)).filter((i) => i >= 0);
    const out = lines.map((line, n) => {
      if (n === 0 || !line) return line;
      const fields = parseCsvLine(line);
      for (const i of cols) {
        const v = fields[i];
        if (v) fields[i] = mapping.get(v) ?? v;
      }
      return fields.map(quote).join(',');
    });
    writeFileSync(join(dir, name), out.join('\n'));
  }
  mkdirSync(dir, { recursive: true });
  return { dir, spec: join(dir, 'evaluation.json'), ids: mapping };
}

/**
 * scripts/generate-panel.ts, the seeded generator of the large synthetic extracts the
 * ingest benchmark reads (issue 4), on small sizes: the same options give the same bytes,
 * panels longer than a year continue into the next ISO year, both row orders hold the
 * same rows, and the whole pipeline reads what it writes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { loadSpec } from '../../src/spec/load.js';
import { generatePanel, type PanelOptions } from '../../scripts/generate-panel.js';

const REPO = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const SMALL: Partial<PanelOptions> = { persons: 300, participants: 20, controls: 290, outsiders: 10, weeks: 60, codebook: join(REPO, 'data/codebooks/illustrative.json') };

function generate(options: Partial<PanelOptions>): { dir: string; spec: string; rows: number } {
  const dir = mkdtempSync(join(tmpdir(), 'effekt-panel-'));
  dirs.push(dir);
  const g = generatePanel({ ...SMALL, ...options, dir });
  return { dir, spec: g.spec, rows: g.benefitRows };
}

const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'latin1');

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the large-panel generator', () => {
  it('writes the same bytes for the same options, and other bytes for another seed', () => {
    const a = generate({ seed: 11 });
    const b = generate({ seed: 11 });
    const c = generate({ seed: 12 });
    for (const f of ['participants.csv', 'controls.csv', 'benefits_weekly.csv', 'wages_monthly.csv']) expect(read(b.dir, f), f).toBe(read(a.dir, f));
    expect(read(c.dir, 'benefits_weekly.csv')).not.toBe(read(a.dir, 'benefits_weekly.csv'));
  });

  it('continues past week 52 into the next ISO year (2022 has 52 weeks)', () => {
    const { dir, rows } = generate({ weeks: 60 });
    const lines = read(dir, 'benefits_weekly.csv').trimEnd().split('\n');
    expect(lines.length - 1).toBe(rows);
    expect(rows).toBe(300 * 60);
    const weeks = [...new Set(lines.slice(1).map((l) => l.split(',')[1]!))];
    expect(weeks.length).toBe(60);
    expect(weeks.slice(50, 54)).toEqual(['2022-W51', '2022-W52', '2023-W01', '2023-W02']);
    expect(weeks.at(-1)).toBe('2023-W08');
  });

  it('holds the same rows in person order and in week order', () => {
    const person = generate({ order: 'person', seed: 5 });
    const week = generate({ order: 'week', seed: 5 });
    const rows = (dir: string): string[] => read(dir, 'benefits_weekly.csv').trimEnd().split('\n').slice(1);
    expect(rows(week.dir)).not.toEqual(rows(person.dir));
    // Each person's weekly states are drawn in another order, so only the person-weeks agree.
    const keys = (dir: string): string[] => rows(dir).map((l) => l.split(',').slice(0, 2).join(',')).sort();
    expect(keys(week.dir)).toEqual(keys(person.dir));
  });

  it('writes extracts the pipeline reads with every row accounted for', async () => {
    const { spec, rows } = generate({ weeks: 60 });
    const { evaluation } = await evaluate(loadSpec(spec), { boschloo: false });
    const benefits = evaluation.reconciliation.files.find((f) => f.role === 'benefits')!;
    expect(benefits.rows_read).toBe(rows);
    expect(benefits.excluded.person_not_in_cohort).toBe(10 * 60);
    expect(benefits.rows_used + Object.values(benefits.excluded).reduce((a, b) => a + b, 0)).toBe(rows);
    expect(evaluation.cohort.participants).toBe(20);
  });

  it('rejects bad options on its command line with one line and exit code 2', () => {
    const script = join(REPO, 'scripts/generate-panel.ts');
    const run = (...args: string[]): { status: number | null; stderr: string } => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO, encoding: 'utf8' });
      return { status: r.status, stderr: r.stderr };
    };
    expect(run('--weeks', 'x')).toEqual({ status: 2, stderr: 'generate-panel: --weeks must be a whole number ≥ 1, not "x"\n' });
    expect(run('--persons', '400000')).toEqual({
      status: 2,
      stderr: 'generate-panel: --persons 400000 is more than participants + controls + outsiders (1000 + 200000 + 3000): raise --controls\n',
    });
    expect(run('--order', 'random')).toEqual({ status: 2, stderr: 'generate-panel: --order must be person or week, not "random"\n' });
  });
});

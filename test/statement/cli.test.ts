import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import type { Statement, StatementSeries } from '../../src/statement/index.js';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXAMPLE = 'data/example/evaluation.json';
const tmp = mkdtempSync(join(tmpdir(), 'effekt-statement-'));

async function statement(args: string[]) {
  const io = memoryIO(ROOT);
  const code = await run(['statement', ...args], io);
  return { code, out: io.out, err: io.err };
}
const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const ore = (x: number) => Math.round(x * 100);

describe('effekt statement on the example: a statement for each quarter that sums to the whole', () => {
  const dir = join(tmp, 'internal');
  let series: StatementSeries;
  let quarters: Statement[];
  beforeAll(async () => {
    const r = await statement([EXAMPLE, '--period', 'all', '--unsuppressed', '--format', 'json', '--out', dir]);
    expect(r.code, r.err).toBe(0);
    series = read<StatementSeries>(join(dir, 'statements-internal.json'));
    quarters = series.periods.map((p) => read<Statement>(join(dir, `statement-${p.period}-internal.json`)));
  });

  it('covers every quarter with a follow-up month, 2021-Q1 … 2023-Q3', () => {
    expect(quarters.map((q) => q.period.id)).toEqual(['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3']);
    expect(quarters.every((q) => q.version === 'internal')).toBe(true);
  });

  it('counts every participant once and every result once (56 participants, 19 in ordinary employment)', () => {
    expect(quarters.reduce((s, q) => s + (q.participants_followed_up as number), 0)).toBe(56);
    expect(quarters.reduce((s, q) => s + (q.outcomes.find((o) => o.paying)!.reached as number), 0)).toBe(19);
    expect(quarters[0]!.whole_cohort.results).toBe(19);
  });

  it('the amounts due of the quarters sum to the whole-cohort payment to the øre', () => {
    const sum = quarters.reduce((s, q) => s + ore(q.amount_due!), 0);
    expect(sum).toBe(ore(quarters[0]!.whole_cohort.amount!));
    expect(series.equals_whole_cohort).toBe(true);
    for (const q of quarters) expect(q.reconciliation!.equals_whole_cohort).toBe(true);
  });

  it("…and the whole-cohort payment is the economic model's, up to prices rounded to øre", () => {
    const w = quarters[0]!.whole_cohort;
    const tolerance = 19 * 0.005;
    expect(Math.abs(w.amount! - w.economics_amount), `statement ${w.amount} vs economics ${w.economics_amount}, tol ${tolerance}`).toBeLessThanOrEqual(tolerance);
  });

  it('a single quarter gives the same figures as the series', async () => {
    const r = await statement([EXAMPLE, '--period', '2022-Q4', '--unsuppressed', '--format', 'json', '--out', join(tmp, 'one'), '--json']);
    expect(r.code).toBe(0);
    const one = JSON.parse(r.out) as Statement;
    const fromSeries = quarters.find((q) => q.period.id === '2022-Q4')!;
    expect(one).toEqual(fromSeries);
    expect(existsSync(join(tmp, 'one', 'statement-2022-Q4-internal.json'))).toBe(true);
  });
});

describe('the published statement', () => {
  it('never shows a count of 1–4, shows amounts only with their counts, and writes md, html and json', async () => {
    const dir = join(tmp, 'published');
    const r = await statement([EXAMPLE, '--period', '2022-Q1', '--out', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    const s = read<Statement>(join(dir, 'statement-2022-Q1.json'));
    expect(s.version).toBe('published');
    expect(s.to_date).toBeNull();
    expect(s.reconciliation).toBeNull();
    for (const c of [s.participants_followed_up, ...s.outcomes.map((o) => o.reached), ...s.lines.map((l) => l.results)]) {
      if (typeof c === 'number') expect(c === 0 || c >= 5, `count ${c}`).toBe(true);
    }
    for (const l of s.lines) expect(l.amount === null).toBe(typeof l.results !== 'number');
    expect(readFileSync(join(dir, 'statement-2022-Q1.md'), 'utf8')).toContain('# Outcome payment statement');
    expect(readFileSync(join(dir, 'statement-2022-Q1.html'), 'utf8')).toContain('<!DOCTYPE html>');
    expect(readFileSync(join(dir, 'statement-2022-Q1.md'), 'utf8')).not.toMatch(/P\d{6}/);
  });
});

describe('effekt statement: exit 2 for invalid usage or spec', () => {
  const noEconomics = join(tmp, 'no-economics.json');
  beforeAll(() => {
    const spec = read<Record<string, unknown>>(join(ROOT, EXAMPLE));
    const abs = (p: string) => join(ROOT, 'data/example', p);
    const inputs = spec['inputs'] as Record<string, string>;
    writeFileSync(noEconomics, JSON.stringify({ ...spec, economics: undefined, codebook: join(ROOT, 'data/codebooks/illustrative.json'), inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, abs(v)])) }));
  });
  const cases: [string, () => string[], RegExp][] = [
    ['no --period', () => [EXAMPLE], /missing --period/],
    ['a malformed period', () => [EXAMPLE, '--period', '2023-Q5'], /--period must look like/],
    ['--by without --period all', () => [EXAMPLE, '--period', '2023-Q1', '--by', 'month'], /--by goes with --period all/],
    ['an unknown format', () => [EXAMPLE, '--period', 'all', '--format', 'pdf'], /--format takes md, html and json/],
    ['a spec without economics', () => [noEconomics, '--period', '2022-Q1'], /needs the payment model/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await statement(args());
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    });
  }
});

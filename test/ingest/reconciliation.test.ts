import { splitAtLines } from '../../src/ingest/header.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExclusionReason } from '../../src/ingest/index.js';
import type { FileReconciliation } from '../../src/types.js';
import { formatIsoWeek } from '../../src/util/months.js';
import { EXAMPLE, errorOf, ingestAll, specDir } from './helpers.js';
import { files } from './fixtures.js';

function expectBalanced(f: FileReconciliation): void {
  const excluded = Object.values(f.excluded).reduce((a, b) => a + b, 0);
  expect(f.rows_used + excluded, `${f.file}: rows_used ${f.rows_used} + excluded ${excluded} should equal rows_read ${f.rows_read}`).toBe(f.rows_read);
}

/**
 * A panel in which the generator itself labels each row with the bucket it must land in,
 * from the rules (follow-up months: P1, K1 2022-05 = weeks 18–21; P2, K2, K3 2022-06 =
 * weeks 22–26, which a panel ending in week 24 covers only in part; X1 is no cohort member).
 */
function labelledPanel(): { csv: string; expected: Record<string, number> } {
  const month: Record<string, [number, number]> = { P1: [18, 21], K1: [18, 21], P2: [22, 26], K2: [22, 26], K3: [22, 26] };
  const lines = ['person_id,week,benefit_code'];
  const expected: Record<string, number> = {};
  const add = (line: string, bucket: ExclusionReason | 'used') => {
    lines.push(line);
    expected[bucket] = (expected[bucket] ?? 0) + 1;
  };
  for (const p of ['P1', 'P2', 'K1', 'K2', 'K3', 'X1']) {
    for (let w = 1; w <= 24; w++) {
      const code = p === 'K2' && w === 22 ? '999' : p === 'K1' ? '' : p === 'P1' ? '651' : '130';
      const line = `${p},${formatIsoWeek(2022, w)},${code}`;
      const range = month[p];
      if (!range) add(line, 'person_not_in_cohort');
      else if (w < range[0] || w > range[1]) add(line, 'outside_follow_up_month');
      else if (code === '999') add(line, 'unknown_code_excluded');
      else if (range[1] > 24) add(line, 'follow_up_outside_coverage');
      else add(line, 'used');
    }
  }
  add('P1,,130', 'blank_week');
  add('X1,,130', 'person_not_in_cohort');
  add('P1,2022-W18,130', 'duplicate_person_week');
  return { csv: lines.join('\n') + '\n', expected };
}

/** K1 is the third person of the fixture panel (30 weeks each from line 2): its week 19 is on this line. */
const K1_WEEK_19 = 2 + 2 * 30 + 18;

describe('reconciliation: every row read is used or counted under one reason', () => {
  it('counts each exclusion reason as the rules say, and the totals add up', async () => {
    const { csv, expected } = labelledPanel();
    const r = await ingestAll(specDir(files({ 'benefits_weekly.csv': csv }), { unknown_codes: 'exclude_rows' }));
    const f = r.benefits.file;
    const { used, ...reasons } = expected;
    expect(f.rows_read).toBe(csv.trimEnd().split('\n').length - 1);
    expect(f.rows_used).toBe(used);
    expect(f.excluded).toEqual(reasons);
    expectBalanced(f);
    expect(Object.keys(reasons).sort()).toEqual(
      ['blank_week', 'duplicate_person_week', 'follow_up_outside_coverage', 'outside_follow_up_month', 'person_not_in_cohort', 'unknown_code_excluded'].sort(),
    );
    expect(r.benefits.months.get('P1')).toEqual(['education', 'education', 'education', 'education']);
    expect([...r.benefits.outside_coverage].sort()).toEqual(['K2', 'K3', 'P2']);
    expect(r.benefits.coverage).toEqual({ first_week: '2022-W01', last_week: '2022-W24', first_month: 2022 * 12, last_month: 2022 * 12 + 4 });
    expect(r.benefits.warnings.map((w) => w.code).sort()).toEqual(['duplicate_person_week', 'follow_up_outside_coverage', 'unknown_codes_excluded']);
    for (const file of [...r.cohortIngest.files, r.wages.file]) expectBalanced(file);
    expect(r.wages.file.excluded).toEqual({ person_not_in_cohort: 8, outside_follow_up_month: 35 });
  });

  it.each([
    ['exclude_rows', ['none', null, 'none', 'none']],
    ['none', ['none', 'none', 'none', 'none']],
    ['temporary', ['none', 'temporary', 'none', 'none']],
  ] as const)('unknown_codes: %s', async (policy, k1) => {
    const csv = files()['benefits_weekly.csv']!.toString().replace('K1,2022-W19,\n', 'K1,2022-W19,999\n');
    const r = await ingestAll(specDir(files({ 'benefits_weekly.csv': csv }), { unknown_codes: policy }));
    expect(r.benefits.months.get('K1')).toEqual(k1);
    expect(r.benefits.unknown_codes).toEqual([{ code: '999', count: 1, first_line: K1_WEEK_19 }]);
    expectBalanced(r.benefits.file);
  });

  it('unknown_codes: error (the default) stops', async () => {
    const csv = files()['benefits_weekly.csv']!.toString().replace('K1,2022-W19,\n', 'K1,2022-W19,999\n');
    expect((await errorOf(ingestAll(specDir(files({ 'benefits_weekly.csv': csv }))))).line).toMatch(new RegExp(`^benefits_weekly\\.csv:${K1_WEEK_19}:3: benefit code "999" is not in the codebook`));
  });
});

describe('panels split into byte ranges give the same result as one range', () => {
  const example = (name: string) => readFileSync(join(EXAMPLE, name), 'utf8');
  const inputs = (panel: string) =>
    files({
      'participants.csv': example('participants.csv'),
      'controls.csv': example('controls.csv'),
      'benefits_weekly.csv': panel,
      'wages_monthly.csv': example('wages_monthly.csv'),
    });
  const firstRow = example('benefits_weekly.csv').split('\n')[1]!;
  /**
   * The example panel with a row for a person not in the cohort, whose long quoted id has a
   * line break at its end, after every other row: most cuts then fall inside quotes.
   */
  function withQuotedBreaks(): string {
    const [header, ...rows] = example('benefits_weekly.csv').trimEnd().split('\n');
    const odd = `"${'X'.repeat(200)}\nX",2022-W10,130`;
    return [header, ...rows.flatMap((r, k) => (k % 2 ? [r, odd] : [r]))].join('\n') + '\n';
  }

  it('the panel with line breaks in quoted fields has a range end inside quotes, so the fallback is exercised', async () => {
    const panel = withQuotedBreaks();
    const loaded = specDir(inputs(panel));
    const path = join(loaded.dir, 'benefits_weekly.csv');
    const dataStart = panel.indexOf('\n') + 1;
    const inside = (cut: number): boolean => (panel.slice(0, cut).split('"').length - 1) % 2 === 1;
    const cuts = (await Promise.all([2, 3, 4].map((n) => splitAtLines(path, dataStart, panel.length, n)))).flat();
    expect(cuts.some(inside)).toBe(true);
  });

  it.each([
    ['the example panel', example('benefits_weekly.csv')],
    ['with a duplicate of the first row at the end (ranges merge in file order)', example('benefits_weekly.csv') + firstRow + '\n'],
    ['with a quoted field', example('benefits_weekly.csv').replace(/\n(P\d+),/, '\n"$1",')],
    ['with every field quoted and `;` between them, as Excel writes them', example('benefits_weekly.csv').replace(/^(.*),(.*),(.*)$/gm, '"$1";"$2";"$3"')],
    ['with line breaks inside quoted fields, some across range ends (read again in one range)', withQuotedBreaks()],
    ['with CRLF and no final line break', example('benefits_weekly.csv').replaceAll('\n', '\r\n').trimEnd()],
  ])('%s', async (_name, panel) => {
    const loaded = specDir(inputs(panel));
    const one = await ingestAll(loaded, { threads: 1 });
    for (const threads of [2, 3, 4]) {
      const many = await ingestAll(loaded, { threads, parallelMinBytes: 0 });
      expect(many.benefits).toEqual(one.benefits);
      expect(many.wages).toEqual(one.wages);
    }
    expectBalanced(one.benefits.file);
  });

  it('a panel sorted by week instead of by person gives the same panel', async () => {
    const [header, ...rows] = example('benefits_weekly.csv').trimEnd().split('\n');
    const byWeek = [...rows].sort((a, b) => (a.split(',')[1]! < b.split(',')[1]! ? -1 : a.split(',')[1]! > b.split(',')[1]! ? 1 : 0));
    expect(byWeek).not.toEqual(rows);
    const one = await ingestAll(specDir(inputs(example('benefits_weekly.csv'))));
    const other = await ingestAll(specDir(inputs([header, ...byWeek].join('\n') + '\n')), { threads: 3, parallelMinBytes: 0 });
    expect(other.benefits.months).toEqual(one.benefits.months);
    expect(other.benefits.file).toEqual(one.benefits.file);
    expect(other.benefits.coverage).toEqual(one.benefits.coverage);
  });

  it('reports the same absolute line for an error in a later range', async () => {
    const rows = example('benefits_weekly.csv').split('\n');
    rows[rows.length - 100] = rows[rows.length - 100]!.replace(/,\d{4}-W\d\d,/, ',2022-W99,');
    const loaded = specDir(inputs(rows.join('\n')));
    const one = await errorOf(ingestAll(loaded, { threads: 1 }));
    const many = await errorOf(ingestAll(loaded, { threads: 4, parallelMinBytes: 0 }));
    expect(one.line).toMatch(new RegExp(`^benefits_weekly\\.csv:${rows.length - 99}:2: cannot read week "2022-W99"`));
    expect(many).toEqual(one);
  });

  it('reports progress up to the file size', async () => {
    const loaded = specDir(inputs(example('benefits_weekly.csv')));
    const seen: [string, number, number][] = [];
    await ingestAll(loaded, { threads: 3, parallelMinBytes: 0, onProgress: (role, done, total) => seen.push([role, done, total]) });
    const last = seen.filter(([role]) => role === 'benefits').at(-1)!;
    expect(last[1]).toBe(last[2]);
    expect(seen.map(([role]) => role)).toContain('participants');
  });
});

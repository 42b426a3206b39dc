import { describe, expect, it } from 'vitest';
import { EffektError } from '../../src/errors.js';
import { analyseProgression, parseQuestionnaire, who5Band, who5Score } from '../../src/progression/index.js';
import { pairedTTest, wilcoxonSignedRank } from '../../src/stats/paired/index.js';
import { HEADER, TEST_CONFIG } from './fixtures.js';

const PARTICIPANTS = [
  { id: 'P1', municipality: 'Aby' },
  { id: 'P2', municipality: 'Aby' },
  { id: 'P3', municipality: 'Aby' },
  { id: 'P4', municipality: 'Borg' },
  { id: 'P5', municipality: 'Borg' },
  { id: 'P6', municipality: 'Borg' },
  { id: 'P7', municipality: 'Borg' },
];

// bip_b is reverse-worded (lower_is_better) in TEST_CONFIG.
const TEXT = [
  HEADER,
  'P1,start,2022-01-01,1,1,1,1,1,2,4,',
  'P1,end,2022-06-01,2,2,2,2,1,3,4,',
  'P2,start,2022-01-01,2,2,2,2,2,3,2,',
  'P2,end,2022-06-01,2,2,2,2,2,3,3,',
  'P3,start,2022-01-01,3,3,3,3,1,4,3,',
  'P3,end,2022-06-01,3,3,3,3,2,3,2,',
  'P4,start,2022-01-01,3,3,3,3,3,3,3,',
  'P4,end,,,,,,,,,emigrated',
  'P6,end,2022-06-01,3,3,3,3,3,3,3,not_reached',
  'P7,start,2022-01-01,3,3,3,3,3,1,5,',
  'P7,end,2022-06-01,3,3,,3,3,2,5,',
  'X9,start,2022-01-01,3,3,3,3,3,3,3,',
].join('\n');

const result = analyseProgression(parseQuestionnaire(TEXT, 'q.csv', { config: TEST_CONFIG }), PARTICIPANTS, TEST_CONFIG);

describe('WHO-5 scoring', () => {
  it('is the raw sum times 4, null with a missing item', () => {
    expect(who5Score([1, 2, 3, 4, 5])).toBe(60);
    expect(who5Score([1, 2, null, 4, 5])).toBeNull();
  });
  it('bands 0–35 / 36–50 / above 50', () => {
    expect([0, 35, 36, 50, 51, 100].map(who5Band)).toEqual(['high_risk', 'high_risk', 'risk', 'risk', 'no_immediate_risk', 'no_immediate_risk']);
  });
});

describe('analyseProgression', () => {
  it('restricts to complete pairs and accounts for everyone else', () => {
    expect(result.n_pairs).toBe(4);
    expect(result.restricted_to_complete_pairs).toBe(true);
    const { by_subgroup, reasons, ...totals } = result.attrition;
    expect(totals).toEqual({ participants: 7, complete_pairs: 4, start_only: 1, end_only: 1, no_questionnaire: 1, rows_not_in_cohort: 1 });
    expect(reasons).toEqual({ emigrated: 1, not_reached: 1, unknown: 1 });
    expect(by_subgroup).toEqual([
      { subgroup: 'Aby', participants: 3, complete_pairs: 3, start_only: 0, end_only: 0, no_questionnaire: 0 },
      { subgroup: 'Borg', participants: 4, complete_pairs: 1, start_only: 1, end_only: 1, no_questionnaire: 1 },
    ]);
  });

  it('WHO-5: means, bands and change on pairs with all five items at both waves', () => {
    const w = result.who5;
    expect(w.n).toBe(3); // P7's end questionnaire misses who5_3
    expect(w.start_mean).toBeCloseTo((20 + 40 + 52) / 3, 12);
    expect(w.end_mean).toBeCloseTo((36 + 40 + 56) / 3, 12);
    expect(w.bands).toEqual({ start: { high_risk: 1, risk: 1, no_immediate_risk: 1 }, end: { high_risk: 0, risk: 2, no_immediate_risk: 1 } });
    expect(w.change).toMatchObject({ n: 3, positive: 2, unchanged: 1, negative: 0 });
  });

  it('WHO-5 tests are the paired tests of end vs start', () => {
    const t = pairedTTest([36, 40, 56], [20, 40, 52]);
    const v = wilcoxonSignedRank([36, 40, 56], [20, 40, 52]);
    const perm = wilcoxonSignedRank([36, 40, 56], [20, 40, 52], { exact: 'permutation' });
    expect(result.who5.tests.t_test).toMatchObject({ statistic: t.statistic, p: t.p, estimate: t.estimate, df: 2 });
    expect(result.who5.tests.t_test!.ci).toEqual(t.ci);
    expect(result.who5.tests.wilcoxon).toMatchObject({ statistic: v.statistic, p: v.p, exact: false, n_zeros: 1 });
    expect(result.who5.tests.wilcoxon_permutation).toMatchObject({ p: perm.p, exact: true });
  });

  it('a subgroup without usable pairs has null means and tests, with a note', () => {
    const borg = result.who5.by_subgroup.find((g) => g.subgroup === 'Borg')!;
    expect(borg).toMatchObject({ n: 0, start_mean: null, end_mean: null });
    expect(borg.tests.t_test).toBeNull();
    expect(borg.tests.wilcoxon).toBeNull();
    expect(borg.tests.note).toBe('fewer than 2 complete pairs');
  });

  it('BIP items count change in the good direction (reverse-worded items reversed)', () => {
    const [a, b] = result.bip.items;
    expect(a).toMatchObject({ column: 'bip_a', n: 4, change: { positive: 2, unchanged: 1, negative: 1 } });
    expect(b).toMatchObject({ column: 'bip_b', direction: 'lower_is_better', n: 4, start_mean: 3.5, end_mean: 3.5, change: { positive: 1, unchanged: 2, negative: 1 } });
  });

  it('BIP indicators: score = mean of oriented items; change classes from the sum', () => {
    const ind = result.bip.indicators[0]!;
    expect(ind.items).toEqual(['bip_a', 'bip_b']);
    expect(ind.overall.change).toMatchObject({ n: 4, positive: 2, unchanged: 1, negative: 1 });
    expect(ind.overall.start_mean).toBeCloseTo((2 + 3.5 + 3.5 + 1) / 4, 12);
    expect(ind.overall.end_mean).toBeCloseTo((2.5 + 3 + 3.5 + 1.5) / 4, 12);
    expect(ind.by_subgroup.map((g) => [g.subgroup, g.change.n])).toEqual([
      ['Aby', 3],
      ['Borg', 1],
    ]);
  });

  it('gives chart arrays and says progression is not used for payment', () => {
    expect(result.chart.who5_means.groups).toEqual(['all', 'Aby', 'Borg']);
    expect(result.chart.who5_means.n).toEqual([3, 3, 0]);
    expect(result.chart.who5_means.start[0]).toBe(result.who5.start_mean);
    expect(result.chart.bip_shares.positive).toEqual([0.5]);
    expect(result.used_for_payment).toBe(false);
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('checks BIP answers against the config when the reader was not given it', () => {
    const rows = parseQuestionnaire(`${HEADER}\nP1,start,2022-01-01,1,1,1,1,1,9,4,\n`, 'q.csv');
    try {
      analyseProgression(rows, PARTICIPANTS, TEST_CONFIG);
      expect.unreachable('expected an input error');
    } catch (err) {
      expect(err).toBeInstanceOf(EffektError);
      expect((err as EffektError).line).toBe('q.csv:2:9: bip_a must be a whole number from 1 to 5 (or blank), got "9"');
    }
  });
});

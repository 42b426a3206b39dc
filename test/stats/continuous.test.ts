import { describe, expect, it } from 'vitest';
import { mannWhitney, welchTTest, wilcoxonDistribution, type Alternative } from '../../src/stats/index.js';
import { expectClose, expectCloseAll, field, loadReference, toNumber, toNumbers, type Json } from './reference.js';

const ref = loadReference('stats.json');
const samples = ref.continuous as Json[];
const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'greater', 'less'];

describe('Welch t and Mann–Whitney against R t.test / wilcox.test', () => {
  for (const s of samples) {
    const name = field(s, 'name') as string;
    const x = toNumbers(field(s, 'x'));
    const y = toNumbers(field(s, 'y'));
    for (const alternative of ALTERNATIVES) {
      const r = field(field(s, 'results'), alternative);
      it(`${name}, ${alternative}: Welch`, () => {
        const rw = field(r, 'welch');
        const w = welchTTest(x, y, { alternative });
        expectClose(w.statistic, toNumber(field(rw, 'statistic')), `${name} t`);
        expectClose(w.df, toNumber(field(rw, 'df')), `${name} df`);
        expectClose(w.p, toNumber(field(rw, 'p')), `${name} p`);
        expectClose(w.estimate, toNumber(field(rw, 'estimate')), `${name} estimate`);
        expectCloseAll(w.ci, toNumbers(field(rw, 'ci')), `${name} ci`);
        expectCloseAll(welchTTest(x, y, { alternative, confidence: 0.9 }).ci, toNumbers(field(rw, 'ci90')), `${name} ci 90%`);
      });
      it(`${name}, ${alternative}: Mann–Whitney`, () => {
        const rm = field(r, 'wilcoxon');
        const m = mannWhitney(x, y, { alternative });
        expectClose(m.statistic, toNumber(field(rm, 'statistic')), `${name} W`);
        expectClose(m.p, toNumber(field(rm, 'p')), `${name} p`);
        expect(m.exact).toBe(field(rm, 'exact'));
        const ru = field(r, 'wilcoxon_uncorrected');
        expectClose(mannWhitney(x, y, { alternative, correct: false, exact: false }).p, toNumber(field(ru, 'p')), `${name} p (normal, no correction)`);
      });
    }
  }

  it('exact W distribution sums to 1 and is symmetric', () => {
    const d = wilcoxonDistribution(7, 11);
    expect(d.length).toBe(78);
    expectClose(d.reduce((a, b) => a + b, 0), 1, 'total');
    for (let k = 0; k < d.length; k++) expectClose(d[k] as number, d[d.length - 1 - k] as number, `symmetry at ${k}`);
  });

  it('degenerate: constant groups and all-tied values are defined and explained', () => {
    const same = welchTTest([3, 3, 3], [3, 3]);
    expect([same.statistic, same.p]).toEqual([0, 1]);
    expect(same.note).toMatch(/constant/);
    const apart = welchTTest([4, 4, 4], [3, 3]);
    expect(apart.p).toBe(0);
    const tied = mannWhitney([2, 2, 2], [2, 2]);
    expect(tied.p).toBe(1);
    expect(tied.note).toMatch(/tied/);
    expect(() => welchTTest([1], [1, 2])).toThrow(/at least 2 values/);
  });
});

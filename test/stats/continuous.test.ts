import { describe, expect, it } from 'vitest';
import { mannWhitney, mannWhitneySorted, welchTTest, wilcoxonDistribution, type Alternative } from '../../src/stats/index.js';
import { normalCdf, normalSf } from '../../src/stats/distributions.js';
import { Random } from '../../src/util/random.js';
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

  it('W and p equal, to the bit, those from mid-ranks counted by definition (seeded samples with ties across groups, ±0, unequal n)', () => {
    // The definition: a value's mid-rank is 1 + (values below it) + (other values equal to it) / 2.
    const byDefinition = (x: readonly number[], y: readonly number[], alternative: Alternative, correct: boolean): { w: number; p: number } => {
      const pooled = [...x, ...y];
      let rankSum = 0;
      for (const v of x) {
        let below = 0;
        let equal = 0;
        for (const u of pooled) {
          if (u < v) below++;
          else if (u === v) equal++;
        }
        rankSum += below + (equal + 1) / 2;
      }
      const sorted = [...pooled].sort((a, b) => a - b);
      let tieSum = 0;
      for (let i = 0; i < sorted.length; ) {
        let j = i;
        while (j < sorted.length && sorted[j] === sorted[i]) j++;
        tieSum += (j - i) ** 3 - (j - i);
        i = j;
      }
      const nx = x.length;
      const ny = y.length;
      const n = nx + ny;
      const w = rankSum - (nx * (nx + 1)) / 2;
      const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieSum / (n * (n - 1))));
      let z = w - (nx * ny) / 2;
      const c = !correct ? 0 : alternative === 'two-sided' ? Math.sign(z) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
      z = (z - c) / sigma;
      const p = alternative === 'less' ? normalCdf(z) : alternative === 'greater' ? normalSf(z) : 2 * Math.min(normalCdf(z), normalSf(z));
      return { w, p };
    };
    const rng = new Random(20261125);
    let cases = 0;
    for (let k = 0; k < 300; k++) {
      const nx = 1 + rng.int(0, 60);
      const ny = 1 + rng.int(0, 400);
      const levels = 1 + rng.int(0, 30);
      const draw = (): number => {
        const v = rng.int(0, levels) - (levels >> 1);
        return v === 0 && rng.chance(0.5) ? -0 : v / 4;
      };
      const x = Array.from({ length: nx }, draw);
      const y = Array.from({ length: ny }, draw);
      for (const alternative of ALTERNATIVES) {
        const ref = byDefinition(x, y, alternative, true);
        const got = mannWhitney(x, y, { alternative, exact: false });
        expect(got.statistic, `W, case ${k}`).toBe(ref.w);
        expect(got.p, `p, case ${k}`).toBe(ref.p);
        const sorted = mannWhitneySorted(Float64Array.from(x).sort(), Float64Array.from(y).sort(), { alternative, exact: false });
        expect(sorted).toEqual(got);
        cases++;
      }
    }
    expect(cases).toBe(900);
  });
});

/**
 * Properties of the signed-rank machinery that do not need R: the count distribution
 * sums to 2^n and is symmetric; without ties and zeros the permutation p equals R's
 * exact p; the paired t-test is invariant to swapping x and y up to sign.
 */
import { describe, expect, it } from 'vitest';
import { pairedTTest, wilcoxonSignedRank } from '../../src/stats/paired/index.js';
import { permutationDistribution, signRankCounts } from '../../src/stats/paired/signed-rank-distribution.js';
import { Random } from '../../src/util/random.js';

describe('signed-rank distributions', () => {
  it('counts sum to 2^n and are symmetric', () => {
    for (const n of [1, 5, 20, 49]) {
      const c = signRankCounts(n);
      expect(c.reduce((a, b) => a + b, 0)).toBe(2 ** n);
      for (let v = 0; v < c.length; v++) expect(c[v]).toBe(c[c.length - 1 - v]);
    }
  });

  it('the permutation distribution of ranks 1..n is the counts / 2^n', () => {
    const n = 30;
    const c = signRankCounts(n);
    const p = permutationDistribution(Array.from({ length: n }, (_, i) => i + 1));
    for (let v = 0; v < c.length; v++) {
      const expected = c[v]! / 2 ** n;
      expect(Math.abs(p[v]! - expected) <= 1e-14 * expected, `v = ${v}: actual ${p[v]}, expected ${expected}, relative tolerance 1e-14`).toBe(true);
    }
  });
});

describe('wilcoxonSignedRank', () => {
  it("without ties or zeros, 'permutation' gives R's exact p", () => {
    const rng = new Random(7);
    for (let trial = 0; trial < 20; trial++) {
      const n = rng.int(1, 25);
      const x = Array.from({ length: n }, () => rng.normal(0.3, 1));
      const y = Array.from({ length: n }, () => rng.normal(0, 1));
      for (const alternative of ['two-sided', 'less', 'greater'] as const) {
        const exact = wilcoxonSignedRank(x, y, { alternative });
        const perm = wilcoxonSignedRank(x, y, { alternative, exact: 'permutation' });
        expect(exact.exact).toBe(true);
        const tol = 1e-12 * exact.p;
        expect(Math.abs(perm.p - exact.p) <= tol, `n ${n} ${alternative}: permutation ${perm.p}, exact ${exact.p}, tolerance ${tol}`).toBe(true);
      }
    }
  });

  it('reports zeros and ties and says why the exact test was not used', () => {
    const r = wilcoxonSignedRank([3, 4, 5, 5], [3, 3, 4, 4]);
    expect(r).toMatchObject({ n: 3, n_zeros: 1, ties: true, exact: false });
    expect(r.warnings).toEqual(['cannot compute exact p-value with ties', 'cannot compute exact p-value with zeroes']);
  });

  it('gives NaN (R: NA) when every difference is zero', () => {
    expect(wilcoxonSignedRank([1, 2], [1, 2]).p).toBeNaN();
  });
});

describe('pairedTTest', () => {
  it('swapping x and y flips the statistic and keeps the two-sided p', () => {
    const x = [5.1, 4.9, 6.2, 5.8, 6.0];
    const y = [4.8, 5.0, 5.5, 5.1, 5.9];
    const a = pairedTTest(x, y);
    const b = pairedTTest(y, x);
    expect(b.statistic).toBeCloseTo(-a.statistic, 12);
    expect(b.p).toBeCloseTo(a.p, 14);
    expect(b.ci[0]).toBeCloseTo(-a.ci[1], 12);
  });

  it('throws as R does on constant differences and fewer than 2 pairs', () => {
    expect(() => pairedTTest([1, 2, 3], [0, 1, 2])).toThrow('data are essentially constant');
    expect(() => pairedTTest([1], [0])).toThrow("not enough 'x' observations");
  });
});

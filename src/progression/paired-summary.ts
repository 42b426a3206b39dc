import { meanAndVariance } from '../stats/paired/mean-var.js';
import { pairedTTest, wilcoxonSignedRank, type WilcoxonResult } from '../stats/paired/index.js';
import { changeShares } from './change-shares.js';
import type { PairedSummary, TTestRecord, WilcoxonRecord } from './types.js';

/** Above this many pairs the O(n³) permutation distribution is skipped (null). */
const MAX_PERMUTATION_N = 400;

/**
 * Start and end means of complete pairs, the mean and SD of the change, the shares that
 * went up / stayed / went down, and two paired tests of end vs start (two-sided): the
 * paired t-test and the Wilcoxon signed-rank test by R's rule, plus the exact
 * permutation signed-rank p, which stays exact with the ties WHO-5 and Likert scores
 * always have. A test that is undefined (n < 2, constant differences) is null and `note`
 * says why, rather than failing the run.
 */
export function pairedSummary(start: readonly number[], end: readonly number[], confidence: number): PairedSummary {
  const n = start.length;
  const diffs = end.map((e, i) => e - start[i]!);
  const mean = (v: readonly number[]): number | null => (v.length === 0 ? null : meanAndVariance(v).mean);
  const sd = n < 2 ? null : Math.sqrt(meanAndVariance(diffs).variance);
  const notes: string[] = [];
  let tTest: TTestRecord | null = null;
  try {
    const t = pairedTTest(end, start, { alternative: 'two-sided', confidence });
    tTest = { statistic: t.statistic, df: t.df, p: t.p, estimate: t.estimate, ci: t.ci, method: t.method, alternative: t.alternative, confidence: t.confidence };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    notes.push(n < 2 ? 'fewer than 2 complete pairs' : 'all changes are equal, so the t-test is undefined');
  }
  const wilcoxon = n === 0 ? null : wilcoxonRecord(wilcoxonSignedRank(end, start, { alternative: 'two-sided' }));
  const nonZero = diffs.filter((d) => d !== 0).length;
  const permutation = n === 0 || nonZero > MAX_PERMUTATION_N ? null : wilcoxonRecord(wilcoxonSignedRank(end, start, { alternative: 'two-sided', exact: 'permutation' }));
  if (n > 0 && nonZero === 0) notes.push('no one changed, so the Wilcoxon test has no p-value');
  return {
    n,
    start_mean: mean(start),
    end_mean: mean(end),
    mean_change: mean(diffs),
    sd_change: sd,
    change: changeShares(diffs),
    tests: { t_test: tTest, wilcoxon, wilcoxon_permutation: permutation, note: notes.length ? notes.join('; ') : null },
  };
}

function wilcoxonRecord(w: WilcoxonResult): WilcoxonRecord {
  return {
    statistic: w.statistic,
    p: Number.isNaN(w.p) ? null : w.p,
    method: w.method,
    alternative: w.alternative,
    exact: w.exact,
    n_nonzero: w.n,
    n_zeros: w.n_zeros,
    ties: w.ties,
  };
}

import type { Alternative } from './types.js';
import { normalCdf, normalSf } from './distributions.js';
import { inputError } from '../errors.js';

export interface MannWhitneyOptions {
  readonly alternative?: Alternative;
  /** Continuity correction of the normal approximation (R default true). */
  readonly correct?: boolean;
  /** Force (true) or forbid (false) the exact distribution; default as R: exact when both n < 50 and no ties. */
  readonly exact?: boolean;
}

export interface MannWhitneyResult {
  /** R's W: the rank sum of x minus n_x(n_x + 1)/2 (the Mann–Whitney U of x). */
  readonly statistic: number;
  readonly p: number;
  readonly exact: boolean;
  readonly method: 'mann_whitney';
  readonly alternative: Alternative;
  readonly note?: string;
}

/**
 * The rank sum of x in the pooled sample (ties get the average rank), whether any values
 * tie, and Σ (t³ − t) over the tie groups (sizes t) for the variance, from both samples
 * sorted ascending: one merge, each run of equal values (from either sample) taken whole.
 * Mid-ranks are half-integers, so the sums are exact and do not depend on the order they
 * are added in; Σ (t³ − t) is added run by run in ascending order of value, as a pass over
 * the pooled sorted sample would. Sorting each sample on its own costs less than sorting
 * the pool, and a caller that has sorted them already (for medians) passes them as they are.
 */
function rankSumSorted(xs: ArrayLike<number>, ys: ArrayLike<number>): { rankSum: number; hasTies: boolean; tieSum: number } {
  const nx = xs.length;
  const ny = ys.length;
  let i = 0;
  let j = 0;
  let below = 0;
  let rankSum = 0;
  let hasTies = false;
  let tieSum = 0;
  while (i < nx || j < ny) {
    const v = j >= ny || (i < nx && xs[i]! <= ys[j]!) ? xs[i]! : ys[j]!;
    let cx = 0;
    while (i < nx && xs[i] === v) {
      i++;
      cx++;
    }
    let t = cx;
    while (j < ny && ys[j] === v) {
      j++;
      t++;
    }
    if (t > 1) hasTies = true;
    tieSum += t ** 3 - t;
    // The run holds ranks below + 1 .. below + t; its mid-rank is their mean.
    rankSum += cx * (below + (t + 1) / 2);
    below += t;
  }
  return { rankSum, hasTies, tieSum };
}

/**
 * Exact null distribution of W for sample sizes (m, n) without ties: counts of m-subsets of
 * the ranks 1..m+n by rank sum (additions only, so no cancellation), as probabilities.
 */
export function wilcoxonDistribution(m: number, n: number): Float64Array {
  const total = m + n;
  const maxW = m * n;
  // ways[j][w]: subsets of size j of the ranks seen so far with W-contribution w.
  const ways: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(maxW + 1));
  (ways[0] as Float64Array)[0] = 1;
  for (let i = 1; i <= total; i++) {
    for (let j = Math.min(i, m); j >= 1; j--) {
      // Rank i as the j-th chosen element adds i − j to W (U counts the y's below it).
      const shift = i - j;
      if (shift > n) continue;
      const to = ways[j] as Float64Array;
      const from = ways[j - 1] as Float64Array;
      for (let w = maxW; w >= shift; w--) to[w] = (to[w] as number) + (from[w - shift] as number);
    }
  }
  const counts = ways[m] as Float64Array;
  let sum = 0;
  for (const c of counts) sum += c;
  return counts.map((c) => c / sum);
}

/**
 * Wilcoxon rank-sum / Mann–Whitney test (Wilcoxon 1945; Mann & Whitney 1947), computed as
 * R's wilcox.test(x, y): exact null distribution when both samples have fewer than 50
 * values and there are no ties; otherwise the normal approximation with tie-corrected
 * variance and (by default) continuity correction. When every value is tied (variance 0,
 * where R returns NaN) p = 1 with a note.
 */
export function mannWhitney(x: readonly number[], y: readonly number[], options: MannWhitneyOptions = {}): MannWhitneyResult {
  if (x.length < 1 || y.length < 1) throw inputError(`Mann–Whitney test: each group needs at least 1 value (got ${x.length} and ${y.length})`);
  if (!x.every(Number.isFinite) || !y.every(Number.isFinite)) throw inputError('Mann–Whitney test: values must be finite numbers');
  return mannWhitneySorted(Float64Array.from(x).sort(), Float64Array.from(y).sort(), options);
}

/**
 * mannWhitney for samples already sorted ascending (finite numbers; not checked): for a
 * caller that sorts them anyway, as the continuous comparisons do for their medians.
 */
export function mannWhitneySorted(x: ArrayLike<number>, y: ArrayLike<number>, options: MannWhitneyOptions = {}): MannWhitneyResult {
  const { alternative = 'two-sided', correct = true } = options;
  const nx = x.length;
  const ny = y.length;
  const { rankSum, hasTies, tieSum } = rankSumSorted(x, y);
  const w = rankSum - (nx * (nx + 1)) / 2;
  const exact = options.exact ?? (nx < 50 && ny < 50);
  if (exact && !hasTies) {
    const dist = wilcoxonDistribution(nx, ny);
    const cdf = (q: number): number => {
      let s = 0;
      for (let k = 0; k <= Math.min(q, nx * ny); k++) s += dist[k] as number;
      return Math.min(1, s);
    };
    const sf = (q: number): number => {
      let s = 0;
      for (let k = nx * ny; k > q; k--) s += dist[k] as number;
      return Math.min(1, s);
    };
    let p: number;
    if (alternative === 'less') p = cdf(w);
    else if (alternative === 'greater') p = sf(w - 1);
    else p = Math.min(1, 2 * (w > (nx * ny) / 2 ? sf(w - 1) : cdf(w)));
    return Object.freeze({ statistic: w, p, exact: true, method: 'mann_whitney', alternative });
  }
  const n = nx + ny;
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieSum / (n * (n - 1))));
  if (!(sigma > 0)) {
    return Object.freeze({ statistic: w, p: 1, exact: false, method: 'mann_whitney', alternative, note: 'every value is tied: the rank-sum variance is 0 (R gives NaN); p set to 1' });
  }
  let z = w - (nx * ny) / 2;
  const correction = !correct ? 0 : alternative === 'two-sided' ? Math.sign(z) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  z = (z - correction) / sigma;
  const p = alternative === 'less' ? normalCdf(z) : alternative === 'greater' ? normalSf(z) : 2 * Math.min(normalCdf(z), normalSf(z));
  const note = exact && hasTies ? 'ties present: normal approximation used instead of the exact distribution (as R does)' : undefined;
  return Object.freeze({ statistic: w, p, exact: false, method: 'mann_whitney', alternative, ...(note ? { note } : {}) });
}

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
 * Mid-ranks of the first `upTo` values of the pooled sample (ties get the average rank;
 * the test needs only the first group's), whether any values tie, and Σ (t³ − t) over the
 * tie groups (sizes t) for the variance. A native numeric sort of a copy, then each value's
 * rank from the bounds of its run of equals (binary search): no comparator sort, which is
 * slow at 100,000+ values, and no list of tie sizes (one per distinct value).
 */
function midRanks(values: Float64Array, upTo: number): { ranks: Float64Array; hasTies: boolean; tieSum: number } {
  const sorted = values.slice().sort();
  const n = sorted.length;
  let hasTies = false;
  let tieSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && sorted[j + 1] === sorted[i]) j++;
    const t = j - i + 1;
    if (t > 1) hasTies = true;
    tieSum += t ** 3 - t;
    i = j + 1;
  }
  const ranks = new Float64Array(upTo);
  for (let k = 0; k < upTo; k++) {
    const v = values[k]!;
    // [lo, hi): the run of values equal to v; its mid-rank is (lo + 1 + hi) / 2.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = n;
    while (end < hi) {
      const mid = (end + hi) >>> 1;
      if (sorted[mid]! <= v) end = mid + 1;
      else hi = mid;
    }
    ranks[k] = (lo + 1 + end) / 2;
  }
  return { ranks, hasTies, tieSum };
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
  const { alternative = 'two-sided', correct = true } = options;
  if (x.length < 1 || y.length < 1) throw inputError(`Mann–Whitney test: each group needs at least 1 value (got ${x.length} and ${y.length})`);
  if (!x.every(Number.isFinite) || !y.every(Number.isFinite)) throw inputError('Mann–Whitney test: values must be finite numbers');
  const nx = x.length;
  const ny = y.length;
  const pooled = new Float64Array(nx + ny);
  pooled.set(x);
  pooled.set(y, nx);
  const { ranks, hasTies, tieSum } = midRanks(pooled, nx);
  let rankSum = 0;
  for (let i = 0; i < nx; i++) rankSum += ranks[i] as number;
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

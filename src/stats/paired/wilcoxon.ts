import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { midranks } from './midranks.js';
import { permutationDistribution, signRankCounts, tailSum } from './signed-rank-distribution.js';
import type { Alternative } from './types.js';

export interface WilcoxonOptions {
  readonly alternative?: Alternative;
  /**
   * As R's `exact`: undefined = exact distribution when n < 50 (after dropping zero
   * differences); true/false force it on/off — but, as R, the exact distribution is used
   * only without ties and zeros, otherwise the normal approximation (see `warnings`).
   * 'permutation' = the exact conditional (permutation) distribution of V given the
   * observed midranks, which is defined with ties too (exactRankTests::wilcox.exact,
   * coin with zero.method = "Wilcoxon"); not what R's wilcox.test reports.
   */
  readonly exact?: boolean | 'permutation';
  /** Continuity correction in the normal approximation (R's `correct`, default true). */
  readonly correct?: boolean;
}

export interface WilcoxonResult {
  /** V: the sum of the (mid)ranks of |x − y| over the positive differences, as R. */
  readonly statistic: number;
  /** NaN when every difference is zero (R: NA). */
  readonly p: number;
  readonly method: string;
  readonly alternative: Alternative;
  /** Whether the p-value comes from an exact distribution (signed-rank or permutation). */
  readonly exact: boolean;
  /** Non-zero differences used. */
  readonly n: number;
  /** Zero differences dropped (R's behaviour, Wilcoxon 1945 "zero method"). */
  readonly n_zeros: number;
  /** Whether tied |differences| occur among the non-zero ones. */
  readonly ties: boolean;
  /** R's warnings for the same call (e.g. "cannot compute exact p-value with ties"). */
  readonly warnings: readonly string[];
}

/**
 * Wilcoxon signed-rank test of paired samples (Wilcoxon 1945), reproducing R's
 * `wilcox.test(x, y, paired = TRUE)` (R ≥ 4.0 rules): zero differences are dropped;
 * V = sum of ranks of the positive differences; the exact null distribution is used
 * when n < 50 and there are neither ties nor zeros, otherwise the normal approximation
 * with the tie-corrected variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 and, by default, the
 * continuity correction of ½ towards the mean. Two-sided exact p = min(1, 2·tail) with the
 * tail on the side of V, as R does. `exact: 'permutation'` gives the exact conditional p
 * with ties instead (see WilcoxonOptions).
 */
export function wilcoxonSignedRank(x: readonly number[], y: readonly number[], options: WilcoxonOptions = {}): WilcoxonResult {
  const alternative = options.alternative ?? 'two-sided';
  const correct = options.correct ?? true;
  if (x.length !== y.length) throw new RangeError(`wilcoxonSignedRank: x and y differ in length (${x.length} vs ${y.length})`);
  const all = x.map((v, i) => v - y[i]!);
  if (all.some((v) => !Number.isFinite(v))) throw new RangeError('wilcoxonSignedRank: non-finite value');
  const d = all.filter((v) => v !== 0);
  const n = d.length;
  const nZeros = all.length - n;
  const { ranks, tieSizes } = midranks(d.map(Math.abs));
  let statistic = 0;
  for (let i = 0; i < n; i++) if (d[i]! > 0) statistic += ranks[i]!;
  const ties = tieSizes.some((t) => t > 1);
  const base = { statistic, alternative, n, n_zeros: nZeros, ties };

  if (options.exact === 'permutation') {
    const p = permutationP(ranks, statistic, alternative);
    return { ...base, p, method: 'Wilcoxon signed rank exact permutation test (conditional on ties, zeros dropped)', exact: true, warnings: [] };
  }
  const wantExact = options.exact ?? n < 50;
  if (wantExact && !ties && nZeros === 0) {
    return { ...base, p: exactP(n, statistic, alternative), method: 'Wilcoxon signed rank exact test', exact: true, warnings: [] };
  }
  const warnings: string[] = [];
  if (wantExact && ties) warnings.push('cannot compute exact p-value with ties');
  if (wantExact && nZeros > 0) warnings.push('cannot compute exact p-value with zeroes');
  const p = normalP(n, statistic, tieSizes, alternative, correct);
  const method = correct ? 'Wilcoxon signed rank test with continuity correction' : 'Wilcoxon signed rank test';
  return { ...base, p, method, exact: false, warnings };
}

/** R's psignrank-based p-value; V is an integer here (no ties). */
function exactP(n: number, v: number, alternative: Alternative): number {
  const counts = signRankCounts(n);
  const total = 2 ** n;
  const max = (n * (n + 1)) / 2;
  const lower = (): number => tailSum(counts, 0, v) / total; // P(V <= v)
  const upper = (): number => tailSum(counts, v, max) / total; // P(V >= v)
  if (alternative === 'less') return lower();
  if (alternative === 'greater') return upper();
  const p = v > (n * (n + 1)) / 4 ? upper() : lower();
  return Math.min(2 * p, 1);
}

function normalP(n: number, v: number, tieSizes: readonly number[], alternative: Alternative, correct: boolean): number {
  let z = v - (n * (n + 1)) / 4;
  const tieTerm = tieSizes.reduce((acc, t) => acc + (t * t * t - t), 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  if (correct) z -= alternative === 'two-sided' ? Math.sign(z) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  z /= sigma;
  if (alternative === 'less') return normalCdf(z, 0, 1);
  if (alternative === 'greater') return normalCdf(-z, 0, 1);
  return 2 * Math.min(normalCdf(z, 0, 1), normalCdf(-z, 0, 1));
}

/** Exact conditional p from the permutation distribution of doubled midranks (integers). */
function permutationP(ranks: readonly number[], v: number, alternative: Alternative): number {
  if (ranks.length === 0) return 1;
  const dist = permutationDistribution(ranks.map((r) => Math.round(2 * r)));
  const v2 = Math.round(2 * v);
  const lower = tailSum(dist, 0, v2);
  const upper = tailSum(dist, v2, dist.length - 1);
  if (alternative === 'less') return Math.min(1, lower);
  if (alternative === 'greater') return Math.min(1, upper);
  return Math.min(1, 2 * Math.min(lower, upper));
}

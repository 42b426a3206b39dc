import type { Alternative, FisherResult, Interval } from './types.js';
import { hyperMean, hyperProbabilities, hyperSupport, hyperTail, type HyperSupport } from './hypergeometric.js';
import { bisect } from './root.js';
import { checkConfidence, checkCounts } from './validate.js';

export interface FisherOptions {
  readonly alternative?: Alternative;
  readonly confidence?: number;
}

/** R's fisher.test tie tolerance: tables with P ≤ P(observed)·(1 + 1e-7) count as "no more likely". */
const REL_ERR = 1 + 1e-7;

/**
 * Fisher's exact test for the 2×2 table with groups as columns, as R's
 * fisher.test(matrix(c(x1, n1 − x1, x2, n2 − x2), 2)) computes it (Fisher 1935; R's rule
 * for two-sided p: the sum over tables no more likely than the observed one, relative
 * tolerance 1e-7). "greater" means p1 > p2 (odds ratio > 1).
 *
 * p_mid is Lancaster's mid-p (Lancaster 1961, JASA 56:223): the p-value minus half the
 * probability of the tables as likely as the observed one (for a one-sided alternative,
 * minus half P(observed)).
 *
 * odds_ratio is R's conditional maximum-likelihood estimate and ci R's exact conditional
 * interval (Cornfield 1956), both solved by bisection on log ψ to the last digit; R's own
 * values come from uniroot with tol ≈ 1.2e-4 and so differ from these in about the 4th
 * significant digit at most. At the edge of the support the estimate is 0 or Infinity and
 * the interval open on that side, as in R (this includes 0/n1 vs 0/n2 where R reports 0
 * and [0, Infinity]).
 */
export function fisherExact(x1: number, n1: number, x2: number, n2: number, options: FisherOptions = {}): FisherResult {
  const { alternative = 'two-sided', confidence = 0.95 } = options;
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  checkConfidence(confidence);
  const s = hyperSupport(n1, n2, x1 + x2);
  const d = hyperProbabilities(s);
  const iObs = x1 - s.lo;
  const dObs = d[iObs] as number;
  let p: number;
  let pMid: number;
  if (alternative === 'two-sided') {
    let sum = 0;
    let ties = 0;
    for (let i = 0; i < d.length; i++) {
      const v = d[i] as number;
      if (v <= dObs * REL_ERR) {
        sum += v;
        if (v >= dObs / REL_ERR) ties += v;
      }
    }
    p = Math.min(1, sum);
    pMid = Math.min(1, sum - ties / 2);
  } else {
    p = hyperTail(s, x1, alternative === 'greater');
    pMid = p - dObs / 2;
  }
  const or = conditionalMle(s, x1);
  const ci = conditionalInterval(s, x1, alternative, confidence);
  return Object.freeze({ p, p_mid: pMid, odds_ratio: or, ci, method: 'fisher_exact', alternative, confidence });
}

/** Bracket a root of an increasing function of log ψ by doubling outward from [−1, 1]. */
function solveIncreasing(f: (logPsi: number) => number): number {
  let lo = -1;
  let hi = 1;
  let flo = f(lo);
  while (flo > 0 && lo > -1e4) flo = f((lo *= 2));
  let fhi = f(hi);
  while (fhi < 0 && hi < 1e4) fhi = f((hi *= 2));
  // The bracket's values handed on: bisect would compute the same two again.
  return bisect(f, lo, hi, undefined, { flo, fhi });
}

/** Conditional MLE of the odds ratio: the ψ at which E[X | margins; ψ] equals the observed x. */
export function conditionalMle(s: HyperSupport, x: number): number {
  if (x === s.lo) return 0;
  if (x === s.hi) return Infinity;
  return Math.exp(solveIncreasing((l) => hyperMean(s, l) - x));
}

function upperLimit(s: HyperSupport, x: number, alpha: number): number {
  if (x === s.hi) return Infinity;
  // P(X ≤ x; ψ) falls as ψ grows.
  return Math.exp(solveIncreasing((l) => alpha - hyperTail(s, x, false, l)));
}

function lowerLimit(s: HyperSupport, x: number, alpha: number): number {
  if (x === s.lo) return 0;
  return Math.exp(solveIncreasing((l) => hyperTail(s, x, true, l) - alpha));
}

/** The exact conditional interval of R's fisher.test (one-sided for a one-sided alternative). */
export function conditionalInterval(s: HyperSupport, x: number, alternative: Alternative, confidence: number): Interval {
  if (alternative === 'less') return Object.freeze([0, upperLimit(s, x, 1 - confidence)] as const);
  if (alternative === 'greater') return Object.freeze([lowerLimit(s, x, 1 - confidence), Infinity] as const);
  const alpha = (1 - confidence) / 2;
  return Object.freeze([lowerLimit(s, x, alpha), upperLimit(s, x, alpha)] as const);
}

import type { Interval } from './types.js';
import { zCritical } from './distributions.js';
import { kishEffectiveSize } from './kish.js';
import { checkConfidence } from './validate.js';
import { inputError } from '../errors.js';

/** HC0: White's sandwich; HC1: times n/(n − k) (Stata's default for weighted regressions). */
export type RobustType = 'HC0' | 'HC1';

export interface WeightedOptions {
  readonly confidence?: number;
  readonly type?: RobustType;
}

export interface WeightedShare {
  /** Σ w·y / Σ w. */
  readonly estimate: number;
  /** Heteroskedasticity-robust (sandwich) standard error of the weighted mean. */
  readonly se: number;
  /** Wilson interval at the Kish effective sample size (see weightedShare). */
  readonly ci: Interval;
  readonly n: number;
  readonly n_eff: number;
  readonly method: 'wilson_kish';
  readonly se_type: RobustType;
  readonly confidence: number;
}

export interface WeightedDifference {
  readonly estimate: number;
  readonly se: number;
  readonly ci: Interval;
  readonly method: 'wald_robust';
  readonly se_type: RobustType;
  readonly confidence: number;
  /** Kish effective sizes of the two groups. */
  readonly n_eff: readonly [number, number];
  readonly note?: string;
}

function checkOutcomes(y: readonly number[], w: readonly number[], what: string): void {
  if (y.length !== w.length) throw inputError(`${what}: ${y.length} outcomes but ${w.length} weights`);
  if (y.length === 0) throw inputError(`${what}: no observations`);
  for (const v of y) if (v !== 0 && v !== 1) throw inputError(`${what}: outcomes must be 0 or 1, got ${v}`);
}

/** Weighted mean and Σ w²(y − mean)² (the sandwich "meat" of an intercept-only WLS). */
function moments(y: readonly number[], w: readonly number[]): { mean: number; sumW: number; meat: number } {
  let sumW = 0;
  let sumWy = 0;
  for (let i = 0; i < y.length; i++) {
    sumW += w[i] as number;
    sumWy += (w[i] as number) * (y[i] as number);
  }
  const mean = sumWy / sumW;
  let meat = 0;
  for (let i = 0; i < y.length; i++) meat += ((w[i] as number) * ((y[i] as number) - mean)) ** 2;
  return { mean, sumW, meat };
}

/**
 * Weighted share of a 0/1 outcome (e.g. matched controls carrying 1/k weights). The
 * standard error is the heteroskedasticity-robust sandwich of the intercept-only weighted
 * least-squares fit (White 1980; MacKinnon & White 1985 for HC1), exactly
 * sandwich::vcovHC(lm(y ~ 1, weights = w), type). With all weights 1, HC0 is the Wald
 * √(p(1 − p)/n). The interval is Wilson's at the Kish effective sample size
 * n_eff = (Σw)²/Σw² (Kish 1965), which stays inside [0, 1] and is defined at p = 0 and 1
 * (Dean & Pagano 2015, J Surv Stat Methodol 3:484, on effective-n Wilson intervals).
 */
export function weightedShare(y: readonly number[], w: readonly number[], options: WeightedOptions = {}): WeightedShare {
  const { confidence = 0.95, type = 'HC0' } = options;
  checkOutcomes(y, w, 'weighted share');
  checkConfidence(confidence);
  const nEff = kishEffectiveSize(w);
  const { mean, sumW, meat } = moments(y, w);
  const n = y.length;
  const factor = type === 'HC1' && n > 1 ? n / (n - 1) : 1;
  const se = Math.sqrt((meat / (sumW * sumW)) * factor);
  const z = zCritical(confidence);
  const z22n = (z * z) / (2 * nEff);
  const half = z * Math.sqrt((mean * (1 - mean)) / nEff + z22n / (2 * nEff));
  const ci = Object.freeze([mean <= 0 ? 0 : (mean + z22n - half) / (1 + 2 * z22n), mean >= 1 ? 1 : (mean + z22n + half) / (1 + 2 * z22n)] as const);
  return Object.freeze({ estimate: mean, se, ci, n, n_eff: nEff, method: 'wilson_kish', se_type: type, confidence });
}

/**
 * Weighted difference of shares y1 − y2 with the robust standard error of the group
 * coefficient in the WLS regression of y on a group indicator — exactly
 * sandwich::vcovHC(lm(y ~ g, weights = w), type) — and a normal (Wald) interval
 * clipped to [−1, 1]. HC1 scales by n/(n − 2) with n the total count. When the robust SE is 0
 * (every outcome 0 or 1 within each group) the interval is a single point and a note says so.
 */
export function weightedDifference(
  y1: readonly number[],
  w1: readonly number[],
  y2: readonly number[],
  w2: readonly number[],
  options: WeightedOptions = {},
): WeightedDifference {
  const { confidence = 0.95, type = 'HC0' } = options;
  checkOutcomes(y1, w1, 'weighted difference (participants)');
  checkOutcomes(y2, w2, 'weighted difference (controls)');
  checkConfidence(confidence);
  const a = moments(y1, w1);
  const b = moments(y2, w2);
  const n = y1.length + y2.length;
  const factor = type === 'HC1' && n > 2 ? n / (n - 2) : 1;
  const se = Math.sqrt((a.meat / (a.sumW * a.sumW) + b.meat / (b.sumW * b.sumW)) * factor);
  const estimate = a.mean - b.mean;
  const z = zCritical(confidence);
  const ci = Object.freeze([Math.max(-1, estimate - z * se), Math.min(1, estimate + z * se)] as const);
  const base = { estimate, se, ci, method: 'wald_robust' as const, se_type: type, confidence, n_eff: Object.freeze([kishEffectiveSize(w1), kishEffectiveSize(w2)] as const) };
  if (se === 0) return Object.freeze({ ...base, note: 'robust standard error is 0 (no variation within either group): the interval is a single point' });
  return Object.freeze(base);
}

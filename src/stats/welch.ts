import type { Alternative, Interval } from './types.js';
import { tCdf, tQuantile } from './distributions.js';
import { inputError } from '../errors.js';

export interface WelchOptions {
  readonly alternative?: Alternative;
  readonly confidence?: number;
}

export interface WelchResult {
  /** t statistic. */
  readonly statistic: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  readonly p: number;
  /** mean(x) − mean(y). */
  readonly estimate: number;
  /** Interval for mean(x) − mean(y) (one-sided for a one-sided alternative, as in R). */
  readonly ci: Interval;
  readonly method: 'welch_t';
  readonly alternative: Alternative;
  readonly confidence: number;
  readonly note?: string;
}

// Indexed loops, not for-of: each runs once over up to 100,000 values (the pipeline's
// employed controls), mostly before V8 has optimised it, and an iterator per value costs
// several times the arithmetic there.
function allFinite(xs: Sample): boolean {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i])) return false;
  return true;
}

function meanOf(xs: Sample): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  const m = s / xs.length;
  // Second pass, as R's mean() does, to recover the rounding of the first.
  let r = 0;
  for (let i = 0; i < xs.length; i++) r += xs[i]! - m;
  return m + r / xs.length;
}

function varianceOf(xs: Sample, mean: number): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - mean) ** 2;
  return s / (xs.length - 1);
}

/**
 * Welch's unequal-variance t-test (Welch 1947, Biometrika 34:28) with the
 * Welch–Satterthwaite df, computed as R's t.test(x, y) (var.equal = FALSE, mu = 0),
 * including its interval arithmetic (t ± q)·SE. Each group needs at least 2 values
 * (as in R). When both groups are constant (SE = 0, where R stops with "data are
 * essentially constant"): equal means give statistic 0 and p = 1, different means
 * statistic ±Infinity and p = 0; the interval is the point estimate; a note says so.
 */
/** A sample: an array of numbers, or a Float64Array (the pipeline's columns). */
type Sample = readonly number[] | Float64Array;

export function welchTTest(x: Sample, y: Sample, options: WelchOptions = {}): WelchResult {
  const { alternative = 'two-sided', confidence = 0.95 } = options;
  if (x.length < 2 || y.length < 2) throw inputError(`Welch t-test: each group needs at least 2 values (got ${x.length} and ${y.length})`);
  if (!allFinite(x) || !allFinite(y)) throw inputError('Welch t-test: values must be finite numbers');
  const mx = meanOf(x);
  const my = meanOf(y);
  const sx2 = varianceOf(x, mx) / x.length;
  const sy2 = varianceOf(y, my) / y.length;
  const se = Math.sqrt(sx2 + sy2);
  const estimate = mx - my;
  if (se === 0) {
    const statistic = estimate === 0 ? 0 : estimate * Infinity;
    const p = estimate === 0 ? 1 : alternative === 'two-sided' ? 0 : (alternative === 'greater') === estimate > 0 ? 0 : 1;
    return Object.freeze({ statistic, df: x.length + y.length - 2, p, estimate, ci: Object.freeze([estimate, estimate] as const), method: 'welch_t', alternative, confidence, note: 'both groups are constant: the t statistic is undefined (R stops); p set from the sign of the difference' });
  }
  const df = se ** 4 / (sx2 ** 2 / (x.length - 1) + sy2 ** 2 / (y.length - 1));
  const t = estimate / se;
  let p: number;
  let ci: Interval;
  if (alternative === 'less') {
    p = tCdf(t, df);
    ci = [-Infinity, (t + tQuantile(confidence, df)) * se];
  } else if (alternative === 'greater') {
    p = tCdf(-t, df);
    ci = [(t - tQuantile(confidence, df)) * se, Infinity];
  } else {
    p = 2 * tCdf(-Math.abs(t), df);
    const q = tQuantile(1 - (1 - confidence) / 2, df);
    ci = [(t - q) * se, (t + q) * se];
  }
  return Object.freeze({ statistic: t, df, p, estimate, ci: Object.freeze(ci), method: 'welch_t', alternative, confidence });
}

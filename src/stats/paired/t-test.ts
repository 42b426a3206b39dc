import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { meanAndVariance } from './mean-var.js';
import type { Alternative } from './types.js';

export interface PairedTTestOptions {
  readonly alternative?: Alternative;
  /** Confidence level of the interval, 0 < confidence < 1; default 0.95. */
  readonly confidence?: number;
}

export interface PairedTTestResult {
  /** t statistic of the mean difference x − y. */
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** Mean of the differences x − y. */
  readonly estimate: number;
  /** Interval for the mean difference; one-sided alternatives give ±Infinity at the open end (as R). */
  readonly ci: readonly [number, number];
  readonly method: 'Paired t-test';
  readonly alternative: Alternative;
  readonly confidence: number;
  /** Number of pairs. */
  readonly n: number;
}

/**
 * Paired t-test of the differences x[i] − y[i] against 0 (Student 1908), computed as
 * R's `t.test(x, y, paired = TRUE)`: t = mean / (sd / √n) with n − 1 degrees of freedom,
 * the interval as (t ± q) · se like R so both agree to rounding, and the t distribution
 * from @stdlib (incomplete-beta based, accurate far into the tails).
 *
 * Throws a RangeError, with R's message, for fewer than 2 pairs or (essentially)
 * constant differences, where the test is undefined; callers decide how to report that.
 */
export function pairedTTest(x: readonly number[], y: readonly number[], options: PairedTTestOptions = {}): PairedTTestResult {
  const alternative = options.alternative ?? 'two-sided';
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`pairedTTest: confidence must be in (0, 1), got ${confidence}`);
  if (x.length !== y.length) throw new RangeError(`pairedTTest: x and y differ in length (${x.length} vs ${y.length})`);
  const d = x.map((v, i) => v - y[i]!);
  if (d.some((v) => !Number.isFinite(v))) throw new RangeError('pairedTTest: non-finite value');
  const n = d.length;
  if (n < 2) throw new RangeError("not enough 'x' observations");
  const { mean, variance } = meanAndVariance(d);
  const se = Math.sqrt(variance / n);
  // R's guard against a standard error that is only rounding noise.
  if (se < 10 * Number.EPSILON * Math.abs(mean) || se === 0) throw new RangeError('data are essentially constant');
  const df = n - 1;
  const t = mean / se;
  let p: number;
  let ci: [number, number];
  if (alternative === 'less') {
    p = tCdf(t, df);
    ci = [Number.NEGATIVE_INFINITY, (t + tQuantile(confidence, df)) * se];
  } else if (alternative === 'greater') {
    p = tCdf(-t, df);
    ci = [(t - tQuantile(confidence, df)) * se, Number.POSITIVE_INFINITY];
  } else {
    p = 2 * tCdf(-Math.abs(t), df);
    const q = tQuantile(1 - (1 - confidence) / 2, df);
    ci = [(t - q) * se, (t + q) * se];
  }
  return { statistic: t, df, p, estimate: mean, ci, method: 'Paired t-test', alternative, confidence, n };
}

import type { Alternative, TestResult } from './types.js';
import { normalCdf, normalSf } from './distributions.js';
import { checkCounts } from './validate.js';

export interface ZTestOptions {
  readonly alternative?: Alternative;
  /** Yates' continuity correction, as R's prop.test default (correct = TRUE). */
  readonly correct?: boolean;
}

/**
 * Pooled two-proportion z-test, computed as R's prop.test does for two groups: the
 * Pearson X² of the 2×2 table against pooled expectations, with Yates' correction
 * min(0.5, |p1 − p2| / (1/n1 + 1/n2)) when `correct`. The reported statistic is the
 * signed z = sign(p1 − p2)·√X² (R reports X² = z²); the two-sided p is P(χ²₁ > X²) =
 * 2Φ(−|z|), one-sided p's are Φ of the signed z, exactly R's rule.
 * Degenerate input (pooled share 0 or 1, where R returns NaN): statistic 0, p = 1, with a note.
 */
export function zTest(x1: number, n1: number, x2: number, n2: number, options: ZTestOptions = {}): TestResult {
  const { alternative = 'two-sided', correct = false } = options;
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  const method = correct ? 'z_pooled_yates' : 'z_pooled';
  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) {
    return Object.freeze({
      statistic: 0,
      p: 1,
      method,
      alternative,
      note: `no variation: every outcome is ${pooled === 0 ? '0' : '1'} in both groups, so the test is undefined (R gives NaN); p is set to 1`,
    });
  }
  const delta = x1 / n1 - x2 / n2;
  const yates = correct ? Math.min(0.5, Math.abs(delta) / (1 / n1 + 1 / n2)) : 0;
  const observed = [x1, n1 - x1, x2, n2 - x2];
  const expected = [n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled)];
  let chi2 = 0;
  for (let i = 0; i < 4; i++) {
    const o = observed[i] as number;
    const e = expected[i] as number;
    chi2 += (Math.abs(o - e) - yates) ** 2 / e;
  }
  const z = Math.sign(delta) * Math.sqrt(chi2);
  const p = alternative === 'two-sided' ? 2 * normalCdf(-Math.sqrt(chi2)) : alternative === 'less' ? normalCdf(z) : normalSf(z);
  return Object.freeze({ statistic: z, p, method, alternative });
}

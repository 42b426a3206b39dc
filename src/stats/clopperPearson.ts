import type { ShareInterval } from './types.js';
import { betaQuantile } from './distributions.js';
import { checkConfidence, checkCounts } from './validate.js';

/**
 * Clopper–Pearson "exact" interval for a binomial share (Clopper & Pearson 1934,
 * Biometrika 26:404) by beta quantiles, as R's binom.test: [B(α/2; x, n−x+1), B(1−α/2; x+1, n−x)],
 * with the lower bound 0 at x = 0 and the upper bound 1 at x = n.
 */
export function clopperPearson(x: number, n: number, confidence = 0.95): ShareInterval {
  checkCounts(x, n);
  checkConfidence(confidence);
  const alpha = (1 - confidence) / 2;
  const lower = x === 0 ? 0 : betaQuantile(alpha, x, n - x + 1);
  const upper = x === n ? 1 : betaQuantile(1 - alpha, x + 1, n - x);
  return Object.freeze({ estimate: x / n, ci: Object.freeze([lower, upper] as const), method: 'clopper_pearson', confidence });
}

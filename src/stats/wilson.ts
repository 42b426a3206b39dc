import type { ShareInterval } from './types.js';
import { zCritical } from './distributions.js';
import { checkConfidence, checkCounts } from './validate.js';

/**
 * Wilson score interval for a binomial share (Wilson 1927, JASA 22:209), computed with
 * exactly the arithmetic of R's prop.test(x, n, correct = FALSE)$conf.int so the bounds
 * agree to the last digits. Defined for every 0 ≤ x ≤ n, n ≥ 1: the lower bound is
 * exactly 0 at x = 0 and the upper bound exactly 1 at x = n.
 */
export function wilson(x: number, n: number, confidence = 0.95): ShareInterval {
  checkCounts(x, n);
  checkConfidence(confidence);
  const z = zCritical(confidence);
  const p = x / n;
  const z22n = (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const upper = p >= 1 ? 1 : (p + z22n + half) / (1 + 2 * z22n);
  const lower = p <= 0 ? 0 : (p + z22n - half) / (1 + 2 * z22n);
  return Object.freeze({ estimate: p, ci: Object.freeze([lower, upper] as const), method: 'wilson', confidence });
}

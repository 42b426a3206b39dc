import type { ShareInterval } from './types.js';
import { betaQuantile } from './distributions.js';
import { checkConfidence, checkCounts } from './validate.js';

/**
 * Jeffreys interval for a binomial share (Brown, Cai & DasGupta 2001, Stat Sci 16:101):
 * equal-tailed quantiles of the Beta(x + ½, n − x + ½) posterior, with the lower bound set to 0
 * at x = 0 and the upper bound to 1 at x = n, as the paper recommends.
 */
export function jeffreys(x: number, n: number, confidence = 0.95): ShareInterval {
  checkCounts(x, n);
  checkConfidence(confidence);
  const alpha = (1 - confidence) / 2;
  const lower = x === 0 ? 0 : betaQuantile(alpha, x + 0.5, n - x + 0.5);
  const upper = x === n ? 1 : betaQuantile(1 - alpha, x + 0.5, n - x + 0.5);
  return Object.freeze({ estimate: x / n, ci: Object.freeze([lower, upper] as const), method: 'jeffreys', confidence });
}

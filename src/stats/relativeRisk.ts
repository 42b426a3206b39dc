import type { RatioInterval } from './types.js';
import { zCritical } from './distributions.js';
import { checkConfidence, checkCounts } from './validate.js';

/**
 * Relative risk p1/p2 with Katz's log interval (Katz et al. 1978, Biometrics 34:469):
 * exp(log RR ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)). When a group has no events the log is
 * undefined; then 0.5 is added to every cell (Haldane–Anscombe: x + 0.5 of n + 1) for both
 * the estimate and the interval, and a note says so. With every outcome a success in both
 * groups the interval collapses to [1, 1] (note).
 */
export function relativeRisk(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): RatioInterval {
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  checkConfidence(confidence);
  const corrected = x1 === 0 || x2 === 0;
  const [a, m, b, n] = corrected ? [x1 + 0.5, n1 + 1, x2 + 0.5, n2 + 1] : [x1, n1, x2, n2];
  const log = Math.log(a / m) - Math.log(b / n);
  const se = Math.sqrt(1 / a - 1 / m + 1 / b - 1 / n);
  const z = zCritical(confidence);
  const ci = Object.freeze([Math.exp(log - z * se), Math.exp(log + z * se)] as const);
  const base = { estimate: Math.exp(log), ci, method: 'katz_log', confidence };
  if (corrected) return Object.freeze({ ...base, note: 'a group has no events: 0.5 added to every cell (Haldane–Anscombe) for the relative risk and its interval' });
  if (se === 0) return Object.freeze({ ...base, note: 'every outcome is a success in both groups: the relative risk interval is the single point 1' });
  return Object.freeze(base);
}

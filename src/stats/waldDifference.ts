import type { DifferenceInterval } from './types.js';
import { zCritical } from './distributions.js';
import { checkConfidence, checkCounts } from './validate.js';

/**
 * Wald interval for p1 − p2, d ± z·√(p1q1/n1 + p2q2/n2), clipped to [−1, 1]. For comparison
 * only: it collapses to a single point when both shares are 0 or 1 (a note says so) and
 * under-covers at small n.
 */
export function waldDifference(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): DifferenceInterval {
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  checkConfidence(confidence);
  const z = zCritical(confidence);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const ci = Object.freeze([Math.max(-1, d - z * se), Math.min(1, d + z * se)] as const);
  if (se === 0) {
    return Object.freeze({ estimate: d, ci, method: 'wald', confidence, note: 'Wald standard error is 0 (every share is 0 or 1): the interval is a single point' });
  }
  return Object.freeze({ estimate: d, ci, method: 'wald', confidence });
}

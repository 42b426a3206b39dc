import type { DifferenceInterval } from './types.js';
import { zCritical } from './distributions.js';
import { checkConfidence, checkCounts } from './validate.js';

/**
 * Agresti–Caffo interval for p1 − p2 (Agresti & Caffo 2000, Am Stat 54:280): the Wald
 * interval after adding one success and one failure to each group. The estimate reported
 * is the raw difference x1/n1 − x2/n2; the bounds are clipped to [−1, 1] (as DescTools'
 * BinomDiffCI does).
 */
export function agrestiCaffo(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): DifferenceInterval {
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  checkConfidence(confidence);
  const z = zCritical(confidence);
  const q1 = (x1 + 1) / (n1 + 2);
  const q2 = (x2 + 1) / (n2 + 2);
  const se = Math.sqrt((q1 * (1 - q1)) / (n1 + 2) + (q2 * (1 - q2)) / (n2 + 2));
  const centre = q1 - q2;
  const ci = [Math.max(-1, centre - z * se), Math.min(1, centre + z * se)] as const;
  return Object.freeze({ estimate: x1 / n1 - x2 / n2, ci: Object.freeze(ci), method: 'agresti_caffo', confidence });
}

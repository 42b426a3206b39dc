import type { DifferenceInterval } from './types.js';
import { wilson } from './wilson.js';
import { checkCounts } from './validate.js';

/**
 * Newcombe's hybrid score interval for p1 − p2 (Newcombe 1998, Stat Med 17:873, method 10):
 * the Wilson limits (l_i, u_i) of each share are combined as
 *   [d − √((p1−l1)² + (u2−p2)²),  d + √((u1−p1)² + (p2−l2)²)].
 * Always inside [−1, 1] and defined for zero cells and all-success groups.
 */
export function newcombe(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): DifferenceInterval {
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  const a = wilson(x1, n1, confidence);
  const b = wilson(x2, n2, confidence);
  const p1 = a.estimate;
  const p2 = b.estimate;
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - a.ci[0]) ** 2 + (b.ci[1] - p2) ** 2);
  const upper = d + Math.sqrt((a.ci[1] - p1) ** 2 + (p2 - b.ci[0]) ** 2);
  return Object.freeze({ estimate: d, ci: Object.freeze([lower, upper] as const), method: 'newcombe', confidence });
}

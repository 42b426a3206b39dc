import type { RatioInterval } from './types.js';
import { zCritical } from './distributions.js';
import { checkConfidence, checkCounts } from './validate.js';

/**
 * Sample odds ratio with Woolf's logit interval (Woolf 1955, Ann Hum Genet 19:251):
 * exp(log OR ± z·√(1/a + 1/b + 1/c + 1/d)). With a zero cell, 0.5 is added to every cell
 * (Haldane 1956) for both estimate and interval, and a note says so. For the conditional
 * MLE with its exact interval see fisherExact.
 */
export function oddsRatio(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): RatioInterval {
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  checkConfidence(confidence);
  const cells = [x1, n1 - x1, x2, n2 - x2];
  const corrected = cells.includes(0);
  const [a, b, c, d] = cells.map((v) => (corrected ? v + 0.5 : v)) as [number, number, number, number];
  const log = Math.log(a) - Math.log(b) - Math.log(c) + Math.log(d);
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const z = zCritical(confidence);
  const ci = Object.freeze([Math.exp(log - z * se), Math.exp(log + z * se)] as const);
  const base = { estimate: Math.exp(log), ci, method: 'woolf_logit', confidence };
  if (corrected) return Object.freeze({ ...base, note: 'a cell is zero: 0.5 added to every cell (Haldane) for the odds ratio and its interval' });
  return Object.freeze(base);
}

import type { DifferenceInterval } from './types.js';
import { zCritical } from './distributions.js';
import { bisect } from './root.js';
import { checkConfidence, checkCounts } from './validate.js';

/**
 * Restricted maximum-likelihood shares (p̃1, p̃2) under H0: p1 − p2 = δ, the closed-form
 * root of the likelihood cubic (Farrington & Manning 1990, Stat Med 9:1447, appendix;
 * Miettinen & Nurminen 1985). Rounding can push v/u³ a hair outside [−1, 1] or the
 * shares outside their range; both are clamped.
 */
export function restrictedShares(x1: number, n1: number, x2: number, n2: number, delta: number): readonly [number, number] {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const theta = n2 / n1;
  const a = 1 + theta;
  const b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
  const c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
  const d = -p1 * delta * (1 + delta);
  const v = b ** 3 / (27 * a ** 3) - (b * c) / (6 * a * a) + d / (2 * a);
  const s = Math.sqrt(Math.max(0, (b * b) / (9 * a * a) - c / (3 * a)));
  const u = v < 0 ? -s : s;
  const ratio = u === 0 ? 0 : Math.min(1, Math.max(-1, v / u ** 3));
  const w = (Math.PI + Math.acos(ratio)) / 3;
  let t1 = 2 * u * Math.cos(w) - b / (3 * a);
  t1 = Math.min(Math.min(1, 1 + delta), Math.max(Math.max(0, delta), t1));
  return [t1, t1 - delta];
}

/** Miettinen–Nurminen score statistic for H0: p1 − p2 = δ (with the N/(N−1) variance factor). */
export function mnScore(x1: number, n1: number, x2: number, n2: number, delta: number): number {
  const [t1, t2] = restrictedShares(x1, n1, x2, n2, delta);
  const n = n1 + n2;
  const variance = ((t1 * (1 - t1)) / n1 + (t2 * (1 - t2)) / n2) * (n / (n - 1));
  const diff = x1 / n1 - x2 / n2 - delta;
  if (diff === 0) return 0;
  return variance > 0 ? diff / Math.sqrt(variance) : diff * Infinity;
}

/**
 * Miettinen–Nurminen score interval for p1 − p2 (Miettinen & Nurminen 1985, Stat Med 4:213):
 * all δ with |score(δ)| ≤ z_{(1+c)/2}. Each bound is found by bisection to the last digit
 * (the score is monotone in δ); a bound is exactly −1 or 1 when d̂ is.
 */
export function miettinenNurminen(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): DifferenceInterval {
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  checkConfidence(confidence);
  const z = zCritical(confidence);
  const d = x1 / n1 - x2 / n2;
  const score = (delta: number): number => mnScore(x1, n1, x2, n2, delta);
  const lower = d <= -1 ? -1 : bisect((delta) => score(delta) - z, -1, d);
  const upper = d >= 1 ? 1 : bisect((delta) => score(delta) + z, d, 1);
  return Object.freeze({ estimate: d, ci: Object.freeze([lower, upper] as const), method: 'miettinen_nurminen', confidence });
}

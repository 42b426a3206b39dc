import { inputError } from '../errors.js';

/** Counts must be integers with 0 ≤ x ≤ n and n ≥ 1; anything else is a user error (exit 2). */
export function checkCounts(x: number, n: number, label = 'count'): void {
  if (!Number.isInteger(n) || n < 1) throw inputError(`${label}: group size must be a positive integer, got ${n}`);
  if (!Number.isInteger(x) || x < 0 || x > n) throw inputError(`${label}: events must be an integer from 0 to ${n}, got ${x}`);
}

export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw inputError(`confidence must be strictly between 0 and 1, got ${confidence}`);
}

import { inputError } from '../errors.js';

/**
 * Kish's effective sample size (Σw)² / Σw² (Kish 1965, Survey Sampling, §11.7): the number
 * of equally weighted observations carrying the same information. Equals n when all
 * weights are equal. Weights must be finite and positive; an empty list gives 0.
 */
export function kishEffectiveSize(weights: readonly number[] | Float64Array): number {
  let sum = 0;
  let sumSq = 0;
  // An indexed loop: it runs once over 200,000 controls' weights, mostly before it is optimised.
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(Number.isFinite(w) && w > 0)) throw inputError(`weights must be positive finite numbers, got ${w}`);
    sum += w;
    sumSq += w * w;
  }
  return weights.length === 0 ? 0 : (sum * sum) / sumSq;
}

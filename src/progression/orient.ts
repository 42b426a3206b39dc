import type { LikertScale } from './config.js';

/**
 * An answer on the "higher is better" scale: reverse-worded items (lower_is_better)
 * are mirrored, min + max − value, the usual Likert reverse scoring.
 */
export function orient(value: number, direction: 'higher_is_better' | 'lower_is_better', scale: Pick<LikertScale, 'min' | 'max'>): number {
  return direction === 'higher_is_better' ? value : scale.min + scale.max - value;
}

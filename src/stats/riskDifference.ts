import type { DifferenceInterval, DifferenceMethod } from './types.js';
import { newcombe } from './newcombe.js';
import { miettinenNurminen } from './miettinenNurminen.js';
import { agrestiCaffo } from './agrestiCaffo.js';
import { waldDifference } from './waldDifference.js';
import { checkCounts } from './validate.js';

export interface RiskDifferenceOptions {
  readonly method?: DifferenceMethod;
  readonly confidence?: number;
}

/** Risk difference p1 − p2 with the chosen interval (default: Newcombe's hybrid score, method 10). */
export function riskDifference(x1: number, n1: number, x2: number, n2: number, options: RiskDifferenceOptions = {}): DifferenceInterval {
  const { method = 'newcombe', confidence = 0.95 } = options;
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  switch (method) {
    case 'newcombe':
      return newcombe(x1, n1, x2, n2, confidence);
    case 'miettinen_nurminen':
      return miettinenNurminen(x1, n1, x2, n2, confidence);
    case 'agresti_caffo':
      return agrestiCaffo(x1, n1, x2, n2, confidence);
    case 'wald':
      return waldDifference(x1, n1, x2, n2, confidence);
  }
}

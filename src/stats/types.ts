/**
 * Result records of the statistics engine. Every function returns a frozen record
 * carrying its estimate, interval, method and settings, so a report can quote the
 * method next to the number. Keys are snake_case (they go straight into JSON).
 */

export type Alternative = 'two-sided' | 'greater' | 'less';

/** A closed interval [lower, upper]; an infinite bound stays ±Infinity in TypeScript. */
export type Interval = readonly [number, number];

export type ShareMethod = 'wilson' | 'clopper_pearson' | 'jeffreys';

export interface ShareInterval {
  readonly estimate: number;
  readonly ci: Interval;
  readonly method: ShareMethod;
  readonly confidence: number;
}

export type DifferenceMethod = 'newcombe' | 'miettinen_nurminen' | 'agresti_caffo' | 'wald';

export interface DifferenceInterval {
  readonly estimate: number;
  readonly ci: Interval;
  readonly method: DifferenceMethod;
  readonly confidence: number;
  /** Present when the input is degenerate and the result needs a word of explanation. */
  readonly note?: string;
}

export interface TestResult {
  readonly statistic: number;
  readonly p: number;
  readonly method: string;
  readonly alternative: Alternative;
  readonly note?: string;
}

export interface FisherResult {
  readonly p: number;
  readonly p_mid: number;
  /** R's conditional maximum-likelihood estimate (0 or Infinity at the edge of the support). */
  readonly odds_ratio: number;
  /** R's exact conditional interval for the odds ratio (one-sided for a one-sided alternative, as in R). */
  readonly ci: Interval;
  readonly method: 'fisher_exact';
  readonly alternative: Alternative;
  readonly confidence: number;
}

export interface RatioInterval {
  readonly estimate: number;
  readonly ci: Interval;
  readonly method: string;
  readonly confidence: number;
  readonly note?: string;
}

/** Paired tests: paired t-test and Wilcoxon signed-rank test, matching R. */
export { pairedTTest } from './t-test.js';
export type { PairedTTestOptions, PairedTTestResult } from './t-test.js';
export { wilcoxonSignedRank } from './wilcoxon.js';
export type { WilcoxonOptions, WilcoxonResult } from './wilcoxon.js';
export type { Alternative } from './types.js';
export { ALTERNATIVES } from './types.js';

/** The statistics engine: pure functions returning frozen, snake_case result records. See README.md. */
export type { Alternative, Interval, ShareInterval, ShareMethod, DifferenceInterval, DifferenceMethod, TestResult, FisherResult, RatioInterval } from './types.js';
export { normalCdf, normalSf, normalQuantile, tCdf, tQuantile, betaQuantile, zCritical } from './distributions.js';
export { wilson } from './wilson.js';
export { newcombe } from './newcombe.js';
export { miettinenNurminen, mnScore, restrictedShares } from './miettinenNurminen.js';
export { agrestiCaffo } from './agrestiCaffo.js';
export { waldDifference } from './waldDifference.js';
export { riskDifference, type RiskDifferenceOptions } from './riskDifference.js';
export { zTest, type ZTestOptions } from './zTest.js';
export { fisherExact, type FisherOptions } from './fisher.js';
export { boschloo, type BoschlooOptions } from './boschloo.js';
export { relativeRisk } from './relativeRisk.js';
export { oddsRatio } from './oddsRatio.js';
export { compareProportions, type Comparison, type CompareOptions, type GroupSummary } from './compare.js';
export { holm } from './holm.js';
export { kishEffectiveSize } from './kish.js';
export { welchTTest, type WelchOptions, type WelchResult } from './welch.js';
export { mannWhitney, wilcoxonDistribution, type MannWhitneyOptions, type MannWhitneyResult } from './mannWhitney.js';

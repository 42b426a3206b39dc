/** `effekt check`: targets, verdict, JUnit XML and the comparison with a previous cohort (issue 7). */
export { targetSchema, cohortSchema, TARGET_SCOPES, SIGNIFICANCE_TESTS, BENIGN_EXCLUSIONS, type TargetSpec, type TargetKind, type TargetScope, type CohortSpec, type SignificanceTest } from './specSchema.js';
export { resolveTargets, type ResolvedTarget } from './resolve.js';
export { evaluateTarget, compare, type Operator, type TargetContext, type TargetResult } from './targets.js';
export { checkVerdict, type CheckOptions, type CheckResult, type CohortVerdict } from './verdict.js';
export { readBaseline, parseBaseline, compareWithBaseline, moverDifference, type Baseline, type BaselineChange, type BaselineComparison, type BaselineMeasure } from './baseline.js';
export { junitXml } from './junit.js';
export { verdictText } from './text.js';
export type { Lang } from './messages.js';
export { cohortTable, cohortTableMarkdown, cohortSubgroupLevels, type CohortTableRow, type CohortOutcomeRow } from './cohortTable.js';

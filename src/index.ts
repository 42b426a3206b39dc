/**
 * effekt's library API: what the CLI uses, exported for notebooks and scripts.
 * Each stage is usable on its own: ingest → outcomes → stats → economics → report.
 */
export { loadSpec, parseSpec, resolveInput, type LoadedSpec, type ResolvedInput } from './spec/load.js';
export { specSchema, DEFAULT_OUTCOMES, type Spec, type OutcomeDefinition } from './spec/schema.js';
export { evaluate, type EvaluateOptions, type EvaluationRun } from './pipeline/evaluate.js';
export { runPipeline, DEFAULT_SEED, type PipelineOptions, type PipelineResult } from './pipeline/run.js';
export { economicsFor } from './pipeline/economicsRun.js';
export { effectInputFor } from './pipeline/economicsInput.js';
export type { Evaluation, OutcomeEffect, GroupShare, StatusRow, SubgroupLevel, CovariateBalance, ContinuousComparison, Provenance, InputProvenance, LocalizedText } from './pipeline/types.js';
export { followUpMonths, monthClass, statusOf, determineOutcomes } from './outcomes/index.js';
export * from './stats/index.js';
export {
  loadEconomicsParameters,
  parseEconomicsParameters,
  runEconomics,
  effectFromEffectJson,
  readEffectJson,
  breakEvenFor,
  evaluate as evaluateEconomicModel,
  MODEL_PARAMETERS,
  type EconomicsResult,
  type EconomicsParameters,
  type EffectInput,
  type SubgroupInput,
  type BreakEven,
  type BreakEvenTarget,
  type ModelPoint,
  type PlainLanguageFacts,
} from './economics/index.js';
export { writeReport } from './report/index.js';
export { EffektError } from './errors.js';
export { STATUS_CATEGORIES, CATEGORY_CLASSES, type StatusCategory, type CategoryClass, type Person, type Cohort, type PersonOutcome, type Reconciliation } from './types.js';
export { VERSION } from './version.js';

/**
 * The ingest stage: cohort files, codebook, weekly benefit panel and monthly wage panel
 * → plain data for the outcomes stage, with a reconciliation of every row read.
 * See docs/ingest.md for dialects, column mapping, the codebook format and messages.
 */
export type {
  BenefitPanel,
  Codebook,
  CodebookEntry,
  CodebookRange,
  CohortIngest,
  IngestOptions,
  LocalizedLabel,
  MonthCoverage,
  UnknownCode,
  WageMonth,
  WagePanel,
  WeekCoverage,
} from './types.js';
export { loadCodebook, parseCodebook, classifyCode } from './codebook.js';
export { readCohort } from './cohort.js';
export { readBenefitPanel } from './benefits.js';
export { readWages } from './wages.js';
export { EXCLUSION_REASONS, WARNING_CODES, type ExclusionReason, type WarningCode } from './reasons.js';

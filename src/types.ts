/**
 * Typed hand-offs between the pipeline stages:
 *   ingest → Cohort + PanelSummary + Reconciliation
 *   outcomes → PersonOutcome[]
 *   stats → OutcomeComparison, SubgroupComparison, ... (see src/stats)
 *   economics → see src/economics
 *   report → files
 * Everything here is plain data (JSON-serialisable apart from Maps noted below),
 * read-only by convention, and free of `any`.
 */
import type { MonthIndex } from './util/months.js';

export const STATUS_CATEGORIES = [
  'self_supporting_wage',
  'self_supporting_unknown',
  'wage_with_transfer',
  'education',
  'flexjob',
  'temporary_benefit',
  'permanent_benefit',
  'not_resident',
] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export const CATEGORY_CLASSES = ['none', 'temporary', 'flexjob', 'education', 'permanent', 'not_resident'] as const;
export type CategoryClass = (typeof CATEGORY_CLASSES)[number];

export type Group = 'participant' | 'control';
export type CovariateValue = string | number | null;

export interface Person {
  readonly id: string;
  readonly group: Group;
  readonly municipality: string;
  /** ISO yyyy-mm-dd, participants only. */
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly matchedTo: string | null;
  readonly referenceEndDate: string | null;
  /** 1 unless the controls file carries a `weight` column. */
  readonly weight: number;
  readonly covariates: Readonly<Record<string, CovariateValue>>;
  /** 1-based line in its source file (header is line 1), for messages. */
  readonly line: number;
}

export interface Cohort {
  readonly participants: readonly Person[];
  readonly controls: readonly Person[];
  /** Covariate column names found in both files, in file order. */
  readonly covariates: readonly string[];
}

/** Rows of one input file: read = used + sum(excluded). */
export interface FileReconciliation {
  readonly role: InputRole;
  readonly file: string;
  readonly rows_read: number;
  readonly rows_used: number;
  /** reason id → row count; reason ids are message keys (see src/ingest/reasons.ts). */
  readonly excluded: Readonly<Record<string, number>>;
}

export type InputRole = 'participants' | 'controls' | 'benefits' | 'wages' | 'questionnaire';

export interface Reconciliation {
  readonly files: readonly FileReconciliation[];
  /** Persons in the cohort by group, and those who could not be classified (with reason). */
  readonly persons: {
    readonly participants: number;
    readonly controls: number;
    readonly excluded: Readonly<Record<string, number>>;
  };
  /** Soft issues worth a sentence in the note (message keys with parameters). */
  readonly warnings: readonly ReconciliationWarning[];
}

export interface ReconciliationWarning {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface PersonOutcome {
  readonly person: Person;
  readonly followUpMonth: MonthIndex;
  readonly benefitClass: CategoryClass;
  readonly paidHours: number;
  readonly wageIncome: number;
  readonly status: StatusCategory;
}

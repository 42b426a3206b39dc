/**
 * The published (small-cell suppressed) form of the evaluation: what effect.json, the note
 * and the charts show. A suppressed count is the string "<T" (fewer than T persons, at least
 * one) or ".." (a larger count hidden so that a "<T" cell cannot be worked out from totals);
 * the shares, intervals and estimates that would reveal it are null.
 */
import type {
  ContinuousComparison,
  CovariateBalance,
  Evaluation,
  GroupShare,
  Interval,
  OutcomeEffect,
  StatusRow,
  SubgroupLevel,
} from '../pipeline/types.js';
import type { FileReconciliation, Reconciliation } from '../types.js';

/** A published count: the number, "<T" or "..". */
export type Count = number | string;

export interface PublishedGroupShare extends Omit<GroupShare, 'events' | 'share' | 'ci'> {
  readonly events: Count;
  readonly share: number | null;
  readonly ci: Interval | null;
}

export interface PublishedOutcomeEffect extends Omit<OutcomeEffect, 'participants' | 'controls' | 'difference' | 'tests' | 'relative_risk' | 'odds_ratio'> {
  readonly participants: PublishedGroupShare;
  readonly controls: PublishedGroupShare;
  /** null only in a subgroup whose figures are suppressed (the estimate would reveal them). */
  readonly difference: OutcomeEffect['difference'] | null;
  readonly tests: OutcomeEffect['tests'] | null;
  readonly relative_risk: OutcomeEffect['relative_risk'] | null;
  readonly odds_ratio: OutcomeEffect['odds_ratio'] | null;
}

export interface PublishedStatusRow extends Omit<StatusRow, 'participants' | 'controls' | 'participants_share' | 'controls_share'> {
  readonly participants: Count;
  readonly controls: Count;
  readonly participants_share: number | null;
  readonly controls_share: number | null;
}

export interface PublishedSubgroupLevel extends Omit<SubgroupLevel, 'participants' | 'controls' | 'outcomes'> {
  readonly participants: Count;
  readonly controls: Count;
  readonly outcomes: Readonly<Record<string, PublishedOutcomeEffect>>;
}

export interface PublishedBalance extends Omit<CovariateBalance, 'participants_mean' | 'controls_mean' | 'smd'> {
  readonly participants_mean: number | null;
  readonly controls_mean: number | null;
  readonly smd: number | null;
}

interface PublishedContinuousGroup {
  readonly n: Count;
  readonly mean: number | null;
  readonly median: number | null;
}

export interface PublishedContinuous extends Omit<ContinuousComparison, 'participants' | 'controls' | 'welch' | 'wilcoxon'> {
  readonly participants: PublishedContinuousGroup;
  readonly controls: PublishedContinuousGroup;
  readonly welch: ContinuousComparison['welch'] | null;
  readonly wilcoxon: ContinuousComparison['wilcoxon'] | null;
}

export interface PublishedFileReconciliation extends Omit<FileReconciliation, 'rows_read' | 'excluded'> {
  readonly rows_read: Count;
  readonly excluded: Readonly<Record<string, Count>>;
}

export interface PublishedReconciliation extends Omit<Reconciliation, 'files' | 'persons'> {
  readonly files: readonly PublishedFileReconciliation[];
  readonly persons: {
    readonly participants: Count;
    readonly controls: Count;
    readonly excluded: Readonly<Record<string, Count>>;
  };
}

export interface SuppressedCell {
  /** Where in effect.json, e.g. `status_distribution.education.participants`. */
  readonly path: string;
  readonly reason: 'primary' | 'complementary' | 'derived';
}

export interface SuppressionSummary {
  readonly threshold: number;
  /** false for --unsuppressed internal outputs. */
  readonly applied: boolean;
  readonly cells: readonly SuppressedCell[];
  /** Primary cells that could not be protected by complementary suppression (should be empty). */
  readonly unprotected: readonly string[];
}

export interface PublishedEvaluation
  extends Omit<Evaluation, 'status_distribution' | 'outcomes' | 'subgroups' | 'balance' | 'continuous' | 'reconciliation'> {
  readonly status_distribution: readonly PublishedStatusRow[];
  readonly outcomes: Readonly<Record<string, PublishedOutcomeEffect>>;
  readonly subgroups: readonly PublishedSubgroupLevel[];
  readonly balance: readonly PublishedBalance[];
  readonly continuous: readonly PublishedContinuous[];
  readonly reconciliation: PublishedReconciliation;
}

export function isShown(c: Count): c is number {
  return typeof c === 'number';
}

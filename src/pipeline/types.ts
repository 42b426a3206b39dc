/**
 * The evaluation record: what the pipeline hands to economics and report, and (after
 * small-cell suppression) what `effect.json` publishes. snake_case, JSON-ready.
 */
import type { Reconciliation, StatusCategory } from '../types.js';
import type { Interval } from '../stats/types.js';

export type { Interval };

export interface LocalizedText {
  readonly da: string;
  readonly en: string;
}

export interface GroupShare {
  readonly n: number;
  readonly events: number;
  readonly share: number;
  readonly ci: Interval;
  readonly method: string;
}

export interface OutcomeEffect {
  readonly id: string;
  readonly label: LocalizedText;
  readonly categories: readonly StatusCategory[];
  readonly participants: GroupShare;
  readonly controls: GroupShare;
  readonly difference: {
    readonly estimate: number;
    readonly ci: Interval;
    readonly method: string;
    readonly confidence: number;
    /** The other interval methods, for the appendix. */
    readonly alternatives: Readonly<Record<string, Interval>>;
  };
  readonly tests: {
    readonly z: { readonly statistic: number; readonly p: number };
    readonly z_corrected: { readonly statistic: number; readonly p: number };
    readonly fisher: { readonly p: number; readonly p_mid: number; readonly odds_ratio: number; readonly ci: Interval };
    readonly boschloo?: { readonly p: number };
    /** Holm-adjusted Fisher p across the spec's outcomes. */
    readonly fisher_holm?: number;
  };
  readonly relative_risk: { readonly estimate: number; readonly ci: Interval; readonly method: string };
  readonly odds_ratio: { readonly estimate: number; readonly ci: Interval; readonly method: string };
}

export interface StatusRow {
  readonly category: StatusCategory;
  readonly participants: number;
  readonly controls: number;
  readonly participants_share: number;
  readonly controls_share: number;
}

export interface SubgroupLevel {
  readonly variable: string;
  readonly level: string;
  readonly participants: number;
  readonly controls: number;
  readonly outcomes: Readonly<Record<string, OutcomeEffect>>;
}

export interface CovariateBalance {
  readonly covariate: string;
  /** For categorical covariates, the level (indicator); null for numeric. */
  readonly level: string | null;
  readonly participants_mean: number;
  readonly controls_mean: number;
  readonly smd: number;
}

export interface ContinuousComparison {
  readonly variable: 'paid_hours' | 'wage_income';
  readonly participants: { readonly n: number; readonly mean: number; readonly median: number };
  readonly controls: { readonly n: number; readonly mean: number; readonly median: number };
  readonly welch: { readonly statistic: number; readonly df: number; readonly p: number; readonly estimate: number; readonly ci: Interval };
  readonly wilcoxon: { readonly statistic: number; readonly p: number; readonly exact: boolean };
}

export interface InputProvenance {
  readonly role: string;
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface Provenance {
  readonly tool: string;
  readonly version: string;
  readonly spec: InputProvenance;
  readonly codebook: InputProvenance;
  readonly inputs: readonly InputProvenance[];
}

export interface Evaluation {
  readonly name: string;
  readonly title: LocalizedText;
  readonly confidence: number;
  readonly follow_up: {
    readonly months_after_end: number;
    /** Participants' follow-up months, first and last (yyyy-mm). */
    readonly first_month: string | null;
    readonly last_month: string | null;
    readonly control_rule: Readonly<Record<string, number>>;
  };
  readonly cohort: {
    readonly participants: number;
    readonly controls: number;
    readonly control_ratio: number;
    readonly weighted: boolean;
    readonly kish_effective_controls: number;
    readonly municipalities: readonly string[];
  };
  readonly status_distribution: readonly StatusRow[];
  readonly outcomes: Readonly<Record<string, OutcomeEffect>>;
  readonly subgroups: readonly SubgroupLevel[];
  readonly balance: readonly CovariateBalance[];
  readonly continuous: readonly ContinuousComparison[];
  readonly reconciliation: Reconciliation;
  readonly provenance: Provenance;
  readonly codebook: { readonly name: string; readonly codes: number };
}

/**
 * Data shapes of the progression analysis: questionnaire rows in, a snake_case,
 * JSON-ready result record out (the `progression` member of effect.json).
 */
import type { Alternative } from '../stats/paired/types.js';

export interface LocalizedLabel {
  readonly da: string;
  readonly en: string;
}

export type Wave = 'start' | 'end';

/** One questionnaire answer (or recorded non-answer) of one person at one wave. */
export interface QuestionnaireRow {
  readonly personId: string;
  readonly wave: Wave;
  /** ISO yyyy-mm-dd, or null when blank. */
  readonly date: string | null;
  /** who5_1 … who5_5, each 0–5 or null when blank. */
  readonly who5: readonly (number | null)[];
  /**
   * Every other column (BIP items and anything else), by column name, as trimmed text:
   * the BIP configuration decides which are items and their scale, so values are parsed
   * and checked against it (by readQuestionnaire when given the config, else by the analysis).
   */
  readonly items: Readonly<Record<string, string>>;
  /** Why the person did not answer a wave, when known (free text or a code such as `emigrated`). */
  readonly nonresponseReason: string | null;
  /** Display name of the source file and 1-based line (header = line 1), for messages. */
  readonly file: string;
  readonly line: number;
  /** 1-based column number of each column name, for messages. */
  readonly columns: Readonly<Record<string, number>>;
}

/** Counts and shares (0–1) of persons whose score went up, stayed, went down. */
export interface ChangeShares {
  readonly n: number;
  readonly positive: number;
  readonly unchanged: number;
  readonly negative: number;
  readonly positive_share: number | null;
  readonly unchanged_share: number | null;
  readonly negative_share: number | null;
}

export interface TTestRecord {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly estimate: number;
  readonly ci: readonly [number, number];
  readonly method: string;
  readonly alternative: Alternative;
  readonly confidence: number;
}

export interface WilcoxonRecord {
  readonly statistic: number;
  readonly p: number | null;
  readonly method: string;
  readonly alternative: Alternative;
  readonly exact: boolean;
  readonly n_nonzero: number;
  readonly n_zeros: number;
  readonly ties: boolean;
}

/** Mean start and end on complete pairs, the change, and the paired tests. */
export interface PairedSummary {
  readonly n: number;
  readonly start_mean: number | null;
  readonly end_mean: number | null;
  readonly mean_change: number | null;
  readonly sd_change: number | null;
  readonly change: ChangeShares;
  readonly tests: {
    /** null when undefined: fewer than 2 pairs or constant differences (reason in `note`). */
    readonly t_test: TTestRecord | null;
    /** R's wilcox.test rule (exact only without ties/zeros; else normal approximation). */
    readonly wilcoxon: WilcoxonRecord | null;
    /** Exact conditional (permutation) signed-rank p with ties, as exactRankTests/coin; for comparison. */
    readonly wilcoxon_permutation: WilcoxonRecord | null;
    readonly note: string | null;
  };
}

export type BandCounts = Readonly<Record<'high_risk' | 'risk' | 'no_immediate_risk', number>>;

export interface Who5Group extends PairedSummary {
  readonly bands: { readonly start: BandCounts; readonly end: BandCounts };
}

export interface ItemProgression {
  readonly column: string;
  readonly label: LocalizedLabel;
  readonly n: number;
  /** On the item's own answer scale. */
  readonly start_mean: number | null;
  readonly end_mean: number | null;
  /** Positive = progress in the item's good direction (reverse-worded items count a fall as positive). */
  readonly change: ChangeShares;
  readonly by_subgroup: readonly { readonly subgroup: string; readonly change: ChangeShares }[];
}

export interface BipItemProgression extends ItemProgression {
  readonly indicator: string;
  readonly direction: 'higher_is_better' | 'lower_is_better';
}

export interface IndicatorProgression {
  readonly id: string;
  readonly label: LocalizedLabel;
  readonly job_predictive: boolean;
  readonly items: readonly string[];
  /** Indicator score = mean of its items, reverse-worded ones reversed, so higher = better. */
  readonly overall: PairedSummary;
  readonly by_subgroup: readonly (PairedSummary & { readonly subgroup: string })[];
}

export interface AttritionCounts {
  readonly participants: number;
  readonly complete_pairs: number;
  readonly start_only: number;
  readonly end_only: number;
  readonly no_questionnaire: number;
}

export interface ProgressionResult {
  readonly instrument: { readonly who5: 'WHO-5 Well-Being Index'; readonly bip: string };
  /** The analysis uses only persons with both a start and an end questionnaire. */
  readonly restricted_to_complete_pairs: true;
  readonly n_pairs: number;
  readonly subgroup_variable: 'municipality';
  readonly attrition: AttritionCounts & {
    /** Persons without a complete pair by stated reason (`unknown` when blank). */
    readonly reasons: Readonly<Record<string, number>>;
    readonly by_subgroup: readonly (AttritionCounts & { readonly subgroup: string })[];
    /** Questionnaire rows whose person_id is not a participant (left out). */
    readonly rows_not_in_cohort: number;
  };
  readonly who5: Who5Group & {
    readonly population_mean: number;
    readonly items: readonly ItemProgression[];
    readonly by_subgroup: readonly (Who5Group & { readonly subgroup: string })[];
  };
  readonly bip: {
    readonly config: string;
    readonly indicators: readonly IndicatorProgression[];
    readonly items: readonly BipItemProgression[];
  };
  readonly chart: ProgressionChartData;
  readonly used_for_payment: false;
  /** Message key of the reason (see PAYMENT_NOTE in texts.ts). */
  readonly not_for_payment_reason: 'ambiguous_progress_or_clarification';
  readonly confidence: number;
}

/** Plain arrays for the start-versus-end chart and the share bars. */
export interface ProgressionChartData {
  readonly who5_means: {
    readonly groups: readonly string[];
    readonly n: readonly number[];
    readonly start: readonly (number | null)[];
    readonly end: readonly (number | null)[];
    /** Band limits and the population mean, for reference lines. */
    readonly band_limits: readonly [number, number];
    readonly population_mean: number;
  };
  readonly bip_shares: {
    readonly indicators: readonly string[];
    readonly labels: readonly LocalizedLabel[];
    readonly positive: readonly (number | null)[];
    readonly unchanged: readonly (number | null)[];
    readonly negative: readonly (number | null)[];
  };
}

/**
 * What the ingest stage hands to the outcomes stage. Maps are keyed by person id; the
 * person id strings are exactly those of the cohort files (after decoding and trimming).
 */
import type { CategoryClass, Cohort, CovariateValue, FileReconciliation, InputRole, ReconciliationWarning } from '../types.js';
import type { MonthIndex } from '../util/months.js';
import type { IngestPool } from './pool.js';

export interface IngestOptions {
  /** Called after each chunk read (and once at the end with bytesDone = bytesTotal). */
  readonly onProgress?: (role: InputRole, bytesDone: number, bytesTotal: number) => void;
  /** Threads for a large panel (default: the machine's available parallelism, at most 4; 1 = no worker threads). */
  readonly threads?: number;
  /** Panels smaller than this many bytes are read in one thread (default 48 MB). */
  readonly parallelMinBytes?: number;
  /** The run's reading threads, shared by the benefit and wage panels (else each read makes its own). */
  readonly pool?: IngestPool;
  /**
   * How the panels' usual lines are read: 'wasm' (default) by the WebAssembly loops
   * (wasm/benefitLines.ts, wasm/wageLines.ts), 'js' by the same loops in JavaScript. The
   * results are the same; tests compare the two.
   */
  readonly engine?: 'wasm' | 'js';
  /** Called once a panel's byte ranges are queued for the reading threads (they are at work from then on). */
  readonly onQueued?: (role: InputRole) => void;
}

export interface CohortIngest {
  readonly cohort: Cohort;
  /** participants, then controls */
  readonly files: readonly FileReconciliation[];
  readonly warnings: readonly ReconciliationWarning[];
  /** The cohort's covariates (`cohort.covariates`, in that order) column by column: row r is the r-th person of the group. */
  readonly covariateColumns: { readonly participants: readonly CovariateColumn[]; readonly controls: readonly CovariateColumn[] };
  /** The persons' municipalities as a column, likewise. */
  readonly municipalityColumns: { readonly participants: CovariateColumn; readonly controls: CovariateColumn };
  /** The persons' weights, likewise (1 without a weight column). */
  readonly weights: { readonly participants: Float64Array; readonly controls: Float64Array };
}

/** A covariate's values: row r has dict[codes[r]] (a number, a string, or null when missing). */
export interface CovariateColumn {
  readonly name: string;
  readonly codes: Int32Array;
  readonly dict: readonly CovariateValue[];
}

export interface LocalizedLabel {
  readonly da: string;
  readonly en: string;
}

export interface CodebookEntry {
  readonly class: CategoryClass;
  readonly label: LocalizedLabel;
}

export interface CodebookRange {
  readonly from: number;
  readonly to: number;
  readonly class: CategoryClass;
  readonly label?: LocalizedLabel;
}

export interface Codebook {
  readonly name: string;
  readonly codes: ReadonlyMap<string, CodebookEntry>;
  readonly ranges: readonly CodebookRange[];
}

export interface UnknownCode {
  readonly code: string;
  readonly count: number;
  readonly first_line: number;
}

export interface WeekCoverage {
  /** ISO weeks, e.g. `2022-W01`: the first and last week with a row in the file. */
  readonly first_week: string;
  readonly last_week: string;
  /** First and last month all of whose weeks lie within [first_week, last_week]. */
  readonly first_month: MonthIndex;
  readonly last_month: MonthIndex;
}

export interface BenefitPanel {
  /**
   * For each person in `wanted` whose wanted month the file covers: one entry per ISO week
   * whose Thursday falls in that month, in week order. null = no row for that week (= no
   * public benefit); a blank code = 'none'.
   */
  readonly months: Map<string, readonly (CategoryClass | null)[]>;
  /** The same by index into the wanted persons (null: outside coverage), built first; `months` only when read. */
  readonly byPerson: readonly (readonly (CategoryClass | null)[] | null)[];
  /** Persons in `wanted` whose wanted month lies (partly) outside the file's weeks: not in `months`. */
  readonly outside_coverage: ReadonlySet<string>;
  readonly coverage: WeekCoverage | null;
  readonly file: FileReconciliation;
  readonly unknown_codes: readonly UnknownCode[];
  readonly warnings: readonly ReconciliationWarning[];
}

export interface MonthCoverage {
  /** First and last month with a row in the file. */
  readonly first_month: MonthIndex;
  readonly last_month: MonthIndex;
}

export interface WageMonth {
  readonly paid_hours: number;
  readonly wage_income: number;
}

export interface WagePanel {
  /** The wanted month only, summed over the person's rows (one per employer); absent = no wages. */
  readonly months: Map<string, WageMonth>;
  /** The same by index into the wanted persons (rows 0: no wages; outside: not covered), built first; `months` only when read. */
  readonly byPerson: { readonly hours: Float64Array; readonly income: Float64Array; readonly rows: Int32Array; readonly outside: Uint8Array };
  /** Persons in `wanted` whose wanted month lies outside the file's months (absence there means "unknown", not "no wages"). */
  readonly outside_coverage: ReadonlySet<string>;
  readonly coverage: MonthCoverage | null;
  readonly file: FileReconciliation;
  readonly warnings: readonly ReconciliationWarning[];
}

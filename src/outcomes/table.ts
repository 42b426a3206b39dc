import { CATEGORY_CLASSES, STATUS_CATEGORIES, type Cohort, type PersonOutcome } from '../types.js';
import type { MonthIndex } from '../util/months.js';

/**
 * The outcomes stage's result column by column: a row per classified person, in cohort
 * order (participants, then controls), and no record per person. The statistics read these
 * typed arrays; PersonOutcome records are made from them only for a caller that asks
 * (outcomeRecords), which on 200,000 controls saves making, and collecting, 200,000 objects.
 */
export interface OutcomeTable {
  readonly rows: number;
  /** Rows [0, participants) are participants, the rest controls. */
  readonly participants: number;
  /** The cohort's participants (classified or not): person index k ≥ this is control k − cohortParticipants. */
  readonly cohortParticipants: number;
  /** Each row's person: index in cohort order (participants, then controls). */
  readonly person: Int32Array;
  /** Index into STATUS_CATEGORIES. */
  readonly status: Uint8Array;
  /** Index into CATEGORY_CLASSES. */
  readonly benefitClass: Uint8Array;
  readonly paidHours: Float64Array;
  readonly wageIncome: Float64Array;
  readonly followUpMonth: Int32Array;
}

/** The table's rows as PersonOutcome records, in row order. */
export function outcomeRecords(table: OutcomeTable, cohort: Cohort): PersonOutcome[] {
  const { participants, controls } = cohort;
  const out = new Array<PersonOutcome>(table.rows);
  for (let r = 0; r < table.rows; r++) {
    const k = table.person[r]!;
    out[r] = {
      person: k < participants.length ? participants[k]! : controls[k - participants.length]!,
      followUpMonth: table.followUpMonth[r]! as MonthIndex,
      benefitClass: CATEGORY_CLASSES[table.benefitClass[r]!]!,
      paidHours: table.paidHours[r]!,
      wageIncome: table.wageIncome[r]!,
      status: STATUS_CATEGORIES[table.status[r]!]!,
    };
  }
  return out;
}

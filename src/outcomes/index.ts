import { CATEGORY_CLASSES, STATUS_CATEGORIES, type CategoryClass, type Cohort, type PersonOutcome } from '../types.js';
import { monthClass, statusOf } from './classify.js';
import type { FollowUp } from './followUp.js';
import { outcomeRecords, type OutcomeTable } from './table.js';

export { followUpList, followUpMonths, followUpsOf, type ControlDates, type FollowUp, type FollowUpSource } from './followUp.js';
export { monthClass, statusOf } from './classify.js';
export { outcomeRecords, type OutcomeTable } from './table.js';

export interface OutcomeInputs {
  readonly cohort: Cohort;
  /** Per person, participants then controls (as followUpList): the follow-up month, or null. */
  readonly followUp: readonly (FollowUp | null)[];
  /** Per person as above: index into the panels' wanted persons, -1 for none. */
  readonly wantedIndex: Int32Array;
  /** Per wanted person: the classes of the follow-up month's ISO weeks (null = no row), or null when the register does not cover it. */
  readonly benefitWeeks: readonly (readonly (CategoryClass | null)[] | null)[];
  /** Per wanted person: paid hours and wage income in the month (0 when no rows or not covered). */
  readonly wages: { readonly hours: Float64Array; readonly income: Float64Array; readonly rows: Int32Array; readonly outside: Uint8Array };
}

export interface OutcomeStage {
  /** The classified persons, column by column. */
  readonly table: OutcomeTable;
  /** The same persons as records (made on first use). */
  readonly outcomes: readonly PersonOutcome[];
  /** Persons who could not be classified, by reason id (message key). */
  readonly excluded: Readonly<Record<string, number>>;
}

/**
 * Status at follow-up for every person in the cohort. A person without a follow-up
 * month, or whose month the benefit register does not cover, is excluded with a
 * reason rather than silently counted as self-supporting. `controlWeights`: the controls'
 * weights, when the caller has them as a column (else read from their records).
 */
export function determineOutcomes(input: OutcomeInputs, controlWeights?: Float64Array): OutcomeStage {
  const { cohort, wages } = input;
  const participants = cohort.participants.length;
  // One follow-up entry per person, participants then controls: their number, without asking the cohort for its control records.
  const total = input.followUp.length;
  const person = new Int32Array(total);
  const status = new Uint8Array(total);
  const benefitClass = new Uint8Array(total);
  const paidHours = new Float64Array(total);
  const wageIncome = new Float64Array(total);
  const followUpMonth = new Int32Array(total);
  const excluded: Record<string, number> = {};
  const exclude = (reason: string): void => {
    excluded[reason] = (excluded[reason] ?? 0) + 1;
  };
  // The panel reader shares one frozen array per week pattern among persons (a few dozen
  // patterns on 200,000 persons): their class is computed once per pattern.
  const classOfPattern = new Map<readonly (CategoryClass | null)[], number>();
  let rows = 0;
  let participantRows = 0;
  for (let k = 0; k < total; k++) {
    if (k === participants) participantRows = rows;
    // Weight 0 is how matching software (MatchIt, CEM) marks a control it left out.
    if (k >= participants && (controlWeights ? controlWeights[k - participants]! : cohort.controls[k - participants]!.weight) === 0) {
      exclude('zero_weight');
      continue;
    }
    const f = input.followUp[k];
    const w = input.wantedIndex[k]!;
    if (!f || w < 0) {
      exclude('no_follow_up_month');
      continue;
    }
    const weeks = input.benefitWeeks[w];
    if (!weeks) {
      exclude('no_register_coverage');
      continue;
    }
    const hasWageRows = wages.rows[w]! > 0 && wages.outside[w] === 0;
    const hours = hasWageRows ? wages.hours[w]! : 0;
    let c = classOfPattern.get(weeks);
    if (c === undefined) {
      c = CLASS_INDEX.get(monthClass(weeks))!;
      if (Object.isFrozen(weeks)) classOfPattern.set(weeks, c);
    }
    person[rows] = k;
    benefitClass[rows] = c;
    status[rows] = STATUS_OF[c * 2 + (hours > 0 ? 1 : 0)]!;
    paidHours[rows] = hours;
    wageIncome[rows] = hasWageRows ? wages.income[w]! : 0;
    followUpMonth[rows] = f.month;
    rows++;
  }
  if (total === participants) participantRows = rows;
  const table: OutcomeTable = {
    rows,
    participants: participantRows,
    cohortParticipants: participants,
    person: person.subarray(0, rows),
    status: status.subarray(0, rows),
    benefitClass: benefitClass.subarray(0, rows),
    paidHours: paidHours.subarray(0, rows),
    wageIncome: wageIncome.subarray(0, rows),
    followUpMonth: followUpMonth.subarray(0, rows),
  };
  let records: PersonOutcome[] | undefined;
  return {
    table,
    get outcomes(): PersonOutcome[] {
      return (records ??= outcomeRecords(table, cohort));
    },
    excluded,
  };
}

const CLASS_INDEX = new Map<CategoryClass, number>(CATEGORY_CLASSES.map((c, i) => [c, i]));
/** statusOf by class index × 2 + (paid hours > 0), as an index into STATUS_CATEGORIES. */
const STATUS_OF = Uint8Array.from(CATEGORY_CLASSES.flatMap((c) => [false, true].map((wages) => STATUS_CATEGORIES.indexOf(statusOf(c, wages)))));

import type { CategoryClass, Cohort, Person, PersonOutcome } from '../types.js';
import type { MonthIndex } from '../util/months.js';
import { monthClass, statusOf } from './classify.js';
import type { FollowUp } from './followUp.js';

export { followUpList, followUpMonths, followUpsOf, type ControlDates, type FollowUp, type FollowUpSource } from './followUp.js';
export { monthClass, statusOf } from './classify.js';

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
  readonly outcomes: readonly PersonOutcome[];
  /** Persons who could not be classified, by reason id (message key). */
  readonly excluded: Readonly<Record<string, number>>;
}

/**
 * Status at follow-up for every person in the cohort. A person without a follow-up
 * month, or whose month the benefit register does not cover, is excluded with a
 * reason rather than silently counted as self-supporting.
 */
export function determineOutcomes(input: OutcomeInputs): OutcomeStage {
  const outcomes: PersonOutcome[] = [];
  const excluded: Record<string, number> = {};
  const exclude = (reason: string) => {
    excluded[reason] = (excluded[reason] ?? 0) + 1;
  };
  const { wages } = input;
  // The panel reader shares one frozen array per week pattern among persons (a few dozen
  // patterns on 200,000 persons): their class is computed once per pattern.
  const classOfPattern = new Map<readonly (CategoryClass | null)[], CategoryClass>();
  let k = 0;
  const classify = (person: Person) => {
    const f = input.followUp[k];
    const w = input.wantedIndex[k++]!;
    // Weight 0 is how matching software (MatchIt, CEM) marks a control it left out.
    if (person.group === 'control' && person.weight === 0) return exclude('zero_weight');
    if (!f || w < 0) return exclude('no_follow_up_month');
    const weeks = input.benefitWeeks[w];
    if (!weeks) return exclude('no_register_coverage');
    const hasWageRows = wages.rows[w]! > 0 && wages.outside[w] === 0;
    const paidHours = hasWageRows ? wages.hours[w]! : 0;
    let benefitClass = classOfPattern.get(weeks);
    if (benefitClass === undefined) {
      benefitClass = monthClass(weeks);
      if (Object.isFrozen(weeks)) classOfPattern.set(weeks, benefitClass);
    }
    outcomes.push({
      person,
      followUpMonth: f.month as MonthIndex,
      benefitClass,
      paidHours,
      wageIncome: hasWageRows ? wages.income[w]! : 0,
      status: statusOf(benefitClass, paidHours > 0),
    });
  };
  input.cohort.participants.forEach(classify);
  input.cohort.controls.forEach(classify);
  return { outcomes, excluded };
}

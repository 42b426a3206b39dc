import type { CategoryClass, Cohort, Person, PersonOutcome } from '../types.js';
import type { MonthIndex } from '../util/months.js';
import { monthClass, statusOf } from './classify.js';
import type { FollowUp } from './followUp.js';

export { followUpMonths, type FollowUp, type FollowUpSource } from './followUp.js';
export { monthClass, statusOf } from './classify.js';

export interface OutcomeInputs {
  readonly cohort: Cohort;
  readonly followUp: ReadonlyMap<string, FollowUp>;
  /** Per person: the classes of the follow-up month's ISO weeks (null = no row). */
  readonly benefitWeeks: ReadonlyMap<string, readonly (CategoryClass | null)[]>;
  readonly wages: ReadonlyMap<string, { readonly paid_hours: number; readonly wage_income: number }>;
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
  const classify = (person: Person) => {
    const f = input.followUp.get(person.id);
    if (!f) return exclude('no_follow_up_month');
    const weeks = input.benefitWeeks.get(person.id);
    if (!weeks) return exclude('no_register_coverage');
    const wage = input.wages.get(person.id);
    const paidHours = wage?.paid_hours ?? 0;
    const benefitClass = monthClass(weeks);
    outcomes.push({
      person,
      followUpMonth: f.month as MonthIndex,
      benefitClass,
      paidHours,
      wageIncome: wage?.wage_income ?? 0,
      status: statusOf(benefitClass, paidHours > 0),
    });
  };
  input.cohort.participants.forEach(classify);
  input.cohort.controls.forEach(classify);
  return { outcomes, excluded };
}

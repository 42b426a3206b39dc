import { CATEGORY_CLASSES, type CategoryClass, type StatusCategory } from '../types.js';

/**
 * The benefit class a person held in a month (domain.md §3): the class of most of
 * the month's ISO weeks, a week without a row counting as no public benefit
 * (`none`); a tie goes to the class of the later week, i.e. the most recent state.
 * `weeks` lists the month's weeks in calendar order.
 */
export function monthClass(weeks: readonly (CategoryClass | null)[]): CategoryClass {
  // Runs once per person (200,000+ on large cohorts): fixed-size tallies, no Maps.
  const count = [0, 0, 0, 0, 0, 0];
  const last = [-1, -1, -1, -1, -1, -1];
  for (let i = 0; i < weeks.length; i++) {
    const k = CLASS_INDEX[weeks[i] ?? 'none'];
    count[k]! += 1;
    last[k] = i;
  }
  let best = 0;
  for (let k = 1; k < CATEGORY_CLASSES.length; k++) {
    if (count[k]! > count[best]! || (count[k] === count[best] && last[k]! > last[best]!)) best = k;
  }
  return CATEGORY_CLASSES[best]!;
}

const CLASS_INDEX = Object.fromEntries(CATEGORY_CLASSES.map((c, i) => [c, i])) as Record<CategoryClass, number>;

/** Status category from benefit class and whether the person had paid hours (domain.md §3). */
export function statusOf(benefitClass: CategoryClass, hasWages: boolean): StatusCategory {
  switch (benefitClass) {
    case 'none':
      return hasWages ? 'self_supporting_wage' : 'self_supporting_unknown';
    case 'temporary':
      return hasWages ? 'wage_with_transfer' : 'temporary_benefit';
    case 'education':
      return 'education';
    case 'flexjob':
      return 'flexjob';
    case 'permanent':
      return 'permanent_benefit';
    case 'not_resident':
      return 'not_resident';
  }
}

import type { CategoryClass, StatusCategory } from '../types.js';

/**
 * The benefit class a person held in a month (domain.md §3): the class of most of
 * the month's ISO weeks, a week without a row counting as no public benefit
 * (`none`); a tie goes to the class of the later week, i.e. the most recent state.
 * `weeks` lists the month's weeks in calendar order.
 */
export function monthClass(weeks: readonly (CategoryClass | null)[]): CategoryClass {
  const count = new Map<CategoryClass, number>();
  const last = new Map<CategoryClass, number>();
  weeks.forEach((w, i) => {
    const cls = w ?? 'none';
    count.set(cls, (count.get(cls) ?? 0) + 1);
    last.set(cls, i);
  });
  let best: CategoryClass = 'none';
  let bestCount = -1;
  let bestLast = -1;
  for (const [cls, n] of count) {
    const l = last.get(cls) ?? -1;
    if (n > bestCount || (n === bestCount && l > bestLast)) {
      best = cls;
      bestCount = n;
      bestLast = l;
    }
  }
  return best;
}

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

import { mannWhitney, welchTTest } from '../stats/index.js';
import type { PersonOutcome } from '../types.js';
import type { ContinuousComparison } from './types.js';

/**
 * Paid hours and wage income in the follow-up month among the employed (paid hours
 * > 0), participants against controls: the catalogue's check that the jobs found are
 * not smaller jobs. Welch's t-test for means, Wilcoxon rank-sum for the distribution.
 * Empty when either group has fewer than two employed persons.
 */
export function continuousComparisons(persons: readonly PersonOutcome[]): ContinuousComparison[] {
  const employed = persons.filter((o) => o.paidHours > 0);
  const p = employed.filter((o) => o.person.group === 'participant');
  const c = employed.filter((o) => o.person.group === 'control');
  if (p.length < 2 || c.length < 2) return [];
  return (['paid_hours', 'wage_income'] as const).map((variable) => {
    const pick = (o: PersonOutcome) => (variable === 'paid_hours' ? o.paidHours : o.wageIncome);
    const x = p.map(pick);
    const y = c.map(pick);
    const w = welchTTest(x, y);
    const m = mannWhitney(x, y);
    return {
      variable,
      participants: summary(x),
      controls: summary(y),
      welch: { statistic: w.statistic, df: w.df, p: w.p, estimate: w.estimate, ci: w.ci },
      wilcoxon: { statistic: m.statistic, p: m.p, exact: m.exact },
    };
  });
}

function summary(xs: readonly number[]): { n: number; mean: number; median: number } {
  const s = Float64Array.from(xs).sort();
  const mid = s.length >> 1;
  const median = s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
  return { n: xs.length, mean: xs.reduce((a, b) => a + b, 0) / xs.length, median };
}

import type { Count, Statement } from './statement.js';
import { money, type Lang } from './render.js';

/** All periods side by side (`effekt statement --period all`): what the auditor ticks off. */
export interface StatementSeries {
  readonly schema_version: 1;
  readonly version: 'published' | 'internal';
  readonly name: string;
  readonly periods: readonly { readonly period: string; readonly participants_followed_up: Count; readonly results: Count; readonly amount_due: number | null }[];
  /** Σ of the shown amounts; equals the whole cohort only when every period is shown. */
  readonly sum_of_periods: number | null;
  readonly whole_cohort_amount: number | null;
  readonly equals_whole_cohort: boolean | null;
}

export function statementSeries(statements: readonly Statement[]): StatementSeries {
  const first = statements[0];
  const paying = first?.contract.paying_outcome;
  const periods = statements.map((s) => ({
    period: s.period.id,
    participants_followed_up: s.participants_followed_up,
    results: s.outcomes.find((o) => o.id === paying)?.reached ?? 0,
    amount_due: s.amount_due,
  }));
  const complete = periods.every((p) => p.amount_due !== null);
  // Sum in øre so the comparison with the whole cohort is exact.
  const sumOre = complete ? periods.reduce((s, p) => s + Math.round((p.amount_due ?? 0) * 100), 0) : null;
  const whole = first?.whole_cohort.amount ?? null;
  return {
    schema_version: 1,
    version: first?.version ?? 'published',
    name: first?.name ?? '',
    periods,
    sum_of_periods: sumOre === null ? null : sumOre / 100,
    whole_cohort_amount: whole,
    equals_whole_cohort: sumOre === null || whole === null ? null : sumOre === Math.round(whole * 100),
  };
}

export function seriesMarkdown(s: StatementSeries, lang: Lang): string {
  const da = lang === 'da';
  const kr = (x: number | null) => (x === null ? '..' : da ? `${money(x, lang)} kr.` : `DKK ${money(x, lang)}`);
  const lines = [
    `# ${da ? 'Resultatopgørelser' : 'Outcome payment statements'}: ${s.name}`,
    '',
    ...(s.version === 'internal' ? [da ? '**INTERN VERSION – IKKE TIL OFFENTLIGGØRELSE**' : '**INTERNAL VERSION – NOT FOR PUBLICATION**', ''] : []),
    `| ${da ? 'Periode' : 'Period'} | ${da ? 'Deltagere fulgt op' : 'Participants followed up'} | ${da ? 'Resultater' : 'Results'} | ${da ? 'Til betaling' : 'Amount due'} |`,
    '| --- | ---: | ---: | ---: |',
    ...s.periods.map((p) => `| ${p.period} | ${p.participants_followed_up} | ${p.results} | ${kr(p.amount_due)} |`),
    `| **${da ? 'Sum' : 'Sum'}** | | | **${kr(s.sum_of_periods)}** |`,
    `| ${da ? 'Hele kohorten' : 'Whole cohort'} | | | ${kr(s.whole_cohort_amount)} |`,
    '',
  ];
  return lines.join('\n');
}

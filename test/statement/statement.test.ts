import { describe, expect, it } from 'vitest';
import { loadEconomicsParameters, runEconomics } from '../../src/economics/index.js';
import { nominalPayment } from '../../src/economics/payment.js';
import { EffektError } from '../../src/errors.js';
import { effectInputFor } from '../../src/pipeline/economicsInput.js';
import {
  buildStatement,
  buildStatements,
  parsePeriod,
  paymentTermsFrom,
  seriesFor,
  statementHtml,
  statementMarkdown,
  statementSeries,
  type PaymentTerms,
  type Statement,
  type StatementInput,
} from '../../src/statement/index.js';
import type { PersonOutcome } from '../../src/types.js';
import { exampleTimeline, loadedSpec, person, runFor } from '../check/fixtures.js';

const ORDINARY = ['self_supporting_wage', 'wage_with_transfer'] as const;

function flatTerms(price: number, participants: number, extra: Partial<PaymentTerms> = {}): PaymentTerms {
  return {
    paying_outcome: 'ordinary_employment',
    paying_label: { da: 'Ordinær beskæftigelse', en: 'Ordinary employment' },
    paying_categories: ORDINARY,
    lines: [{ id: 'all', label: 'Ordinary employment', variable: null, level: null, price }],
    tiers: null,
    cap_per_participant: null,
    participants,
    schedule: [{ year: 0, share: 1 }],
    subgroup_rule: null,
    price_year: 2021,
    economics_total: NaN,
    notes: [],
    ...extra,
  };
}

function inputFor(persons: readonly PersonOutcome[], terms: PaymentTerms, unsuppressed: boolean, threshold = 5): StatementInput {
  const loaded = loadedSpec({});
  return {
    name: 'fixture',
    title: { da: 'Fixture', en: 'Fixture' },
    persons,
    outcomes: loaded.spec.outcomes,
    outcomeLabels: {},
    terms,
    threshold,
    unsuppressed,
  };
}

const ore = (x: number) => Math.round(x * 100);

describe('periods', () => {
  it('parses quarters, halves, months and years', () => {
    expect(parsePeriod('2023-Q2')).toMatchObject({ id: '2023-Q2', kind: 'quarter', first: 2023 * 12 + 3, last: 2023 * 12 + 5 });
    expect(parsePeriod('2023-q4')).toMatchObject({ id: '2023-Q4', first: 2023 * 12 + 9, last: 2023 * 12 + 11 });
    expect(parsePeriod('2022-H2')).toMatchObject({ id: '2022-H2', first: 2022 * 12 + 6, last: 2022 * 12 + 11 });
    expect(parsePeriod('2022-04')).toMatchObject({ id: '2022-04', first: 2022 * 12 + 3, last: 2022 * 12 + 3 });
    expect(parsePeriod('2022')).toMatchObject({ id: '2022', first: 2022 * 12, last: 2022 * 12 + 11 });
    for (const bad of ['2023-Q5', '2023Q2', 'Q2', '2023-13', '']) expect(() => parsePeriod(bad), bad).toThrow(EffektError);
  });
});

describe('a flat price: counts, amounts, running totals', () => {
  // Q1 2022: 3 participants, 2 employed; Q2: 6 participants, 5 employed (one with wages on transfer income); Q3: none; Q4: 1, 0.
  const persons = [
    person({ group: 'participant', status: 'self_supporting_wage', followUp: '2022-01' }),
    person({ group: 'participant', status: 'wage_with_transfer', followUp: '2022-03' }),
    person({ group: 'participant', status: 'temporary_benefit', followUp: '2022-02' }),
    ...Array.from({ length: 4 }, () => person({ group: 'participant', status: 'self_supporting_wage', followUp: '2022-05' })),
    person({ group: 'participant', status: 'wage_with_transfer', followUp: '2022-06' }),
    person({ group: 'participant', status: 'self_supporting_unknown', followUp: '2022-04' }),
    person({ group: 'participant', status: 'temporary_benefit', followUp: '2022-12' }),
    ...Array.from({ length: 30 }, () => person({ group: 'control', status: 'temporary_benefit', followUp: '2022-05' })),
  ];
  const terms = flatTerms(254802.37, 10);
  const internal = buildStatements(inputFor(persons, terms, true), seriesFor(persons, 'quarter'));

  it('covers every quarter from the first follow-up month to the last, with exact counts', () => {
    expect(internal.map((s) => s.period.id)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
    expect(internal.map((s) => s.participants_followed_up)).toEqual([3, 6, 0, 1]);
    expect(internal.map((s) => s.outcomes.find((o) => o.id === 'ordinary_employment')!.reached)).toEqual([2, 5, 0, 0]);
    expect(internal.map((s) => s.outcomes.find((o) => o.id === 'self_supporting_or_education')!.reached)).toEqual([1, 5, 0, 0]);
  });

  it('amount due = results × price, to the øre, and the running total accumulates', () => {
    expect(internal.map((s) => s.amount_due)).toEqual([509604.74, 1274011.85, 0, 0]);
    expect(internal.map((s) => s.to_date!.amount)).toEqual([509604.74, 1783616.59, 1783616.59, 1783616.59]);
    expect(internal[1]!.to_date!.gross_rate).toBe(7 / 10);
  });

  it('the periods sum to the whole cohort exactly', () => {
    const rec = internal[0]!.reconciliation!;
    expect(rec.equals_whole_cohort).toBe(true);
    expect(rec.sum_of_periods).toBe(internal[0]!.whole_cohort.amount);
    expect(internal[0]!.whole_cohort.results).toBe(7);
  });

  it('the published version suppresses counts of 1–4 and the amounts that would reveal them', () => {
    const published = buildStatements(inputFor(persons, terms, false), seriesFor(persons, 'quarter'));
    for (const s of published) {
      for (const c of [s.participants_followed_up, ...s.outcomes.map((o) => o.reached), ...s.lines.map((l) => l.results)]) {
        if (typeof c === 'number') expect(c === 0 || c >= 5, `shown count ${c} in ${s.period.id}`).toBe(true);
      }
      for (const l of s.lines) expect(l.amount === null).toBe(typeof l.results !== 'number');
      expect(s.to_date).toBeNull();
      expect(s.reconciliation).toBeNull();
      // 1 + 5 self-supporting in Q1 + Q2 and none elsewhere: with the public total of 6 and a
      // hidden Q2 known to be ≥ 5, Q1 = 1 follows; no shown cell can protect it, so it is reported.
      expect(s.suppression.unprotected).toEqual(['2022-Q1|reached|self_supporting_or_education']);
      expect(s.notes.some((n) => n.includes('could not be fully protected'))).toBe(true);
    }
    expect(published[0]!.participants_followed_up).toBe('<5');
    expect(published[0]!.amount_due).toBeNull();
    // Q2 has 5 results, but Q1 and Q4 are the only other non-zero cells of a row whose total
    // (7) is public, so Q2 must be hidden too or Q1 = 7 − 5 would follow.
    expect(published[1]!.outcomes.find((o) => o.id === 'ordinary_employment')!.reached).toBe('..');
  });

  it('a single period gives the same figures as the series', () => {
    const one = buildStatement(inputFor(persons, terms, true), parsePeriod('2022-Q2'));
    expect(one.amount_due).toBe(internal[1]!.amount_due);
    expect(one.to_date).toEqual(internal[1]!.to_date);
    const outside = buildStatement(inputFor(persons, terms, true), parsePeriod('2024-Q1'));
    expect(outside.participants_followed_up).toBe(0);
    expect(outside.amount_due).toBe(0);
    expect(outside.to_date!.amount).toBe(1783616.59);
  });
});

describe('caps and tiers', () => {
  const persons = Array.from({ length: 10 }, (_, i) => person({ group: 'participant', status: i < 6 ? 'self_supporting_wage' : 'temporary_benefit', followUp: `2022-${String(i + 1).padStart(2, '0')}` }));

  it('a cap per participant binds in the period it is reached; later results are not paid', () => {
    // 10 participants × 50,000 = 500,000 cap; price 100,000: the 5th result (May) reaches it.
    const s = buildStatements(inputFor(persons, flatTerms(100000, 10, { cap_per_participant: 50000 }), true), seriesFor(persons, 'month'));
    expect(s.map((x) => x.amount_due)).toEqual([100000, 100000, 100000, 100000, 100000, 0, 0, 0, 0, 0]);
    expect(s[5]!.subtotal).toBe(100000);
    expect(s[5]!.adjustment).toBe(-100000);
    expect(s[9]!.to_date!.cap_remaining).toBe(0);
    expect(s[0]!.contract.cap_total).toBe(500000);
    expect(s[0]!.reconciliation!.sum_of_periods).toBe(500000);
  });

  it("tiers: each result is paid at the marginal price of the cohort's gross rate to date", () => {
    const tiers = [
      { from_gross_rate: 0, price_per_gross_employed: 100000 },
      { from_gross_rate: 0.35, price_per_gross_employed: 200000 },
    ];
    const terms = flatTerms(0, 10, { tiers });
    const s = buildStatements(inputFor(persons, terms, true), seriesFor(persons, 'quarter'));
    const fn = { price_per_gross_employed: null, tiers, cap_per_participant: null };
    // Q1: 3 results, g = 0.3; Q2: 6 results, g = 0.6 (the 4th result straddles the tier edge at 3.5)
    expect(s[0]!.amount_due).toBe(ore(10 * nominalPayment(fn, 0.3)) / 100);
    expect(s[1]!.amount_due).toBe(ore(10 * nominalPayment(fn, 0.6) - 10 * nominalPayment(fn, 0.3)) / 100);
    expect(s[1]!.amount_due).toBe(0.5 * 100000 + 2.5 * 200000);
    expect(s[0]!.reconciliation!.equals_whole_cohort).toBe(true);
  });
});

describe('schedules and subgroup prices', () => {
  it('splits the amount due over the payment years in whole øre, the last year taking the remainder', () => {
    const persons = [person({ group: 'participant', status: 'self_supporting_wage', followUp: '2022-02' })];
    const terms = flatTerms(100000.01, 1, { schedule: [{ year: 0, share: 1 / 3 }, { year: 1, share: 1 / 3 }, { year: 2, share: 1 / 3 }] });
    const [s] = buildStatements(inputFor(persons, terms, true), seriesFor(persons, 'quarter'));
    expect(s!.schedule_split!.map((x) => x.amount)).toEqual([33333.34, 33333.34, 33333.33]);
    expect(s!.schedule_split!.reduce((t, x) => t + ore(x.amount!), 0)).toBe(ore(s!.amount_due!));
  });

  it("prices each result at its subgroup's price; a participant without a level gets none (noted)", () => {
    const yes = { employed_last_2y: 'yes' };
    const no = { employed_last_2y: 'no' };
    const persons = [
      person({ group: 'participant', status: 'self_supporting_wage', followUp: '2022-01', covariates: yes }),
      person({ group: 'participant', status: 'self_supporting_wage', followUp: '2022-02', covariates: no }),
      person({ group: 'participant', status: 'wage_with_transfer', followUp: '2022-05', covariates: no }),
      person({ group: 'participant', status: 'wage_with_transfer', followUp: '2022-05', covariates: { employed_last_2y: null } }),
    ];
    const terms = flatTerms(0, 4, {
      lines: [
        { id: 'employed_last_2y=no', label: 'no', variable: 'employed_last_2y', level: 'no', price: 279442 },
        { id: 'employed_last_2y=yes', label: 'yes', variable: 'employed_last_2y', level: 'yes', price: 209040 },
      ],
    });
    const s = buildStatements(inputFor(persons, terms, true), seriesFor(persons, 'quarter'));
    expect(s[0]!.lines.map((l) => [l.id, l.results, l.amount])).toEqual([
      ['employed_last_2y=no', 1, 279442],
      ['employed_last_2y=yes', 1, 209040],
      ['unpriced', 0, 0],
    ]);
    expect(s[1]!.lines.map((l) => [l.id, l.results, l.amount])).toEqual([
      ['employed_last_2y=no', 1, 279442],
      ['employed_last_2y=yes', 0, 0],
      ['unpriced', 1, 0],
    ]);
    expect(s[0]!.notes.some((n) => n.includes('no level of the price variable'))).toBe(true);
    expect(s[0]!.whole_cohort.amount).toBe(2 * 279442 + 209040);
  });
});

describe('the example cohort under the example payment model', () => {
  const loaded = loadedSpec({ subgroups: ['employed_last_2y'], economics: { parameters: 'economics.json', paying_outcome: 'ordinary_employment' } });
  const run = runFor(loaded, exampleTimeline());
  const params = loadEconomicsParameters(new URL('../../data/example/economics.json', import.meta.url).pathname);
  const economics = runEconomics(params, effectInputFor(run, 'ordinary_employment'), { draws: 100 });
  const terms = paymentTermsFrom(economics, run.evaluation.outcomes['ordinary_employment']!);
  const input = { ...inputFor(run.persons, terms, true), outcomeLabels: {} };
  const quarters = buildStatements(input, seriesFor(run.persons, 'quarter'));

  it('uses the measured subgroup prices of the chosen rule', () => {
    expect(terms.subgroup_rule).toBe(params.payment.subgroup_rule);
    expect(terms.lines.map((l) => l.id)).toEqual(['employed_last_2y=no', 'employed_last_2y=yes']);
    const rows = economics.payment.by_subgroup.rows;
    for (const l of terms.lines) expect(Math.abs(l.price - rows.find((r) => r.id === l.id)!.price_per_gross_employed!)).toBeLessThanOrEqual(0.005);
  });

  it('has a statement for each quarter 2021-Q1 … 2023-Q3, and they sum to the whole cohort to the øre', () => {
    expect(quarters[0]!.period.id).toBe('2021-Q1');
    expect(quarters.at(-1)!.period.id).toBe('2023-Q3');
    const sumOre = quarters.reduce((s, q) => s + ore(q.amount_due!), 0);
    expect(sumOre).toBe(ore(quarters[0]!.whole_cohort.amount!));
    expect(quarters.reduce((s, q) => s + (q.outcomes.find((o) => o.id === 'ordinary_employment')!.reached as number), 0)).toBe(19);
    expect(quarters.reduce((s, q) => s + (q.participants_followed_up as number), 0)).toBe(56);
    expect(statementSeries(quarters).equals_whole_cohort).toBe(true);
  });

  it("the whole-cohort amount equals the economic model's payment up to the prices' rounding to øre", () => {
    const w = quarters[0]!.whole_cohort;
    const tolerance = 19 * 0.005 + 1e-6;
    expect(Math.abs(w.rounding_difference!), `difference ${w.rounding_difference}, tolerance ${tolerance}`).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(w.amount! - w.economics_amount)).toBeLessThanOrEqual(tolerance);
  });

  it('renders Markdown and HTML, with the internal warning', () => {
    const s = quarters[5]!;
    const md = statementMarkdown(s, 'da');
    expect(md).toContain(`# Resultatopgørelse: Fixture, ${s.period.id}`);
    expect(md).toContain('IKKE TIL OFFENTLIGGØRELSE');
    expect(md).toMatch(/\| \*\*Til betaling for perioden\*\* \| {2}\| {2}\| \*\*[\d.]+,\d\d kr\.\*\* \|/);
    const html = statementHtml(s, 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('NOT FOR PUBLICATION');
    expect(html).not.toMatch(/<script/);
  });

  it('the published series hides small periods but keeps the whole-cohort total', () => {
    const published: Statement[] = buildStatements({ ...input, unsuppressed: false }, seriesFor(run.persons, 'quarter'));
    expect(published.every((s) => s.whole_cohort.amount === quarters[0]!.whole_cohort.amount)).toBe(true);
    const series = statementSeries(published);
    expect(series.equals_whole_cohort).toBeNull();
    expect(published.some((s) => s.amount_due === null)).toBe(true);
  });
});

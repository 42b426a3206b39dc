/**
 * The reference scenario against the catalogue's published figures (seeds/000, Tables 1-6,
 * domain.md §5) and against the independent scipy recomputation (generate_reference.py).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runEconomics, type EconomicsResult } from '../../src/economics/index.js';
import { catalogueParams, expectClose, REF, refNumber } from './helpers.js';

let r: EconomicsResult;
beforeAll(() => {
  const p = catalogueParams();
  r = runEconomics(p, p.assumed_effect!, { draws: 20_000 });
});

describe('catalogue figures (published; 1 % for amounts)', () => {
  it('budget account: saving 102,517, provider cost 74,165, surplus 28,353', () => {
    expectClose('municipal saving', r.budget.municipal_saving_per_participant, 102517, 0.01, true);
    expectClose('provider cost', r.budget.provider_cost_per_participant, 74165, 0.01, true);
    expectClose('surplus', r.budget.surplus_per_participant, 28353, 0.01, true);
  });
  it('socio-economic surplus 80,695', () => expectClose('socio-economic surplus', r.socio_economic.surplus_per_participant, 80695, 0.01, true));
  it('payment: investor share 14,176, payment 88,341, per gross-employed 254,802', () => {
    expectClose('investor share', r.payment.investor_share_amount, 14176, 0.01, true);
    expectClose('payment per participant', r.payment.payment_per_participant, 88341, 0.01, true);
    expectClose('payment per gross-employed', r.payment.payment_per_gross_employed, 254802, 0.01, true);
  });
  it('Table 4: 209,040 with and 279,442 without recent employment (catalogue_linear rule)', () => {
    const rows = r.payment.by_subgroup.rows;
    expect(r.payment.by_subgroup.rule).toBe('catalogue_linear');
    expectClose('recent employment', rows.find((x) => x.id === 'employed_last_2y')!.price_per_gross_employed, 209040, 0.01, true);
    expectClose('no recent employment', rows.find((x) => x.id === 'not_employed_last_2y')!.price_per_gross_employed, 279442, 0.01, true);
    expectClose('participant-weighted mean', r.payment.by_subgroup.participant_weighted_price, 254802, 0.01, true);
  });
  it('investor break-even gross rate 29 % (±1 pp); return about 19-20 %', () => {
    expectClose('break-even gross rate', r.break_even.gross_employment_rate, 0.29, 0.01);
    const ret = r.payment.investor_return!;
    if (!(ret >= 0.185 && ret <= 0.205)) throw new Error(`investor return: actual ${ret}, expected 0.19-0.20 (tolerance ±0.005)`);
    expectClose('IRR with payment one year after the outlay equals the simple return', r.payment.investor_irr, ret, 1e-9);
  });
  it('Table 6 break-evens: decay 28 %, effort saving 22 % (±0.5 pp, where the shared surplus is gone)', () => {
    expectClose('decay break-even', r.break_even.annual_decay, 0.28, 0.005);
    expectClose('effort-saving break-even', r.break_even.effort_saving_share, 0.22, 0.005);
  });
  it('net-effect break-even 12 pp (±0.5 pp: published rounded) and about 8 years to break-even (±0.5)', () => {
    expectClose('net-effect break-even', r.break_even.net_effect, 0.12, 0.005);
    expectClose('years to municipal break-even', r.break_even.years_to_municipal_break_even, 8, 0.5);
  });
  it('every row of comparison_with_catalogue is within its tolerance', () => {
    const bad = r.comparison_with_catalogue!.filter((c) => !c.within_tolerance);
    expect(bad, JSON.stringify(bad)).toEqual([]);
    expect(r.comparison_with_catalogue!.length).toBe(15);
  });
});

describe('the model against the scipy recomputation (1e-9 relative)', () => {
  const cases: [string, () => number | null][] = [
    ['municipal_saving_per_participant', () => r.budget.municipal_saving_per_participant],
    ['surplus_per_participant', () => r.budget.surplus_per_participant],
    ['socio_economic_surplus_per_participant', () => r.socio_economic.surplus_per_participant],
    ['payment_per_participant', () => r.payment.payment_per_participant],
    ['investor_share_amount', () => r.payment.investor_share_amount],
    ['payment_per_gross_employed', () => r.payment.payment_per_gross_employed],
    ['investor_return', () => r.payment.investor_return],
    ['break_even_gross_employment_rate', () => r.break_even.gross_employment_rate],
    ['break_even_net_effect', () => r.break_even.net_effect],
    ['break_even_annual_decay', () => r.break_even.annual_decay],
    ['break_even_effort_saving_share', () => r.break_even.effort_saving_share],
    ['break_even_net_effect_municipal_net', () => r.break_even.municipal_net.net_effect],
    ['break_even_annual_decay_municipal_net', () => r.break_even.municipal_net.annual_decay],
    ['break_even_effort_saving_share_municipal_net', () => r.break_even.municipal_net.effort_saving_share],
    ['years_to_municipal_break_even', () => r.break_even.years_to_municipal_break_even],
  ];
  for (const [key, get] of cases) it(key, () => expectClose(key, get(), refNumber(key), 1e-9, true));

  it('subgroup prices under catalogue_linear and equal_payment_per_participant', () => {
    const lin = REF.catalogue_model['payment_per_gross_employed_catalogue_linear'] as Record<string, number>;
    const eq = REF.catalogue_model['payment_per_gross_employed_equal_payment'] as Record<string, number>;
    for (const row of r.payment.by_subgroup.rows) expectClose(`linear ${row.id}`, row.price_per_gross_employed, lin[row.id]!, 1e-9, true);
    const equal = r.payment.by_subgroup_alternatives.find((a) => a.rule === 'equal_payment_per_participant')!;
    for (const row of equal.rows) expectClose(`equal ${row.id}`, row.price_per_gross_employed, eq[row.id]!, 1e-9, true);
  });
});

describe('account identities', () => {
  it('cash-flow present values sum to the accounts', () => {
    const last = r.cash_flow[r.cash_flow.length - 1]!;
    expectClose('budget cumulative PV = surplus', last.budget_cumulative_pv, r.budget.surplus_per_participant, 1e-8, true);
    expectClose('municipal cumulative PV = municipal net', last.municipal_cumulative_pv, r.payment.municipal_net_per_participant, 1e-8, true);
    expectClose('socio cumulative PV = socio surplus', last.socio_economic_cumulative_pv, r.socio_economic.surplus_per_participant, 1e-8, true);
    expect(r.cash_flow.length).toBe(16);
  });
  it('the surplus is split as agreed: investor share + municipality = surplus', () => {
    expectClose('split', r.payment.investor_share_amount + r.payment.municipal_net_per_participant, r.budget.surplus_per_participant, 1e-8, true);
    expectClose('half', r.payment.investor_share_amount, r.budget.surplus_per_participant / 2, 1e-8, true);
  });
  it('tornado lists every model parameter, the net effect first', () => {
    expect(r.sensitivity.tornado.length).toBe(16);
    expect(r.sensitivity.tornado[0]!.parameter).toBe('effect.net_effect');
    const swings = r.sensitivity.tornado.map((t) => t.surplus_swing);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
  });
  it('snake_case keys everywhere in the JSON', () => {
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (keys.add(k), walk(x));
    };
    walk(JSON.parse(JSON.stringify(r)));
    const bad = [...keys].filter((k) => !/^[a-z][a-z0-9_]*$/.test(k) && !k.includes('.'));
    expect(bad).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { irr } from '../../src/economics/irr.js';
import { evaluate } from '../../src/economics/model.js';
import { nominalPayment, schedulePv } from '../../src/economics/payment.js';
import { subgroupPricing } from '../../src/economics/subgroups.js';
import { discountFactors, rateBands } from '../../src/economics/discounting.js';
import type { EconomicsParameters, SubgroupInput } from '../../src/economics/schema.js';
import { catalogueParams, expectClose, REF } from './helpers.js';

const SUBS: SubgroupInput[] = [
  { id: 'a', label: 'A', share_of_participants: 0.4, gross_rate: 0.5, net_effect: 0.2 },
  { id: 'b', label: 'B', share_of_participants: 0.6, gross_rate: 0.25, net_effect: 0.15 },
];
const GROSS = 0.4 * 0.5 + 0.6 * 0.25; // 0.35
const PAY = 90_000;

describe('subgroup rules', () => {
  it('equal_payment_per_participant: every subgroup expects the same payment per participant', () => {
    const s = subgroupPricing('equal_payment_per_participant', SUBS, GROSS, PAY, 75_000);
    for (const r of s.rows) expectClose(`${r.id} expected payment`, r.expected_payment_per_participant, PAY, 1e-9, true);
    expectClose('cohort expected payment', s.expected_payment_per_participant, PAY, 1e-9, true);
    expectClose('price A = P / 0.5', s.rows[0]!.price_per_gross_employed, 180_000, 1e-12, true);
  });
  it('additionality_weighted: price ∝ net/gross and the cohort still expects P', () => {
    const s = subgroupPricing('additionality_weighted', SUBS, GROSS, PAY, 75_000);
    expectClose('cohort expected payment', s.expected_payment_per_participant, PAY, 1e-9, true);
    const [a, b] = s.rows;
    expectClose('price ratio = additionality ratio', a!.price_per_gross_employed! / b!.price_per_gross_employed!, (0.2 / 0.5) / (0.15 / 0.25), 1e-12, true);
    // expected payment per participant proportional to the subgroup's net effect
    expectClose('payment A / payment B = net A / net B', a!.expected_payment_per_participant! / b!.expected_payment_per_participant!, 0.2 / 0.15, 1e-12, true);
  });
  it('additionality_weighted is unavailable without subgroup net effects, and says why', () => {
    const s = subgroupPricing('additionality_weighted', SUBS.map(({ net_effect: _n, ...x }) => x), GROSS, PAY, 75_000);
    expect(s).toMatchObject({ available: false, unavailable_reason: 'subgroup_net_effect_missing', expected_payment_per_participant: null });
  });
  it('catalogue_linear keeps the participant-weighted price but pays less than P in expectation', () => {
    const s = subgroupPricing('catalogue_linear', SUBS, GROSS, PAY, 75_000);
    const price = PAY / GROSS;
    expectClose('weighted price', s.participant_weighted_price, price, 1e-12, true);
    const variance = 0.4 * (0.5 - GROSS) ** 2 + 0.6 * (0.25 - GROSS) ** 2;
    expectClose('expected payment = P − price·Var(g)', s.expected_payment_per_participant, PAY - price * variance, 1e-9, true);
  });
  it('uniform: the same price for all', () => {
    const s = subgroupPricing('uniform', SUBS, GROSS, PAY, 75_000);
    expect(new Set(s.rows.map((r) => r.price_per_gross_employed)).size).toBe(1);
  });
});

describe('payment function: tiers, caps, schedule', () => {
  it('tiers are marginal prices over bands of the gross rate', () => {
    const fn = { price_per_gross_employed: null, tiers: [{ from_gross_rate: 0, price_per_gross_employed: 100 }, { from_gross_rate: 0.2, price_per_gross_employed: 300 }], cap_per_participant: null };
    expectClose('below the step', nominalPayment(fn, 0.1), 10, 1e-12);
    expectClose('above the step', nominalPayment(fn, 0.3), 0.2 * 100 + 0.1 * 300, 1e-12);
  });
  it('a cap per participant limits the payment', () => {
    const fn = { price_per_gross_employed: 250_000, tiers: null, cap_per_participant: 80_000 };
    expect(nominalPayment(fn, 0.5)).toBe(80_000);
    expect(nominalPayment(fn, 0.2)).toBe(50_000);
  });
  it('a price cap per gross-employed replaces the derived price', () => {
    const p = catalogueParams();
    const q: EconomicsParameters = { ...p, payment: { ...p.payment, price_cap_per_gross_employed: 200_000 } };
    const m = evaluate(q, p.assumed_effect!);
    expect(m.price_per_gross_employed).toBe(200_000);
    expectClose('payment', m.payment_nominal_per_participant, 200_000 * p.assumed_effect!.gross_rate, 1e-9, true);
  });
  it('a payment spread over years keeps its present value and raises the nominal sum', () => {
    const p = catalogueParams();
    const spread: EconomicsParameters = { ...p, payment: { ...p.payment, schedule: [{ year: 0, share: 0.5 }, { year: 2, share: 0.5 }] } };
    const a = evaluate(p, p.assumed_effect!);
    const b = evaluate(spread, p.assumed_effect!);
    expectClose('same PV', b.payment_pv_per_participant, a.payment_pv_per_participant, 1e-9, true);
    const df = discountFactors(rateBands('fm2017'), 15);
    expectClose('schedule PV factor', schedulePv(spread.payment.schedule, df), 0.5 + 0.5 / 1.04 ** 2, 1e-15);
    expect(b.payment_nominal_per_participant).toBeGreaterThan(a.payment_nominal_per_participant);
    expect(b.investor_irr!).toBeLessThan(a.investor_irr!);
  });
});

describe('IRR', () => {
  it('matches scipy brentq on three tranches', () => {
    expectClose('IRR', irr(REF.irr_three_tranches.flows), REF.irr_three_tranches.irr, 1e-10);
  });
  it('one payment after one year: IRR = simple return; after two: its square root', () => {
    expectClose('1 year', irr([{ time: 0, amount: -100 }, { time: 1, amount: 121 }]), 0.21, 1e-12);
    expectClose('2 years', irr([{ time: 0, amount: -100 }, { time: 2, amount: 121 }]), 0.1, 1e-12);
  });
  it('null when nothing comes back', () => {
    expect(irr([{ time: 0, amount: -100 }])).toBeNull();
    expect(irr([{ time: 0, amount: -100 }, { time: 1, amount: 0 }])).toBeNull();
  });
});

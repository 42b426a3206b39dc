import { describe, expect, it } from 'vitest';
import { findIntegerCrossing, findRoot } from '../../src/economics/roots.js';
import { breakEvenFor, investorBreakEvenGross } from '../../src/economics/breakEven.js';
import { evaluate } from '../../src/economics/model.js';
import { applyOverride } from '../../src/economics/overrides.js';
import { catalogueParams, expectClose } from './helpers.js';

describe('findRoot (Brent)', () => {
  it('finds an interior root to 1e-12', () => {
    const r = findRoot((x) => x * x - 2, 0, 2);
    expect(r.status).toBe('found');
    expectClose('sqrt(2)', r.value, Math.SQRT2, 1e-12);
  });
  it('finds the root of a steep, nearly flat function (cube)', () => {
    const r = findRoot((x) => (x - 0.3) ** 3, 0, 1);
    expectClose('cube root at 0.3', r.value, 0.3, 1e-4);
  });
  it('reports no root, with the sign kept over the range', () => {
    const pos = findRoot((x) => x * x + 1, -1, 1);
    expect(pos).toMatchObject({ status: 'no_root', value: null, sign: 1 });
    const neg = findRoot((x) => -1 - x, 0, 1);
    expect(neg).toMatchObject({ status: 'no_root', value: null, sign: -1 });
  });
  it('reports a root exactly at either end of the range as boundary', () => {
    expect(findRoot((x) => x, 0, 1)).toMatchObject({ status: 'boundary', value: 0 });
    expect(findRoot((x) => x - 1, 0, 1)).toMatchObject({ status: 'boundary', value: 1 });
  });
  it('integer crossing: the first integer where the sign changes; boundary and none', () => {
    expect(findIntegerCrossing((x) => x - 5.5, 1, 10)).toMatchObject({ status: 'found', value: 6 });
    expect(findIntegerCrossing((x) => x - 10, 1, 10)).toMatchObject({ status: 'boundary', value: 10 });
    expect(findIntegerCrossing((x) => x, 0, 10)).toMatchObject({ status: 'boundary', value: 0 });
    expect(findIntegerCrossing((x) => -x - 1, 0, 10)).toMatchObject({ status: 'no_root', sign: -1 });
  });
});

describe('break-evens of the model at the edges', () => {
  const p = catalogueParams();
  const e = p.assumed_effect!;
  const contract = evaluate(p, e).planned;

  it('no net-effect break-even when the surplus is positive even at zero effect', () => {
    const cheap = applyOverride(p, e, 'costs.provider_cost_per_participant', 1000).params;
    const be = breakEvenFor(cheap, e, contract, 'effect.net_effect', 'budget_surplus');
    expect(be).toMatchObject({ status: 'no_root', value: null, sign: 1 });
  });
  it('no decay break-even when even a constant effect cannot pay', () => {
    const dear = applyOverride(p, e, 'costs.provider_cost_per_participant', 1_000_000).params;
    const be = breakEvenFor(dear, e, contract, 'effect_path.annual_decay', 'budget_surplus');
    expect(be).toMatchObject({ status: 'no_root', sign: -1 });
  });
  it('net-effect break-even at the boundary 0 when the surplus is exactly zero without effect', () => {
    // provider cost = effort saving - municipal costs, so S(0) = 0 exactly
    const cost = p.ordinary_effort.cost_per_participant * p.ordinary_effort.saving_share - p.costs.municipal_referral_cost_per_participant - p.costs.municipal_follow_up_cost_per_participant;
    const q = applyOverride(p, e, 'costs.provider_cost_per_participant', cost).params;
    const be = breakEvenFor(q, e, contract, 'effect.net_effect', 'budget_surplus');
    expect(be).toMatchObject({ status: 'boundary', value: 0 });
  });
  it('effort-saving break-even at the boundary 1 when only full saving pays', () => {
    const atZero = evaluate(p, e).budget.surplus_per_participant - p.ordinary_effort.cost_per_participant * p.ordinary_effort.saving_share;
    // raise the provider cost so that S(s = 1) = 0
    const q = applyOverride(p, e, 'costs.provider_cost_per_participant', p.costs.provider_cost_per_participant + atZero + p.ordinary_effort.cost_per_participant).params;
    const be = breakEvenFor(q, e, contract, 'ordinary_effort.saving_share', 'budget_surplus');
    expect(be.status).toBe('boundary');
    expectClose('boundary value', be.value, 1, 1e-12);
  });
  it('investor break-even gross rate: none when a cap keeps the payment below the cost', () => {
    const capped = { ...contract, cap_per_participant: 50_000 };
    expect(investorBreakEvenGross(capped, p.costs.provider_cost_per_participant, e.gross_rate)).toMatchObject({ status: 'no_root', sign: -1 });
  });
  it('investor break-even gross rate at the boundary 1 when the price equals the cost', () => {
    const flat = { price_per_gross_employed: p.costs.provider_cost_per_participant, tiers: null, cap_per_participant: null };
    expect(investorBreakEvenGross(flat, p.costs.provider_cost_per_participant, e.gross_rate)).toMatchObject({ status: 'boundary', value: 1 });
  });
  it('integer parameter: the shortest horizon with a surplus', () => {
    const be = breakEvenFor(p, e, contract, 'horizon_years', 'budget_surplus');
    expect(be.status).toBe('found');
    const before = evaluate(applyOverride(p, e, 'horizon_years', be.value! - 1).params, e).budget.surplus_per_participant;
    const at = evaluate(applyOverride(p, e, 'horizon_years', be.value!).params, e).budget.surplus_per_participant;
    expect(before).toBeLessThan(0);
    expect(at).toBeGreaterThanOrEqual(0);
  });
});

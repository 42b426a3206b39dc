import { describe, expect, it } from 'vitest';
import { parseEconomicsParameters, runEconomics } from '../../src/economics/index.js';
import type { EffektError } from '../../src/errors.js';

const MINIMAL = {
  price_year: 2024,
  costs: { provider_cost_per_participant: 60000 },
  ordinary_effort: { cost_per_participant: 40000, saving_share: 0.3 },
  yearly_gain_per_additional_employed: { saved_transfer_income: 90000, extra_municipal_income_tax: 15000 },
  effect_path: { constant_years: 1, annual_decay: 0.2 },
  horizon_years: 10,
  discounting: { schedule: 'fm2021' },
  socio_economic: { production_value_per_employed_year: 250000 },
};

function lineOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as EffektError).line;
  }
  return 'no error';
}

describe('parameter file', () => {
  it('a minimal file gets the documented defaults and runs with an effect', () => {
    const p = parseEconomicsParameters(JSON.stringify(MINIMAL), 'min.json');
    expect(p.payment).toMatchObject({ investor_share_of_surplus: 0.5, subgroup_rule: 'equal_payment_per_participant', schedule: [{ year: 0, share: 1 }], months_from_outlay_to_payment: 12 });
    expect(p.socio_economic).toMatchObject({ tax_distortion: 'fm2017', net_tax_factor: 1.28 });
    expect(p.costs.municipal_referral_cost_per_participant).toBe(0);
    expect(p.uncertainty).toEqual({ draws: 100000, seed: 20240601, histogram_bins: 40 });
    const r = runEconomics(p, { net_effect: 0.1, ci: [0.0, 0.2], confidence: 0.95, gross_rate: 0.3, participants: 80, source: 'assumed' }, { draws: 500 });
    expect(r.payment.by_subgroup.available).toBe(false);
    expect(r.payment.by_subgroup.unavailable_reason).toBe('no_subgroups');
    expect(r.comparison_with_catalogue).toBeNull();
  });
  it('custom discounting needs its rate', () => {
    const text = JSON.stringify({ ...MINIMAL, discounting: { schedule: 'custom' } });
    // the missing key is reported at its parent object
    const column = text.indexOf('{"schedule":"custom"}') + 1;
    expect(lineOf(() => parseEconomicsParameters(text, 'p.json'))).toBe(`p.json:1:${column}: invalid economics parameters: discounting.custom_rate: custom_rate is required when schedule is "custom"`);
  });
  it('tiers must start at 0 and increase', () => {
    const text = JSON.stringify({ ...MINIMAL, payment: { tiers: [{ from_gross_rate: 0.1, price_per_gross_employed: 1 }] } }, null, 2);
    expect(lineOf(() => parseEconomicsParameters(text, 'p.json'))).toMatch(/^p\.json:\d+:\d+: invalid economics parameters: payment\.tiers: the first tier must start at from_gross_rate 0$/);
  });
  it('a payment after the horizon is rejected', () => {
    const text = JSON.stringify({ ...MINIMAL, payment: { schedule: [{ year: 11, share: 1 }] } }, null, 2);
    expect(lineOf(() => parseEconomicsParameters(text, 'p.json'))).toMatch(/payment\.schedule\.0\.year: payment year 11 is after the horizon \(10 years\)$/);
  });
  it('unknown fields are rejected (typos do not pass silently)', () => {
    const text = JSON.stringify({ ...MINIMAL, horizon: 10 });
    expect(lineOf(() => parseEconomicsParameters(text, 'p.json'))).toContain('invalid economics parameters: (top level): Unrecognized key: "horizon"');
  });
});

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/economics/model.js';
import { quantileSorted, simulate } from '../../src/economics/uncertainty.js';
import { runEconomics } from '../../src/economics/index.js';
import { catalogueParams, expectClose, REF } from './helpers.js';

const p = catalogueParams();
const e = p.assumed_effect!;
const contract = evaluate(p, e).planned;
const N = 50_000;
const u = simulate(p, e, contract, N, 7, 40);
const T = REF.monte_carlo_targets;
// Monte Carlo standard error of a probability near 0.18 with N draws, times 4.
const se = (q: number): number => 4 * Math.sqrt((q * (1 - q)) / N);

describe('uncertainty over the net effect', () => {
  it('the draws are consistent with the reported interval (two-piece normal)', () => {
    expectClose('sd below', u.sd_lower, T['sd_lower']!, 1e-12, true);
    expectClose('sd above', u.sd_upper, T['sd_upper']!, 1e-12, true);
    // the density near the bounds is ~ 0.025/0.06 per unit, so 4 SE of a quantile is about 0.004
    expectClose('2.5 % quantile = lower bound', u.net_effect_quantiles.p025, e.ci[0], 0.004);
    expectClose('97.5 % quantile = upper bound', u.net_effect_quantiles.p975, e.ci[1], 0.004);
    expectClose('median = estimate', u.net_effect_quantiles.p50, e.net_effect, 0.002);
  });
  it('probabilities of loss approach the analytic values (within 4 Monte Carlo SE)', () => {
    expectClose('P(budget deficit)', u.p_budget_deficit, T['p_budget_deficit']!, se(T['p_budget_deficit']!));
    expectClose('P(investor loses)', u.p_investor_loss, T['p_investor_loss']!, se(T['p_investor_loss']!));
    expectClose('P(municipality loses)', u.p_municipal_loss, T['p_municipal_loss']!, se(T['p_municipal_loss']!));
  });
  it('is deterministic with the seed and changes with it', () => {
    const again = simulate(p, e, contract, N, 7, 40);
    expect(again).toEqual(u);
    const other = simulate(p, e, contract, N, 8, 40);
    expect(other.surplus_quantiles.p50).not.toBe(u.surplus_quantiles.p50);
  });
  it('the histogram counts every draw; quantiles are ordered', () => {
    expect(u.surplus_histogram.reduce((s, b) => s + b.count, 0)).toBe(N);
    const q = u.surplus_quantiles;
    expect([q.p025, q.p05, q.p25, q.p50, q.p75, q.p95, q.p975]).toEqual([...[q.p025, q.p05, q.p25, q.p50, q.p75, q.p95, q.p975]].sort((a, b) => a - b));
  });
  it('type-7 quantile', () => {
    const s = Float64Array.from([1, 2, 3, 4]);
    expect(quantileSorted(s, 0.5)).toBe(2.5);
    expect(quantileSorted(s, 0)).toBe(1);
    expect(quantileSorted(s, 1)).toBe(4);
    expectClose('p = 0.1', quantileSorted(s, 0.1), 1.3, 1e-12);
  });
  it('runEconomics honours options.seed and options.draws', () => {
    const r = runEconomics(p, e, { seed: 7, draws: N });
    expect(r.uncertainty.draws).toBe(N);
    expect(r.uncertainty.surplus_quantiles).toEqual(u.surplus_quantiles);
  });
});

import { describe, expect, it } from 'vitest';
import { binomialSampler, simulateCoverage } from '../../src/stats/index.js';
import { Random } from '../../src/util/random.js';

/**
 * Seeded simulation of interval coverage over shares typical of the evaluations (domain.md §4:
 * control shares 17–30 %, participants up to 50 %). Exact coverage by full enumeration of the
 * tables (see src/stats/README.md) is 94.82–95.57 % (Newcombe) and 94.81–95.17 % (MN) on this grid, so
 * ±1.5 pp leaves room for the Monte-Carlo error (SD ≈ 0.15 pp at 20,000 draws).
 */
describe('coverage of Newcombe and Miettinen–Nurminen intervals (seeded simulation)', () => {
  const points = simulateCoverage({
    p1: [0.15, 0.25, 0.35, 0.5],
    p2: [0.15, 0.2, 0.3],
    n1: 56,
    n2: [56, 560],
    draws: 20_000,
    seed: 20240613,
    methods: ['newcombe', 'miettinen_nurminen'],
  });

  it('covers the whole grid', () => {
    expect(points.length).toBe(24);
  });

  for (const method of ['newcombe', 'miettinen_nurminen'] as const) {
    it(`${method}: within ±1.5 pp of 95 % at every grid point`, () => {
      for (const pt of points) {
        const c = pt.coverage[method] as number;
        expect(Math.abs(c - 0.95), `${method} p1 ${pt.p1} p2 ${pt.p2} n2 ${pt.n2}: coverage ${(100 * c).toFixed(2)} %, expected 95 % ± 1.5 pp`).toBeLessThanOrEqual(0.015);
      }
    });
  }

  it('the same check fails for the Wald interval at small shares (so the check can fail)', () => {
    const wald = simulateCoverage({ p1: [0.08], p2: [0.02], n1: 56, n2: [56], draws: 5000, seed: 1, methods: ['wald'] });
    expect(Math.abs((wald[0]?.coverage.wald as number) - 0.95)).toBeGreaterThan(0.015);
  });

  it('the binomial sampler has the right mean', () => {
    const draw = binomialSampler(560, 0.2);
    const rng = new Random(7);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += draw(rng);
    // mean 112, SD of the mean √(560·0.2·0.8/20000) ≈ 0.067
    expect(Math.abs(sum / 20_000 - 112)).toBeLessThan(0.4);
  });
});

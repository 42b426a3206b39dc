import type { DifferenceMethod, Interval } from './types.js';
import { riskDifference } from './riskDifference.js';
import { Random } from '../util/random.js';

/** A binomial sampler by inversion of the cumulative table (binary search per draw). */
export function binomialSampler(n: number, p: number): (rng: Random) => number {
  const cdf = new Float64Array(n + 1);
  // pmf by the ratio recurrence from k = 0 in log space (no underflow for n in the thousands).
  let logTerm = n * Math.log1p(-p);
  let total = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logTerm += Math.log(((n - k + 1) / k) * (p / (1 - p)));
    total += Math.exp(logTerm);
    cdf[k] = total;
  }
  return (rng) => {
    const u = rng.nextFloat() * total;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

export interface CoverageSettings {
  readonly p1: readonly number[];
  readonly p2: readonly number[];
  readonly n1: number;
  readonly n2: readonly number[];
  /** Simulated tables per grid point. */
  readonly draws: number;
  readonly seed: number;
  readonly methods: readonly DifferenceMethod[];
  readonly confidence?: number;
}

export interface CoveragePoint {
  readonly p1: number;
  readonly p2: number;
  readonly n1: number;
  readonly n2: number;
  readonly draws: number;
  /** Share of draws whose interval contains p1 − p2, per method. */
  readonly coverage: Readonly<Partial<Record<DifferenceMethod, number>>>;
}

/**
 * Monte-Carlo coverage of risk-difference intervals over a grid of true shares: for each
 * (p1, p2, n2), `draws` tables x1 ~ Bin(n1, p1), x2 ~ Bin(n2, p2) from one seeded
 * xoshiro128** stream; intervals are memoised per table (few distinct tables recur), so
 * the cost is in the sampling. Deterministic for a given seed.
 */
export function simulateCoverage(s: CoverageSettings): CoveragePoint[] {
  const rng = new Random(s.seed);
  const confidence = s.confidence ?? 0.95;
  const cache = new Map<string, Interval>();
  const interval = (method: DifferenceMethod, x1: number, x2: number, n2: number): Interval => {
    const key = `${method}:${x1}:${x2}:${n2}`;
    let ci = cache.get(key);
    if (!ci) {
      ci = riskDifference(x1, s.n1, x2, n2, { method, confidence }).ci;
      cache.set(key, ci);
    }
    return ci;
  };
  const out: CoveragePoint[] = [];
  for (const n2 of s.n2) {
    for (const p1 of s.p1) {
      for (const p2 of s.p2) {
        const draw1 = binomialSampler(s.n1, p1);
        const draw2 = binomialSampler(n2, p2);
        const hits = new Map<DifferenceMethod, number>(s.methods.map((m) => [m, 0]));
        const truth = p1 - p2;
        for (let i = 0; i < s.draws; i++) {
          const x1 = draw1(rng);
          const x2 = draw2(rng);
          for (const m of s.methods) {
            const [lo, hi] = interval(m, x1, x2, n2);
            if (lo <= truth && truth <= hi) hits.set(m, (hits.get(m) as number) + 1);
          }
        }
        const coverage = Object.fromEntries(s.methods.map((m) => [m, (hits.get(m) as number) / s.draws]));
        out.push({ p1, p2, n1: s.n1, n2, draws: s.draws, coverage });
      }
    }
  }
  return out;
}

/**
 * Distribution functions used by the engine, all from stdlib (ports of Cephes/Boost with
 * full double accuracy in the tails; pnorm(-8) agrees with R to 5e-15 relative). jstat
 * and simple-statistics are deliberately not used: see domain.md §4 "known traps".
 */
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';
import betaQuantileImpl from '@stdlib/stats-base-dists-beta-quantile';
import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';

/** Standard normal lower-tail probability Φ(z). */
export function normalCdf(z: number): number {
  return normalCdfImpl(z, 0, 1);
}

/** Standard normal upper-tail probability 1 − Φ(z), computed as Φ(−z) to keep tail accuracy. */
export function normalSf(z: number): number {
  return normalCdfImpl(-z, 0, 1);
}

export function normalQuantile(p: number): number {
  return normalQuantileImpl(p, 0, 1);
}

export function betaQuantile(p: number, a: number, b: number): number {
  return betaQuantileImpl(p, a, b);
}

export function tCdf(t: number, df: number): number {
  return tCdfImpl(t, df);
}

export function tQuantile(p: number, df: number): number {
  return tQuantileImpl(p, df);
}

/** The two-sided critical value z_{(1+confidence)/2}, computed exactly as R's prop.test does. */
export function zCritical(confidence: number): number {
  return normalQuantile((1 + confidence) / 2);
}

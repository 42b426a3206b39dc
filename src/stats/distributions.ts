/**
 * Distribution functions used by the engine. The normal CDF and quantile are R's own
 * algorithms (Cody; AS 241), written out in normalCdf.ts and normalQuantile.ts, because
 * stdlib's drift to ~1e-13 relative in the far tail (CDF) or fail below p ≈ 1e-16
 * (quantile); t and beta come from stdlib (Boost ports, agree with R to 1e-9 and better in
 * the tests). jstat and simple-statistics are deliberately not used: domain.md §4 "known traps".
 */
import betaQuantileImpl from '@stdlib/stats-base-dists-beta-quantile';
import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';
import { normalQuantileAS241 } from './normalQuantile.js';
import { normalTails } from './normalCdf.js';

/** Standard normal lower-tail probability Φ(z). */
export function normalCdf(z: number): number {
  return normalTails(z)[0];
}

/** Standard normal upper-tail probability 1 − Φ(z), computed directly (no cancellation). */
export function normalSf(z: number): number {
  return normalTails(z)[1];
}

/** Standard normal quantile (AS 241, as R's qnorm; stdlib's fails below p ≈ 1e-16). */
export function normalQuantile(p: number): number {
  return normalQuantileAS241(p);
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

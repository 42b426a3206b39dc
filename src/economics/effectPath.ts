/**
 * Relative size of the net effect in each year 0..horizon: 0 in year 0 (the participation
 * year), 1 in years 1..k, then falling by `annualDecay` a year, (1 − d)^(t − k) — the
 * catalogue's "constant for two years, then 15 % a year" (seeds/000, note 14).
 */
export function effectWeights(constantYears: number, annualDecay: number, horizon: number): Float64Array {
  const w = new Float64Array(horizon + 1);
  for (let t = 1; t <= horizon; t++) w[t] = t <= constantYears ? 1 : Math.pow(1 - annualDecay, t - constantYears);
  return w;
}

/**
 * Mean and sample variance by the corrected two-pass algorithm (Chan, Golub &
 * LeVeque 1983, "Algorithms for computing the sample variance", eq. 1.7), the
 * same scheme R's mean() and var() use (R adds a correction pass to the mean),
 * so results agree with R to a few ulps rather than drifting with n.
 */
export function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, variance: Number.NaN };
  let sum = 0;
  for (const v of values) sum += v;
  let mean = sum / n;
  let residual = 0;
  for (const v of values) residual += v - mean;
  mean += residual / n;
  if (n < 2) return { mean, variance: Number.NaN };
  let ss = 0;
  let comp = 0;
  for (const v of values) {
    const d = v - mean;
    ss += d * d;
    comp += d;
  }
  return { mean, variance: (ss - (comp * comp) / n) / (n - 1) };
}

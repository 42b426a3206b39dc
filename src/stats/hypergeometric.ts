/**
 * The conditional distribution of x1 given the margins of a 2×2 table: hypergeometric at
 * odds ratio 1, Fisher's noncentral hypergeometric at odds ratio ψ. Log weights come from
 * the exact term ratio P(x+1)/P(x) = (m−x)(k−x) / ((x+1)(n−k+x+1)), walked out from the
 * mode (all four factors are integers below 2^53, so each ratio is correctly rounded).
 * This costs O(support) whatever n is, so 56 vs 1,000,000 is as fast as 56 vs 56,
 * and never underflows the way exp(lchoose) differences would.
 */
export interface HyperSupport {
  /** Smallest and largest possible x1. */
  readonly lo: number;
  readonly hi: number;
  /** log P(x1 = lo + i) up to an additive constant (0 at the mode). */
  readonly logWeight: Float64Array;
}

/** m = size of group 1, n = size of group 2, k = total events. */
export function hyperSupport(m: number, n: number, k: number): HyperSupport {
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const logWeight = new Float64Array(hi - lo + 1);
  const mode = Math.min(hi, Math.max(lo, Math.floor(((k + 1) * (m + 1)) / (m + n + 2))));
  for (let x = mode + 1; x <= hi; x++) {
    const ratio = ((m - x + 1) * (k - x + 1)) / (x * (n - k + x));
    logWeight[x - lo] = (logWeight[x - 1 - lo] as number) + Math.log(ratio);
  }
  for (let x = mode - 1; x >= lo; x--) {
    const ratio = ((m - x) * (k - x)) / ((x + 1) * (n - k + x + 1));
    logWeight[x - lo] = (logWeight[x + 1 - lo] as number) - Math.log(ratio);
  }
  return { lo, hi, logWeight };
}

/** Normalised probabilities at odds ratio exp(logPsi) (logPsi = 0: the central hypergeometric). */
export function hyperProbabilities(s: HyperSupport, logPsi = 0): Float64Array {
  const len = s.logWeight.length;
  const out = new Float64Array(len);
  let max = -Infinity;
  for (let i = 0; i < len; i++) {
    const v = (s.logWeight[i] as number) + logPsi * (s.lo + i);
    out[i] = v;
    if (v > max) max = v;
  }
  let total = 0;
  for (let i = 0; i < len; i++) {
    const w = Math.exp((out[i] as number) - max);
    out[i] = w;
    total += w;
  }
  for (let i = 0; i < len; i++) out[i] = (out[i] as number) / total;
  return out;
}

/** P(X ≤ x) or P(X ≥ x) at odds ratio exp(logPsi), summed over the tail itself (no 1 − … cancellation). */
export function hyperTail(s: HyperSupport, x: number, upper: boolean, logPsi = 0): number {
  const d = hyperProbabilities(s, logPsi);
  let sum = 0;
  if (upper) for (let i = d.length - 1; i >= x - s.lo; i--) sum += d[i] as number;
  else for (let i = 0; i <= x - s.lo; i++) sum += d[i] as number;
  return Math.min(1, sum);
}

/** Mean of x1 at odds ratio exp(logPsi). */
export function hyperMean(s: HyperSupport, logPsi: number): number {
  const d = hyperProbabilities(s, logPsi);
  let mean = 0;
  for (let i = 0; i < d.length; i++) mean += (s.lo + i) * (d[i] as number);
  return mean;
}

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

/**
 * The weights at odds ratio exp(logPsi) relative to the largest (exp(v − max) for each log
 * weight v), written into a scratch array this module reuses, and their total. The
 * probabilities are weight / total: hyperTail and hyperMean divide only the weights they
 * read, in the order they read them, so their sums are the same doubles as summing a
 * normalised copy, without a new array and a dividing pass per evaluation (the Fisher
 * interval's bisection evaluates them some 170 times a table).
 */
let scratch = new Float64Array(64);

function weights(s: HyperSupport, logPsi: number): number {
  const len = s.logWeight.length;
  if (scratch.length < len) scratch = new Float64Array(Math.max(len, scratch.length * 2));
  const w = scratch;
  const lw = s.logWeight;
  let max = -Infinity;
  for (let i = 0; i < len; i++) {
    const v = (lw[i] as number) + logPsi * (s.lo + i);
    w[i] = v;
    if (v > max) max = v;
  }
  let total = 0;
  for (let i = 0; i < len; i++) {
    const e = Math.exp((w[i] as number) - max);
    w[i] = e;
    total += e;
  }
  return total;
}

/** Normalised probabilities at odds ratio exp(logPsi) (logPsi = 0: the central hypergeometric). */
export function hyperProbabilities(s: HyperSupport, logPsi = 0): Float64Array {
  const total = weights(s, logPsi);
  const out = new Float64Array(s.logWeight.length);
  for (let i = 0; i < out.length; i++) out[i] = (scratch[i] as number) / total;
  return out;
}

/** P(X ≤ x) or P(X ≥ x) at odds ratio exp(logPsi), summed over the tail itself (no 1 − … cancellation). */
export function hyperTail(s: HyperSupport, x: number, upper: boolean, logPsi = 0): number {
  const total = weights(s, logPsi);
  const w = scratch;
  let sum = 0;
  if (upper) for (let i = s.logWeight.length - 1; i >= x - s.lo; i--) sum += (w[i] as number) / total;
  else for (let i = 0; i <= x - s.lo; i++) sum += (w[i] as number) / total;
  return Math.min(1, sum);
}

/** Mean of x1 at odds ratio exp(logPsi). */
export function hyperMean(s: HyperSupport, logPsi: number): number {
  const total = weights(s, logPsi);
  const w = scratch;
  let mean = 0;
  for (let i = 0; i < s.logWeight.length; i++) mean += (s.lo + i) * ((w[i] as number) / total);
  return mean;
}

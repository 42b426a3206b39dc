import type { Alternative, TestResult } from './types.js';
import { hyperProbabilities, hyperSupport } from './hypergeometric.js';
import { checkCounts } from './validate.js';

export interface BoschlooOptions {
  readonly alternative?: Alternative;
  /** Grid points in θ = arcsin √π before refinement (default max(200, 20·√N), at most 4000). */
  readonly gridPoints?: number;
}

/**
 * Tables whose one-sided Fisher p differs from the observed one by less than this factor are
 * ties. scipy uses 1e-13; our tails carry up to ~1e-13 relative rounding of their own, so a
 * slightly wider 1e-9 keeps exact ties (e.g. mirror tables at n1 = n2) inside the region.
 */
const TIE = 1 + 1e-9;

/**
 * Boschloo's exact unconditional test (Boschloo 1970, Statistica Neerlandica 24:1), as
 * scipy.stats.boschloo_exact defines it: tables are ordered by Fisher's one-sided p-value
 * (the statistic reported), and the p-value is the supremum over the common success
 * probability π of P(table at least as extreme | π). Two-sided: 2 × the smaller one-sided p,
 * capped at 1 (scipy's definition).
 *
 * Fast evaluation: P(table (a, s−a) | π) = Bin(s; N, π) · Hyper(a | s), and within each total s
 * the rejection region is a tail {a ≥ a*(s)} (greater) whose conditional mass h_s is a
 * Fisher tail. So P(π) = Σ_s h_s·Bin(s; N, π): the region costs O(n1·N) once, and each π
 * costs O(√N) (binomial terms walked out from the mode by their ratio until they vanish).
 * The supremum is found on a grid uniform in θ = arcsin √π (where the binomial's spread is
 * constant) followed by golden-section refinement of the five best local maxima to 1e-12 in θ.
 */
export function boschloo(x1: number, n1: number, x2: number, n2: number, options: BoschlooOptions = {}): TestResult {
  const { alternative = 'two-sided' } = options;
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  if (alternative === 'two-sided') {
    const less = boschlooOneSided(x1, n1, x2, n2, 'less', options.gridPoints);
    const greater = boschlooOneSided(x1, n1, x2, n2, 'greater', options.gridPoints);
    const best = less.p < greater.p ? less : greater;
    return Object.freeze({ statistic: best.statistic, p: Math.min(1, 2 * best.p), method: 'boschloo', alternative });
  }
  const r = boschlooOneSided(x1, n1, x2, n2, alternative, options.gridPoints);
  return Object.freeze({ statistic: r.statistic, p: r.p, method: 'boschloo', alternative });
}

function boschlooOneSided(x1: number, n1: number, x2: number, n2: number, alternative: 'less' | 'greater', gridPoints?: number): { statistic: number; p: number } {
  // "less" (p1 < p2) on (x1, x2) is "greater" on the mirrored table (x2, x1).
  if (alternative === 'less') return boschlooOneSided(x2, n2, x1, n1, 'greater', gridPoints);
  const total = n1 + n2;
  const observed = fisherUpperTail(n1, n2, x1 + x2, x1);
  const h = new Float64Array(total + 1);
  for (let s = 0; s <= total; s++) h[s] = regionMass(n1, n2, s, observed * TIE);
  const p = supremum((pi) => mixture(h, total, pi), total, gridPoints);
  return { statistic: observed, p: Math.min(1, p) };
}

/** P(X1 ≥ x | X1 + X2 = s): Fisher's one-sided p for "greater". */
function fisherUpperTail(n1: number, n2: number, s: number, x: number): number {
  const sup = hyperSupport(n1, n2, s);
  const d = hyperProbabilities(sup);
  let sum = 0;
  for (let i = d.length - 1; i >= x - sup.lo; i--) sum += d[i] as number;
  return sum;
}

/** Conditional mass of the rejection region given s: the largest upper tail not above the threshold. */
function regionMass(n1: number, n2: number, s: number, threshold: number): number {
  const sup = hyperSupport(n1, n2, s);
  const d = hyperProbabilities(sup);
  let tail = 0;
  let mass = 0;
  for (let i = d.length - 1; i >= 0; i--) {
    tail += d[i] as number;
    if (tail <= threshold) mass = tail;
    else break;
  }
  return Math.min(1, mass);
}

/** Σ_s h_s·Bin(s; N, π), binomial terms by ratio recurrence from the mode. */
function mixture(h: Float64Array, total: number, pi: number): number {
  if (pi <= 0) return h[0] as number;
  if (pi >= 1) return h[total] as number;
  const mode = Math.min(total, Math.floor((total + 1) * pi));
  const logMode = logChoose(total, mode) + mode * Math.log(pi) + (total - mode) * Math.log1p(-pi);
  const odds = pi / (1 - pi);
  let sum = h[mode] as number;
  let term = 1;
  for (let s = mode + 1; s <= total; s++) {
    term *= ((total - s + 1) / s) * odds;
    if (term < 1e-300) break;
    sum += (h[s] as number) * term;
  }
  term = 1;
  for (let s = mode - 1; s >= 0; s--) {
    term *= (s + 1) / ((total - s) * odds);
    if (term < 1e-300) break;
    sum += (h[s] as number) * term;
  }
  return sum * Math.exp(logMode);
}

const LOG_FACTORIAL_CACHE: number[] = [0];
function logFactorial(n: number): number {
  for (let k = LOG_FACTORIAL_CACHE.length; k <= n; k++) LOG_FACTORIAL_CACHE[k] = (LOG_FACTORIAL_CACHE[k - 1] as number) + Math.log(k);
  return LOG_FACTORIAL_CACHE[n] as number;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** Supremum of f on [0, 1]: grid in θ = arcsin √π, then golden-section refinement of the best local maxima. */
function supremum(f: (pi: number) => number, total: number, gridPoints?: number): number {
  const m = gridPoints ?? Math.min(4000, Math.max(200, Math.ceil(20 * Math.sqrt(total))));
  const g = (theta: number): number => f(Math.sin(theta) ** 2);
  const step = Math.PI / 2 / m;
  const values = new Float64Array(m + 1);
  for (let i = 0; i <= m; i++) values[i] = g(i * step);
  const peaks: number[] = [];
  for (let i = 0; i <= m; i++) {
    const v = values[i] as number;
    if ((i === 0 || v >= (values[i - 1] as number)) && (i === m || v >= (values[i + 1] as number))) peaks.push(i);
  }
  peaks.sort((a, b) => (values[b] as number) - (values[a] as number));
  let best = Math.max(...values);
  for (const i of peaks.slice(0, 5)) {
    best = Math.max(best, goldenMax(g, Math.max(0, (i - 1) * step), Math.min(Math.PI / 2, (i + 1) * step)));
  }
  return best;
}

function goldenMax(g: (t: number) => number, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let gc = g(c);
  let gd = g(d);
  while (b - a > 1e-12) {
    if (gc >= gd) {
      b = d;
      d = c;
      gd = gc;
      c = b - r * (b - a);
      gc = g(c);
    } else {
      a = c;
      c = d;
      gc = gd;
      d = a + r * (b - a);
      gd = g(d);
    }
  }
  return Math.max(gc, gd);
}

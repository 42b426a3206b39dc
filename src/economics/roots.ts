/**
 * Root finding for break-evens, reporting honestly when there is none. Brent's method
 * (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4; the zeroin
 * algorithm as in R's uniroot) on a bracket, with the edge cases made explicit:
 * a root exactly at an end of the range is `boundary`, no sign change is `no_root`
 * together with the sign the function keeps over the range.
 */
export type RootStatus = 'found' | 'boundary' | 'no_root';

export interface RootResult {
  readonly status: RootStatus;
  readonly value: number | null;
  readonly range: readonly [number, number];
  /** When status is `no_root`: the sign of f over the whole range (+1 or −1). */
  readonly sign: 1 | -1 | null;
  readonly iterations: number;
}

/** `zeroTol`: |f| at or below this counts as zero at the ends (money functions carry ~1e-11 rounding). */
export function findRoot(f: (x: number) => number, lo: number, hi: number, tol = 1e-12, maxIter = 200, zeroTol = 0): RootResult {
  const range = [lo, hi] as const;
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  if (!Number.isFinite(fa) || !Number.isFinite(fb)) throw new RangeError(`findRoot: f is not finite at the ends of [${lo}, ${hi}]`);
  if (Math.abs(fa) <= zeroTol) return { status: 'boundary', value: a, range, sign: null, iterations: 0 };
  if (Math.abs(fb) <= zeroTol) return { status: 'boundary', value: b, range, sign: null, iterations: 0 };
  if (Math.sign(fa) === Math.sign(fb)) return { status: 'no_root', value: null, range, sign: fa > 0 ? 1 : -1, iterations: 0 };
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 1; i <= maxIter; i++) {
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    const xm = (c - b) / 2;
    if (Math.abs(xm) <= tol1 || fb === 0) return { status: 'found', value: b, range, sign: null, iterations: i };
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      // inverse quadratic interpolation, or the secant step when only two points differ
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
  }
  return { status: 'found', value: b, range, sign: null, iterations: maxIter };
}

/**
 * The smallest integer in [lo, hi] at which f changes sign relative to f(lo), for integer
 * parameters (horizon, constant years) where a continuous root has no meaning.
 */
export function findIntegerCrossing(f: (x: number) => number, lo: number, hi: number, zeroTol = 0): RootResult {
  const range = [lo, hi] as const;
  const f0 = f(lo);
  if (Math.abs(f0) <= zeroTol) return { status: 'boundary', value: lo, range, sign: null, iterations: 0 };
  for (let x = lo + 1; x <= hi; x++) {
    const fx = f(x);
    if (Math.abs(fx) <= zeroTol || Math.sign(fx) !== Math.sign(f0)) return { status: x === hi ? 'boundary' : 'found', value: x, range, sign: null, iterations: x - lo };
  }
  return { status: 'no_root', value: null, range, sign: f0 > 0 ? 1 : -1, iterations: hi - lo };
}

/**
 * Root of a continuous function with a sign change on [lo, hi], by bisection run to the
 * last representable digit. Bisection instead of Brent: the functions here are cheap,
 * and bisection's guaranteed bracket means our roots do not depend on a stopping
 * tolerance the way R's uniroot (tol ≈ 1.2e-4) does.
 */
export function bisect(f: (t: number) => number, lo: number, hi: number, maxIter = 2000, ends?: { readonly flo: number; readonly fhi: number }): number {
  // `ends`: f(lo) and f(hi) when the caller has them already (the same values f gives again).
  let flo = ends ? ends.flo : f(lo);
  if (flo === 0) return lo;
  const fhi = ends ? ends.fhi : f(hi);
  if (fhi === 0) return hi;
  if (Math.sign(flo) === Math.sign(fhi)) throw new RangeError(`bisect: no sign change on [${lo}, ${hi}] (${flo}, ${fhi})`);
  for (let i = 0; i < maxIter; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const fm = f(mid);
    if (fm === 0) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  return lo + (hi - lo) / 2;
}

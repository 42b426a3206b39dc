/**
 * Standard normal lower and upper tail probabilities by Cody's rational Chebyshev
 * approximations (Cody 1969, Math Comp 23:631; the algorithm of R's pnorm, ACM TOMS 715),
 * with the exp(−x²/2) factor split as exp(−xsq²/2)·exp(−del/2) so that no accuracy is lost
 * in the tails: about 1e-16 relative from z = −37.5 to 37.5 (beyond that the probability
 * underflows and, as in R, 0 is returned). stdlib's normal CDF drifts to ~1e-13 relative
 * by z = −30, which is why this one is used.
 */
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124,
  9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411,
  19685.429676859990727,
];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];
const SQRT_32 = 5.656854249492380195206754896838;
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
const at = (a: readonly number[], i: number): number => a[i] as number;

/** [P(Z ≤ x), P(Z > x)]. */
export function normalTails(x: number): [number, number] {
  if (Number.isNaN(x)) return [NaN, NaN];
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    let xnum = 0;
    let xden = 0;
    if (y > Number.EPSILON / 2) {
      const xsq = x * x;
      xnum = at(A, 4) * xsq;
      xden = xsq;
      for (let i = 0; i < 3; i++) {
        xnum = (xnum + at(A, i)) * xsq;
        xden = (xden + at(B, i)) * xsq;
      }
    }
    const temp = (x * (xnum + at(A, 3))) / (xden + at(B, 3));
    return [0.5 + temp, 0.5 - temp];
  }
  let small: number;
  if (y <= SQRT_32) {
    let xnum = at(C, 8) * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + at(C, i)) * y;
      xden = (xden + at(D, i)) * y;
    }
    small = gaussianFactor(y) * ((xnum + at(C, 7)) / (xden + at(D, 7)));
  } else if (y < 37.5193) {
    const xsq = 1 / (x * x);
    let xnum = at(P, 5) * xsq;
    let xden = xsq;
    for (let i = 0; i < 4; i++) {
      xnum = (xnum + at(P, i)) * xsq;
      xden = (xden + at(Q, i)) * xsq;
    }
    const temp = (xsq * (xnum + at(P, 4))) / (xden + at(Q, 4));
    small = gaussianFactor(y) * ((ONE_OVER_SQRT_2PI - temp) / y);
  } else {
    small = 0;
  }
  return x > 0 ? [1 - small, small] : [small, 1 - small];
}

/** exp(−y²/2) computed as exp(−s²/2)·exp(−(y − s)(y + s)/2) with s = y rounded down to 1/16 (exact square). */
function gaussianFactor(y: number): number {
  const s = Math.trunc(y * 16) / 16;
  const del = (y - s) * (y + s);
  return Math.exp(-s * s * 0.5) * Math.exp(-del * 0.5);
}

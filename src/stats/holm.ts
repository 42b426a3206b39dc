/**
 * Holm's step-down adjustment (Holm 1979, Scand J Stat 6:65), computed as R's
 * p.adjust(p, "holm"): sort, multiply the i-th smallest by (m − i + 1), take running
 * maxima, cap at 1. NaN entries stay NaN and, as in R (whose default n is taken after
 * dropping NAs), do not count in m.
 */
export function holm(pValues: readonly number[]): number[] {
  const order = pValues
    .map((p, i) => ({ p, i }))
    .filter((e) => !Number.isNaN(e.p))
    .sort((a, b) => a.p - b.p || a.i - b.i);
  const m = order.length;
  const out = pValues.map(() => NaN);
  let running = 0;
  order.forEach((e, rank) => {
    running = Math.max(running, (m - rank) * e.p);
    out[e.i] = Math.min(1, running);
  });
  return out;
}

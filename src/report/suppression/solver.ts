/**
 * Integer feasibility of a small system of ±1-coefficient sum equations over bounded
 * integer unknowns: what a reader of a suppressed table can deduce. Interval constraint
 * propagation (bounds consistency, as in CP solvers: each variable's bounds are narrowed to
 * what the other variables' bounds allow, to a fixpoint) followed by domain bisection,
 * which is complete for bounded integers. The systems here have at most a few dozen
 * unknowns with a handful of constraints, so this is instantaneous.
 */

export interface LinearEquation {
  /** Σ coef·x[var] = constant, coef ∈ {+1, −1}. */
  readonly terms: readonly { readonly variable: number; readonly coef: 1 | -1 }[];
  readonly constant: number;
}

export type Domain = [lo: number, hi: number];

/** Narrow the domains in place; false when some domain becomes empty (infeasible). */
function propagate(domains: Domain[], equations: readonly LinearEquation[]): boolean {
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of equations) {
      let min = 0;
      let max = 0;
      for (const t of eq.terms) {
        const d = domains[t.variable] as Domain;
        if (t.coef === 1) {
          min += d[0];
          max += d[1];
        } else {
          min -= d[1];
          max -= d[0];
        }
      }
      if (min > eq.constant || max < eq.constant) return false;
      for (const t of eq.terms) {
        const d = domains[t.variable] as Domain;
        // Contribution bounds of the other terms: total bounds minus this term's own.
        const selfMin = t.coef === 1 ? d[0] : -d[1];
        const selfMax = t.coef === 1 ? d[1] : -d[0];
        const restMin = min - selfMin;
        const restMax = max - selfMax;
        // coef·x = constant − rest
        let lo = eq.constant - restMax;
        let hi = eq.constant - restMin;
        if (t.coef === -1) [lo, hi] = [-hi, -lo];
        if (lo > d[0] || hi < d[1]) {
          const nlo = Math.max(d[0], lo);
          const nhi = Math.min(d[1], hi);
          if (nlo > nhi) return false;
          if (nlo !== d[0] || nhi !== d[1]) {
            d[0] = nlo;
            d[1] = nhi;
            changed = true;
            // Bounds moved: recompute this equation's totals on the next sweep.
          }
        }
      }
    }
  }
  return true;
}

/** Is there an integer point inside the domains satisfying every equation? */
export function feasible(domains: readonly Domain[], equations: readonly LinearEquation[]): boolean {
  const d = domains.map((x) => [x[0], x[1]] as Domain);
  if (!propagate(d, equations)) return false;
  let widest = -1;
  let width = 0;
  for (let i = 0; i < d.length; i += 1) {
    const w = (d[i] as Domain)[1] - (d[i] as Domain)[0];
    if (w > width) {
      width = w;
      widest = i;
    }
  }
  if (widest < 0) return true; // every variable fixed and all equations held under propagation
  const [lo, hi] = d[widest] as Domain;
  const mid = Math.floor((lo + hi) / 2);
  const left = d.map((x) => [x[0], x[1]] as Domain);
  (left[widest] as Domain)[1] = mid;
  if (feasible(left, equations)) return true;
  const right = d.map((x) => [x[0], x[1]] as Domain);
  (right[widest] as Domain)[0] = mid + 1;
  return feasible(right, equations);
}

/**
 * The values variable `v` can take in some solution, scanning its domain; stops after
 * `limit` values (2 answers "is it pinned?").
 */
export function feasibleValues(domains: readonly Domain[], equations: readonly LinearEquation[], v: number, limit = Infinity): number[] {
  const out: number[] = [];
  const [lo, hi] = domains[v] as Domain;
  for (let x = lo; x <= hi && out.length < limit; x += 1) {
    const d = domains.map((y) => [y[0], y[1]] as Domain);
    d[v] = [x, x];
    if (feasible(d, equations)) out.push(x);
  }
  return out;
}

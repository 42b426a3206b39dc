/**
 * Integer feasibility of a small system of ±1-coefficient sum equations over bounded
 * integer unknowns: what a reader of a suppressed table can deduce. Interval constraint
 * propagation (bounds consistency, as in CP solvers: each variable's bounds are narrowed to
 * what the other variables' bounds allow, to a fixpoint) followed by depth-first branching,
 * which is complete for bounded integers. Branching tries a hint first (the true values,
 * which are known to satisfy the equations), so a nearby alternative solution is found fast.
 * A node budget bounds the work; callers treat an exhausted budget as "no other solution",
 * the cautious answer (it leads to more suppression, never less).
 */

export interface LinearEquation {
  /** Σ coef·x[var] = constant, coef ∈ {+1, −1}. */
  readonly terms: readonly { readonly variable: number; readonly coef: 1 | -1 }[];
  readonly constant: number;
}

export type Domain = [lo: number, hi: number];

export type Feasibility = 'feasible' | 'infeasible' | 'unknown';

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
        // The other terms' bounds: the totals minus this term's own contribution (stale
        // totals after a narrowing within the sweep are wider, so still sound).
        const selfMin = t.coef === 1 ? d[0] : -d[1];
        const selfMax = t.coef === 1 ? d[1] : -d[0];
        let lo = eq.constant - (max - selfMax);
        let hi = eq.constant - (min - selfMin);
        if (t.coef === -1) [lo, hi] = [-hi, -lo];
        const nlo = Math.max(d[0], lo);
        const nhi = Math.min(d[1], hi);
        if (nlo > nhi) return false;
        if (nlo !== d[0] || nhi !== d[1]) {
          d[0] = nlo;
          d[1] = nhi;
          changed = true;
        }
      }
    }
  }
  return true;
}

/** Is there an integer point inside the domains satisfying every equation? */
export function feasible(domains: readonly Domain[], equations: readonly LinearEquation[], hint?: readonly number[], budget = 50_000): Feasibility {
  let nodes = 0;
  const search = (d: Domain[]): Feasibility => {
    nodes += 1;
    if (nodes > budget) return 'unknown';
    if (!propagate(d, equations)) return 'infeasible';
    // Branch on the narrowest open domain (fail first).
    let pick = -1;
    let width = Infinity;
    for (let i = 0; i < d.length; i += 1) {
      const w = (d[i] as Domain)[1] - (d[i] as Domain)[0];
      if (w > 0 && w < width) {
        width = w;
        pick = i;
      }
    }
    if (pick < 0) return 'feasible'; // all fixed and consistent under propagation
    const [lo, hi] = d[pick] as Domain;
    const h = hint?.[pick];
    const parts: Domain[] = [];
    if (h !== undefined && h >= lo && h <= hi) {
      parts.push([h, h]);
      if (h > lo) parts.push([lo, h - 1]);
      if (h < hi) parts.push([h + 1, hi]);
    } else {
      const mid = Math.floor((lo + hi) / 2);
      parts.push([lo, mid], [mid + 1, hi]);
    }
    let unknown = false;
    for (const part of parts) {
      const next = d.map((x) => [x[0], x[1]] as Domain);
      next[pick] = part;
      const r = search(next);
      if (r === 'feasible') return r;
      if (r === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : 'infeasible';
  };
  return search(domains.map((x) => [x[0], x[1]] as Domain));
}

/**
 * Can variable `v` take a value other than `truth[v]` in some solution? (The truth itself is
 * a solution.) 'unknown' when the budget ran out.
 */
export function hasAlternative(domains: readonly Domain[], equations: readonly LinearEquation[], v: number, truth: readonly number[], budget = 50_000): Feasibility {
  const [lo, hi] = domains[v] as Domain;
  const t = truth[v] as number;
  let unknown = false;
  for (const part of [
    [lo, t - 1],
    [t + 1, hi],
  ] as Domain[]) {
    if (part[0] > part[1]) continue;
    const d = domains.map((x) => [x[0], x[1]] as Domain);
    d[v] = part;
    const r = feasible(d, equations, truth, budget);
    if (r === 'feasible') return r;
    if (r === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'infeasible';
}

/** The values variable `v` can take in some solution (for tests and small systems). */
export function feasibleValues(domains: readonly Domain[], equations: readonly LinearEquation[], v: number, limit = Infinity): number[] {
  const out: number[] = [];
  const [lo, hi] = domains[v] as Domain;
  for (let x = lo; x <= hi && out.length < limit; x += 1) {
    const d = domains.map((y) => [y[0], y[1]] as Domain);
    d[v] = [x, x];
    if (feasible(d, equations) === 'feasible') out.push(x);
  }
  return out;
}

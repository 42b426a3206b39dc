import { feasibleValues, type Domain, type LinearEquation } from './solver.js';

/**
 * Small-cell suppression with complementary suppression, checked by an attacker model.
 *
 * Primary suppression: a published count c with 1 ≤ c < threshold (a true 0 is shown, as in
 * Danish register practice: only 1–4 persons identify someone).
 *
 * Complementary (secondary) suppression follows the classic rule of statistical disclosure
 * control (Hundepool et al., "Statistical Disclosure Control", Wiley 2012, §4.2 and §7.3):
 * a suppressed cell must not be derivable from the published margins. We check that
 * directly: a reader who knows every shown cell, every published total and every equation
 * between them (row totals, outcome sums, subgroup sums) and who knows that a cell marked
 * "<T" lies in 1…T−1, that a complementary cell lies in T…its group size (we only ever pick
 * cells ≥ T, so the reader may assume so) and that an unpublished cell lies in 0…its bound,
 * must still find at least two possible values for every primary cell. While some primary
 * cell is pinned, we suppress the smallest shown cell ≥ T in an equation with it (the
 * "next-smallest cell" rule), and look further along the equations only when the direct
 * neighbours are exhausted. Totals marked `soft` (e.g. rows read from a file) are taken only
 * as a last resort; `fixed` totals (group sizes) never.
 */

export type CellRole = 'cell' | 'soft' | 'fixed' | 'hidden';

export interface CellSpec {
  readonly id: string;
  readonly value: number;
  /**
   * cell: a published count, suppressible; soft: a published total, suppressed only when
   * nothing else protects; fixed: a published total never suppressed; hidden: never
   * published (its value is unknown to the reader, bounded by 0…upper).
   */
  readonly role: CellRole;
  /** Largest value the reader can assume (the size of the group it counts from). */
  readonly upper: number;
}

/** Σ plus − Σ minus = 0 over cell ids. */
export interface SumConstraint {
  readonly plus: readonly string[];
  readonly minus: readonly string[];
}

export type CellStatus = 'shown' | 'primary' | 'complementary';

export interface ProtectionResult {
  readonly status: ReadonlyMap<string, CellStatus>;
  /** Primary cells that stayed derivable because no cell could be added (should be empty). */
  readonly unprotected: readonly string[];
}

export function protect(cells: readonly CellSpec[], constraints: readonly SumConstraint[], threshold: number): ProtectionResult {
  const byId = new Map(cells.map((c) => [c.id, c]));
  for (const k of constraints) {
    for (const id of [...k.plus, ...k.minus]) if (!byId.has(id)) throw new Error(`suppression: constraint names unknown cell ${id}`);
  }
  const status = new Map<string, CellStatus>();
  for (const c of cells) {
    const small = c.role === 'cell' && c.value >= 1 && c.value < threshold;
    status.set(c.id, small ? 'primary' : 'shown');
  }
  const unprotected = new Set<string>();
  for (;;) {
    const pinned = pinnedPrimaries(cells, constraints, status, threshold).filter((id) => !unprotected.has(id));
    const target = pinned[0];
    if (target === undefined) break;
    const pick = complementFor(target, cells, constraints, status, threshold, byId);
    if (pick === undefined) unprotected.add(target);
    else status.set(pick, 'complementary');
  }
  return { status, unprotected: [...unprotected] };
}

/**
 * Cells whose value must stay ambiguous: primary cells, and unpublished cells that count
 * 1…T−1 persons (e.g. the persons without an outcome in a small subgroup, which the shown
 * count and the subgroup size would otherwise give away).
 */
export function needsProtection(cell: CellSpec, st: CellStatus, threshold: number): boolean {
  if (st === 'primary') return true;
  return cell.role === 'hidden' && cell.value >= 1 && cell.value < threshold;
}

/** The attacker's bounds on a cell given how it is published. */
export function readerDomain(cell: CellSpec, st: CellStatus, threshold: number): Domain {
  if (cell.role === 'hidden') return [0, cell.upper];
  if (st === 'primary') return [1, Math.min(threshold - 1, cell.upper)];
  if (st === 'complementary') return [Math.min(threshold, cell.upper), cell.upper];
  return [cell.value, cell.value];
}

/** Cells needing protection whose value the reader can pin down exactly. */
export function pinnedPrimaries(
  cells: readonly CellSpec[],
  constraints: readonly SumConstraint[],
  status: ReadonlyMap<string, CellStatus>,
  threshold: number,
): string[] {
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const domains = cells.map((c) => readerDomain(c, status.get(c.id) ?? 'shown', threshold));
  const equations: LinearEquation[] = constraints.map((k) => ({
    terms: [...k.plus.map((id) => ({ variable: index.get(id) as number, coef: 1 as const })), ...k.minus.map((id) => ({ variable: index.get(id) as number, coef: -1 as const }))],
    constant: 0,
  }));
  const out: string[] = [];
  for (const c of cells) {
    if (!needsProtection(c, status.get(c.id) ?? 'shown', threshold)) continue;
    const i = index.get(c.id) as number;
    // Only the equations reachable from this cell through unknown cells matter.
    const { vars, eqs } = component(i, equations, domains);
    const local = new Map(vars.map((v, j) => [v, j]));
    const localDomains = vars.map((v) => domains[v] as Domain);
    const localEqs = eqs.map((e) => {
      let constant = e.constant;
      const terms: { variable: number; coef: 1 | -1 }[] = [];
      for (const t of e.terms) {
        const d = domains[t.variable] as Domain;
        if (d[0] === d[1] && !local.has(t.variable)) constant -= t.coef * d[0];
        else terms.push({ variable: local.get(t.variable) as number, coef: t.coef });
      }
      return { terms, constant };
    });
    if (feasibleValues(localDomains, localEqs, local.get(i) as number, 2).length < 2) out.push(c.id);
  }
  return out;
}

/** Unknown variables and equations connected to variable `start` through unknown variables. */
function component(start: number, equations: readonly LinearEquation[], domains: readonly Domain[]): { vars: number[]; eqs: LinearEquation[] } {
  const unknown = (v: number) => {
    const d = domains[v] as Domain;
    return d[0] !== d[1];
  };
  const seen = new Set<number>([start]);
  const eqSeen = new Set<number>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift() as number;
    equations.forEach((e, k) => {
      if (eqSeen.has(k) || !e.terms.some((t) => t.variable === v)) return;
      eqSeen.add(k);
      for (const t of e.terms) {
        if (unknown(t.variable) && !seen.has(t.variable)) {
          seen.add(t.variable);
          queue.push(t.variable);
        }
      }
    });
  }
  return { vars: [...seen].sort((a, b) => a - b), eqs: [...eqSeen].sort((a, b) => a - b).map((k) => equations[k] as LinearEquation) };
}

/**
 * The cell to suppress next for a pinned primary: the smallest shown cell ≥ threshold
 * among the constraints touching the target, then among constraints touching any cell
 * already suppressed in its neighbourhood; ordinary cells before soft totals.
 */
function complementFor(
  target: string,
  cells: readonly CellSpec[],
  constraints: readonly SumConstraint[],
  status: ReadonlyMap<string, CellStatus>,
  threshold: number,
  byId: ReadonlyMap<string, CellSpec>,
): string | undefined {
  const order = new Map(cells.map((c, i) => [c.id, i]));
  const frontier = new Set<string>([target]);
  const visited = new Set<number>();
  for (;;) {
    const touching = constraints.map((k, i) => [k, i] as const).filter(([k, i]) => !visited.has(i) && [...k.plus, ...k.minus].some((id) => frontier.has(id)));
    if (touching.length === 0) return undefined;
    for (const [, i] of touching) visited.add(i);
    const candidates = new Set<string>();
    for (const [k] of touching) for (const id of [...k.plus, ...k.minus]) candidates.add(id);
    for (const role of ['cell', 'soft'] as const) {
      const ok = [...candidates]
        .map((id) => byId.get(id) as CellSpec)
        .filter((c) => c.role === role && status.get(c.id) === 'shown' && c.value >= threshold)
        .sort((a, b) => a.value - b.value || (order.get(a.id) as number) - (order.get(b.id) as number));
      // One-step lookahead: the smallest candidate that alone frees the target, so a
      // complement inside an outcome's sum (which that sum would pin in turn) does not
      // cascade into hiding the table's key rows; else simply the smallest.
      const frees = ok.find((c) => {
        const trial = new Map(status);
        trial.set(c.id, 'complementary');
        return !pinnedPrimaries(cells, constraints, trial, threshold).includes(target);
      });
      if (frees) return frees.id;
      if (ok[0]) return ok[0].id;
    }
    // Widen: continue from every unknown cell in these constraints.
    for (const id of candidates) {
      const st = status.get(id);
      if (st !== 'shown' || byId.get(id)?.role === 'hidden') frontier.add(id);
    }
  }
}

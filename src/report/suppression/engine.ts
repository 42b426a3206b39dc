import { hasAlternative, type Domain, type LinearEquation } from './solver.js';

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
   * cell: a published count, suppressible; soft: a published count or total that is
   * suppressed when small but taken as a complement only when no ordinary cell protects; fixed: a published total never suppressed; hidden: never
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

export function protect(cells: readonly CellSpec[], constraints: readonly SumConstraint[], threshold: number, onPick?: (target: string, pick: string) => void): ProtectionResult {
  const byId = new Map(cells.map((c) => [c.id, c]));
  for (const k of constraints) {
    for (const id of [...k.plus, ...k.minus]) if (!byId.has(id)) throw new Error(`suppression: constraint names unknown cell ${id}`);
  }
  const status = new Map<string, CellStatus>();
  for (const c of cells) {
    const small = (c.role === 'cell' || c.role === 'soft') && c.value >= 1 && c.value < threshold;
    status.set(c.id, small ? 'primary' : 'shown');
  }
  const system = new System(cells, constraints, threshold);
  const unprotected: string[] = [];
  // Hiding more cells only widens what the reader must consider, so a cell once protected
  // stays protected: one pass over the cells suffices.
  for (const c of cells) {
    if (!needsProtection(c, status.get(c.id) ?? 'shown', threshold)) continue;
    while (system.pinned(c.id, status)) {
      const pick = complementFor(c.id, cells, constraints, status, threshold, byId, system);
      if (pick === undefined) {
        unprotected.push(c.id);
        break;
      }
      status.set(pick, 'complementary');
      onPick?.(c.id, pick);
    }
  }
  return { status, unprotected };
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

/** The reader's equations over all cells, for repeated "can this cell be pinned?" questions. */
export class System {
  private readonly index: Map<string, number>;
  private readonly equations: LinearEquation[];
  private readonly truth: number[];

  constructor(
    private readonly cells: readonly CellSpec[],
    constraints: readonly SumConstraint[],
    private readonly threshold: number,
  ) {
    this.index = new Map(cells.map((c, i) => [c.id, i]));
    const at = (id: string) => this.index.get(id) as number;
    this.equations = constraints.map((k) => ({
      terms: [...k.plus.map((id) => ({ variable: at(id), coef: 1 as const })), ...k.minus.map((id) => ({ variable: at(id), coef: -1 as const }))],
      constant: 0,
    }));
    this.truth = cells.map((c) => c.value);
  }

  /** Can the reader work out the exact value of cell `id` from what is shown? */
  pinned(id: string, status: ReadonlyMap<string, CellStatus>): boolean {
    const i = this.index.get(id);
    if (i === undefined) return false;
    const domains = this.cells.map((c) => readerDomain(c, status.get(c.id) ?? 'shown', this.threshold));
    // Only the equations reachable from this cell through unknown cells matter.
    const { vars, eqs } = component(i, this.equations, domains);
    const local = new Map(vars.map((v, j) => [v, j]));
    const localEqs = eqs.map((e) => {
      let constant = e.constant;
      const terms: { variable: number; coef: 1 | -1 }[] = [];
      for (const t of e.terms) {
        const local_ = local.get(t.variable);
        if (local_ === undefined) constant -= t.coef * (domains[t.variable] as Domain)[0];
        else terms.push({ variable: local_, coef: t.coef });
      }
      return { terms, constant };
    });
    const r = hasAlternative(
      vars.map((v) => domains[v] as Domain),
      localEqs,
      local.get(i) as number,
      vars.map((v) => this.truth[v] as number),
    );
    return r !== 'feasible';
  }
}

/** Cells needing protection whose value the reader can pin down exactly. */
export function pinnedPrimaries(cells: readonly CellSpec[], constraints: readonly SumConstraint[], status: ReadonlyMap<string, CellStatus>, threshold: number): string[] {
  const system = new System(cells, constraints, threshold);
  return cells.filter((c) => needsProtection(c, status.get(c.id) ?? 'shown', threshold) && system.pinned(c.id, status)).map((c) => c.id);
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
 * The cell to suppress next for a pinned cell: the smallest shown cell ≥ threshold in an
 * equation with the target, preferring one that frees the target by itself; if the direct
 * equations offer none, the equations of the cells already hidden around it, and so on
 * outwards. Ordinary cells anywhere in that neighbourhood come before soft totals.
 */
function complementFor(
  target: string,
  cells: readonly CellSpec[],
  constraints: readonly SumConstraint[],
  status: ReadonlyMap<string, CellStatus>,
  threshold: number,
  byId: ReadonlyMap<string, CellSpec>,
  system: System,
): string | undefined {
  const order = new Map(cells.map((c, i) => [c.id, i]));
  // Breadth-first layers of candidate cells around the target.
  const layers: string[][] = [];
  const frontier = new Set<string>([target]);
  const visited = new Set<number>();
  for (;;) {
    const touching = constraints.map((k, i) => [k, i] as const).filter(([k, i]) => !visited.has(i) && [...k.plus, ...k.minus].some((id) => frontier.has(id)));
    if (touching.length === 0) break;
    for (const [, i] of touching) visited.add(i);
    const layer = new Set<string>();
    for (const [k] of touching) for (const id of [...k.plus, ...k.minus]) layer.add(id);
    layers.push([...layer]);
    for (const id of layer) {
      const st = status.get(id);
      if (st !== 'shown' || byId.get(id)?.role === 'hidden') frontier.add(id);
    }
  }
  for (const role of ['cell', 'soft'] as const) {
    for (const layer of layers) {
      const ok = layer
        .map((id) => byId.get(id) as CellSpec)
        .filter((c) => c.role === role && status.get(c.id) === 'shown' && c.value >= threshold)
        .sort((a, b) => a.value - b.value || (order.get(a.id) as number) - (order.get(b.id) as number));
      if (ok.length === 0) continue;
      // One-step lookahead: the smallest candidate that alone frees the target, so a
      // complement inside an outcome's sum (which that sum would pin in turn) does not
      // cascade into hiding the table's key rows; else simply the smallest.
      const frees = ok.slice(0, 8).find((c) => {
        const trial = new Map(status);
        trial.set(c.id, 'complementary');
        return !system.pinned(target, trial);
      });
      return (frees ?? ok[0] as CellSpec).id;
    }
  }
  return undefined;
}

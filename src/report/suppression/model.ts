/**
 * The evaluation's published counts as cells and the sum equations a reader can form
 * between them (see engine.ts for the attacker model). Cell ids are effect.json paths.
 */
import type { CovariateBalance, Evaluation } from '../../pipeline/types.js';
import type { CellSpec, SumConstraint } from './engine.js';

export type Side = 'participants' | 'controls';
export const SIDES: readonly Side[] = ['participants', 'controls'];

export interface CellModel {
  readonly cells: CellSpec[];
  readonly constraints: SumConstraint[];
}

export const ids = {
  statusTotal: (g: Side) => `status_distribution.total.${g}`,
  status: (cat: string, g: Side) => `status_distribution.${cat}.${g}`,
  events: (o: string, g: Side) => `outcomes.${o}.${g}.events`,
  nonEvents: (o: string, g: Side) => `outcomes.${o}.${g}.non_events`,
  level: (v: string, l: string, g: Side) => `subgroups.${v}.${l}.${g}`,
  levelMissing: (v: string, g: Side) => `subgroups.${v}.(missing).${g}`,
  levelEvents: (v: string, l: string, o: string, g: Side) => `subgroups.${v}.${l}.outcomes.${o}.${g}.events`,
  levelNonEvents: (v: string, l: string, o: string, g: Side) => `subgroups.${v}.${l}.outcomes.${o}.${g}.non_events`,
  balance: (cov: string, level: string, g: Side) => `balance.${cov}.${level}.${g}`,
  balanceMissing: (cov: string, g: Side) => `balance.${cov}.(missing).${g}`,
  continuous: (v: string, g: Side) => `continuous.${v}.${g}.n`,
  cohort: (g: Side) => `cohort.${g}`,
  fileRead: (i: number) => `reconciliation.files.${i}.rows_read`,
  fileUsed: (i: number) => `reconciliation.files.${i}.rows_used`,
  fileExcluded: (i: number, reason: string) => `reconciliation.files.${i}.excluded.${reason}`,
  personsExcluded: (reason: string) => `reconciliation.persons.excluded.${reason}`,
};

/** Roles of input files whose rows are persons (the register files' rows are person-weeks/months). */
const PERSON_FILES = new Set(['participants', 'controls', 'questionnaire']);

export function buildCellModel(ev: Evaluation): CellModel {
  const cells: CellSpec[] = [];
  const constraints: SumConstraint[] = [];
  const add = (id: string, value: number, role: CellSpec['role'], upper: number) => {
    cells.push({ id, value, role, upper: Math.max(upper, value) });
    return id;
  };
  const total: Record<Side, number> = { participants: 0, controls: 0 };
  for (const g of SIDES) {
    total[g] = ev.status_distribution.reduce((s, r) => s + r[g], 0);
    add(ids.statusTotal(g), total[g], 'fixed', total[g]);
    add(ids.cohort(g), ev.cohort[g], 'fixed', ev.cohort[g]);
  }

  // Status table: each group's column sums to its total; each outcome sums its categories.
  for (const g of SIDES) {
    const col = ev.status_distribution.map((r) => add(ids.status(r.category, g), r[g], 'cell', total[g]));
    constraints.push({ plus: col, minus: [ids.statusTotal(g)] });
    for (const o of Object.values(ev.outcomes)) {
      const side = o[g];
      const e = add(ids.events(o.id, g), side.events, 'cell', side.n);
      const ne = add(ids.nonEvents(o.id, g), side.n - side.events, 'hidden', side.n);
      constraints.push({ plus: o.categories.map((c) => ids.status(c, g)), minus: [e] });
      constraints.push({ plus: [e, ne], minus: [ids.statusTotal(g)] });
    }
  }

  // Subgroups: levels (and the unpublished persons without a level) add up to the group and
  // to each outcome's count; within a level, events + non-events = level size.
  const variables = [...new Set(ev.subgroups.map((s) => s.variable))];
  for (const v of variables) {
    const levels = ev.subgroups.filter((s) => s.variable === v);
    for (const g of SIDES) {
      const sizes = levels.map((l) => add(ids.level(v, l.level, g), l[g], 'cell', total[g]));
      const missingN = total[g] - levels.reduce((s, l) => s + l[g], 0);
      const miss = add(ids.levelMissing(v, g), missingN, 'hidden', total[g]);
      constraints.push({ plus: [...sizes, miss], minus: [ids.statusTotal(g)] });
      for (const o of Object.values(ev.outcomes)) {
        const ev_ = levels.map((l) => {
          const lo = l.outcomes[o.id];
          const events = lo ? lo[g].events : 0;
          const n = l[g];
          const e = add(ids.levelEvents(v, l.level, o.id, g), events, 'cell', n);
          const ne = add(ids.levelNonEvents(v, l.level, o.id, g), n - events, 'hidden', n);
          constraints.push({ plus: [e, ne], minus: [ids.level(v, l.level, g)] });
          return e;
        });
        const missEvents = o[g].events - levels.reduce((s, l) => s + (l.outcomes[o.id]?.[g].events ?? 0), 0);
        const me = add(`${ids.levelMissing(v, g)}.${o.id}.events`, missEvents, 'hidden', missingN);
        const mne = add(`${ids.levelMissing(v, g)}.${o.id}.non_events`, missingN - missEvents, 'hidden', missingN);
        constraints.push({ plus: [me, mne], minus: [miss] });
        constraints.push({ plus: [...ev_, me], minus: [ids.events(o.id, g)] });
      }
    }
  }

  // Covariate table: shares of categorical levels (and 0/1 numeric covariates) are counts
  // over the group; their complement within the covariate is known.
  for (const [cov, rows] of groupBy(ev.balance, (b) => b.covariate)) {
    for (const g of SIDES) {
      if (g === 'controls' && ev.cohort.weighted) continue; // weighted shares are not person counts
      const n = ev.cohort[g];
      const counts = balanceCounts(rows, g, n);
      if (!counts) continue;
      const levelIds = counts.map((c) => add(ids.balance(cov, c.level, g), c.count, c.hidden ? 'hidden' : 'cell', n));
      const missing = n - counts.reduce((s, c) => s + c.count, 0);
      // Shares of the answered sum to 100 %, so with no missing answers the reader knows it.
      const miss = add(ids.balanceMissing(cov, g), Math.max(0, missing), missing > 0 ? 'hidden' : 'fixed', n);
      constraints.push({ plus: [...levelIds, miss], minus: [ids.cohort(g)] });
    }
  }

  // Paid hours and wages among the employed: a mean over fewer than T persons is theirs.
  for (const c of ev.continuous) {
    for (const g of SIDES) add(ids.continuous(c.variable, g), c[g].n, 'cell', total[g]);
  }

  // Reconciliation of the person files: rows read = used + Σ excluded.
  ev.reconciliation.files.forEach((f, i) => {
    if (!PERSON_FILES.has(f.role)) return;
    const excluded = Object.entries(f.excluded).map(([reason, n]) => add(ids.fileExcluded(i, reason), n, 'cell', f.rows_read));
    add(ids.fileRead(i), f.rows_read, 'soft', f.rows_read);
    add(ids.fileUsed(i), f.rows_used, 'fixed', f.rows_read);
    constraints.push({ plus: [ids.fileUsed(i), ...excluded], minus: [ids.fileRead(i)] });
  });
  const persons = ev.reconciliation.persons;
  const excludedPersons = Object.entries(persons.excluded).map(([reason, n]) => add(ids.personsExcluded(reason), n, 'cell', persons.participants + persons.controls));
  if (persons.participants === ev.cohort.participants && persons.controls === ev.cohort.controls) {
    constraints.push({ plus: [ids.statusTotal('participants'), ids.statusTotal('controls'), ...excludedPersons], minus: [ids.cohort('participants'), ids.cohort('controls')] });
  }
  return { cells, constraints };
}

/**
 * Person counts behind a covariate's rows: categorical levels give share × n; a numeric
 * covariate whose means are 0/1 shares (share × n a whole number in both groups) gives the
 * ones (shown) and the zeros (unpublished complement). Other numeric covariates have none.
 */
export function balanceCounts(rows: readonly CovariateBalance[], g: Side, n: number): { level: string; count: number; hidden: boolean }[] | null {
  const mean = (b: CovariateBalance) => (g === 'participants' ? b.participants_mean : b.controls_mean);
  const whole = (x: number) => Number.isFinite(x) && Math.abs(x - Math.round(x)) < 1e-6;
  if (rows.length === 1 && rows[0]?.level === null) {
    const m = mean(rows[0]);
    if (!(m >= 0 && m <= 1) || !whole(m * n)) return null;
    const ones = Math.round(m * n);
    return [
      { level: '1', count: ones, hidden: false },
      { level: '0', count: n - ones, hidden: true },
    ];
  }
  return rows.filter((b) => b.level !== null).map((b) => ({ level: b.level as string, count: Number.isFinite(mean(b)) ? Math.round(mean(b) * n) : 0, hidden: false }));
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

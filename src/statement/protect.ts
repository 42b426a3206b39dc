import { protect, type CellSpec, type CellStatus, type SumConstraint } from '../report/suppression/engine.js';
import type { Ledger } from './ledger.js';

export interface SeriesProtection {
  /** Status of a period cell: `${period}|participants`, `${period}|reached|${outcome}`, `${period}|line|${line}`. */
  readonly status: (id: string) => CellStatus;
  readonly unprotected: readonly string[];
}

/**
 * Small-cell suppression of the statement counts over the whole series of periods, with the
 * repository's engine (src/report/suppression: primary suppression of 1…T−1, complementary
 * suppression checked by an attacker model). The reader is assumed to know every period's
 * statement and the whole-cohort totals (the effect note publishes them), so the equations
 * are: each row of periods sums to its whole-cohort total; in each period, the participants
 * followed up = those in an outcome + those not (unpublished, protected when 1…T−1); and
 * with several prices, the paying outcome = Σ its price lines. Amounts are price × count,
 * so an amount is shown exactly when its count is.
 */
export function protectSeries(ledger: Ledger, outcomes: readonly string[], paying: string, threshold: number): SeriesProtection {
  if (threshold <= 1) return { status: () => 'shown', unprotected: [] };
  const cells: CellSpec[] = [];
  const constraints: SumConstraint[] = [];
  const manyLines = (ledger.periods[0]?.lines.length ?? 0) > 1;
  const total = (id: string, value: number, upper: number) => cells.push({ id, value, upper, role: value === 0 || value >= threshold ? 'fixed' : 'cell' });
  total('total|participants', ledger.whole.participants, ledger.whole.participants);
  const N = ledger.whole.participants;
  const reachedTotal = new Map<string, number>();
  for (const o of outcomes) reachedTotal.set(o, ledger.periods.reduce((s, p) => s + (p.reached[o] ?? 0), 0));
  for (const o of outcomes) total(`total|reached|${o}`, reachedTotal.get(o) ?? 0, N);
  const lineIds = manyLines ? (ledger.periods[0]?.lines ?? []).map((l) => l.id) : [];
  for (const l of lineIds) total(`total|line|${l}`, ledger.periods.reduce((s, p) => s + (p.lines.find((x) => x.id === l)?.results ?? 0), 0), N);

  for (const p of ledger.periods) {
    const id = p.period.id;
    cells.push({ id: `${id}|participants`, value: p.participants, upper: N, role: 'cell' });
    for (const o of outcomes) {
      const r = p.reached[o] ?? 0;
      cells.push({ id: `${id}|reached|${o}`, value: r, upper: N, role: 'cell' });
      cells.push({ id: `${id}|not|${o}`, value: p.participants - r, upper: N, role: 'hidden' });
      constraints.push({ plus: [`${id}|participants`], minus: [`${id}|reached|${o}`, `${id}|not|${o}`] });
    }
    for (const l of lineIds) cells.push({ id: `${id}|line|${l}`, value: p.lines.find((x) => x.id === l)?.results ?? 0, upper: N, role: 'cell' });
    if (manyLines) constraints.push({ plus: [`${id}|reached|${paying}`], minus: lineIds.map((l) => `${id}|line|${l}`) });
  }
  const ids = ledger.periods.map((p) => p.period.id);
  constraints.push({ plus: ['total|participants'], minus: ids.map((id) => `${id}|participants`) });
  for (const o of outcomes) constraints.push({ plus: [`total|reached|${o}`], minus: ids.map((id) => `${id}|reached|${o}`) });
  for (const l of lineIds) constraints.push({ plus: [`total|line|${l}`], minus: ids.map((id) => `${id}|line|${l}`) });
  const result = protect(cells, constraints, threshold);
  return { status: (id) => result.status.get(id) ?? 'shown', unprotected: result.unprotected };
}

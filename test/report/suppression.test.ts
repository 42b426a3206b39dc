import { describe, expect, it } from 'vitest';
import { protect, type CellSpec, type SumConstraint } from '../../src/report/suppression/engine.js';
import { feasibleValues } from '../../src/report/suppression/solver.js';
import { suppressEvaluation } from '../../src/report/suppression/index.js';
import type { PublishedEvaluation } from '../../src/report/published.js';
import type { ReconciliationWarning } from '../../src/types.js';
import { exampleLike, smallCells } from './fixtures/evaluation.js';
import { recoverStatus, recoverSubgroups, recoverTable, type Recovery } from './bruteForce.js';

const T = 5;

/** Leaks: a pinned "<T" cell, or a pinned hidden complement of 1…T−1 persons. */
function leaks(rec: Recovery, pub: PublishedEvaluation, isPrimary: (name: string) => boolean): string[] {
  void pub;
  return Object.entries(rec.pinned)
    .filter(([name, v]) => isPrimary(name) || (name.endsWith('.non_events') && v >= 1 && v < T))
    .map(([name, v]) => `${name} = ${v}`);
}

describe('solver', () => {
  it('finds the values a bounded sum leaves open', () => {
    // x + y = 6, x in 1..4, y in 5..20: only x = 1 works.
    expect(feasibleValues([[1, 4], [5, 20]], [{ terms: [{ variable: 0, coef: 1 }, { variable: 1, coef: 1 }], constant: 6 }], 0)).toEqual([1]);
    // x + y = 9: x in 1..4 all work.
    expect(feasibleValues([[1, 4], [5, 20]], [{ terms: [{ variable: 0, coef: 1 }, { variable: 1, coef: 1 }], constant: 9 }], 0)).toEqual([1, 2, 3, 4]);
  });
});

describe('the brute-force checker', () => {
  it('finds a "<5" that the row total gives away, and accepts a protected one', () => {
    // Herning 24 = <5 + 13 + 7 pins the first cell at 4.
    // Truth: Herning 4/13/7 (24), Viborg 9/8/3 (20), totals 13/21/10.
    expect(recoverTable([{ n: 24, cells: ['<5', 13, 7] }, { n: 20, cells: [9, 8, 3] }], [13, 21, 10], 44, 5)).toEqual(['row 0 col 0: 4']);
    // Hiding complements in the same row and the same column (the four corners) protects it.
    expect(recoverTable([{ n: 24, cells: ['<5', '..', 7] }, { n: 20, cells: ['..', '..', 3] }], [13, 21, 10], 44, 5)).toEqual([]);
  });
});

describe('protect (engine)', () => {
  const column = (values: number[], total: number): { cells: CellSpec[]; constraints: SumConstraint[] } => ({
    cells: [...values.map((v, i) => ({ id: `c${i}`, value: v, role: 'cell' as const, upper: total })), { id: 'total', value: total, role: 'fixed' as const, upper: total }],
    constraints: [{ plus: values.map((_, i) => `c${i}`), minus: ['total'] }],
  });

  it('suppresses the next-smallest cell when one cell in a column is small', () => {
    const { cells, constraints } = column([10, 3, 7, 40], 60);
    const r = protect(cells, constraints, T);
    expect([...r.status.entries()].filter(([, s]) => s !== 'shown')).toEqual([
      ['c1', 'primary'],
      ['c2', 'complementary'],
    ]);
  });

  it('skips a complement the bounds would still pin the small cell with (1 + 5 = 6 gives 1)', () => {
    const { cells, constraints } = column([1, 5, 9, 45], 60);
    const r = protect(cells, constraints, T);
    const hidden = [...r.status.entries()].filter(([, s]) => s !== 'shown').map(([id]) => id);
    // 1 + 9 = 10 leaves 1…4 open (9…6 ≥ 5); 1 + 5 = 6 would pin the 1.
    expect(hidden).toEqual(['c0', 'c2']);
    expect(r.unprotected).toEqual([]);
  });

  it('shows a true zero and does not use zeros as complements', () => {
    const { cells, constraints } = column([0, 2, 0, 58], 60);
    const r = protect(cells, constraints, T);
    expect(r.status.get('c0')).toBe('shown');
    expect(r.status.get('c2')).toBe('shown');
    expect(r.status.get('c3')).toBe('complementary');
  });

  it('threshold 0 suppresses nothing', () => {
    const { cells, constraints } = column([1, 2, 3, 54], 60);
    const r = protect(cells, constraints, 0);
    expect([...r.status.values()].every((s) => s === 'shown')).toBe(true);
  });
});

describe('suppressEvaluation on a cohort with categories of 1–4 persons', () => {
  const ev = smallCells();
  const { published, suppression } = suppressEvaluation(ev, T);

  it('marks every count of 1–4 persons "<5", shows zeros, hides the shares', () => {
    for (const r of ev.status_distribution) {
      const p = published.status_distribution.find((x) => x.category === r.category);
      for (const g of ['participants', 'controls'] as const) {
        const shown = p?.[g];
        if (r[g] >= 1 && r[g] < T) {
          expect(shown, `${r.category}.${g} (true ${r[g]})`).toBe('<5');
          expect(p?.[`${g}_share`]).toBeNull();
        } else if (r[g] === 0) expect(shown).toBe(0);
        else expect([r[g], '..']).toContain(shown);
      }
    }
  });

  it('no suppressed status cell can be recovered from the totals or the outcome counts (brute force)', () => {
    for (const g of ['participants', 'controls'] as const) {
      const rec = recoverStatus(published, g, T);
      expect(rec.examined, `hidden cells examined (${g})`).toBeGreaterThan(0);
      const primaries = new Set(published.status_distribution.filter((r) => r[g] === '<5').map((r) => `status.${r.category}.${g}`));
      expect(leaks(rec, published, (n) => primaries.has(n)), `pinned in ${g}`).toEqual([]);
    }
  });

  it('no suppressed subgroup count (or small complement) can be recovered (brute force)', () => {
    for (const variable of ['municipality', 'employed_last_2y']) {
      for (const g of ['participants', 'controls'] as const) {
        const rec = recoverSubgroups(published, variable, g, T);
        const primaries = new Set<string>();
        for (const l of published.subgroups.filter((x) => x.variable === variable)) {
          if (l[g] === '<5') primaries.add(`${variable}.${l.level}.${g}.n`);
          for (const o of Object.values(l.outcomes)) if (o[g].events === '<5') primaries.add(`${variable}.${l.level}.${o.id}.${g}.events`);
        }
        expect(leaks(rec, published, (n) => primaries.has(n)), `pinned in ${variable}/${g}`).toEqual([]);
      }
    }
  });

  it('keeps the main net effects and tests; hides subgroup estimates that rest on hidden counts', () => {
    for (const o of Object.values(published.outcomes)) {
      expect(o.difference).not.toBeNull();
      expect(o.tests).not.toBeNull();
    }
    const yes = published.subgroups.find((l) => l.variable === 'employed_last_2y' && l.level === 'yes');
    expect(yes?.participants).toBe('<5');
    for (const o of Object.values(yes?.outcomes ?? {})) {
      expect(o.difference).toBeNull();
      expect(o.participants.share).toBeNull();
    }
  });

  it('hides small covariate shares with their SMD, and means over fewer than 5 employed', () => {
    const widowed = published.balance.find((b) => b.covariate === 'civil_status' && b.level === 'widowed');
    expect(widowed?.participants_mean).toBeNull();
    expect(widowed?.smd).toBeNull();
    const psych = published.balance.find((b) => b.covariate === 'hospital_psychiatric');
    expect(psych?.participants_mean).toBeNull();
    for (const c of published.continuous) {
      expect(c.participants.n).toBe('<5');
      expect(c.participants.mean).toBeNull();
      expect(c.welch).toBeNull();
    }
  });

  it('hides small person counts in the warnings too, the benefit register\'s as its excluded-persons cell is hidden', () => {
    const ev = smallCells();
    const warnings: ReconciliationWarning[] = [
      { code: 'follow_up_outside_coverage', params: { persons: 3, file: 'benefits_weekly.csv', first_month: '2022-01', last_month: '2022-07' } },
      { code: 'follow_up_outside_coverage', params: { persons: 2, file: 'wages_monthly.csv', first_month: '2022-01', last_month: '2022-08' } },
      { code: 'follow_up_outside_coverage', params: { persons: 40, file: 'wages_monthly.csv', first_month: '2022-01', last_month: '2022-08' } },
      { code: 'weeks_missing', params: { count: 2, first: '2022-W10', file: 'benefits_weekly.csv' } },
    ];
    const { published } = suppressEvaluation({ ...ev, reconciliation: { ...ev.reconciliation, warnings } }, T);
    expect(published.reconciliation.persons.excluded.no_register_coverage).toBe('<5');
    expect(published.reconciliation.warnings.map((w) => w.params.persons ?? w.params.count)).toEqual(['<5', '<5', 40, 2]);
  });

  it('lists what it hid, and nothing stays unprotected', () => {
    expect(suppression.unprotected).toEqual([]);
    expect(suppression.cells.length).toBeGreaterThan(0);
    expect(suppression.cells.every((c) => ['primary', 'complementary', 'derived'].includes(c.reason))).toBe(true);
  });
});

describe('suppressEvaluation on the reference counts', () => {
  it('suppresses the 4 not-resident participants with a complement, and nothing in the controls', () => {
    const { published } = suppressEvaluation(exampleLike(), T);
    const row = (c: string) => published.status_distribution.find((r) => r.category === c);
    expect(row('not_resident')?.participants).toBe('<5');
    // One complement, outside both outcome sums (a complement inside one would be pinned by
    // that outcome's count and cascade into hiding the table's key rows).
    const hiddenP = published.status_distribution.filter((r) => typeof r.participants !== 'number').map((r) => r.category);
    expect(hiddenP).toEqual(['temporary_benefit', 'not_resident']);
    expect(published.status_distribution.every((r) => typeof r.controls === 'number')).toBe(true);
    const rec = recoverStatus(published, 'participants', T);
    expect(rec.pinned['status.not_resident.participants']).toBeUndefined();
    // The headline numbers stay.
    expect(published.outcomes['ordinary_employment']?.participants.events).toBe(19);
    expect(published.outcomes['self_supporting_or_education']?.participants.events).toBe(15);
  });

  it('is a pure function: same input, same output; threshold 0 changes nothing', () => {
    const ev = exampleLike();
    expect(JSON.stringify(suppressEvaluation(ev, T))).toBe(JSON.stringify(suppressEvaluation(ev, T)));
    expect(suppressEvaluation(ev, 0).published).toEqual(ev);
  });
});

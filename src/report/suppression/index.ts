/**
 * Small-cell suppression of the evaluation: a pure function from the Evaluation to its
 * published copy plus the list of what was hidden and why. See engine.ts for the rule and
 * the attacker model, model.ts for the cells and equations.
 *
 * What is not suppressed, by design: the main outcomes' net effect, its interval, the
 * tests, the relative risk and odds ratio. They are estimates on the full groups and the
 * reason the note exists. In a subgroup, where groups are small, the estimates are hidden
 * whenever one of the counts they rest on is.
 */
import type { Evaluation, GroupShare, OutcomeEffect } from '../../pipeline/types.js';
import type {
  Count,
  PublishedEvaluation,
  PublishedGroupShare,
  PublishedOutcomeEffect,
  SuppressedCell,
  SuppressionSummary,
} from '../published.js';
import { protect, type CellStatus } from './engine.js';
import { balanceCounts, buildCellModel, ids, SIDES, type Side } from './model.js';

export interface SuppressionOutcome {
  readonly published: PublishedEvaluation;
  readonly suppression: SuppressionSummary;
}

/** The mark shown for a suppressed count. */
export function mark(status: CellStatus, threshold: number): string {
  return status === 'primary' ? `<${threshold}` : '..';
}

export function suppressEvaluation(ev: Evaluation, threshold: number): SuppressionOutcome {
  if (threshold <= 1) return { published: ev, suppression: { threshold, applied: true, cells: [], unprotected: [] } };
  const model = buildCellModel(ev);
  const result = protect(model.cells, model.constraints, threshold);
  const status = (id: string): CellStatus => result.status.get(id) ?? 'shown';
  const hidden = (id: string) => status(id) !== 'shown';
  const count = (id: string, value: number): Count => (hidden(id) ? mark(status(id), threshold) : value);
  const cellsOut: SuppressedCell[] = [];
  for (const c of model.cells) {
    const st = status(c.id);
    if (st !== 'shown') cellsOut.push({ path: c.id, reason: st });
  }

  const share = (g: GroupShare, id: string): PublishedGroupShare => ({
    ...g,
    events: count(id, g.events),
    share: hidden(id) ? null : g.share,
    ci: hidden(id) ? null : g.ci,
  });
  const mainOutcome = (o: OutcomeEffect): PublishedOutcomeEffect => ({
    ...o,
    participants: share(o.participants, ids.events(o.id, 'participants')),
    controls: share(o.controls, ids.events(o.id, 'controls')),
  });

  const subgroups = ev.subgroups.map((l) => {
    const outcomes: Record<string, PublishedOutcomeEffect> = {};
    for (const [key, o] of Object.entries(l.outcomes)) {
      const e = (g: Side) => ids.levelEvents(l.variable, l.level, o.id, g);
      const anyHidden = SIDES.some((g) => hidden(e(g)) || hidden(ids.level(l.variable, l.level, g)));
      const p = share(o.participants, e('participants'));
      const c = share(o.controls, e('controls'));
      if (anyHidden) {
        for (const g of SIDES) if (!hidden(e(g))) cellsOut.push({ path: `${e(g)}:share`, reason: 'derived' });
        cellsOut.push({ path: `subgroups.${l.variable}.${l.level}.outcomes.${o.id}.difference`, reason: 'derived' });
      }
      outcomes[key] = {
        ...o,
        participants: anyHidden ? { ...p, share: null, ci: null } : p,
        controls: anyHidden ? { ...c, share: null, ci: null } : c,
        difference: anyHidden ? null : o.difference,
        tests: anyHidden ? null : o.tests,
        relative_risk: anyHidden ? null : o.relative_risk,
        odds_ratio: anyHidden ? null : o.odds_ratio,
      };
    }
    return {
      ...l,
      participants: count(ids.level(l.variable, l.level, 'participants'), l.participants),
      controls: count(ids.level(l.variable, l.level, 'controls'), l.controls),
      outcomes,
    };
  });

  const balance = ev.balance.map((b) => {
    const rows = ev.balance.filter((x) => x.covariate === b.covariate);
    const levelOf = (g: Side) => {
      const counts = balanceCounts(rows, g, ev.cohort[g]);
      if (!counts) return null;
      return b.level ?? '1';
    };
    const hid = (g: Side) => {
      const level = levelOf(g);
      if (level === null) return false;
      return hidden(ids.balance(b.covariate, level, g)) || (b.level === null && hidden(ids.balance(b.covariate, '0', g)));
    };
    const hp = hid('participants');
    const hc = hid('controls');
    if (hp || hc) cellsOut.push({ path: `balance.${b.covariate}.${b.level ?? '1'}.smd`, reason: 'derived' });
    return { ...b, participants_mean: hp ? null : b.participants_mean, controls_mean: hc ? null : b.controls_mean, smd: hp || hc ? null : b.smd };
  });

  const continuous = ev.continuous.map((c) => {
    const hp = hidden(ids.continuous(c.variable, 'participants'));
    const hc = hidden(ids.continuous(c.variable, 'controls'));
    const group = (g: Side, h: boolean) => ({ n: count(ids.continuous(c.variable, g), c[g].n), mean: h ? null : c[g].mean, median: h ? null : c[g].median });
    return { ...c, participants: group('participants', hp), controls: group('controls', hc), welch: hp || hc ? null : c.welch, wilcoxon: hp || hc ? null : c.wilcoxon };
  });

  const rec = ev.reconciliation;
  const reconciliation = {
    ...rec,
    files: rec.files.map((f, i) => ({
      ...f,
      rows_read: count(ids.fileRead(i), f.rows_read),
      excluded: Object.fromEntries(Object.entries(f.excluded).map(([r, n]) => [r, count(ids.fileExcluded(i, r), n)])),
    })),
    persons: {
      participants: rec.persons.participants,
      controls: rec.persons.controls,
      excluded: Object.fromEntries(Object.entries(rec.persons.excluded).map(([r, n]) => [r, count(ids.personsExcluded(r), n)])),
    },
    warnings: rec.warnings.map((w) => {
      const n = w.params.persons;
      if (typeof n !== 'number') return w;
      // Persons outside the benefit register's months are the persons excluded for it: the
      // same cell, hidden as that cell is. Any other count of persons: hidden when small.
      const benefits = rec.files.find((f) => f.role === 'benefits')?.file;
      const shown: string | number =
        w.code === 'follow_up_outside_coverage' && w.params.file === benefits ? count(ids.personsExcluded('no_register_coverage'), n) : n > 0 && n < threshold ? mark('primary', threshold) : n;
      return { ...w, params: { ...w.params, persons: shown } };
    }),
  };

  const published: PublishedEvaluation = {
    ...ev,
    status_distribution: ev.status_distribution.map((r) => {
      const p = ids.status(r.category, 'participants');
      const c = ids.status(r.category, 'controls');
      return {
        ...r,
        participants: count(p, r.participants),
        controls: count(c, r.controls),
        participants_share: hidden(p) ? null : r.participants_share,
        controls_share: hidden(c) ? null : r.controls_share,
      };
    }),
    outcomes: Object.fromEntries(Object.entries(ev.outcomes).map(([k, o]) => [k, mainOutcome(o)])),
    subgroups,
    balance,
    continuous,
    reconciliation,
  };
  return {
    published,
    suppression: { threshold, applied: true, cells: cellsOut, unprotected: result.unprotected },
  };
}

/** The unsuppressed evaluation in published shape (internal outputs, --unsuppressed). */
export function unsuppressed(ev: Evaluation, threshold: number): SuppressionOutcome {
  return { published: ev, suppression: { threshold, applied: false, cells: [], unprotected: [] } };
}

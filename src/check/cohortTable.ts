import type { CohortsRun } from '../pipeline/cohorts.js';
import type { Interval, OutcomeEffect, SubgroupLevel } from '../pipeline/types.js';
import { num, pct, pval, type Lang } from './messages.js';

export interface CohortOutcomeRow {
  readonly participants: { readonly events: number; readonly n: number; readonly share: number };
  readonly controls: { readonly events: number; readonly n: number; readonly share: number };
  readonly difference: number;
  readonly ci: Interval;
  readonly p_fisher: number;
}

/** One row of the combined table: a cohort, or the pooled whole (id "pooled"). */
export interface CohortTableRow {
  readonly id: string;
  readonly label: { readonly da: string; readonly en: string };
  readonly participants: number;
  readonly controls: number;
  readonly outcomes: Readonly<Record<string, CohortOutcomeRow>>;
}

function row(e: OutcomeEffect): CohortOutcomeRow {
  return {
    participants: { events: e.participants.events, n: e.participants.n, share: e.participants.share },
    controls: { events: e.controls.events, n: e.controls.n, share: e.controls.share },
    difference: e.difference.estimate,
    ci: e.difference.ci,
    p_fisher: e.tests.fisher.p,
  };
}

/** Each cohort, then the pooled result, side by side (internal: exact counts). */
export function cohortTable(cr: CohortsRun): CohortTableRow[] {
  const pooledControls = cr.run.persons.filter((o) => o.person.group === 'control').length;
  const rows: CohortTableRow[] = cr.cohorts.map((c) => ({
    id: c.id,
    label: c.label,
    participants: c.participants,
    controls: c.controls,
    outcomes: Object.fromEntries(Object.entries(c.outcomes).map(([id, e]) => [id, row(e)])),
  }));
  rows.push({
    id: 'pooled',
    label: { da: 'Samlet', en: 'Pooled' },
    participants: cr.run.persons.length - pooledControls,
    controls: pooledControls,
    outcomes: Object.fromEntries(Object.entries(cr.run.evaluation.outcomes).map(([id, e]) => [id, row(e)])),
  });
  return rows;
}

/**
 * The cohorts in the shape of subgroup levels (variable "cohort"), so the effect note can
 * publish them through its existing subgroup table and small-cell suppression
 * (src/report/published.ts) instead of a second, unsuppressed table.
 */
export function cohortSubgroupLevels(cr: CohortsRun): SubgroupLevel[] {
  return cr.cohorts.map((c) => ({ variable: 'cohort', level: c.id, participants: c.participants, controls: c.controls, outcomes: c.outcomes }));
}

/** The combined table as Markdown: one row per cohort and the pooled row, per outcome. Exact counts: not for publication. */
export function cohortTableMarkdown(rows: readonly CohortTableRow[], outcomeLabels: Readonly<Record<string, { da: string; en: string }>>, lang: Lang): string {
  const da = lang === 'da';
  const out: string[] = [];
  const ids = Object.keys(rows[0]?.outcomes ?? {});
  for (const id of ids) {
    out.push(`### ${outcomeLabels[id]?.[lang] ?? id}`, '');
    out.push(
      da
        ? '| Kohorte | Deltagere | Andel | Kontrol | Andel | Mereffekt | Interval | Fisher p |'
        : '| Cohort | Participants | Share | Controls | Share | Net effect | Interval | Fisher p |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of rows) {
      const o = r.outcomes[id];
      if (!o) continue;
      const name = r.id === 'pooled' ? `**${r.label[lang]}**` : r.label[lang];
      const pp = (x: number) => num(x * 100, 1, lang);
      out.push(
        `| ${name} | ${o.participants.events}/${o.participants.n} | ${pct(o.participants.share, lang)} | ${o.controls.events}/${o.controls.n} | ${pct(o.controls.share, lang)} | ${pp(o.difference)} | ${pp(o.ci[0])} ${da ? 'til' : 'to'} ${pp(o.ci[1])} | ${pval(o.p_fisher, lang)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

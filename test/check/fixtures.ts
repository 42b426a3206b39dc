/**
 * Synthetic evaluated cohorts for the check, statement and cohort tests: persons with a
 * status at follow-up, built from count tables (the example cohort's counts come from
 * docs/domain.md §2 and data/example), compared with the real statistics engine.
 */
import { parseSpec, type LoadedSpec } from '../../src/spec/load.js';
import type { EvaluationRun } from '../../src/pipeline/evaluate.js';
import { outcomeEffect, statusDistribution, withHolm } from '../../src/pipeline/effects.js';
import type { Evaluation, SubgroupLevel } from '../../src/pipeline/types.js';
import type { PersonOutcome, Reconciliation, StatusCategory } from '../../src/types.js';
import { monthIndex } from '../../src/util/months.js';
import { EXAMPLE_COUNTS } from '../fixtures/exampleCounts.js';

export type Counts = Partial<Record<StatusCategory, number>>;

/** The example cohort's status counts at follow-up (domain.md §2, "Example cohort counts"). */
const pick = (g: 0 | 1): Counts => Object.fromEntries(Object.entries(EXAMPLE_COUNTS).filter(([, c]) => c[g] > 0).map(([k, c]) => [k, c[g]]));
export const EXAMPLE_PARTICIPANTS: Counts = pick(0);
export const EXAMPLE_CONTROLS: Counts = pick(1);

export interface PersonSpec {
  readonly group: 'participant' | 'control';
  readonly status: StatusCategory;
  readonly municipality?: string;
  /** yyyy-mm */
  readonly followUp?: string;
  readonly covariates?: Record<string, string | number | null>;
  readonly matchedTo?: string | null;
  readonly weight?: number;
  readonly id?: string;
  readonly startDate?: string;
}

let counter = 0;

export function person(s: PersonSpec): PersonOutcome {
  counter += 1;
  const id = s.id ?? `${s.group === 'participant' ? 'P' : 'K'}${counter}`;
  const [y, m] = (s.followUp ?? '2022-05').split('-').map(Number) as [number, number];
  const paid = s.status === 'self_supporting_wage' || s.status === 'wage_with_transfer';
  return {
    person: {
      id,
      group: s.group,
      municipality: s.municipality ?? 'Herning',
      startDate: s.group === 'participant' ? (s.startDate ?? '2021-06-01') : null,
      endDate: s.group === 'participant' ? '2022-03-15' : null,
      matchedTo: s.matchedTo ?? null,
      referenceEndDate: null,
      weight: s.weight ?? 1,
      covariates: s.covariates ?? {},
      line: counter + 1,
    },
    followUpMonth: monthIndex(y, m),
    benefitClass: 'none',
    paidHours: paid ? 37 : 0,
    wageIncome: paid ? 20000 : 0,
    status: s.status,
  };
}

export function personsFromCounts(group: 'participant' | 'control', counts: Counts, extra: Omit<PersonSpec, 'group' | 'status'> = {}): PersonOutcome[] {
  const out: PersonOutcome[] = [];
  for (const [status, n] of Object.entries(counts) as [StatusCategory, number][]) for (let i = 0; i < n; i++) out.push(person({ ...extra, group, status }));
  return out;
}

export const SPEC_BASE = {
  name: 'fixture',
  inputs: { participants: 'p.csv', controls: 'c.csv', benefits: 'b.csv', wages: 'w.csv' },
  codebook: 'codebook.json',
  subgroups: [],
};

export function loadedSpec(extra: Record<string, unknown> = {}, path = '/virtual/spec.json'): LoadedSpec {
  return parseSpec(JSON.stringify({ ...SPEC_BASE, ...extra }), path);
}

export const CLEAN_RECONCILIATION: Reconciliation = {
  files: [
    { role: 'participants', file: 'p.csv', rows_read: 56, rows_used: 56, excluded: {} },
    { role: 'controls', file: 'c.csv', rows_read: 560, rows_used: 560, excluded: {} },
    { role: 'benefits', file: 'b.csv', rows_read: 1000, rows_used: 100, excluded: { outside_follow_up_month: 880, blank_week: 20 } },
    { role: 'wages', file: 'w.csv', rows_read: 100, rows_used: 50, excluded: { outside_follow_up_month: 50 } },
  ],
  persons: { participants: 56, controls: 560, excluded: {} },
  warnings: [],
};

/** An EvaluationRun as `evaluate` would return it, for the given persons (no boschloo: speed). */
export function runFor(loaded: LoadedSpec, persons: readonly PersonOutcome[], reconciliation: Reconciliation = CLEAN_RECONCILIATION): EvaluationRun {
  const { spec } = loaded;
  const effects = withHolm(spec.outcomes.map((def) => outcomeEffect(def, persons, spec.confidence, false)));
  const participants = persons.filter((o) => o.person.group === 'participant');
  const controls = persons.filter((o) => o.person.group === 'control');
  const evaluation: Evaluation = {
    name: loaded.name,
    title: { da: loaded.name, en: loaded.name },
    confidence: spec.confidence,
    follow_up: { months_after_end: 2, first_month: null, last_month: null, control_rule: {} },
    cohort: {
      participants: participants.length,
      controls: controls.length,
      control_ratio: controls.length / participants.length,
      weighted: false,
      kish_effective_controls: controls.length,
      municipalities: [...new Set(persons.map((o) => o.person.municipality))].sort(),
    },
    status_distribution: statusDistribution(persons),
    outcomes: Object.fromEntries(effects.map((e) => [e.id, e])),
    subgroups: subgroupLevels(loaded, persons),
    balance: [],
    continuous: [],
    reconciliation,
    provenance: {
      tool: 'effekt',
      version: 'test',
      spec: { role: 'spec', path: 'spec.json', sha256: '', bytes: 0 },
      codebook: { role: 'codebook', path: 'codebook.json', sha256: '', bytes: 0 },
      inputs: [],
    },
    codebook: { name: 'test', codes: 0 },
  };
  return { evaluation, persons };
}

/** The example cohort (56 vs 560) as persons. */
export function examplePersons(): PersonOutcome[] {
  return [...personsFromCounts('participant', EXAMPLE_PARTICIPANTS), ...personsFromCounts('control', EXAMPLE_CONTROLS)];
}

/** Subgroup levels as evaluate() builds them (participants' levels, sorted). */
function subgroupLevels(loaded: LoadedSpec, persons: readonly PersonOutcome[]): SubgroupLevel[] {
  const { spec } = loaded;
  const valueOf = (o: PersonOutcome, v: string) => (v === 'municipality' ? o.person.municipality : (o.person.covariates[v] ?? null));
  const out: SubgroupLevel[] = [];
  for (const variable of spec.subgroups) {
    const levels = [...new Set(persons.filter((o) => o.person.group === 'participant').map((o) => valueOf(o, variable)).filter((v) => v !== null).map(String))].sort();
    for (const level of levels) {
      const inLevel = persons.filter((o) => String(valueOf(o, variable)) === level);
      const participants = inLevel.filter((o) => o.person.group === 'participant').length;
      out.push({
        variable,
        level,
        participants,
        controls: inLevel.length - participants,
        outcomes: Object.fromEntries(spec.outcomes.map((def) => [def.id, outcomeEffect(def, inLevel, spec.confidence, false)])),
      });
    }
  }
  return out;
}

/**
 * The example cohort with follow-up months spread over 2021-03 … 2023-08 (as in
 * data/example) and employment in the last 2 years for 20 of 56 participants, 10 of whom
 * are in ordinary employment at follow-up (9 of the other 36).
 */
export function exampleTimeline(): PersonOutcome[] {
  const statuses: StatusCategory[] = [];
  for (const [status, n] of Object.entries(EXAMPLE_PARTICIPANTS) as [StatusCategory, number][]) for (let i = 0; i < n; i++) statuses.push(status);
  let employedYes = 0;
  let otherYes = 0;
  const participants = statuses.map((status, i) => {
    const employed = status === 'self_supporting_wage' || status === 'wage_with_transfer';
    let yes: boolean;
    if (employed) yes = employedYes++ < 10;
    else yes = otherYes++ < 10;
    const month = 2021 * 12 + 2 + ((i * 17) % 30);
    return person({ group: 'participant', status, followUp: `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`, covariates: { employed_last_2y: yes ? 'yes' : 'no' }, id: `P${i}` });
  });
  const controls = personsFromCounts('control', EXAMPLE_CONTROLS).map((o, i) => ({ ...o, person: { ...o.person, covariates: { employed_last_2y: i % 3 === 0 ? 'yes' : 'no' } } }));
  return [...participants, ...controls];
}

/**
 * Several cohorts in one spec (issue 7): e.g. per municipality or per intake quarter. The
 * spec is read and evaluated once; the pooled result is exactly that whole evaluation, and
 * each cohort is the subset of its persons that meets the cohort's conditions, compared
 * with the same statistics (src/pipeline/effects.ts), so the cohort and pooled rows of the
 * combined table are computed the same way.
 */
import type { CohortSpec } from '../check/specSchema.js';
import type { LoadedSpec } from '../spec/load.js';
import type { Spec } from '../spec/schema.js';
import { kishEffectiveSize } from '../stats/index.js';
import type { PersonOutcome } from '../types.js';
import { monthOfIsoDate } from '../util/months.js';
import { evaluate, type EvaluateOptions, type EvaluationRun } from './evaluate.js';
import { outcomeEffects, statusDistribution, withHolm } from './effects.js';
import type { LocalizedText, OutcomeEffect, StatusRow } from './types.js';

export interface CohortEvaluation {
  readonly id: string;
  readonly label: LocalizedText;
  /** Classified persons in the cohort (persons who could not be classified are not counted). */
  readonly participants: number;
  readonly controls: number;
  readonly kish_effective_controls: number;
  readonly status_distribution: readonly StatusRow[];
  /** Empty when the cohort has no participants or no controls. */
  readonly outcomes: Readonly<Record<string, OutcomeEffect>>;
  /** Person-level outcomes of the cohort: never published. */
  readonly persons: readonly PersonOutcome[];
}

export interface CohortsRun {
  /** The whole spec: the pooled result. */
  readonly run: EvaluationRun;
  readonly cohorts: readonly CohortEvaluation[];
  /** Classified participants in no cohort, and in more than one. */
  readonly unassigned_participants: number;
  readonly overlapping_participants: number;
}

/** Evaluate the spec once and split it into its cohorts (none when the spec has no `cohorts`). */
export async function evaluateCohorts(loaded: LoadedSpec, options: EvaluateOptions = {}): Promise<CohortsRun> {
  const run = await evaluate(loaded, options);
  return splitCohorts(loaded.spec, run, options.boschloo ?? true);
}

/** The cohorts of an evaluated spec (pure; for tests and for callers that already hold the run). */
export function splitCohorts(spec: Spec, run: EvaluationRun, withBoschloo = true): CohortsRun {
  const members = spec.cohorts.map((c) => cohortMembers(c, run.persons));
  const cohorts = spec.cohorts.map((c, i) => cohortEvaluation(spec, c, members[i] ?? [], withBoschloo));
  const times = new Map<string, number>();
  for (const list of members) for (const o of list) if (o.person.group === 'participant') times.set(o.person.id, (times.get(o.person.id) ?? 0) + 1);
  const participants = run.persons.filter((o) => o.person.group === 'participant');
  return {
    run,
    cohorts,
    unassigned_participants: spec.cohorts.length === 0 ? 0 : participants.filter((o) => !times.has(o.person.id)).length,
    overlapping_participants: [...times.values()].filter((n) => n > 1).length,
  };
}

export function cohortEvaluation(spec: Spec, cohort: CohortSpec, persons: readonly PersonOutcome[], withBoschloo = true): CohortEvaluation {
  const controls = persons.filter((o) => o.person.group === 'control');
  // A cohort without participants or controls (e.g. an intake quarter not yet started) has no
  // comparison; its outcomes are left out and targets on them fail with "not computed".
  const comparable = controls.length > 0 && persons.length > controls.length;
  const effects = comparable ? withHolm(outcomeEffects(spec.outcomes, persons, spec.confidence, withBoschloo)) : [];
  return {
    id: cohort.id,
    label: cohort.label === undefined ? { da: cohort.id, en: cohort.id } : typeof cohort.label === 'string' ? { da: cohort.label, en: cohort.label } : cohort.label,
    participants: persons.length - controls.length,
    controls: controls.length,
    kish_effective_controls: kishEffectiveSize(controls.map((o) => o.person.weight)),
    status_distribution: statusDistribution(persons),
    outcomes: Object.fromEntries(effects.map((e) => [e.id, e])),
    persons,
  };
}

/**
 * The persons of one cohort: participants meeting every condition; controls follow the
 * participant they are matched to, and otherwise meet the conditions they have data for.
 */
export function cohortMembers(cohort: CohortSpec, persons: readonly PersonOutcome[]): PersonOutcome[] {
  const inCohort = new Set<string>();
  for (const o of persons) if (o.person.group === 'participant' && matches(cohort, o, true)) inCohort.add(o.person.id);
  const participantIds = new Set(persons.filter((o) => o.person.group === 'participant').map((o) => o.person.id));
  return persons.filter((o) => {
    if (o.person.group === 'participant') return inCohort.has(o.person.id);
    const m = o.person.matchedTo;
    if (m !== null && participantIds.has(m)) return inCohort.has(m);
    return matches(cohort, o, false);
  });
}

function matches(c: CohortSpec, o: PersonOutcome, isParticipant: boolean): boolean {
  const p = o.person;
  if (c.municipality && !c.municipality.includes(p.municipality)) return false;
  if (isParticipant && (c.intake_from !== undefined || c.intake_to !== undefined)) {
    if (p.startDate === null) return false;
    if (c.intake_from !== undefined && p.startDate < c.intake_from) return false;
    if (c.intake_to !== undefined && p.startDate > c.intake_to) return false;
  }
  if (c.follow_up_from !== undefined && o.followUpMonth < monthOfIsoDate(`${c.follow_up_from}-01`)) return false;
  if (c.follow_up_to !== undefined && o.followUpMonth > monthOfIsoDate(`${c.follow_up_to}-01`)) return false;
  if (c.where) {
    for (const [column, accepted] of Object.entries(c.where)) {
      const v = column === 'municipality' ? p.municipality : p.covariates[column];
      if (v === undefined || v === null || !accepted.map(String).includes(String(v))) return false;
    }
  }
  return true;
}

import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { readBenefitPanel, readCohort, readWages, loadCodebook, type IngestOptions } from '../ingest/index.js';
import { PARALLEL_MIN_BYTES, readingThreads } from '../ingest/panelRun.js';
import { IngestPool } from '../ingest/pool.js';
import type { BenefitPanel, CohortIngest, WagePanel } from '../ingest/types.js';
import type { EarlyControls } from '../ingest/cohort.js';
import type { Wanted } from '../ingest/wanted.js';
import { determineOutcomes, followUpList, followUpsOf, type FollowUp } from '../outcomes/index.js';
import { inputError, type EffektError } from '../errors.js';
import { resolveInput, type LoadedSpec } from '../spec/load.js';
import { kishEffectiveSize } from '../stats/index.js';
import type { Cohort, InputRole, Person, PersonOutcome, Reconciliation, ReconciliationWarning } from '../types.js';
import { formatMonth } from '../util/months.js';
import { VERSION } from '../version.js';
import { covariateBalance } from './balance.js';
import { continuousComparisons } from './continuous.js';
import { distributionOf, outcomeEffects, tallyStatuses, withHolm } from './effects.js';
import { hashTargets as hashTargetsOf, startProvenance, type HashingWorker } from './provenance.js';
import type { InputProvenance } from './types.js';
import { sharedInt32 } from '../ingest/idTable.js';
import type { Evaluation, LocalizedText, SubgroupLevel } from './types.js';
import { cohortEvaluation, cohortMembers } from './cohorts.js';

export interface EvaluateOptions extends IngestOptions {
  /** Boschloo's test per outcome (exact unconditional; a few ms each). */
  readonly boschloo?: boolean;
  /** Called as each stage ends (`effekt run --timings`). */
  readonly onStage?: (stage: string) => void;
  /** Hashing the launcher started (hashAhead.ts): taken if it hashes this run's files, else stopped. */
  readonly hashAhead?: HashingWorker;
}

export interface EvaluationRun {
  readonly evaluation: Evaluation;
  /** Person-level outcomes: never published, but needed by statements and checks. */
  readonly persons: readonly PersonOutcome[];
}

/** The whole effect evaluation of one spec: ingest → outcomes → stats. */
export async function evaluate(loaded: LoadedSpec, options: EvaluateOptions = {}): Promise<EvaluationRun> {
  const { spec } = loaded;
  const stage = options.onStage ?? ((): void => undefined);
  const codebookPath = resolve(loaded.dir, spec.codebook);
  const hashTargets = hashTargetsOf(spec, loaded.path, loaded.dir);
  const codebook = loadCodebook(codebookPath, spec.codebook);
  // Reading threads start now, so they have loaded their code by the time the cohort has
  // been read; the two panels are then read at the same time, their ranges shared among
  // the threads.
  const pool = options.pool ?? poolFor(loaded, options);
  let panel: BenefitPanel;
  let wages: WagePanel;
  let cohortIngest: CohortIngest;
  let followUp: (FollowUp | null)[];
  let wantedIndex: Int32Array;
  let provenanceOf: () => Promise<InputProvenance[]>;
  const monthsAfterEnd = spec.follow_up.months_after_end;
  const startPanels = (idOf: (k: number) => string, list: (FollowUp | null)[]): Panels => {
    const persons = wantedFor(idOf, list);
    const queued = { benefits: deferred(), wages: deferred() };
    const onQueued = (role: InputRole): void => {
      options.onQueued?.(role);
      if (role === 'benefits' || role === 'wages') queued[role].resolve();
    };
    const shared: IngestOptions = { ...options, ...(pool ? { pool } : {}), onQueued };
    const reading = [readBenefitPanel(loaded, codebook, persons.wanted, shared), readWages(loaded, persons.wanted, shared)] as const;
    // Awaited in this order once the cohort is read: a cohort error is reported first, then a benefit-panel error.
    for (const r of reading) void r.catch(() => undefined);
    reading[0].then(queued.benefits.resolve, queued.benefits.resolve);
    reading[1].then(queued.wages.resolve, queued.wages.resolve);
    return { followUp: list, index: persons.index, reading, queued: Promise.all([queued.benefits.promise, queued.wages.promise]) };
  };
  let early: Panels | undefined;
  try {
    // With reading threads, the panels are started as soon as the controls file is read, so
    // the threads read them while this one makes and checks the 200,000 controls' records
    // (~130 ms on the bench cohort); the follow-up months and ids come from the file's
    // columns, which are what the records will hold (readCohort's `early`). Only with this
    // run's own pool, which is closed if the cohort then fails: a caller's pool would go on
    // reading ranges nobody waits for.
    const startEarly = pool && pool !== options.pool
      ? async (controls: EarlyControls): Promise<void> => {
          const { participants } = controls;
          early = startPanels((k) => (k < participants.length ? participants[k]!.id : controls.ids(k - participants.length)), followUpsOf(participants, controls.dates, monthsAfterEnd));
          await early.queued;
        }
      : undefined;
    cohortIngest = await readCohort(loaded, options, startEarly);
    checkColumns(loaded, cohortIngest.cohort.covariates);
    stage('cohort');
    // The inputs are hashed on a worker thread from here on, at the lowest priority (see
    // hashWorker.ts): it takes the moments a core is idle while the panels are read, and a
    // core of its own once this thread computes the outcomes and statistics. Not before the
    // cohort is known to be valid: a run that stops at a cohort error does not wait for it.
    provenanceOf = startProvenance(hashTargets, hashTargets.reduce((a, t) => a + sizeOf(t.path), 0), options.hashAhead);
    const { participants, controls } = cohortIngest.cohort;
    const started = early ?? startPanels((k) => (k < participants.length ? participants[k]! : controls[k - participants.length]!).id, followUpList(cohortIngest.cohort, monthsAfterEnd));
    followUp = started.followUp;
    wantedIndex = started.index;
    panel = await started.reading[0];
    wages = await started.reading[1];
    stage('panels');
  } finally {
    if (pool !== options.pool) await pool?.close();
  }
  const { cohort } = cohortIngest;
  const outcomeStage = determineOutcomes({ cohort, followUp, wantedIndex, benefitWeeks: panel.byPerson, wages: wages.byPerson });
  const persons = outcomeStage.outcomes;
  emptyGroups(cohort, persons, outcomeStage.excluded);
  stage('outcomes');

  const confidence = spec.confidence;
  // One count by status serves the outcomes and the status distribution.
  const tally = tallyStatuses(persons);
  const effects = withHolm(outcomeEffects(spec.outcomes, persons, confidence, options.boschloo ?? true, tally));
  const subgroups: SubgroupLevel[] = [];
  const subgroupWarnings: ReconciliationWarning[] = [];
  for (const variable of spec.subgroups) {
    const { levels, byLevel, participantsIn } = splitByLevel(persons, variable);
    for (const level of levels) {
      const inLevel = byLevel.get(level) ?? [];
      const participants = participantsIn.get(level) ?? 0;
      // A level only participants have (a small municipality, say) has nothing to compare with.
      if (participants === inLevel.length) {
        subgroupWarnings.push({ code: 'subgroup_without_controls', params: { variable, level } });
        continue;
      }
      subgroups.push({
        variable,
        level,
        participants,
        controls: inLevel.length - participants,
        outcomes: Object.fromEntries(outcomeEffects(spec.outcomes, inLevel, confidence, false).map((e) => [e.id, e])),
      });
    }
  }

  // Several cohorts in one spec (per municipality, per intake quarter): each appears in
  // the note's subgroup table as a level of the variable `cohort`, beside the pooled result.
  for (const cohort of [...spec.cohorts].reverse()) {
    const c = cohortEvaluation(spec, cohort, cohortMembers(cohort, persons), false);
    subgroups.unshift({ variable: 'cohort', level: c.label[spec.report.language], participants: c.participants, controls: c.controls, outcomes: c.outcomes });
  }

  const { controlRule, participantMonths } = followUpSummary(followUp, cohort.participants.length);

  const reconciliation: Reconciliation = {
    files: [...cohortIngest.files, panel.file, wages.file],
    persons: { participants: cohort.participants.length, controls: cohort.controls.length, excluded: outcomeStage.excluded },
    warnings: [...cohortIngest.warnings, ...panel.warnings, ...wages.warnings, ...subgroupWarnings],
  };

  const balance = covariateBalance(cohort.participants, cohort.controls, cohort.covariates, cohortIngest.covariateColumns);
  const continuous = continuousComparisons(persons);
  // The rest of the record, before waiting for the hashes: on large inputs the hash worker
  // may still be busy, and these passes over 200,000 persons need only this thread.
  const distribution = distributionOf(tally);
  const { positive, weighted } = controlWeights(cohort.controls);
  const kish = kishEffectiveSize(positive);
  const municipalities = municipalitiesOf(cohort);
  stage('statistics');
  const [specProvenance, codebookProvenance, ...inputs] = await provenanceOf();
  stage('provenance');
  const evaluation: Evaluation = {
    name: loaded.name,
    title: titleOf(spec.title, loaded.name),
    confidence,
    follow_up: {
      months_after_end: spec.follow_up.months_after_end,
      first_month: participantMonths.length ? formatMonth(Math.min(...participantMonths)) : null,
      last_month: participantMonths.length ? formatMonth(Math.max(...participantMonths)) : null,
      control_rule: controlRule,
    },
    cohort: {
      participants: cohort.participants.length,
      controls: cohort.controls.length,
      control_ratio: cohort.participants.length ? cohort.controls.length / cohort.participants.length : NaN,
      weighted,
      kish_effective_controls: kish,
      municipalities,
    },
    status_distribution: distribution,
    outcomes: Object.fromEntries(effects.map((e) => [e.id, e])),
    subgroups,
    balance,
    continuous,
    reconciliation,
    provenance: {
      tool: 'effekt',
      version: VERSION,
      spec: specProvenance!,
      codebook: codebookProvenance!,
      inputs,
    },
    codebook: { name: codebook.name, codes: codebook.codes.size },
  };
  return { evaluation, persons };
}

// Passes over every person, as functions of their own: each runs once, over 200,000 persons,
// and V8 compiles a loop while it runs; a loop in evaluate itself meant a compile of all of
// evaluate, three times over. Plain loops: spreads, map and filter each cost a pass and an
// array more in code not yet optimised.

/** Follow-up months of the participants, and how many controls' months came from each rule. */
function followUpSummary(followUp: readonly (FollowUp | null)[], participants: number): { controlRule: Record<string, number>; participantMonths: number[] } {
  const controlRule: Record<string, number> = {};
  const participantMonths: number[] = [];
  for (let k = 0; k < followUp.length; k++) {
    const f = followUp[k];
    if (!f) continue;
    if (k < participants) participantMonths.push(f.month);
    else controlRule[f.source] = (controlRule[f.source] ?? 0) + 1;
  }
  return { controlRule, participantMonths };
}

/** The controls' positive weights (for Kish's effective size), and whether any weight is not 1. */
function controlWeights(controls: readonly Person[]): { positive: number[]; weighted: boolean } {
  const positive: number[] = [];
  let weighted = false;
  for (const c of controls) {
    if (c.weight > 0) positive.push(c.weight);
    if (c.weight !== 1) weighted = true;
  }
  return { positive, weighted };
}

/** The municipalities of the cohort, sorted. */
function municipalitiesOf(cohort: Cohort): string[] {
  const seen = new Set<string>();
  for (const p of cohort.participants) seen.add(p.municipality);
  for (const p of cohort.controls) seen.add(p.municipality);
  return [...seen].sort();
}

/** The persons with a follow-up month, in cohort order (participants, then controls; `idOf(k)` is the k-th's id), and each person's index among them (-1: none). */
function wantedFor(idOf: (k: number) => string, followUp: readonly (FollowUp | null)[]): { wanted: Wanted; index: Int32Array } {
  const ids: string[] = [];
  const index = new Int32Array(followUp.length).fill(-1);
  // Sent to the reading threads with the wage panel's parameters: shared, not copied.
  const months = sharedInt32(followUp.length);
  followUp.forEach((f, k) => {
    if (!f) return;
    index[k] = ids.length;
    months[ids.length] = f.month;
    ids.push(idOf(k));
  });
  return { wanted: { ids, months: months.subarray(0, ids.length) }, index };
}

interface Panels {
  readonly followUp: (FollowUp | null)[];
  readonly index: Int32Array;
  readonly reading: readonly [Promise<BenefitPanel>, Promise<WagePanel>];
  /** Resolved once both panels' ranges are queued (or their reading has ended). */
  readonly queued: Promise<unknown>;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A pool of reading threads (this one and a worker per other core) when the panels are
 * large enough for threads to pay (else undefined: each file is read here, with no
 * thread start-up cost). Started before the cohort is read, so the workers have loaded
 * their code by the time the panels are read.
 */
function poolFor(loaded: LoadedSpec, options: IngestOptions): IngestPool | undefined {
  const threads = readingThreads(options);
  if (threads < 2) return undefined;
  const bytes = sizeOf(resolveInput(loaded, loaded.spec.inputs.benefits).path) + sizeOf(resolveInput(loaded, loaded.spec.inputs.wages).path);
  return bytes >= (options.parallelMinBytes ?? PARALLEL_MIN_BYTES) ? new IngestPool(threads - 1) : undefined;
}

/** Subgroup variables and cohort filters name columns of the cohort files: a typo would silently give no rows. */
function checkColumns(loaded: LoadedSpec, covariates: readonly string[]): void {
  const columns = ['municipality', ...covariates];
  const wrong = (where: string, column: string): EffektError =>
    inputError(`invalid spec: ${where} names "${column}", which is not a column of both cohort files (they have: ${columns.join(', ')})`, { file: loaded.path });
  for (const v of loaded.spec.subgroups) if (!columns.includes(v)) throw wrong('subgroups', v);
  loaded.spec.cohorts.forEach((c, k) => {
    for (const column of Object.keys(c.where ?? {})) if (!columns.includes(column)) throw wrong(`cohorts.${k}.where`, column);
  });
}

/**
 * A group none of whose persons has a status in the follow-up month cannot be compared:
 * say so, rather than let a statistic fail on a group of size 0.
 */
function emptyGroups(cohort: Cohort, persons: readonly PersonOutcome[], excluded: Readonly<Record<string, number>>): void {
  let participants = 0;
  for (const o of persons) if (o.person.group === 'participant') participants++;
  const counts = { participants, controls: persons.length - participants };
  for (const group of ['participants', 'controls'] as const) {
    if (counts[group] > 0) continue;
    const n = cohort[group].length;
    const reasons = Object.entries(excluded).map(([reason, count]) => `${reason} ${count}`);
    throw inputError(`none of the ${n} ${group} has a status in the follow-up month (persons left out, by reason: ${reasons.join(', ')})`);
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // a missing file is reported by the reader that needs it
  }
}

function titleOf(title: string | LocalizedText | undefined, name: string): LocalizedText {
  if (title === undefined) return { da: name, en: name };
  return typeof title === 'string' ? { da: title, en: title } : title;
}

function valueOf(o: PersonOutcome, variable: string): string | null {
  if (variable === 'municipality') return o.person.municipality;
  const v = o.person.covariates[variable];
  return v === undefined || v === null ? null : String(v);
}

/**
 * The persons of each level of `variable` (in cohort order), the levels participants have
 * (sorted; a level only controls have is not compared), and each level's participants:
 * one pass over 200,000 persons instead of three.
 */
function splitByLevel(persons: readonly PersonOutcome[], variable: string): { levels: string[]; byLevel: Map<string, PersonOutcome[]>; participantsIn: Map<string, number> } {
  const byLevel = new Map<string, PersonOutcome[]>();
  const participantsIn = new Map<string, number>();
  for (const o of persons) {
    const v = valueOf(o, variable);
    if (v === null) continue;
    const list = byLevel.get(v);
    if (list) list.push(o);
    else byLevel.set(v, [o]);
    if (o.person.group === 'participant') participantsIn.set(v, (participantsIn.get(v) ?? 0) + 1);
  }
  return { levels: [...participantsIn.keys()].sort(), byLevel, participantsIn };
}

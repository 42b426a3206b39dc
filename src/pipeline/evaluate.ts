import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { readBenefitPanel, readCohort, readWages, loadCodebook, type IngestOptions } from '../ingest/index.js';
import { PARALLEL_MIN_BYTES, readingThreads } from '../ingest/panelRun.js';
import { IngestPool } from '../ingest/pool.js';
import type { BenefitPanel, CohortIngest, CovariateColumn, WagePanel } from '../ingest/types.js';
import type { EarlyControls } from '../ingest/cohort.js';
import type { Wanted } from '../ingest/wanted.js';
import { determineOutcomes, followUpList, followUpsOf, type FollowUp, type OutcomeTable } from '../outcomes/index.js';
import { inputError, type EffektError } from '../errors.js';
import { resolveInput, type LoadedSpec } from '../spec/load.js';
import { kishEffectiveSize } from '../stats/index.js';
import type { Cohort, InputRole, PersonOutcome, Reconciliation, ReconciliationWarning } from '../types.js';
import { formatMonth } from '../util/months.js';
import { VERSION } from '../version.js';
import { balanceOfColumns } from './balance.js';
import { continuousOfTable } from './continuous.js';
import { comparedLevels, comparedRows, distributionOf, effectsOf, withHolm } from './effects.js';
import { hashTargets as hashTargetsOf, startProvenance, type HashingWorker } from './provenance.js';
import type { InputProvenance } from './types.js';
import { sharedInt32 } from '../ingest/idTable.js';
import type { CovariateBalance, Evaluation, LocalizedText, SubgroupLevel } from './types.js';
import { cohortEvaluation, cohortMembers } from './cohorts.js';

export interface EvaluateOptions extends IngestOptions {
  /** Boschloo's test per outcome (exact unconditional; a few ms each). */
  readonly boschloo?: boolean;
  /** Called as each stage ends (`effekt run --timings`). */
  readonly onStage?: (stage: string) => void;
  /** Hashing the launcher started (hashAhead.ts): taken if it hashes this run's files, else stopped. */
  readonly hashAhead?: HashingWorker;
  /**
   * Work for a moment this thread would otherwise wait (IngestPool.whenIdle), after the
   * balance: the CLI loads the chart renderer there.
   */
  readonly whenIdle?: () => void;
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
  let balance: CovariateBalance[] | undefined;
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
  // Without the early start: from the records (asking for the controls' records makes them).
  const startLate = (cohort: Cohort): Panels => {
    const { participants, controls } = cohort;
    return startPanels((k) => (k < participants.length ? participants[k]! : controls[k - participants.length]!).id, followUpList(cohort, monthsAfterEnd));
  };
  let early: Panels | undefined;
  try {
    // With reading threads, the panels are started as soon as the controls file is read, so
    // the threads read them while this one checks the 200,000 controls' rows
    // (~50 ms on the bench cohort); the follow-up months and ids come from the file's
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
    // Large inputs are hashed on a worker thread at the lowest priority (see hashWorker.ts):
    // the one the launcher started before the CLI was loaded (options.hashAhead) when it
    // hashes exactly these files, else one started here, not before the cohort is known to be
    // valid, so that a run that stops at a cohort error does not wait for it.
    provenanceOf = startProvenance(hashTargets, hashTargets.reduce((a, t) => a + sizeOf(t.path), 0), options.hashAhead);
    const started = early ?? startLate(cohortIngest.cohort);
    // The balance needs only the cohort: computed while this thread waits for a reading
    // thread's last ranges, if it does.
    const ingest = cohortIngest;
    pool?.whenIdle(() => {
      balance ??= balanceOfColumns(ingest.cohort.covariates, ingest.covariateColumns, ingest.weights);
    });
    if (options.whenIdle) pool?.whenIdle(options.whenIdle);
    followUp = started.followUp;
    wantedIndex = started.index;
    panel = await started.reading[0];
    wages = await started.reading[1];
    stage('panels');
  } finally {
    // Not awaited: the workers are idle, and waiting for their threads to end cost ~4 ms
    // before the outcomes; they end meanwhile (close keeps the process alive until then).
    if (pool !== options.pool) void pool?.close().catch(() => undefined);
  }
  const { cohort } = cohortIngest;
  // Read once, as columns: the outcomes, the tallies of weighted controls, the balance and
  // Kish's size all need the weights.
  const { weights } = cohortIngest;
  const controls = weights.controls.length;
  const outcomeStage = determineOutcomes({ cohort, followUp, wantedIndex, benefitWeeks: panel.byPerson, wages: wages.byPerson }, weights.controls);
  const { table } = outcomeStage;
  emptyGroups({ participants: cohort.participants.length, controls }, table, outcomeStage.excluded);
  stage('outcomes');

  const confidence = spec.confidence;
  // One count by status serves the outcomes and the status distribution.
  const compared = comparedRows(table, weights.controls);
  const tally = compared.tally;
  const effects = withHolm(effectsOf(spec.outcomes, compared, confidence, options.boschloo ?? true));
  const subgroups: SubgroupLevel[] = [];
  const subgroupWarnings: ReconciliationWarning[] = [];
  for (const variable of spec.subgroups) {
    const j = cohort.covariates.indexOf(variable);
    const column = variable === 'municipality' ? cohortIngest.municipalityColumns : { participants: cohortIngest.covariateColumns.participants[j]!, controls: cohortIngest.covariateColumns.controls[j]! };
    const { levels, levelOf, count } = splitRows(table, column);
    // Every level's rows counted in one pass over the table.
    const byLevel = comparedLevels(table, weights.controls, levelOf, count);
    for (const level of levels) {
      // A level only participants have (a small municipality, say) has nothing to compare with.
      if (level.participants === level.persons) {
        subgroupWarnings.push({ code: 'subgroup_without_controls', params: { variable, level: level.name } });
        continue;
      }
      subgroups.push({
        variable,
        level: level.name,
        participants: level.participants,
        controls: level.persons - level.participants,
        outcomes: Object.fromEntries(effectsOf(spec.outcomes, byLevel[level.index]!, confidence, false).map((e) => [e.id, e])),
      });
    }
  }

  // Several cohorts in one spec (per municipality, per intake quarter): each appears in
  // the note's subgroup table as a level of the variable `cohort`, beside the pooled result.
  for (const cohort of [...spec.cohorts].reverse()) {
    const c = cohortEvaluation(spec, cohort, cohortMembers(cohort, outcomeStage.outcomes), false);
    subgroups.unshift({ variable: 'cohort', level: c.label[spec.report.language], participants: c.participants, controls: c.controls, outcomes: c.outcomes });
  }

  const { controlRule, participantMonths } = followUpSummary(followUp, cohort.participants.length);

  const reconciliation: Reconciliation = {
    files: [...cohortIngest.files, panel.file, wages.file],
    persons: { participants: cohort.participants.length, controls, excluded: outcomeStage.excluded },
    warnings: [...cohortIngest.warnings, ...panel.warnings, ...wages.warnings, ...subgroupWarnings],
  };

  balance ??= balanceOfColumns(cohort.covariates, cohortIngest.covariateColumns, weights);
  const continuous = continuousOfTable(table);
  // The rest of the record, before waiting for the hashes: on large inputs the hash worker
  // may still be busy.
  const distribution = distributionOf(tally);
  const { positive, weighted } = controlWeights(weights.controls);
  const kish = kishEffectiveSize(positive);
  const municipalities = municipalitiesOf(cohortIngest.municipalityColumns);
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
      controls,
      control_ratio: cohort.participants.length ? controls / cohort.participants.length : NaN,
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
  return {
    evaluation,
    // Records made only for a caller that reads them (statements, checks, progression).
    get persons(): readonly PersonOutcome[] {
      return outcomeStage.outcomes;
    },
  };
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
function controlWeights(weights: Float64Array): { positive: Float64Array; weighted: boolean } {
  const positive = new Float64Array(weights.length);
  let n = 0;
  let weighted = false;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k]!;
    if (w > 0) positive[n++] = w;
    if (w !== 1) weighted = true;
  }
  return { positive: positive.subarray(0, n), weighted };
}

/** The municipalities of the cohort's persons, sorted (from the files' columns: each distinct value once). */
function municipalitiesOf(columns: CohortIngest['municipalityColumns']): string[] {
  const seen = new Set<string>();
  for (const c of [columns.participants, columns.controls]) {
    const used = new Uint8Array(c.dict.length);
    for (let r = 0; r < c.codes.length; r++) used[c.codes[r]!] = 1;
    c.dict.forEach((v, k) => {
      if (used[k] === 1) seen.add(String(v));
    });
  }
  return [...seen].sort();
}

/** The persons with a follow-up month, in cohort order (participants, then controls; `idOf(k)` is the k-th's id), and each person's index among them (-1: none). */
function wantedFor(idOf: (k: number) => string, followUp: readonly (FollowUp | null)[]): { wanted: Wanted; index: Int32Array } {
  // Sized for everyone and cut to the persons found: no growing copies of a 200,000-entry array.
  const ids = new Array<string>(followUp.length);
  const index = new Int32Array(followUp.length).fill(-1);
  // Sent to the reading threads with the wage panel's parameters: shared, not copied.
  const months = sharedInt32(followUp.length);
  let n = 0;
  for (let k = 0; k < followUp.length; k++) {
    const f = followUp[k];
    if (!f) continue;
    index[k] = n;
    months[n] = f.month;
    ids[n++] = idOf(k);
  }
  ids.length = n;
  return { wanted: { ids, months: months.subarray(0, n) }, index };
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
function emptyGroups(sizes: { readonly participants: number; readonly controls: number }, table: OutcomeTable, excluded: Readonly<Record<string, number>>): void {
  const counts = { participants: table.participants, controls: table.rows - table.participants };
  for (const group of ['participants', 'controls'] as const) {
    if (counts[group] > 0) continue;
    const n = sizes[group];
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

/** A subgroup level: its name, its index in `levelOf`, and its classified persons and participants among them. */
interface Level {
  readonly name: string;
  readonly index: number;
  readonly persons: number;
  readonly participants: number;
}

/**
 * The level of each row of the table in a column of the cohort files (`levelOf`, -1 where
 * the value is missing; a value is its text, so 3 and "3" are one level), and the levels
 * participants have, sorted (a level only controls have is not compared). One pass over
 * typed arrays: each distinct value of the column is looked up once.
 */
function splitRows(table: OutcomeTable, column: { readonly participants: CovariateColumn; readonly controls: CovariateColumn }): { levels: Level[]; levelOf: Int32Array; count: number } {
  const index = new Map<string, number>();
  const names: string[] = [];
  const levelsOfCodes = (c: CovariateColumn): Int32Array =>
    Int32Array.from(c.dict, (v) => {
      if (v === null || v === undefined) return -1;
      const name = String(v);
      let k = index.get(name);
      if (k === undefined) {
        k = names.length;
        index.set(name, k);
        names.push(name);
      }
      return k;
    });
  const ofParticipant = levelsOfCodes(column.participants);
  const ofControl = levelsOfCodes(column.controls);
  const levelOf = new Int32Array(table.rows);
  const persons = new Int32Array(names.length);
  const participants = new Int32Array(names.length);
  const first = table.cohortParticipants;
  for (let r = 0; r < table.rows; r++) {
    const k = table.person[r]!;
    const level = k < first ? ofParticipant[column.participants.codes[k]!]! : ofControl[column.controls.codes[k - first]!]!;
    levelOf[r] = level;
    if (level < 0) continue;
    persons[level]!++;
    if (r < table.participants) participants[level]!++;
  }
  const levels = names
    .map((name, i) => ({ name, index: i, persons: persons[i]!, participants: participants[i]! }))
    .filter((l) => l.participants > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { levels, levelOf, count: names.length };
}

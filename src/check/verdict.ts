import type { CohortsRun } from '../pipeline/cohorts.js';
import type { LoadedSpec } from '../spec/load.js';
import { kishEffectiveSize } from '../stats/index.js';
import { VERSION } from '../version.js';
import { compareWithBaseline, type Baseline, type BaselineComparison } from './baseline.js';
import type { Lang } from './messages.js';
import { resolveTargets, type ResolvedTarget } from './resolve.js';
import { evaluateTarget, type TargetContext, type TargetResult } from './targets.js';
import { inputError } from '../errors.js';
import { cohortTable, type CohortTableRow } from './cohortTable.js';

export interface CheckOptions {
  readonly lang: Lang;
  readonly baseline?: Baseline;
  /** A flagged fall in a net effect against the baseline fails the check. */
  readonly failOnDecline?: boolean;
  /** The spec path as the user wrote it (for the JSON). */
  readonly specDisplay?: string;
}

export interface CohortVerdict {
  readonly id: string;
  readonly label: string;
  readonly participants: number;
  readonly controls: number;
  /** null when no target applies to this cohort. */
  readonly pass: boolean | null;
}

/** The machine-readable verdict (`effekt check --json`). */
export interface CheckResult {
  readonly pass: boolean;
  readonly name: string;
  readonly spec: string;
  readonly tool: { readonly name: 'effekt'; readonly version: string };
  readonly summary: { readonly targets: number; readonly passed: number; readonly failed: number };
  readonly cohort: { readonly participants: number; readonly controls: number };
  /** Every target in every scope it applies to (`scope`: "pooled" or a cohort id). */
  readonly targets: readonly TargetResult[];
  readonly cohorts: readonly CohortVerdict[];
  /** With cohorts: each cohort and the pooled result per outcome (exact counts; internal). */
  readonly cohort_table: readonly CohortTableRow[] | null;
  readonly baseline: BaselineComparison | null;
  /** Why the verdict is what it is beyond the targets (e.g. --fail-on-decline). */
  readonly notes: readonly string[];
}

/**
 * Evaluate every target of the spec on the pooled cohort and/or each cohort (by its scope),
 * and optionally compare with a previous cohort's effect.json. The verdict passes when every
 * target result passes (and, with failOnDecline, no net effect fell by more than noise).
 */
export function checkVerdict(loaded: LoadedSpec, cohortsRun: CohortsRun, options: CheckOptions): CheckResult {
  const targets = resolveTargets(loaded);
  if (targets.length === 0) throw inputError('the spec has no targets to check; add a "targets" section (see docs/automation.md)', { file: loaded.path });
  const { run, cohorts } = cohortsRun;
  const evaluation = run.evaluation;
  const outcomeLabels = Object.fromEntries(Object.values(evaluation.outcomes).map((o) => [o.id, o.label]));
  const pooledControls = run.persons.filter((o) => o.person.group === 'control');
  const pooled: TargetContext = {
    scope: 'pooled',
    persons: run.persons,
    outcomes: evaluation.outcomes,
    participants: run.persons.length - pooledControls.length,
    controls: pooledControls.length,
    effective_controls: kishEffectiveSize(pooledControls.map((o) => o.person.weight)),
    reconciliation: evaluation.reconciliation,
    outcomeLabels,
  };
  const cohortContexts: TargetContext[] = cohorts.map((c) => ({
    scope: c.id,
    persons: c.persons,
    outcomes: c.outcomes,
    participants: c.participants,
    controls: c.controls,
    effective_controls: c.kish_effective_controls,
    reconciliation: null,
    outcomeLabels,
  }));
  const applies = (t: ResolvedTarget, ctx: TargetContext): boolean =>
    ctx.scope === 'pooled' ? t.scope !== 'cohorts' || cohortContexts.length === 0 : t.scope !== 'pooled';
  const results: TargetResult[] = [];
  for (const ctx of [pooled, ...cohortContexts]) for (const t of targets) if (applies(t, ctx)) results.push(evaluateTarget(t, ctx, options.lang));

  const notes: string[] = [];
  if (cohortsRun.unassigned_participants > 0) notes.push(`${cohortsRun.unassigned_participants} participant(s) are in no cohort (they count in the pooled result)`);
  if (cohortsRun.overlapping_participants > 0) notes.push(`${cohortsRun.overlapping_participants} participant(s) are in more than one cohort`);
  const baseline = options.baseline ? compareWithBaseline(evaluation.outcomes, evaluation.confidence, options.baseline) : null;
  let declineFails = false;
  if (baseline && options.failOnDecline) {
    const declines = baseline.changes.filter((c) => c.measure === 'net_effect' && c.flagged && c.change < 0);
    if (declines.length > 0) {
      declineFails = true;
      notes.push(`--fail-on-decline: the net effect of ${declines.map((d) => d.outcome).join(', ')} fell by more than sampling noise explains`);
    }
  }
  const passed = results.filter((r) => r.pass).length;
  return {
    pass: passed === results.length && !declineFails,
    name: evaluation.name,
    spec: options.specDisplay ?? loaded.path,
    tool: { name: 'effekt', version: VERSION },
    summary: { targets: results.length, passed, failed: results.length - passed },
    cohort: { participants: pooled.participants, controls: pooled.controls },
    targets: results,
    cohorts: cohorts.map((c) => {
      const mine = results.filter((r) => r.scope === c.id);
      return { id: c.id, label: c.label[options.lang], participants: c.participants, controls: c.controls, pass: mine.length === 0 ? null : mine.every((r) => r.pass) };
    }),
    cohort_table: cohorts.length > 0 ? cohortTable(cohortsRun) : null,
    baseline,
    notes,
  };
}

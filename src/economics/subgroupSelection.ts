import type { EconomicsParameters, EffectInput, SubgroupInput } from './schema.js';

export interface SubgroupSelection {
  readonly subgroups: readonly SubgroupInput[];
  readonly source: 'effect' | 'parameters' | 'none';
  /** The subgroup variable used, when the effect's ids are `variable=level`. */
  readonly variable: string | null;
}

const PARTITION_TOLERANCE = 0.011;

function isPartition(groups: readonly SubgroupInput[]): boolean {
  if (groups.length < 2) return false;
  if (!groups.every((g) => Number.isFinite(g.gross_rate) && Number.isFinite(g.share_of_participants))) return false;
  return Math.abs(groups.reduce((s, g) => s + g.share_of_participants, 0) - 1) <= PARTITION_TOLERANCE;
}

/**
 * The subgroups that differentiate the payment. A measured effect may carry the levels of several
 * subgroup variables (ids `variable=level`, as the pipeline writes them): the first variable
 * whose levels partition the participants with a finite gross rate each is used. Failing that,
 * the parameter file's planned subgroups (`assumed_effect.subgroups`), else none.
 */
export function selectSubgroups(p: EconomicsParameters, effect: EffectInput): SubgroupSelection {
  const measured = effect.subgroups ?? [];
  const byVariable = new Map<string, SubgroupInput[]>();
  for (const g of measured) {
    const eq = g.id.indexOf('=');
    const variable = eq > 0 ? g.id.slice(0, eq) : '';
    byVariable.set(variable, [...(byVariable.get(variable) ?? []), g]);
  }
  for (const [variable, groups] of byVariable) {
    if (isPartition(groups)) return { subgroups: groups, source: 'effect', variable: variable || null };
  }
  const planned = p.assumed_effect?.subgroups;
  if (planned && planned.length > 0) return { subgroups: planned, source: 'parameters', variable: null };
  return { subgroups: [], source: 'none', variable: null };
}

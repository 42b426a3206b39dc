import { inputError } from '../errors.js';
import type { LoadedSpec } from '../spec/load.js';
import type { TargetSpec } from './specSchema.js';

/** A target with its id settled (given, or derived from kind and subject). */
export type ResolvedTarget = TargetSpec & { readonly id: string };

/**
 * Settle target ids and check what zod cannot: outcome references, unique ids, unique
 * cohort ids, and that data-quality targets are only asked of the whole input (cohorts are
 * subsets of one ingest, so they have no rows of their own). Any problem is an input error
 * naming the spec file (exit 2).
 */
export function resolveTargets(loaded: LoadedSpec): ResolvedTarget[] {
  const { spec, path } = loaded;
  const outcomes = new Set(spec.outcomes.map((o) => o.id));
  const fail = (message: string): never => {
    throw inputError(`invalid spec: ${message}`, { file: path });
  };
  const cohortIds = new Set<string>();
  for (const c of spec.cohorts) {
    if (cohortIds.has(c.id)) fail(`cohort id "${c.id}" is used twice`);
    if (c.id === 'pooled') fail('cohort id "pooled" is reserved for the whole cohort');
    cohortIds.add(c.id);
  }
  const seen = new Set<string>();
  return spec.targets.map((t, i) => {
    const where = `targets.${i}`;
    if ('outcome' in t && t.outcome !== undefined && !outcomes.has(t.outcome)) {
      fail(`${where}.outcome: "${t.outcome}" is not one of the outcomes (${[...outcomes].join(', ')})`);
    }
    if ((t.kind === 'excluded_rows' || t.kind === 'excluded_persons' || t.kind === 'unknown_codes') && t.scope !== 'pooled') {
      fail(`${where}.scope: a data-quality target applies to the whole input; use scope "pooled"`);
    }
    const id = t.id ?? defaultId(t);
    if (seen.has(id)) fail(`${where}: target id "${id}" is used twice (give the targets distinct "id"s)`);
    seen.add(id);
    return { ...t, id };
  });
}

function defaultId(t: TargetSpec): string {
  switch (t.kind) {
    case 'share':
      return `share_${t.group}_${t.outcome ?? t.categories?.join('_or_')}_${t.min !== undefined ? 'min' : 'max'}`;
    case 'net_effect':
    case 'ci_lower':
      return `${t.kind}_${t.outcome}`;
    case 'significance':
      return `significance_${t.outcome}_${t.test}`;
    case 'group_size':
      return `group_size_${t.group}`;
    default:
      return t.kind;
  }
}

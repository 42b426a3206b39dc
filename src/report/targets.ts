import type { CheckResult } from '../check/verdict.js';
import type { TargetResult } from '../check/targets.js';
import type { Block } from './doc.js';
import type { ReportSection } from './sections.js';
import type { SectionContext } from './sectionContext.js';

/** The spec's result targets as published: pooled scope only, values only where safe. */
export interface PublishedTargets {
  readonly pass: boolean;
  readonly met: number;
  readonly total: number;
  readonly targets: readonly {
    readonly id: string;
    readonly kind: string;
    readonly description: string;
    /** null when the value is not published (it could reveal a suppressed count). */
    readonly value: number | null;
    readonly operator: string;
    readonly threshold: number;
    readonly pass: boolean;
  }[];
}

/**
 * Targets whose value is a share of an arbitrary set of status categories could reveal a
 * suppressed cell of the status table, so in published outputs their value is shown only
 * when it equals a share the note publishes anyway (an outcome's or a status category's
 * participant share);
 * pass/fail is always shown. Cohort-scope targets stay in `effekt check` (small groups).
 */
export function publishTargets(result: CheckResult, publishedShares: readonly number[], internal: boolean): PublishedTargets {
  const pooled = result.targets.filter((t) => t.scope === 'pooled');
  const safe = (t: TargetResult) => internal || t.kind !== 'share' || (t.value !== null && publishedShares.some((s) => Math.abs(s - t.value!) < 1e-12));
  return {
    pass: pooled.every((t) => t.pass),
    met: pooled.filter((t) => t.pass).length,
    total: pooled.length,
    targets: pooled.map((t) => ({ id: t.id, kind: t.kind, description: t.description, value: safe(t) ? t.value : null, operator: t.operator, threshold: t.threshold, pass: t.pass })),
  };
}

export function targetsSection(t: PublishedTargets, ctx: SectionContext): ReportSection {
  const { m, f } = ctx;
  const k = m.targets;
  const show = (kind: string, x: number | null): string => {
    if (x === null) return '..';
    switch (kind) {
      case 'share':
      case 'excluded_rows':
      case 'excluded_persons':
        return f.pct(x, 1);
      case 'net_effect':
      case 'ci_lower':
        return f.pp(x, 1);
      case 'significance':
        return `p = ${f.p(x)}`;
      default:
        return f.int(x);
    }
  };
  const op = (o: string) => o.replace('>=', '≥').replace('<=', '≤');
  const requirement = (kind: string, operator: string, threshold: number) => (kind === 'significance' ? `p ${op(operator)} ${f.p(threshold)}` : `${op(operator)} ${show(kind, threshold)}`);
  // Listed inside a sentence: "Not met: 30% of …; a further 20% …".
  const failed = t.targets.filter((x) => !x.pass).map((x) => x.description.charAt(0).toLocaleLowerCase(f.lang) + x.description.slice(1));
  const summary = [t.pass ? k.summaryAll(f.int(t.total)) : k.summarySome({ met: f.int(t.met), total: f.int(t.total), failed: failed.join('; ') })];
  const blocks: Block[] = [
    { kind: 'paragraph', text: k.intro },
    {
      kind: 'table',
      id: 'table-targets',
      caption: k.table,
      head: k.head,
      rows: t.targets.map((x) => [x.description, show(x.kind, x.value), requirement(x.kind, x.operator, x.threshold), x.pass ? k.met : k.notMet]),
      align: ['left', 'right', 'right', 'left'],
      notes: t.targets.some((x) => x.value === null) ? [k.hiddenNote] : [],
    },
  ];
  return { id: 'targets', title: k.title, summary, blocks, limitations: [], provenance: [], charts: [] };
}

import type { OutcomeEffect } from '../pipeline/types.js';
import type { PersonOutcome, Reconciliation, StatusCategory } from '../types.js';
import type { ResolvedTarget } from './resolve.js';
import { BENIGN_EXCLUSIONS, type TargetKind } from './specSchema.js';
import { describeTarget, detailText, type Lang } from './messages.js';

export type Operator = '>=' | '>' | '<=' | '<';

/** What one scope (the pooled cohort or one cohort) offers the targets. */
export interface TargetContext {
  /** "pooled" or a cohort id. */
  readonly scope: string;
  readonly persons: readonly PersonOutcome[];
  readonly outcomes: Readonly<Record<string, OutcomeEffect>>;
  readonly participants: number;
  readonly controls: number;
  readonly effective_controls: number;
  /** Row and person reconciliation of the input; the pooled scope only. */
  readonly reconciliation: Reconciliation | null;
  readonly outcomeLabels: Readonly<Record<string, { readonly da: string; readonly en: string }>>;
}

/** One line of the verdict (snake_case: it is JSON output). */
export interface TargetResult {
  readonly id: string;
  readonly kind: TargetKind;
  readonly scope: string;
  readonly description: string;
  /** The measured value (a share, difference, p-value, count); null when it cannot be computed. */
  readonly value: number | null;
  readonly threshold: number;
  readonly operator: Operator;
  readonly pass: boolean;
  /** The counts or test behind the value, in words. */
  readonly detail: string;
}

export function compare(value: number | null, operator: Operator, threshold: number): boolean {
  if (value === null || Number.isNaN(value)) return false;
  switch (operator) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
  }
}

/** Evaluate one target in one scope. Values are compared as computed, never rounded first. */
export function evaluateTarget(t: ResolvedTarget, ctx: TargetContext, lang: Lang): TargetResult {
  const head = { id: t.id, kind: t.kind, scope: ctx.scope, description: describeTarget(t, lang, ctx.outcomeLabels) };
  const done = (value: number | null, operator: Operator, threshold: number, detail: string, extra = true): TargetResult => ({
    ...head,
    value,
    threshold,
    operator,
    pass: extra && compare(value, operator, threshold),
    detail,
  });
  switch (t.kind) {
    case 'share': {
      const group = t.group === 'participants' ? 'participant' : 'control';
      const categories = new Set<StatusCategory>(t.categories ?? ctx.outcomes[t.outcome!]?.categories ?? []);
      const inGroup = ctx.persons.filter((o) => o.person.group === group);
      const events = inGroup.filter((o) => categories.has(o.status)).length;
      const value = inGroup.length > 0 ? events / inGroup.length : null;
      const d = detailText(lang, 'share', { events, n: inGroup.length, group: t.group });
      return t.min !== undefined ? done(value, '>=', t.min, d) : done(value, '<=', t.max!, d);
    }
    case 'net_effect': {
      const e = ctx.outcomes[t.outcome];
      return done(e ? e.difference.estimate : null, '>=', t.min, e ? shareDetail(e, lang) : detailText(lang, 'missing', {}));
    }
    case 'ci_lower': {
      const e = ctx.outcomes[t.outcome];
      const d = e ? detailText(lang, 'ci', { lower: e.difference.ci[0], upper: e.difference.ci[1], method: e.difference.method, confidence: e.difference.confidence }) : detailText(lang, 'missing', {});
      return done(e ? e.difference.ci[0] : null, '>', t.above, d);
    }
    case 'significance': {
      const e = ctx.outcomes[t.outcome];
      if (!e) return done(null, '<', t.alpha, detailText(lang, 'missing', {}));
      const p = pValue(e, t.test);
      const better = e.difference.estimate > 0;
      const directionOk = t.direction === 'any' || better;
      const detail = detailText(lang, p === null ? 'not_computed' : directionOk ? 'p' : 'p_wrong_direction', { test: t.test, p: p ?? NaN, ...shareCounts(e) });
      return done(p, '<', t.alpha, detail, directionOk);
    }
    case 'group_size': {
      const value = t.group === 'participants' ? ctx.participants : t.group === 'controls' ? ctx.controls : ctx.effective_controls;
      return done(value, '>=', t.min, detailText(lang, 'group', { group: t.group }));
    }
    case 'excluded_rows': {
      const r = ctx.reconciliation;
      if (!r) return done(null, '<=', t.max, detailText(lang, 'no_reconciliation', {}));
      const files = r.files.filter((f) => (t.files ? (t.files as readonly string[]).includes(f.role) : f.role !== 'questionnaire'));
      let read = 0;
      let excluded = 0;
      for (const f of files) {
        read += f.rows_read;
        for (const [reason, rows] of Object.entries(f.excluded)) if (countsAsExcluded(reason, t.reasons)) excluded += rows;
      }
      return done(read > 0 ? excluded / read : null, '<=', t.max, detailText(lang, 'rows', { excluded, read }));
    }
    case 'excluded_persons': {
      const r = ctx.reconciliation;
      if (!r) return done(null, '<=', t.max, detailText(lang, 'no_reconciliation', {}));
      const total = r.persons.participants + r.persons.controls;
      const excluded = Object.values(r.persons.excluded).reduce((s, x) => s + x, 0);
      return done(total > 0 ? excluded / total : null, '<=', t.max, detailText(lang, 'persons', { excluded, total }));
    }
    case 'unknown_codes': {
      const r = ctx.reconciliation;
      if (!r) return done(null, '<=', t.max, detailText(lang, 'no_reconciliation', {}));
      let rows = 0;
      for (const w of r.warnings) if (w.code === 'unknown_codes_excluded' || w.code === 'unknown_codes_recoded') rows += Number(w.params['rows'] ?? 0);
      return done(rows, '<=', t.max, detailText(lang, 'unknown', { rows }));
    }
  }
}

function countsAsExcluded(reason: string, only: readonly string[] | undefined): boolean {
  if (only) return only.includes(reason);
  return !(BENIGN_EXCLUSIONS as readonly string[]).includes(reason);
}

function pValue(e: OutcomeEffect, test: string): number | null {
  switch (test) {
    case 'fisher':
      return e.tests.fisher.p;
    case 'fisher_mid':
      return e.tests.fisher.p_mid;
    case 'fisher_holm':
      return e.tests.fisher_holm ?? null;
    case 'z':
      return e.tests.z.p;
    case 'z_corrected':
      return e.tests.z_corrected.p;
    case 'boschloo':
      return e.tests.boschloo?.p ?? null;
    default:
      return null;
  }
}

function shareCounts(e: OutcomeEffect): Record<string, number> {
  return { x1: e.participants.events, n1: e.participants.n, x2: e.controls.events, n2: e.controls.n };
}

function shareDetail(e: OutcomeEffect, lang: Lang): string {
  return detailText(lang, 'shares', shareCounts(e));
}

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { inputError } from '../errors.js';
import type { Interval, OutcomeEffect } from '../pipeline/types.js';

/** The parts of a previous cohort's effect.json (published or internal) that a comparison needs. */
export interface BaselineOutcome {
  readonly participants: { readonly share: number | null; readonly ci: Interval | null };
  readonly controls: { readonly share: number | null; readonly ci: Interval | null };
  readonly difference: { readonly estimate: number; readonly ci: Interval } | null;
}

export interface Baseline {
  readonly file: string;
  readonly name: string | null;
  readonly confidence: number;
  readonly outcomes: Readonly<Record<string, BaselineOutcome>>;
}

export type BaselineMeasure = 'participants_share' | 'controls_share' | 'net_effect';

export interface BaselineChange {
  readonly outcome: string;
  readonly measure: BaselineMeasure;
  readonly current: number;
  readonly previous: number;
  readonly change: number;
  /** Interval of the change (MOVER, at the evaluation's confidence). */
  readonly ci: Interval;
  /** The interval excludes 0: more change than sampling noise explains. */
  readonly flagged: boolean;
}

export interface BaselineComparison {
  readonly file: string;
  readonly name: string | null;
  readonly confidence: number;
  readonly method: 'mover';
  readonly changes: readonly BaselineChange[];
  readonly flagged: number;
  /** Outcomes or measures that could not be compared, in words. */
  readonly notes: readonly string[];
}

const interval = z.tuple([z.number().finite(), z.number().finite()]);
const groupSchema = z.object({ share: z.number().finite().nullable(), ci: interval.nullable() });
const outcomeSchema = z.object({
  participants: groupSchema,
  controls: groupSchema,
  difference: z.object({ estimate: z.number().finite(), ci: interval }).nullable(),
});
const fileSchema = z.object({
  name: z.string().optional(),
  confidence: z.number().gt(0.5).lt(1),
  outcomes: z.record(z.string(), z.unknown()),
});

/** Read a previous run's effect.json; an unreadable or foreign file is an input error (exit 2). */
export function readBaseline(path: string, display: string = path): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw inputError('cannot read the baseline file (does it exist?)', { file: display });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw inputError(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { file: display });
  }
  return parseBaseline(json, display);
}

export function parseBaseline(json: unknown, file: string): Baseline {
  const top = fileSchema.safeParse(json);
  if (!top.success) {
    const i = top.error.issues[0]!;
    throw inputError(`not an effect.json: ${i.path.map(String).join('.') || '(top level)'}: ${i.message}`, { file });
  }
  const outcomes: Record<string, BaselineOutcome> = {};
  for (const [id, raw] of Object.entries(top.data.outcomes)) {
    const o = outcomeSchema.safeParse(raw);
    if (!o.success) {
      const i = o.error.issues[0]!;
      throw inputError(`outcomes.${id}.${i.path.map(String).join('.')}: ${i.message}`, { file });
    }
    outcomes[id] = o.data;
  }
  return { file, name: top.data.name ?? null, confidence: top.data.confidence, outcomes };
}

/**
 * The difference of two independent estimates with their own intervals, by the method of
 * variance estimates recovery (MOVER; Zou & Donner 2008, Stat Med 27:1693; the construction
 * behind Newcombe's 1998 hybrid score interval): with θ = a − b,
 *   L = θ − √((a − l_a)² + (u_b − b)²),  U = θ + √((u_a − a)² + (b − l_b)²).
 * It needs only the published estimates and intervals, so a suppressed baseline still works.
 */
export function moverDifference(a: number, ciA: Interval, b: number, ciB: Interval): Interval {
  const d = a - b;
  return [d - Math.hypot(a - ciA[0], ciB[1] - b), d + Math.hypot(ciA[1] - a, b - ciB[0])];
}

/** Change of each outcome's shares and net effect against the previous cohort. */
export function compareWithBaseline(outcomes: Readonly<Record<string, OutcomeEffect>>, confidence: number, baseline: Baseline): BaselineComparison {
  if (Math.abs(baseline.confidence - confidence) > 1e-12) {
    throw inputError(`the baseline was evaluated at confidence ${baseline.confidence}, this spec at ${confidence}; intervals at different levels cannot be combined`, { file: baseline.file });
  }
  const changes: BaselineChange[] = [];
  const notes: string[] = [];
  for (const [id, e] of Object.entries(outcomes)) {
    const prev = baseline.outcomes[id];
    if (!prev) {
      notes.push(`${id}: not in the baseline`);
      continue;
    }
    const measures: [BaselineMeasure, number, Interval, number | null, Interval | null][] = [
      ['participants_share', e.participants.share, e.participants.ci, prev.participants.share, prev.participants.ci],
      ['controls_share', e.controls.share, e.controls.ci, prev.controls.share, prev.controls.ci],
      ['net_effect', e.difference.estimate, e.difference.ci, prev.difference?.estimate ?? null, prev.difference?.ci ?? null],
    ];
    for (const [measure, current, ciNow, previous, ciPrev] of measures) {
      if (previous === null || ciPrev === null || !Number.isFinite(current)) {
        notes.push(`${id}.${measure}: suppressed or missing in the baseline`);
        continue;
      }
      const ci = moverDifference(current, ciNow, previous, ciPrev);
      changes.push({ outcome: id, measure, current, previous, change: current - previous, ci, flagged: ci[0] > 0 || ci[1] < 0 });
    }
  }
  return { file: baseline.file, name: baseline.name, confidence, method: 'mover', changes, flagged: changes.filter((c) => c.flagged).length, notes };
}

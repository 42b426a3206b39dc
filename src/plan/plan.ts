import { inputError } from '../errors.js';
import { minimumDetectableEffect, powerTwoProportions, type PowerMethod } from '../stats/index.js';

/** A planned cohort (snake_case: it is echoed in the JSON). */
export interface PlanInput {
  readonly participants: number;
  /** Controls per participant (10 for 1:10 matching). */
  readonly control_ratio: number;
  /** Expected share of the controls in the outcome (0–1). */
  readonly control_share: number;
  /** The net effect the deal counts on (p1 − p2, as a fraction). */
  readonly target_effect: number;
  readonly alpha: number;
  readonly power: number;
  readonly alternative: 'two-sided' | 'greater';
  readonly method: PowerMethod;
}

export interface PlanResult {
  readonly input: PlanInput;
  readonly controls: number;
  /** Smallest net effect detected with the target power at the planned sizes; null if none is. */
  readonly minimum_detectable_effect: number | null;
  /** Power to detect the target effect at the planned sizes. */
  readonly power_at_target: number;
  /** Smallest number of participants (controls at the same ratio) giving the target power for the target effect. */
  readonly required_participants: number | null;
  readonly required_controls: number | null;
  /** target effect ≥ minimum detectable effect. */
  readonly target_detectable: boolean;
  /** MDE for other control shares and ratios at the planned participants, for the note. */
  readonly sensitivity: readonly { readonly control_share: number; readonly control_ratio: number; readonly minimum_detectable_effect: number | null }[];
  /** code: target_below_mde | many_controls; message in English (the text output words them per language). */
  readonly warnings: readonly { readonly code: 'target_below_mde' | 'many_controls'; readonly message: string }[];
}

const MAX_PARTICIPANTS = 10_000_000;

export function controlsFor(participants: number, ratio: number): number {
  return Math.max(2, Math.round(participants * ratio));
}

/** Validate a planned cohort; every problem is a usage error (exit 2). */
export function checkPlanInput(p: PlanInput): void {
  const bad = (m: string): never => {
    throw inputError(`plan: ${m}`);
  };
  if (!(Number.isInteger(p.participants) && p.participants >= 2)) bad(`participants must be a whole number ≥ 2, got ${p.participants}`);
  if (!(Number.isFinite(p.control_ratio) && p.control_ratio > 0)) bad(`control ratio must be a positive number, got ${p.control_ratio}`);
  if (!(p.control_share > 0 && p.control_share < 1)) bad(`control share must be strictly between 0 and 1 (a fraction, e.g. 0.17), got ${p.control_share}`);
  if (!(Number.isFinite(p.target_effect) && p.target_effect > 0)) bad(`target effect must be a positive fraction (e.g. 0.18 for 18 percentage points), got ${p.target_effect}`);
  if (!(p.control_share + p.target_effect < 1)) bad(`control share + target effect must stay below 1 (got ${p.control_share} + ${p.target_effect})`);
  if (!(p.alpha > 0 && p.alpha < 1)) bad(`alpha must be strictly between 0 and 1, got ${p.alpha}`);
  if (!(p.power > 0 && p.power < 1)) bad(`power must be strictly between 0 and 1, got ${p.power}`);
}

/**
 * Power analysis for a planned cohort with the statistics engine's power functions
 * (src/stats/power.ts: the normal approximation of the pooled two-proportion z-test with
 * unequal groups, Fleiss, Levin & Paik 2003 §4.2–4.4, or Cohen's arcsine h): the minimum
 * detectable effect at the planned sizes, the power for the target effect, and the smallest
 * cohort reaching the target power (integer search over n1 with n2 = round(ratio × n1):
 * doubling, then bisection; power increases with n at fixed shares).
 */
export function planCohort(input: PlanInput): PlanResult {
  checkPlanInput(input);
  const { participants: n1, control_ratio: ratio, control_share: p2, target_effect: delta, alpha, power, alternative, method } = input;
  const n2 = controlsFor(n1, ratio);
  const settings = { alpha, alternative, method } as const;
  const mde = minimumDetectableEffect(p2, { ...settings, n1, n2, power }).mde;
  const powerAt = (n: number): number => powerTwoProportions(p2 + delta, p2, { ...settings, n1: n, n2: controlsFor(n, ratio) }).power;
  const powerAtTarget = powerAt(n1);
  const required = requiredParticipants(powerAt, power);
  const warnings: { code: 'target_below_mde' | 'many_controls'; message: string }[] = [];
  const detectable = mde !== null && delta >= mde;
  if (!detectable) {
    warnings.push({
      code: 'target_below_mde',
      message:
        `the target effect ${pp(delta)} is below the minimum detectable effect ${mde === null ? '(none at these sizes)' : pp(mde)} at ${n1} participants and ${n2} controls: ` +
        `the power to show it is only ${(powerAtTarget * 100).toFixed(0)} %${required === null ? '' : `; about ${required} participants are needed`}`,
    });
  }
  if (ratio > 10) warnings.push({ code: 'many_controls', message: `more than 10 controls per participant adds little power: the participants' own sampling variance dominates` });
  const sensitivity: { control_share: number; control_ratio: number; minimum_detectable_effect: number | null }[] = [];
  for (const share of uniqueSorted([0.1, 0.17, 0.2, 0.25, 0.3, p2])) {
    for (const r of uniqueSorted([1, 5, 10, ratio])) {
      sensitivity.push({ control_share: share, control_ratio: r, minimum_detectable_effect: minimumDetectableEffect(share, { ...settings, n1, n2: controlsFor(n1, r), power }).mde });
    }
  }
  return {
    input,
    controls: n2,
    minimum_detectable_effect: mde,
    power_at_target: powerAtTarget,
    required_participants: required,
    required_controls: required === null ? null : controlsFor(required, ratio),
    target_detectable: detectable,
    sensitivity,
    warnings,
  };
}

/** Smallest n ≥ 2 with powerAt(n) ≥ target: doubling to bracket, then integer bisection. */
export function requiredParticipants(powerAt: (n: number) => number, target: number): number | null {
  if (powerAt(2) >= target) return 2;
  let lo = 2;
  let hi = 4;
  while (powerAt(hi) < target) {
    lo = hi;
    hi *= 2;
    if (hi > MAX_PARTICIPANTS) return null;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (powerAt(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

function uniqueSorted(xs: readonly number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

function pp(x: number): string {
  return `${(x * 100).toFixed(1)} pp`;
}

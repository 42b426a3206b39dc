import { compareProportions, fisherExact, holm, normalSf, oddsRatio, relativeRisk, weightedDifference, weightedShare, wilson } from '../stats/index.js';
import type { OutcomeDefinition } from '../spec/schema.js';
import type { PersonOutcome, StatusCategory } from '../types.js';
import type { OutcomeTable } from '../outcomes/table.js';
import { STATUS_CATEGORIES } from '../types.js';
import type { LocalizedText, OutcomeEffect, StatusRow } from './types.js';

/** The status distribution from a tally of the same persons (every status a known category, as the outcomes stage gives). */
export function distributionOf(tally: StatusTally): StatusRow[] {
  const n1 = tally.participants;
  const n2 = tally.controls;
  return STATUS_CATEGORIES.map((category) => {
    const [participants, controls] = tally.counts.get(category)!;
    return { category, participants, controls, participants_share: n1 ? participants / n1 : NaN, controls_share: n2 ? controls / n2 : NaN };
  });
}

/** The status distribution of the persons (distributionOf their tally). */
export function statusDistribution(outcomes: readonly PersonOutcome[]): StatusRow[] {
  return distributionOf(tallyStatuses(outcomes));
}

export function labelOf(def: OutcomeDefinition): LocalizedText {
  if (def.label === undefined) return { da: def.id, en: def.id };
  return typeof def.label === 'string' ? { da: def.label, en: def.label } : def.label;
}

/** Persons by status and group, counted once for all the outcomes of one set of persons. */
export interface StatusTally {
  /** status → [participants, controls] */
  readonly counts: ReadonlyMap<StatusCategory, readonly [number, number]>;
  readonly participants: number;
  readonly controls: number;
  /** Some control carries a weight other than 1. */
  readonly weighted: boolean;
}

export function tallyStatuses(outcomes: readonly PersonOutcome[]): StatusTally {
  const counts = new Map<StatusCategory, [number, number]>(STATUS_CATEGORIES.map((c) => [c, [0, 0]]));
  let participants = 0;
  let weighted = false;
  for (const o of outcomes) {
    // A status outside STATUS_CATEGORIES (a library caller's own records) counts in n only.
    const row = counts.get(o.status);
    if (o.person.group === 'participant') {
      participants += 1;
      if (row) row[0] += 1;
    } else {
      if (row) row[1] += 1;
      if (o.person.weight !== 1) weighted = true;
    }
  }
  return { counts, participants, controls: outcomes.length - participants, weighted };
}

/** A StatusTally from counts[status × 2 + (control ? 1 : 0)]. */
function tallyOf(counts: Int32Array, weighted: boolean): StatusTally {
  let participants = 0;
  let controls = 0;
  const map = new Map<StatusCategory, [number, number]>();
  STATUS_CATEGORIES.forEach((c, s) => {
    map.set(c, [counts[s * 2]!, counts[s * 2 + 1]!]);
    participants += counts[s * 2]!;
    controls += counts[s * 2 + 1]!;
  });
  return { counts: map, participants, controls, weighted };
}

/** The persons to compare in one outcome: counted by status, and listed one by one when the controls are weighted. */
export interface Compared {
  readonly tally: StatusTally;
  /** Each participant's and each control's indicator of `inSet` and weight, in order (weightedOutcomeEffect only). */
  readonly indicators: (inSet: ReadonlySet<StatusCategory>) => Indicators;
}

export interface Indicators {
  readonly y1: number[];
  readonly w1: number[];
  readonly y2: number[];
  readonly w2: number[];
}

/** PersonOutcome records as Compared. */
export function comparedRecords(outcomes: readonly PersonOutcome[], tally: StatusTally = tallyStatuses(outcomes)): Compared {
  return {
    tally,
    indicators: (inSet) => {
      const y1: number[] = [];
      const w1: number[] = [];
      const y2: number[] = [];
      const w2: number[] = [];
      for (const o of outcomes) {
        const hit = inSet.has(o.status) ? 1 : 0;
        if (o.person.group === 'participant') {
          y1.push(hit);
          w1.push(1);
        } else {
          y2.push(hit);
          w2.push(o.person.weight);
        }
      }
      return { y1, w1, y2, w2 };
    },
  };
}

/**
 * Rows of an outcome table as Compared: all of them, or those whose `levelOf` entry is
 * `level`. One pass over typed arrays; `controlWeights[k]` is the k-th control's weight.
 */
export function comparedRows(table: OutcomeTable, controlWeights: Float64Array, levelOf?: Int32Array, level = 0): Compared {
  if (levelOf === undefined) return comparedOf(table, controlWeights, undefined, 0, countLevels(table, controlWeights, undefined, 1), 0);
  return comparedOf(table, controlWeights, levelOf, level, countLevels(table, controlWeights, levelOf, level + 1), level);
}

/**
 * comparedRows for each level 0 … levels − 1 of `levelOf` (−1: in none), the rows counted in
 * one pass for all of them rather than one pass a level.
 */
export function comparedLevels(table: OutcomeTable, controlWeights: Float64Array, levelOf: Int32Array, levels: number): Compared[] {
  const counted = countLevels(table, controlWeights, levelOf, levels);
  return Array.from({ length: levels }, (_, level) => comparedOf(table, controlWeights, levelOf, level, counted, level));
}

/** Counts by level, status and group (participant 0, control 1), and whether a level has a control of weight other than 1. */
interface LevelCounts {
  readonly counts: Int32Array;
  readonly weighted: Uint8Array;
}

const PER_LEVEL = STATUS_CATEGORIES.length * 2;

function countLevels(table: OutcomeTable, controlWeights: Float64Array, levelOf: Int32Array | undefined, levels: number): LevelCounts {
  const counts = new Int32Array(levels * PER_LEVEL);
  const weighted = new Uint8Array(levels);
  const { status, person } = table;
  const first = table.cohortParticipants;
  for (let r = 0; r < table.rows; r++) {
    const level = levelOf === undefined ? 0 : levelOf[r]!;
    if (level < 0 || level >= levels) continue;
    const control = r >= table.participants ? 1 : 0;
    counts[level * PER_LEVEL + status[r]! * 2 + control]!++;
    if (control && controlWeights[person[r]! - first] !== 1) weighted[level] = 1;
  }
  return { counts, weighted };
}

function comparedOf(table: OutcomeTable, controlWeights: Float64Array, levelOf: Int32Array | undefined, level: number, counted: LevelCounts, at: number): Compared {
  const weightOf = (r: number): number => controlWeights[table.person[r]! - table.cohortParticipants]!;
  return {
    tally: tallyOf(counted.counts.subarray(at * PER_LEVEL, (at + 1) * PER_LEVEL), counted.weighted[at] === 1),
    indicators: (inSet) => {
      const hit = Uint8Array.from(STATUS_CATEGORIES, (c) => (inSet.has(c) ? 1 : 0));
      const out: Indicators = { y1: [], w1: [], y2: [], w2: [] };
      for (let r = 0; r < table.rows; r++) {
        if (levelOf !== undefined && levelOf[r] !== level) continue;
        if (r < table.participants) {
          out.y1.push(hit[table.status[r]!]!);
          out.w1.push(1);
        } else {
          out.y2.push(hit[table.status[r]!]!);
          out.w2.push(weightOf(r));
        }
      }
      return out;
    },
  };
}

/** outcomeEffect for each definition, the persons counted once for all of them. */
export function outcomeEffects(defs: readonly OutcomeDefinition[], outcomes: readonly PersonOutcome[], confidence: number, withBoschloo: boolean, tally: StatusTally = tallyStatuses(outcomes)): OutcomeEffect[] {
  return effectsOf(defs, comparedRecords(outcomes, tally), confidence, withBoschloo);
}

/** effectOf for each definition. */
export function effectsOf(defs: readonly OutcomeDefinition[], compared: Compared, confidence: number, withBoschloo: boolean): OutcomeEffect[] {
  return defs.map((def) => effectOf(def, compared, confidence, withBoschloo));
}

/**
 * Full comparison of one outcome between the given participants and controls. `tally`:
 * the persons counted by status already (outcomeEffects shares one among the outcomes).
 */
export function outcomeEffect(def: OutcomeDefinition, outcomes: readonly PersonOutcome[], confidence: number, withBoschloo: boolean, tally: StatusTally = tallyStatuses(outcomes)): OutcomeEffect {
  return effectOf(def, comparedRecords(outcomes, tally), confidence, withBoschloo);
}

/** Full comparison of one outcome between the compared participants and controls. */
export function effectOf(def: OutcomeDefinition, compared: Compared, confidence: number, withBoschloo: boolean): OutcomeEffect {
  const { tally } = compared;
  const inSet = new Set<StatusCategory>(def.categories);
  let x1 = 0;
  let x2 = 0;
  for (const category of inSet) {
    const [p, c] = tally.counts.get(category) ?? [0, 0];
    x1 += p;
    x2 += c;
  }
  const n1 = tally.participants;
  const n2 = tally.controls;
  if (tally.weighted) {
    return weightedOutcomeEffect(def, compared.indicators(inSet), { x1, n1, x2, n2 }, confidence);
  }
  const c = compareProportions(x1, n1, x2, n2, { confidence, alternative: 'two-sided', boschloo: withBoschloo });
  return {
    id: def.id,
    label: labelOf(def),
    categories: def.categories,
    participants: { n: n1, events: x1, share: c.participants.share, ci: c.participants.ci, method: 'wilson' },
    controls: { n: n2, events: x2, share: c.controls.share, ci: c.controls.ci, method: 'wilson' },
    difference: {
      estimate: c.difference.estimate,
      ci: c.difference.ci.newcombe,
      method: 'newcombe',
      confidence,
      alternatives: {
        miettinen_nurminen: c.difference.ci.miettinen_nurminen,
        agresti_caffo: c.difference.ci.agresti_caffo,
        wald: c.difference.ci.wald,
      },
    },
    tests: {
      z: c.tests.z,
      z_corrected: c.tests.z_corrected,
      fisher: c.tests.fisher,
      ...(c.tests.boschloo ? { boschloo: c.tests.boschloo } : {}),
    },
    relative_risk: { estimate: c.relative_risk.estimate, ci: c.relative_risk.ci, method: c.relative_risk.method ?? 'log' },
    odds_ratio: { estimate: c.odds_ratio.estimate, ci: c.odds_ratio.ci, method: c.odds_ratio.method ?? 'woolf' },
  };
}

/**
 * Controls carrying weights (e.g. 1:k matching with replacement, coarsened exact matching):
 * the control share is the weighted share with a Wilson interval at the Kish effective size;
 * the net effect's interval and the z-test use the heteroskedasticity-robust (HC0 sandwich)
 * standard error of the weighted difference (White 1980), the primary interval then being
 * the robust Wald interval. Exact conditional tests assume unweighted counts, so Fisher's
 * test, relative risk and odds ratio are computed on the controls' Kish-effective counts
 * (n_eff and round(share·n_eff)): an approximation the note states. Boschloo is left out.
 */
function weightedOutcomeEffect(
  def: OutcomeDefinition,
  { y1, w1, y2, w2 }: Indicators,
  counts: { x1: number; n1: number; x2: number; n2: number },
  confidence: number,
): OutcomeEffect {
  const { x1, n1, x2, n2 } = counts;
  const p1 = wilson(x1, n1, confidence);
  const s2 = weightedShare(y2, w2, { confidence });
  const d = weightedDifference(y1, w1, y2, w2, { confidence });
  const z = d.se > 0 ? d.estimate / d.se : d.estimate === 0 ? 0 : Math.sign(d.estimate) * Infinity;
  const zTestResult = { statistic: z, p: Number.isFinite(z) ? 2 * normalSf(Math.abs(z)) : 0 };
  // Newcombe's hybrid (MOVER) with the controls' Wilson interval at the Kish size, for comparison.
  const mover: readonly [number, number] = [
    d.estimate - Math.sqrt((p1.estimate - p1.ci[0]) ** 2 + (s2.ci[1] - s2.estimate) ** 2),
    d.estimate + Math.sqrt((p1.ci[1] - p1.estimate) ** 2 + (s2.estimate - s2.ci[0]) ** 2),
  ];
  const n2e = Math.max(1, Math.round(s2.n_eff));
  const x2e = Math.min(n2e, Math.max(0, Math.round(s2.estimate * n2e)));
  const fisher = fisherExact(x1, n1, x2e, n2e, { confidence });
  const rr = relativeRisk(x1, n1, x2e, n2e, confidence);
  const or = oddsRatio(x1, n1, x2e, n2e, confidence);
  return {
    id: def.id,
    label: labelOf(def),
    categories: def.categories,
    participants: { n: n1, events: x1, share: p1.estimate, ci: p1.ci, method: 'wilson' },
    controls: { n: n2, events: x2, share: s2.estimate, ci: s2.ci, method: 'wilson_kish_weighted' },
    difference: {
      estimate: d.estimate,
      ci: d.ci,
      method: 'wald_robust_weighted',
      confidence,
      alternatives: { newcombe_kish: mover },
    },
    tests: {
      z: zTestResult,
      // No continuity correction is defined for a robust z; NaN is published as null ("–" in the note).
      z_corrected: { statistic: NaN, p: NaN },
      fisher: { p: fisher.p, p_mid: fisher.p_mid, odds_ratio: fisher.odds_ratio, ci: fisher.ci },
    },
    relative_risk: { estimate: rr.estimate, ci: rr.ci, method: `${rr.method}_kish_effective` },
    odds_ratio: { estimate: or.estimate, ci: or.ci, method: `${or.method}_kish_effective` },
  };
}

/** Holm adjustment of the Fisher p-values across outcomes (several outcomes tested at once). */
export function withHolm(effects: readonly OutcomeEffect[]): OutcomeEffect[] {
  const adjusted = holm(effects.map((e) => e.tests.fisher.p));
  return effects.map((e, i) => ({ ...e, tests: { ...e.tests, fisher_holm: adjusted[i] ?? NaN } }));
}

import { compareProportions, holm } from '../stats/index.js';
import type { OutcomeDefinition } from '../spec/schema.js';
import type { PersonOutcome, StatusCategory } from '../types.js';
import { STATUS_CATEGORIES } from '../types.js';
import type { LocalizedText, OutcomeEffect, StatusRow } from './types.js';

export function statusDistribution(outcomes: readonly PersonOutcome[]): StatusRow[] {
  const counts = new Map<StatusCategory, [number, number]>(STATUS_CATEGORIES.map((c) => [c, [0, 0]]));
  let n1 = 0;
  for (const o of outcomes) {
    const g = o.person.group === 'participant' ? 0 : 1;
    if (g === 0) n1 += 1;
    counts.get(o.status)![g] += 1;
  }
  const n2 = outcomes.length - n1;
  return STATUS_CATEGORIES.map((category) => {
    const [participants, controls] = counts.get(category)!;
    return { category, participants, controls, participants_share: n1 ? participants / n1 : NaN, controls_share: n2 ? controls / n2 : NaN };
  });
}

export function labelOf(def: OutcomeDefinition): LocalizedText {
  if (def.label === undefined) return { da: def.id, en: def.id };
  return typeof def.label === 'string' ? { da: def.label, en: def.label } : def.label;
}

/** Full comparison of one outcome between the given participants and controls. */
export function outcomeEffect(def: OutcomeDefinition, outcomes: readonly PersonOutcome[], confidence: number, withBoschloo: boolean): OutcomeEffect {
  const inSet = new Set<StatusCategory>(def.categories);
  let x1 = 0;
  let n1 = 0;
  let x2 = 0;
  let n2 = 0;
  for (const o of outcomes) {
    const hit = inSet.has(o.status) ? 1 : 0;
    if (o.person.group === 'participant') {
      n1 += 1;
      x1 += hit;
    } else {
      n2 += 1;
      x2 += hit;
    }
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

/** Holm adjustment of the Fisher p-values across outcomes (several outcomes tested at once). */
export function withHolm(effects: readonly OutcomeEffect[]): OutcomeEffect[] {
  const adjusted = holm(effects.map((e) => e.tests.fisher.p));
  return effects.map((e, i) => ({ ...e, tests: { ...e.tests, fisher_holm: adjusted[i] ?? NaN } }));
}

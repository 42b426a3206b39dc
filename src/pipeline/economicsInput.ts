import type { EffectInput } from '../economics/index.js';
import type { EvaluationRun } from './evaluate.js';

/**
 * The hand-off to economics: the paying outcome's measured net effect WITH its
 * interval (not just the point), the participants' gross rate, and the gross rate of
 * each level of each subgroup variable (for differentiated prices).
 */
export function effectInputFor(run: EvaluationRun, outcomeId: string): EffectInput {
  const { evaluation } = run;
  const effect = evaluation.outcomes[outcomeId];
  if (!effect) throw new Error(`paying outcome ${outcomeId} missing from the evaluation`);
  const n = effect.participants.n;
  const subgroups = evaluation.subgroups
    // Prices differ by personal characteristics, not by place or intake cohort.
    .filter((s) => s.variable !== 'municipality' && s.variable !== 'cohort')
    .map((s) => {
      const o = s.outcomes[outcomeId];
      return {
        id: `${s.variable}=${s.level}`,
        label: `${s.variable} = ${s.level}`,
        share_of_participants: n > 0 ? s.participants / n : 0,
        gross_rate: o ? o.participants.share : NaN,
        ...(o && o.controls.n > 0 ? { net_effect: o.difference.estimate } : {}),
      };
    });
  return {
    net_effect: effect.difference.estimate,
    ci: effect.difference.ci,
    confidence: effect.difference.confidence,
    gross_rate: effect.participants.share,
    participants: n,
    subgroups,
    source: `effect.json: outcomes.${outcomeId}`,
  };
}

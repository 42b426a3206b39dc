import { zCritical } from '../stats/distributions.js';
import { evaluate, type ModelPoint } from './model.js';
import type { PaymentFunction } from './payment.js';
import { applyOverride, MODEL_PARAMETERS, readParameter, type ParameterSpec } from './overrides.js';
import type { EconomicsParameters, EffectInput } from './schema.js';

/** One bar of the tornado: the outputs at the low and the high end of one parameter's range. */
export interface TornadoRow {
  readonly parameter: string;
  readonly base_value: number;
  readonly low_value: number;
  readonly high_value: number;
  /** Where the range came from: the parameter file, the effect's interval, or the default rule. */
  readonly range_source: 'parameters' | 'confidence_interval' | 'wilson_interval' | 'default';
  readonly surplus_low: number;
  readonly surplus_high: number;
  readonly socio_economic_surplus_low: number;
  readonly socio_economic_surplus_high: number;
  readonly municipal_net_low: number;
  readonly municipal_net_high: number;
  readonly investor_return_low: number | null;
  readonly investor_return_high: number | null;
  /** |surplus_high − surplus_low|, the bar's length; rows are sorted by it, longest first. */
  readonly surplus_swing: number;
}

/** Wilson score interval of a share p observed on n persons (Wilson 1927), for the gross rate's range. */
function wilsonRange(p: number, n: number, confidence: number): [number, number] {
  const z = zCritical(confidence);
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Default one-at-a-time ranges: the net effect over its confidence interval, the gross rate
 * over its Wilson interval, amounts ± `relative_range`, shares ± 0.25 (decay ± 0.10), the
 * horizon ± a third, constant years ± 1, the first-band discount rate ± 1.5 points, the net
 * tax factor 1.0–1.325.
 */
export function sensitivityRange(p: EconomicsParameters, effect: EffectInput, spec: ParameterSpec): { range: [number, number]; source: TornadoRow['range_source'] } {
  const explicit = p.sensitivity.ranges[spec.path];
  if (explicit) return { range: [explicit[0], explicit[1]], source: 'parameters' };
  const base = Number(readParameter(p, effect, spec.path));
  const rel = p.sensitivity.relative_range;
  const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
  switch (spec.path) {
    case 'effect.net_effect':
      return { range: [effect.ci[0], effect.ci[1]], source: 'confidence_interval' };
    case 'effect.gross_rate':
      return { range: wilsonRange(effect.gross_rate, effect.participants, effect.confidence), source: 'wilson_interval' };
    case 'effect_path.annual_decay':
      return { range: [clamp01(base - 0.1), clamp01(base + 0.1)], source: 'default' };
    case 'horizon_years':
      return { range: [Math.max(1, Math.round(base / 1.5)), Math.round(base * 4 / 3)], source: 'default' };
    case 'effect_path.constant_years':
      return { range: [Math.max(0, base - 1), base + 1], source: 'default' };
    case 'discounting.custom_rate':
      return { range: [base - 0.015, base + 0.015], source: 'default' };
    case 'socio_economic.net_tax_factor':
      return { range: [1, 1.325], source: 'default' };
  }
  if (spec.kind === 'share') return { range: [clamp01(base - 0.25), clamp01(base + 0.25)], source: 'default' };
  return { range: [base * (1 - rel), base * (1 + rel)], source: 'default' };
}

/**
 * One-at-a-time sensitivity (tornado) of every model parameter, with the contract's price held
 * at the base deal so the municipal and investor columns show risk, not re-negotiation.
 */
export function tornado(p: EconomicsParameters, effect: EffectInput, contract: PaymentFunction): TornadoRow[] {
  // Contract terms (the investor's share) are re-planned; everything else is judged against the signed contract.
  const at = (path: string, value: number): ModelPoint => {
    const moved = applyOverride(p, effect, path, value);
    return evaluate(moved.params, moved.effect, path.startsWith('payment.') ? undefined : contract);
  };
  const rows = MODEL_PARAMETERS.map((spec): TornadoRow => {
    const { range, source } = sensitivityRange(p, effect, spec);
    const lo = at(spec.path, range[0]);
    const hi = at(spec.path, range[1]);
    return {
      parameter: spec.path,
      base_value: Number(readParameter(p, effect, spec.path)),
      low_value: range[0],
      high_value: range[1],
      range_source: source,
      surplus_low: lo.budget.surplus_per_participant,
      surplus_high: hi.budget.surplus_per_participant,
      socio_economic_surplus_low: lo.socio.surplus_per_participant,
      socio_economic_surplus_high: hi.socio.surplus_per_participant,
      municipal_net_low: lo.municipal_net_per_participant,
      municipal_net_high: hi.municipal_net_per_participant,
      investor_return_low: lo.investor_return,
      investor_return_high: hi.investor_return,
      surplus_swing: Math.abs(hi.budget.surplus_per_participant - lo.budget.surplus_per_participant),
    };
  });
  const order = new Map(MODEL_PARAMETERS.map((s, i) => [s.path, i]));
  const swing = (r: TornadoRow): number => r.surplus_swing + 1e-9 * Math.abs(r.municipal_net_high - r.municipal_net_low);
  return rows.sort((a, b) => swing(b) - swing(a) || order.get(a.parameter)! - order.get(b.parameter)!);
}

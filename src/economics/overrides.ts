import { inputError } from '../errors.js';
import type { EconomicsParameters, EffectInput } from './schema.js';

/** A parameter the sensitivity analysis and break-even search can move, addressed by its JSON path. */
export interface ParameterSpec {
  readonly path: string;
  /** amount: DKK; share: fraction in [0, 1]; integer: whole years; rate: a discount rate. */
  readonly kind: 'amount' | 'share' | 'integer' | 'rate';
  /** Which account the parameter can move; socio-only parameters leave the budget unchanged. */
  readonly affects: 'budget' | 'socio' | 'payment';
}

/** Every numeric model parameter, in the order the tornado lists ties. */
export const MODEL_PARAMETERS: readonly ParameterSpec[] = [
  { path: 'effect.net_effect', kind: 'share', affects: 'budget' },
  { path: 'effect.gross_rate', kind: 'share', affects: 'payment' },
  { path: 'costs.provider_cost_per_participant', kind: 'amount', affects: 'budget' },
  { path: 'costs.municipal_referral_cost_per_participant', kind: 'amount', affects: 'budget' },
  { path: 'costs.municipal_follow_up_cost_per_participant', kind: 'amount', affects: 'budget' },
  { path: 'ordinary_effort.cost_per_participant', kind: 'amount', affects: 'budget' },
  { path: 'ordinary_effort.saving_share', kind: 'share', affects: 'budget' },
  { path: 'yearly_gain_per_additional_employed.saved_transfer_income', kind: 'amount', affects: 'budget' },
  { path: 'yearly_gain_per_additional_employed.extra_municipal_income_tax', kind: 'amount', affects: 'budget' },
  { path: 'effect_path.constant_years', kind: 'integer', affects: 'budget' },
  { path: 'effect_path.annual_decay', kind: 'share', affects: 'budget' },
  { path: 'horizon_years', kind: 'integer', affects: 'budget' },
  { path: 'discounting.custom_rate', kind: 'rate', affects: 'budget' },
  { path: 'socio_economic.production_value_per_employed_year', kind: 'amount', affects: 'socio' },
  { path: 'socio_economic.net_tax_factor', kind: 'rate', affects: 'socio' },
  { path: 'payment.investor_share_of_surplus', kind: 'share', affects: 'payment' },
];

const EXTRA_PATHS = ['discounting.schedule', 'socio_economic.tax_distortion', 'payment.price_cap_per_gross_employed', 'payment.payment_cap_per_participant', 'payment.months_from_outlay_to_payment', 'payment.subgroup_rule'];

export function parameterSpec(path: string): ParameterSpec | undefined {
  return MODEL_PARAMETERS.find((s) => s.path === path);
}

const NUMERIC_EXTRAS = ['payment.price_cap_per_gross_employed', 'payment.payment_cap_per_participant', 'payment.months_from_outlay_to_payment'];

/** True if `path` names a numeric parameter a break-even search can move. */
export function isNumericPath(path: string): boolean {
  return parameterSpec(path) !== undefined || NUMERIC_EXTRAS.includes(path);
}

/** True if `path` names something `applyOverride` can set. */
export function isKnownPath(path: string): boolean {
  return parameterSpec(path) !== undefined || EXTRA_PATHS.includes(path);
}

/** The current value at `path` (the first rate band's rate for `discounting.custom_rate` under a FM schedule). */
export function readParameter(p: EconomicsParameters, effect: EffectInput, path: string): number | string | undefined {
  if (path === 'effect.net_effect') return effect.net_effect;
  if (path === 'effect.gross_rate') return effect.gross_rate;
  if (path === 'discounting.custom_rate') {
    if (p.discounting.schedule === 'custom') return p.discounting.custom_rate;
    return p.discounting.schedule === 'fm2017' ? 0.04 : 0.035;
  }
  const [section, key] = path.split('.');
  if (key === undefined) return (p as unknown as Record<string, unknown>)[section!] as number | undefined;
  const obj = (p as unknown as Record<string, Record<string, unknown> | undefined>)[section!];
  const v = obj?.[key];
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
}

/**
 * A copy of the inputs with one parameter set. Moving `effect.net_effect` keeps the control
 * group's share fixed, so the gross rate moves with it (as in the uncertainty draws); moving
 * `effect.gross_rate` keeps the net effect. Setting `discounting.custom_rate` switches to a flat rate.
 */
export function applyOverride(p: EconomicsParameters, effect: EffectInput, path: string, value: number | string): { params: EconomicsParameters; effect: EffectInput } {
  if (!isKnownPath(path)) throw inputError(`unknown parameter path "${path}"`);
  if (path === 'effect.net_effect' || path === 'effect.gross_rate') {
    if (typeof value !== 'number') throw inputError(`${path} must be a number`);
    const control = effect.gross_rate - effect.net_effect;
    const net = path === 'effect.net_effect' ? value : effect.net_effect;
    const gross = path === 'effect.net_effect' ? Math.min(1, Math.max(0, control + value)) : value;
    const ci: readonly [number, number] = [Math.min(effect.ci[0], net), Math.max(effect.ci[1], net)];
    return { params: p, effect: { ...effect, net_effect: net, gross_rate: gross, ci } };
  }
  const params = structuredClone(p) as EconomicsParameters;
  if (path === 'discounting.custom_rate') {
    if (typeof value !== 'number') throw inputError(`${path} must be a number`);
    params.discounting = { schedule: 'custom', custom_rate: value };
    return { params, effect };
  }
  const [section, key] = path.split('.');
  const target = key === undefined ? (params as unknown as Record<string, unknown>) : (params as unknown as Record<string, Record<string, unknown>>)[section!]!;
  const field = key ?? section!;
  const numeric = isNumericPath(path);
  if (numeric && typeof value !== 'number') throw inputError(`${path} must be a number`);
  target[field] = value;
  return { params, effect };
}

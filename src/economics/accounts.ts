import { discountFactors, rateBands } from './discounting.js';
import { effectWeights } from './effectPath.js';
import type { EconomicsParameters } from './schema.js';

/** Tax distortion as a share of the public net cash flow: 10 % (FM 2017), none (FM 2023), or a number. */
export function taxDistortionRate(value: EconomicsParameters['socio_economic']['tax_distortion']): number {
  if (value === 'fm2017') return 0.1;
  if (value === 'fm2023') return 0;
  return value;
}

/** Year-by-year building blocks shared by the accounts: discount factors and the effect path. */
export interface Timeline {
  readonly horizon: number;
  readonly df: Float64Array;
  /** Relative effect per year (0 in year 0). */
  readonly weights: Float64Array;
  /** Σ_t weights[t]·df[t]: present value of one extra person-year of employment per unit effect. */
  readonly weightedPv: number;
}

export function timeline(p: EconomicsParameters): Timeline {
  const horizon = p.horizon_years;
  const df = discountFactors(rateBands(p.discounting.schedule, p.discounting.custom_rate), horizon);
  const weights = effectWeights(p.effect_path.constant_years, p.effect_path.annual_decay, horizon);
  let weightedPv = 0;
  for (let t = 1; t <= horizon; t++) weightedPv += weights[t]! * df[t]!;
  return { horizon, df, weights, weightedPv };
}

/**
 * The municipality's budget account per participant, present values in the price year
 * (catalogue Table 1): savings on transfers and extra municipal income tax from the extra
 * employment, the net saving on the ordinary employment effort, minus the municipality's own
 * referral and follow-up costs; then minus the provider's cost.
 */
export interface BudgetAccount {
  readonly saved_transfer_income: number;
  readonly extra_municipal_income_tax: number;
  readonly ordinary_effort_saving: number;
  readonly municipal_referral_cost: number;
  readonly municipal_follow_up_cost: number;
  readonly municipal_saving_per_participant: number;
  readonly provider_cost_per_participant: number;
  readonly surplus_per_participant: number;
}

export function budgetAccount(p: EconomicsParameters, netEffect: number, tl: Timeline): BudgetAccount {
  const employedPv = netEffect * tl.weightedPv;
  const saved_transfer_income = employedPv * p.yearly_gain_per_additional_employed.saved_transfer_income;
  const extra_municipal_income_tax = employedPv * p.yearly_gain_per_additional_employed.extra_municipal_income_tax;
  const ordinary_effort_saving = p.ordinary_effort.cost_per_participant * p.ordinary_effort.saving_share;
  const municipal_referral_cost = p.costs.municipal_referral_cost_per_participant;
  const municipal_follow_up_cost = p.costs.municipal_follow_up_cost_per_participant;
  const municipal_saving_per_participant =
    saved_transfer_income + extra_municipal_income_tax + ordinary_effort_saving - municipal_referral_cost - municipal_follow_up_cost;
  const provider_cost_per_participant = p.costs.provider_cost_per_participant;
  return {
    saved_transfer_income,
    extra_municipal_income_tax,
    ordinary_effort_saving,
    municipal_referral_cost,
    municipal_follow_up_cost,
    municipal_saving_per_participant,
    provider_cost_per_participant,
    surplus_per_participant: municipal_saving_per_participant - provider_cost_per_participant,
  };
}

/**
 * The socio-economic account per participant (Finance Ministry method): resource effects —
 * the value of the extra production, the resources freed on the ordinary effort, minus the
 * provider's and the municipality's resource use — are factor-price amounts raised to market
 * prices with the net tax factor; transfers are not resource use and drop out; the tax
 * distortion is a share of the public net cash flow (here the municipal budget surplus, the
 * catalogue's scope).
 */
export interface SocioEconomicAccount {
  readonly production_value: number;
  readonly ordinary_effort_resources_saved: number;
  readonly provider_resources: number;
  readonly municipal_resources: number;
  readonly net_tax_factor: number;
  readonly resource_net_at_market_prices: number;
  readonly tax_distortion_rate: number;
  readonly tax_distortion_gain: number;
  readonly surplus_per_participant: number;
}

export function socioEconomicAccount(p: EconomicsParameters, netEffect: number, tl: Timeline, budget: BudgetAccount): SocioEconomicAccount {
  const production_value = netEffect * tl.weightedPv * p.socio_economic.production_value_per_employed_year;
  const factor = p.socio_economic.net_tax_factor;
  const resourceNet =
    production_value + budget.ordinary_effort_saving - budget.provider_cost_per_participant - budget.municipal_referral_cost - budget.municipal_follow_up_cost;
  const rate = taxDistortionRate(p.socio_economic.tax_distortion);
  const tax_distortion_gain = rate * budget.surplus_per_participant;
  return {
    production_value,
    ordinary_effort_resources_saved: budget.ordinary_effort_saving,
    provider_resources: budget.provider_cost_per_participant,
    municipal_resources: budget.municipal_referral_cost + budget.municipal_follow_up_cost,
    net_tax_factor: factor,
    resource_net_at_market_prices: factor * resourceNet,
    tax_distortion_rate: rate,
    tax_distortion_gain,
    surplus_per_participant: factor * resourceNet + tax_distortion_gain,
  };
}

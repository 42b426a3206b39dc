import type { EconomicsParameters, EffectInput } from './schema.js';
import type { ModelPoint } from './model.js';

/** One year of the per-participant cash flow (signed: gains +, costs −; nominal in the price year). */
export interface CashFlowYear {
  readonly year: number;
  /** Net effect in this year, as a fraction (0.18 = 18 pp). */
  readonly net_effect: number;
  readonly saved_transfer_income: number;
  readonly extra_municipal_income_tax: number;
  readonly ordinary_effort_saving: number;
  readonly municipal_costs: number;
  readonly provider_cost: number;
  /** The public budget's net flow (the surplus path): all of the above. */
  readonly budget_net: number;
  readonly discount_factor: number;
  readonly budget_net_pv: number;
  readonly budget_cumulative_pv: number;
  readonly payment_to_investor: number;
  /** The municipality in the deal: savings − own costs − payment to the investor (the provider is paid by the investor). */
  readonly municipal_net: number;
  readonly municipal_net_pv: number;
  readonly municipal_cumulative_pv: number;
  readonly socio_economic_net_pv: number;
  readonly socio_economic_cumulative_pv: number;
}

/** The budget account spread over years 0..horizon; present values sum to the account's totals. */
export function cashFlowTable(p: EconomicsParameters, effect: EffectInput, point: ModelPoint): CashFlowYear[] {
  const { df, weights, horizon } = point.timeline;
  const rows: CashFlowYear[] = [];
  let budgetCum = 0;
  let municipalCum = 0;
  let socioCum = 0;
  const factor = point.socio.net_tax_factor;
  const distortion = point.socio.tax_distortion_rate;
  for (let t = 0; t <= horizon; t++) {
    const e = effect.net_effect * weights[t]!;
    const transfer = e * p.yearly_gain_per_additional_employed.saved_transfer_income;
    const tax = e * p.yearly_gain_per_additional_employed.extra_municipal_income_tax;
    const effort = t === 0 ? point.budget.ordinary_effort_saving : 0;
    const municipalCosts = t === 0 ? -(point.budget.municipal_referral_cost + point.budget.municipal_follow_up_cost) : 0;
    const provider = t === 0 ? -point.budget.provider_cost_per_participant : 0;
    const budgetNet = transfer + tax + effort + municipalCosts + provider;
    const payment = -p.payment.schedule.filter((s) => s.year === t).reduce((s, x) => s + x.share, 0) * point.payment_nominal_per_participant;
    const municipalNet = transfer + tax + effort + municipalCosts + payment;
    const d = df[t]!;
    budgetCum += budgetNet * d;
    municipalCum += municipalNet * d;
    const production = e * p.socio_economic.production_value_per_employed_year;
    const socioNet = factor * (production + effort + municipalCosts + provider) + distortion * budgetNet;
    socioCum += socioNet * d;
    rows.push({
      year: t,
      net_effect: e,
      saved_transfer_income: transfer,
      extra_municipal_income_tax: tax,
      ordinary_effort_saving: effort,
      municipal_costs: municipalCosts,
      provider_cost: provider,
      budget_net: budgetNet,
      discount_factor: d,
      budget_net_pv: budgetNet * d,
      budget_cumulative_pv: budgetCum,
      payment_to_investor: payment,
      municipal_net: municipalNet,
      municipal_net_pv: municipalNet * d,
      municipal_cumulative_pv: municipalCum,
      socio_economic_net_pv: socioNet * d,
      socio_economic_cumulative_pv: socioCum,
    });
  }
  return rows;
}

/**
 * Years until a cumulative present-value account first reaches zero, interpolated linearly
 * within the crossing year (year 0 is the participation year); 0 if it never goes negative,
 * null if it is still negative at the horizon.
 */
export function yearsToBreakEven(cumulative: readonly number[], flows: readonly number[]): number | null {
  if ((cumulative[0] ?? 0) >= 0) return 0;
  for (let t = 1; t < cumulative.length; t++) {
    if (cumulative[t]! >= 0) {
      const before = cumulative[t - 1]!;
      const flow = flows[t]!;
      return t - 1 + (flow > 0 ? -before / flow : 1);
    }
  }
  return null;
}

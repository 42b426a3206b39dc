import { timeline, type SocioEconomicAccount } from './accounts.js';
import { breakEvenFor, investorBreakEvenGross, type BreakEven } from './breakEven.js';
import { cashFlowTable, yearsToBreakEven, type CashFlowYear } from './cashFlow.js';
import { compareWithCatalogue, type ComparisonRow } from './comparison.js';
import { rateBands, type RateBand } from './discounting.js';
import { controlRate, evaluate } from './model.js';
import type { PaymentFunction } from './payment.js';
import { inputError } from '../errors.js';
import { effectSchema, type EconomicsParameters, type EffectInput } from './schema.js';
import { selectSubgroups } from './subgroupSelection.js';
import { scenarioTable, type ScenarioRow } from './scenarios.js';
import { tornado, type TornadoRow } from './sensitivity.js';
import { allSubgroupPricings, type SubgroupPricing } from './subgroups.js';
import { simulate, type HistogramBin, type UncertaintyResult } from './uncertainty.js';

export interface RunEconomicsOptions {
  readonly seed?: number;
  readonly draws?: number;
}

/** economics.json: JSON-ready, snake_case, amounts in DKK per participant in the price year. */
export interface EconomicsResult {
  readonly schema_version: 1;
  readonly name: string | null;
  readonly price_year: number;
  readonly currency: 'DKK';
  readonly effect: EffectInput & { readonly control_rate: number; readonly subgroups_source: 'effect' | 'parameters' | 'none'; readonly subgroup_variable: string | null };
  readonly assumptions: {
    readonly horizon_years: number;
    readonly discounting: { readonly schedule: string; readonly bands: readonly RateBand[] };
    readonly effect_path: EconomicsParameters['effect_path'];
    readonly ordinary_effort: EconomicsParameters['ordinary_effort'];
    readonly yearly_gain_per_additional_employed: EconomicsParameters['yearly_gain_per_additional_employed'];
    readonly tax_distortion_rate: number;
    readonly net_tax_factor: number;
  };
  readonly budget: {
    readonly saved_transfer_income: number;
    readonly extra_municipal_income_tax: number;
    readonly ordinary_effort_saving: number;
    readonly municipal_referral_cost: number;
    readonly municipal_follow_up_cost: number;
    readonly municipal_saving_per_participant: number;
    readonly provider_cost_per_participant: number;
    readonly surplus_per_participant: number;
    readonly surplus_for_cohort: number;
  };
  readonly socio_economic: SocioEconomicAccount;
  readonly payment: {
    readonly investor_share_of_surplus: number;
    /** Payment PV − provider cost: the investor's part of the surplus (catalogue 14,176). */
    readonly investor_share_amount: number;
    /** Present value per participant (catalogue 88,341). */
    readonly payment_per_participant: number;
    readonly payment_nominal_per_participant: number;
    readonly gross_employment_rate: number;
    /** Nominal contract price per participant in employment at follow-up (catalogue 254,802). */
    readonly payment_per_gross_employed: number;
    readonly municipal_net_per_participant: number;
    readonly investor_net_per_participant: number;
    /** Simple return: nominal payment / provider cost − 1. */
    readonly investor_return: number | null;
    readonly investor_irr: number | null;
    readonly investor_cash_flows: readonly { readonly time_years: number; readonly amount: number }[];
    readonly contract: PaymentFunction;
    readonly schedule: EconomicsParameters['payment']['schedule'];
    readonly by_subgroup: SubgroupPricing;
    readonly by_subgroup_alternatives: readonly SubgroupPricing[];
  };
  readonly break_even: {
    readonly gross_employment_rate: number | null;
    readonly net_effect: number | null;
    readonly annual_decay: number | null;
    readonly effort_saving_share: number | null;
    readonly years_to_municipal_break_even: number | null;
    readonly years_to_budget_break_even: number | null;
    /** The stricter break-evens: where the municipality's net after paying the fixed contract is zero. */
    readonly municipal_net: { readonly net_effect: number | null; readonly annual_decay: number | null; readonly effort_saving_share: number | null };
    readonly details: readonly BreakEven[];
  };
  readonly cash_flow: readonly CashFlowYear[];
  readonly sensitivity: { readonly tornado: readonly TornadoRow[] };
  readonly scenarios: readonly ScenarioRow[];
  readonly uncertainty: UncertaintyResult;
  readonly plain_language: PlainLanguageFacts;
  readonly comparison_with_catalogue: readonly ComparisonRow[] | null;
  readonly charts: {
    readonly cash_flow: readonly { readonly year: number; readonly municipal_cumulative_pv: number; readonly budget_cumulative_pv: number; readonly municipal_net_pv: number }[];
    readonly tornado: readonly { readonly parameter: string; readonly low_value: number; readonly high_value: number; readonly surplus_low: number; readonly surplus_high: number; readonly base_surplus: number }[];
    readonly surplus_histogram: readonly HistogramBin[];
  };
}

/** The key facts for a plain-language paragraph, as numbers (the report's message modules word them). */
export interface PlainLanguageFacts {
  readonly pays_for_budget: boolean;
  readonly pays_for_municipality_in_deal: boolean;
  readonly investor_gains: boolean;
  readonly net_effect: number;
  readonly control_rate: number;
  readonly gross_employment_rate: number;
  readonly net_effect_break_even: number | null;
  readonly net_effect_margin: number | null;
  readonly surplus_per_participant: number;
  readonly surplus_for_cohort: number;
  readonly municipal_net_per_participant: number;
  readonly investor_net_per_participant: number;
  readonly investor_return: number | null;
  readonly payment_per_gross_employed: number;
  readonly payment_per_participant: number;
  readonly years_to_municipal_break_even: number | null;
  readonly socio_economic_surplus_per_participant: number;
  readonly p_budget_deficit: number;
  readonly p_municipal_loss: number;
  readonly p_investor_loss: number;
  readonly participants: number;
  readonly confidence: number;
  readonly price_year: number;
}

/** A measured effect that cannot feed the model (e.g. an interval not containing its estimate) is an input error. */
function checkEffect(effect: EffectInput): void {
  // Subgroups are screened by selectSubgroups (a level without a gross rate is skipped, not fatal).
  const { subgroups: _subgroups, ...core } = effect;
  const parsed = effectSchema.safeParse(core);
  if (parsed.success) return;
  const i = parsed.error.issues[0]!;
  throw inputError(`the effect cannot feed the economic model: ${i.path.map(String).join('.') || '(top level)'}: ${i.message}`, { file: effect.source });
}

/**
 * The whole economic model for one effect: budget and socio-economic accounts, the payment
 * model and its subgroup prices, break-evens, cash flow, tornado, scenarios and the Monte
 * Carlo over the net effect. Pure and deterministic given `options.seed`.
 */
export function runEconomics(params: EconomicsParameters, effect: EffectInput, options: RunEconomicsOptions = {}): EconomicsResult {
  checkEffect(effect);
  const tl = timeline(params);
  const base = evaluate(params, effect, undefined, tl);
  const contract = base.planned;
  const flows = cashFlowTable(params, effect, base);
  const cohortGross = effect.gross_rate;
  const { subgroups, source: subgroupsSource, variable: subgroupVariable } = selectSubgroups(params, effect);
  const pricings = allSubgroupPricings(params.payment.subgroup_rule, subgroups, cohortGross, base.payment_nominal_per_participant, base.budget.provider_cost_per_participant);

  const be = (path: string, target: Parameters<typeof breakEvenFor>[4], id: string): BreakEven => breakEvenFor(params, effect, contract, path, target, undefined, id);
  const details: BreakEven[] = [
    investorBreakEvenGross(contract, base.budget.provider_cost_per_participant, cohortGross),
    be('effect.net_effect', 'budget_surplus', 'net_effect'),
    be('effect_path.annual_decay', 'budget_surplus', 'annual_decay'),
    be('ordinary_effort.saving_share', 'budget_surplus', 'effort_saving_share'),
    be('effect.net_effect', 'municipal_net', 'net_effect_municipal_net'),
    be('effect_path.annual_decay', 'municipal_net', 'annual_decay_municipal_net'),
    be('ordinary_effort.saving_share', 'municipal_net', 'effort_saving_share_municipal_net'),
  ];
  const value = (id: string): number | null => details.find((d) => d.id === id)?.value ?? null;
  const yearsMunicipal = yearsToBreakEven(
    flows.map((r) => r.municipal_cumulative_pv),
    flows.map((r) => r.municipal_net_pv),
  );
  const yearsBudget = yearsToBreakEven(
    flows.map((r) => r.budget_cumulative_pv),
    flows.map((r) => r.budget_net_pv),
  );

  const tornadoRows = tornado(params, effect, contract);
  const scenarios = scenarioTable(params, effect, contract, params.scenarios);
  const uncertainty = simulate(params, effect, contract, options.draws ?? params.uncertainty.draws, options.seed ?? params.uncertainty.seed, params.uncertainty.histogram_bins);

  const chosen = pricings[0]!;
  const catalogueLinear = pricings.find((x) => x.rule === 'catalogue_linear');
  const subgroupPrices = Object.fromEntries((catalogueLinear?.rows ?? []).map((r) => [r.id, r.price_per_gross_employed]));
  const comparison = params.catalogue_reference
    ? compareWithCatalogue(params.catalogue_reference, {
        municipal_saving_per_participant: base.budget.municipal_saving_per_participant,
        provider_cost_per_participant: base.budget.provider_cost_per_participant,
        surplus_per_participant: base.budget.surplus_per_participant,
        socio_economic_surplus_per_participant: base.socio.surplus_per_participant,
        investor_share_amount: base.payment_pv_per_participant - base.budget.provider_cost_per_participant,
        payment_per_participant: base.payment_pv_per_participant,
        payment_per_gross_employed: base.price_per_gross_employed,
        investor_return: base.investor_return,
        investor_break_even_gross_rate: value('gross_employment_rate'),
        break_even_annual_decay: value('annual_decay'),
        break_even_effort_saving_share: value('effort_saving_share'),
        break_even_net_effect: value('net_effect'),
        years_to_municipal_break_even: yearsMunicipal,
        payment_per_gross_employed_by_subgroup: subgroupPrices,
      })
    : null;

  const control = controlRate(effect);
  const netBe = value('net_effect');
  const surplusForCohort = base.budget.surplus_per_participant * effect.participants;
  return {
    schema_version: 1,
    name: params.name ?? null,
    price_year: params.price_year,
    currency: 'DKK',
    effect: { ...effect, control_rate: control, subgroups: subgroups.length > 0 ? subgroups : undefined, subgroups_source: subgroupsSource, subgroup_variable: subgroupVariable },
    assumptions: {
      horizon_years: params.horizon_years,
      discounting: { schedule: params.discounting.schedule, bands: rateBands(params.discounting.schedule, params.discounting.custom_rate) },
      effect_path: params.effect_path,
      ordinary_effort: params.ordinary_effort,
      yearly_gain_per_additional_employed: params.yearly_gain_per_additional_employed,
      tax_distortion_rate: base.socio.tax_distortion_rate,
      net_tax_factor: base.socio.net_tax_factor,
    },
    budget: { ...base.budget, surplus_for_cohort: surplusForCohort },
    socio_economic: { ...base.socio },
    payment: {
      investor_share_of_surplus: params.payment.investor_share_of_surplus,
      investor_share_amount: base.payment_pv_per_participant - base.budget.provider_cost_per_participant,
      payment_per_participant: base.payment_pv_per_participant,
      payment_nominal_per_participant: base.payment_nominal_per_participant,
      gross_employment_rate: cohortGross,
      payment_per_gross_employed: base.price_per_gross_employed,
      municipal_net_per_participant: base.municipal_net_per_participant,
      investor_net_per_participant: base.investor_net_per_participant,
      investor_return: base.investor_return,
      investor_irr: base.investor_irr,
      investor_cash_flows: base.investor_flows.map((f) => ({ time_years: f.time, amount: f.amount })),
      contract,
      schedule: params.payment.schedule,
      by_subgroup: chosen,
      by_subgroup_alternatives: pricings.slice(1),
    },
    break_even: {
      gross_employment_rate: value('gross_employment_rate'),
      net_effect: netBe,
      annual_decay: value('annual_decay'),
      effort_saving_share: value('effort_saving_share'),
      years_to_municipal_break_even: yearsMunicipal,
      years_to_budget_break_even: yearsBudget,
      municipal_net: {
        net_effect: value('net_effect_municipal_net'),
        annual_decay: value('annual_decay_municipal_net'),
        effort_saving_share: value('effort_saving_share_municipal_net'),
      },
      details,
    },
    cash_flow: flows,
    sensitivity: { tornado: tornadoRows },
    scenarios,
    uncertainty,
    plain_language: {
      pays_for_budget: base.budget.surplus_per_participant > 0,
      pays_for_municipality_in_deal: base.municipal_net_per_participant > 0,
      investor_gains: base.investor_net_per_participant > 0,
      net_effect: effect.net_effect,
      control_rate: control,
      gross_employment_rate: cohortGross,
      net_effect_break_even: netBe,
      net_effect_margin: netBe === null ? null : effect.net_effect - netBe,
      surplus_per_participant: base.budget.surplus_per_participant,
      surplus_for_cohort: surplusForCohort,
      municipal_net_per_participant: base.municipal_net_per_participant,
      investor_net_per_participant: base.investor_net_per_participant,
      investor_return: base.investor_return,
      payment_per_gross_employed: base.price_per_gross_employed,
      payment_per_participant: base.payment_pv_per_participant,
      years_to_municipal_break_even: yearsMunicipal,
      socio_economic_surplus_per_participant: base.socio.surplus_per_participant,
      p_budget_deficit: uncertainty.p_budget_deficit,
      p_municipal_loss: uncertainty.p_municipal_loss,
      p_investor_loss: uncertainty.p_investor_loss,
      participants: effect.participants,
      confidence: effect.confidence,
      price_year: params.price_year,
    },
    comparison_with_catalogue: comparison,
    charts: {
      cash_flow: flows.map((r) => ({ year: r.year, municipal_cumulative_pv: r.municipal_cumulative_pv, budget_cumulative_pv: r.budget_cumulative_pv, municipal_net_pv: r.municipal_net_pv })),
      tornado: tornadoRows.map((r) => ({
        parameter: r.parameter,
        low_value: r.low_value,
        high_value: r.high_value,
        surplus_low: r.surplus_low,
        surplus_high: r.surplus_high,
        base_surplus: base.budget.surplus_per_participant,
      })),
      surplus_histogram: uncertainty.surplus_histogram,
    },
  };
}

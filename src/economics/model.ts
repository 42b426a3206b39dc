import { budgetAccount, socioEconomicAccount, timeline, type BudgetAccount, type SocioEconomicAccount, type Timeline } from './accounts.js';
import { irr, type TimedFlow } from './irr.js';
import { averagePrice, nominalPayment, plannedPaymentFunction, schedulePv, type PaymentFunction } from './payment.js';
import type { EconomicsParameters, EffectInput } from './schema.js';

/** Everything the model says about one set of inputs. All amounts per participant, DKK in the price year. */
export interface ModelPoint {
  readonly timeline: Timeline;
  readonly budget: BudgetAccount;
  readonly socio: SocioEconomicAccount;
  /** The contract these inputs would plan (cost + share of surplus). */
  readonly planned: PaymentFunction;
  /** The contract evaluated: `planned`, or a contract fixed earlier (the risk view). */
  readonly contract: PaymentFunction;
  readonly payment_nominal_per_participant: number;
  readonly payment_pv_per_participant: number;
  readonly price_per_gross_employed: number;
  /** Municipal saving − present value of the payment: what the municipality keeps. */
  readonly municipal_net_per_participant: number;
  /** Nominal payments − provider cost: what the investor keeps (undiscounted). */
  readonly investor_net_per_participant: number;
  readonly investor_return: number | null;
  readonly investor_irr: number | null;
  readonly investor_flows: readonly TimedFlow[];
}

/** Evaluate the model at one point; with `contract`, the payment terms are held fixed (risk view). */
export function evaluate(p: EconomicsParameters, effect: EffectInput, contract?: PaymentFunction, tl: Timeline = timeline(p)): ModelPoint {
  const budget = budgetAccount(p, effect.net_effect, tl);
  const socio = socioEconomicAccount(p, effect.net_effect, tl, budget);
  const planned = plannedPaymentFunction(p.payment, budget.provider_cost_per_participant, budget.surplus_per_participant, effect.gross_rate, tl.df);
  const used = contract ?? planned;
  const nominal = nominalPayment(used, effect.gross_rate);
  const pv = nominal * schedulePv(p.payment.schedule, tl.df);
  const cost = budget.provider_cost_per_participant;
  const lag = p.payment.months_from_outlay_to_payment / 12;
  const investor_flows: TimedFlow[] = [{ time: 0, amount: -cost }, ...p.payment.schedule.map((s) => ({ time: lag + s.year, amount: s.share * nominal }))];
  return {
    timeline: tl,
    budget,
    socio,
    planned,
    contract: used,
    payment_nominal_per_participant: nominal,
    payment_pv_per_participant: pv,
    price_per_gross_employed: averagePrice(used, effect.gross_rate),
    municipal_net_per_participant: budget.municipal_saving_per_participant - pv,
    investor_net_per_participant: nominal - cost,
    investor_return: cost > 0 ? nominal / cost - 1 : null,
    investor_irr: cost > 0 ? irr(investor_flows) : null,
    investor_flows,
  };
}

/** The control group's share implied by the effect: gross − net. */
export function controlRate(effect: EffectInput): number {
  return effect.gross_rate - effect.net_effect;
}

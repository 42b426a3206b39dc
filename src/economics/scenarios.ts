import { cashFlowTable, yearsToBreakEven } from './cashFlow.js';
import { evaluate } from './model.js';
import type { PaymentFunction } from './payment.js';
import { applyOverride } from './overrides.js';
import type { EconomicsParameters, EffectInput, Scenario } from './schema.js';

export interface ScenarioRow {
  readonly id: string;
  readonly label: string;
  readonly overrides: Readonly<Record<string, number | string>>;
  readonly municipal_saving_per_participant: number;
  readonly surplus_per_participant: number;
  readonly socio_economic_surplus_per_participant: number;
  /** Under the base deal's contract (risk view). */
  readonly municipal_net_per_participant: number;
  readonly investor_return: number | null;
  /** The price per gross-employed a deal planned on this scenario would set. */
  readonly replanned_payment_per_gross_employed: number;
  readonly years_to_municipal_break_even: number | null;
}

/** The base case and every named scenario of the parameter file, each a set of overrides applied in order. */
export function scenarioTable(p: EconomicsParameters, effect: EffectInput, contract: PaymentFunction, scenarios: readonly Scenario[]): ScenarioRow[] {
  const all: Scenario[] = [{ id: 'base', label: 'Base case', overrides: {} }, ...scenarios.filter((s) => s.id !== 'base')];
  return all.map((s) => {
    let cur = { params: p, effect };
    for (const [path, value] of Object.entries(s.overrides)) cur = applyOverride(cur.params, cur.effect, path, value);
    const point = evaluate(cur.params, cur.effect, contract);
    const planned = evaluate(cur.params, cur.effect);
    const flows = cashFlowTable(cur.params, cur.effect, point);
    return {
      id: s.id,
      label: s.label,
      overrides: s.overrides,
      municipal_saving_per_participant: point.budget.municipal_saving_per_participant,
      surplus_per_participant: point.budget.surplus_per_participant,
      socio_economic_surplus_per_participant: point.socio.surplus_per_participant,
      municipal_net_per_participant: point.municipal_net_per_participant,
      investor_return: point.investor_return,
      replanned_payment_per_gross_employed: planned.price_per_gross_employed,
      years_to_municipal_break_even: yearsToBreakEven(
        flows.map((r) => r.municipal_cumulative_pv),
        flows.map((r) => r.municipal_net_pv),
      ),
    };
  });
}

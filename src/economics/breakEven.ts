import { evaluate, type ModelPoint } from './model.js';
import { nominalPayment, type PaymentFunction } from './payment.js';
import { applyOverride, parameterSpec, readParameter } from './overrides.js';
import { findIntegerCrossing, findRoot, type RootStatus } from './roots.js';
import type { EconomicsParameters, EffectInput } from './schema.js';

/** An amount of DKK per participant this small is zero (floating-point rounding of ~1e5-sized sums). */
const MONEY_ZERO = 1e-6;

/**
 * What must reach zero: the budget surplus (what there is to share; the catalogue's "the
 * municipality loses its share"), the municipality's net after paying the fixed contract,
 * the investor's net under the fixed contract, or the socio-economic surplus.
 */
export type BreakEvenTarget = 'budget_surplus' | 'municipal_net' | 'investor_net' | 'socio_economic_surplus';

export interface BreakEven {
  readonly id: string;
  readonly parameter: string;
  readonly target: BreakEvenTarget;
  readonly status: RootStatus;
  readonly value: number | null;
  readonly base_value: number;
  readonly range: readonly [number, number];
  /** When no root: the sign the target keeps over the whole range (+1 = never below zero). */
  readonly sign: 1 | -1 | null;
}

export function targetValue(point: ModelPoint, target: BreakEvenTarget): number {
  switch (target) {
    case 'budget_surplus':
      return point.budget.surplus_per_participant;
    case 'municipal_net':
      return point.municipal_net_per_participant;
    case 'investor_net':
      return point.investor_net_per_participant;
    case 'socio_economic_surplus':
      return point.socio.surplus_per_participant;
  }
}

/** The natural search range of a parameter: [0, 1] for shares, 0..100 years, 0..10× for amounts. */
export function defaultSearchRange(p: EconomicsParameters, effect: EffectInput, path: string): [number, number] {
  const spec = parameterSpec(path);
  const base = Number(readParameter(p, effect, path) ?? 0);
  switch (spec?.kind) {
    case 'share':
      return [0, 1];
    case 'integer':
      return path === 'horizon_years' ? [1, 100] : [0, p.horizon_years];
    case 'rate':
      return path === 'socio_economic.net_tax_factor' ? [1, 2] : [-0.2, 0.5];
    default:
      return [0, Math.max(10 * base, 1)];
  }
}

/**
 * The value of one parameter at which the target reaches zero, all else fixed and the
 * contract's price per gross-employed held at the base deal (`contract`) unless the parameter
 * is itself a contract term (`payment.*`). Root by Brent's
 * method; integer parameters by scanning.
 */
export function breakEvenFor(
  p: EconomicsParameters,
  effect: EffectInput,
  contract: PaymentFunction,
  path: string,
  target: BreakEvenTarget,
  range: readonly [number, number] = defaultSearchRange(p, effect, path),
  id: string = `${path}:${target}`,
): BreakEven {
  const f = (x: number): number => {
    const moved = applyOverride(p, effect, path, x);
    // Contract terms themselves (payment.*) re-plan the contract; everything else is judged against it.
    return targetValue(evaluate(moved.params, moved.effect, path.startsWith('payment.') ? undefined : contract), target);
  };
  const spec = parameterSpec(path);
  const root = spec?.kind === 'integer' ? findIntegerCrossing(f, range[0], range[1], MONEY_ZERO) : findRoot(f, range[0], range[1], 1e-12, 200, MONEY_ZERO);
  return {
    id,
    parameter: path,
    target,
    status: root.status,
    value: root.value,
    base_value: Number(readParameter(p, effect, path)),
    range: root.range,
    sign: root.sign,
  };
}

/**
 * The investor's break-even gross employment rate (catalogue Table 5): where the contract's
 * nominal payment per participant equals the provider cost, 74,165 / 254,802 = 29 % in the catalogue.
 */
export function investorBreakEvenGross(contract: PaymentFunction, providerCost: number, grossRate: number): BreakEven {
  const root = findRoot((g) => nominalPayment(contract, g) - providerCost, 0, 1, 1e-13, 200, MONEY_ZERO);
  return {
    id: 'gross_employment_rate',
    parameter: 'effect.gross_rate',
    target: 'investor_net',
    status: root.status,
    value: root.value,
    base_value: grossRate,
    range: root.range,
    sign: root.sign,
  };
}

import { SUBGROUP_RULES, type SubgroupInput, type SubgroupRule } from './schema.js';

export interface SubgroupPayment {
  readonly id: string;
  readonly label: string;
  readonly share_of_participants: number;
  readonly gross_rate: number;
  readonly net_effect: number | null;
  /** net over gross: the share of the subgroup's employed who would not have been employed anyway. */
  readonly additionality: number | null;
  readonly price_per_gross_employed: number | null;
  /** Expected nominal payment per participant of the subgroup: price × gross rate. */
  readonly expected_payment_per_participant: number | null;
  /** expected payment / provider cost − 1: what recruiting one more of this subgroup earns the investor. */
  readonly investor_return: number | null;
}

export interface SubgroupPricing {
  readonly rule: SubgroupRule;
  readonly available: boolean;
  /** Why the rule cannot be applied (a message key), when not available. */
  readonly unavailable_reason: string | null;
  readonly rows: readonly SubgroupPayment[];
  /** Σ share × gross × price: the expected payment per participant of the whole cohort under the rule. */
  readonly expected_payment_per_participant: number | null;
  /** Σ share × price: the participant-weighted mean price per gross-employed (the catalogue's "weighted average"). */
  readonly participant_weighted_price: number | null;
}

/**
 * Price per gross-employed participant by subgroup, under a stated rule. With P = the payment
 * per participant and π = P / ḡ the cohort's price:
 * - `uniform`: π for everyone;
 * - `equal_payment_per_participant`: π_k = P / g_k, so every subgroup has the same expected
 *   payment per participant and the investor gains nothing by choosing easy participants;
 * - `additionality_weighted`: π_k ∝ n_k / g_k (net over gross), scaled so the cohort's expected
 *   payment stays P: each gross job is paid by the share of it that is additional;
 * - `catalogue_linear`: π_k = π · (1 − (g_k − ḡ)), the rule that reproduces the catalogue's
 *   Table 4 (209,040 / 279,442); its participant-weighted mean price is π, but its expected
 *   payment is P − π·Var(g), i.e. below P whenever the subgroups differ.
 */
export function subgroupPricing(
  rule: SubgroupRule,
  subgroups: readonly SubgroupInput[],
  cohortGross: number,
  cohortPayment: number,
  providerCost: number,
): SubgroupPricing {
  const cohortPrice = cohortGross > 0 ? cohortPayment / cohortGross : 0;
  let prices: (number | null)[];
  let unavailable: string | null = null;
  switch (rule) {
    case 'uniform':
      prices = subgroups.map(() => cohortPrice);
      break;
    case 'equal_payment_per_participant':
      prices = subgroups.map((g) => (g.gross_rate > 0 ? cohortPayment / g.gross_rate : null));
      break;
    case 'additionality_weighted': {
      const weightedNet = subgroups.reduce((s, g) => s + g.share_of_participants * (g.net_effect ?? Number.NaN), 0);
      if (!Number.isFinite(weightedNet)) unavailable = 'subgroup_net_effect_missing';
      else if (weightedNet <= 0) unavailable = 'subgroup_net_effect_not_positive';
      prices = subgroups.map((g) => (unavailable || g.gross_rate <= 0 ? null : (cohortPayment * (g.net_effect! / g.gross_rate)) / weightedNet));
      break;
    }
    case 'catalogue_linear':
      prices = subgroups.map((g) => cohortPrice * (1 - (g.gross_rate - cohortGross)));
      break;
  }
  if (subgroups.length === 0) unavailable = 'no_subgroups';
  const rows = subgroups.map((g, i): SubgroupPayment => {
    const price = unavailable ? null : (prices[i] ?? null);
    const expected = price === null ? null : price * g.gross_rate;
    return {
      id: g.id,
      label: g.label,
      share_of_participants: g.share_of_participants,
      gross_rate: g.gross_rate,
      net_effect: g.net_effect ?? null,
      additionality: g.net_effect !== undefined && g.gross_rate > 0 ? g.net_effect / g.gross_rate : null,
      price_per_gross_employed: price,
      expected_payment_per_participant: expected,
      investor_return: expected === null || providerCost <= 0 ? null : expected / providerCost - 1,
    };
  });
  const complete = !unavailable && rows.every((r) => r.price_per_gross_employed !== null);
  return {
    rule,
    available: complete,
    unavailable_reason: unavailable ?? (complete ? null : 'subgroup_gross_rate_zero'),
    rows,
    expected_payment_per_participant: complete ? rows.reduce((s, r) => s + r.share_of_participants * r.expected_payment_per_participant!, 0) : null,
    participant_weighted_price: complete ? rows.reduce((s, r) => s + r.share_of_participants * r.price_per_gross_employed!, 0) : null,
  };
}

/** The chosen rule first, then every other rule, for the note's comparison table. */
export function allSubgroupPricings(chosen: SubgroupRule, subgroups: readonly SubgroupInput[], cohortGross: number, cohortPayment: number, providerCost: number): SubgroupPricing[] {
  const order = [chosen, ...SUBGROUP_RULES.filter((r) => r !== chosen)];
  return order.map((r) => subgroupPricing(r, subgroups, cohortGross, cohortPayment, providerCost));
}

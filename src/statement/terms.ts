import type { EconomicsResult } from '../economics/index.js';
import type { OutcomeEffect } from '../pipeline/types.js';
import type { StatusCategory } from '../types.js';

/** One price of the contract: per participant who reaches the paying outcome. */
export interface PriceLine {
  /** `all`, or `<variable>=<level>` for a subgroup price. */
  readonly id: string;
  readonly label: string;
  readonly variable: string | null;
  readonly level: string | null;
  /** DKK per result, in whole øre (the economics' price rounded to 2 decimals). */
  readonly price: number;
}

export interface Tier {
  readonly from_gross_rate: number;
  readonly price_per_gross_employed: number;
}

/** The payment model as a statement applies it. */
export interface PaymentTerms {
  readonly paying_outcome: string;
  readonly paying_label: { readonly da: string; readonly en: string };
  readonly paying_categories: readonly StatusCategory[];
  readonly lines: readonly PriceLine[];
  /** Marginal prices by the cohort's gross rate to date; null for flat or subgroup prices. */
  readonly tiers: readonly Tier[] | null;
  readonly cap_per_participant: number | null;
  /** Participants the caps and tiers are counted on (the evaluated participants). */
  readonly participants: number;
  readonly schedule: readonly { readonly year: number; readonly share: number }[];
  readonly subgroup_rule: string | null;
  readonly price_year: number;
  /** The economics' whole-cohort nominal payment, unrounded: what the statements must add up to. */
  readonly economics_total: number;
  readonly notes: readonly string[];
}

/**
 * Contract terms from the economic model's result: subgroup prices when the chosen subgroup
 * rule is not uniform and the prices are for the levels of one variable measured on this
 * cohort (each participant then has exactly one price); else the contract's flat price or tiers, with its per-participant cap.
 * Prices are rounded to whole øre, as on an invoice.
 */
export function paymentTermsFrom(economics: EconomicsResult, paying: OutcomeEffect): PaymentTerms {
  const pay = economics.payment;
  const contract = pay.contract;
  const notes: string[] = [];
  const participants = economics.effect.participants;
  const sub = pay.by_subgroup;
  const differentiated = sub.available && sub.rule !== 'uniform' && sub.rows.length > 0;
  // Only prices measured on this cohort's own subgroup levels can be applied to its persons.
  const measured = economics.effect.subgroups_source === 'effect' && economics.effect.subgroup_variable !== null;
  const useSubgroups = contract.tiers === null && differentiated && measured;
  if (differentiated && !measured) notes.push('the subgroup prices come from planned subgroups, not from levels of this cohort; the uniform price is used');
  if (contract.tiers !== null && differentiated) notes.push('the contract has tiers; subgroup prices do not apply on top of tiers');
  let lines: PriceLine[];
  let total: number;
  if (useSubgroups) {
    lines = sub.rows.map((r) => {
      const [variable, level] = splitId(r.id);
      return { id: r.id, label: r.label, variable, level, price: toOre(r.price_per_gross_employed ?? 0) / 100 };
    });
    total = (sub.expected_payment_per_participant ?? 0) * participants;
  } else {
    lines = [{ id: 'all', label: paying.label.en, variable: null, level: null, price: toOre(pay.payment_per_gross_employed) / 100 }];
    total = pay.payment_nominal_per_participant * participants;
  }
  return {
    paying_outcome: paying.id,
    paying_label: paying.label,
    paying_categories: paying.categories,
    lines,
    tiers: contract.tiers,
    cap_per_participant: contract.cap_per_participant,
    participants,
    schedule: pay.schedule,
    subgroup_rule: useSubgroups ? sub.rule : null,
    price_year: economics.price_year,
    economics_total: total,
    notes,
  };
}

function splitId(id: string): [string, string] {
  const i = id.indexOf('=');
  return [id.slice(0, i), id.slice(i + 1)];
}

/** DKK → whole øre, half away from zero (a tiny nudge absorbs binary representation error). */
export function toOre(dkk: number): number {
  const x = dkk * 100;
  return Math.sign(x) * Math.round(Math.abs(x) * (1 + 1e-12));
}

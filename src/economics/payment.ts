import type { PaymentParameters } from './schema.js';

/**
 * What the contract pays per participant as a function of the cohort's gross employment
 * rate g (share of participants in employment at follow-up): a price per gross-employed
 * participant (or marginal prices by tier of g), optionally capped per participant. This is
 * nominal money, paid in the schedule's years; `schedulePv` turns it into present value.
 */
export interface PaymentFunction {
  /** Flat price per gross-employed participant; null when tiers set the price. */
  readonly price_per_gross_employed: number | null;
  readonly tiers: readonly { readonly from_gross_rate: number; readonly price_per_gross_employed: number }[] | null;
  readonly cap_per_participant: number | null;
}

export function nominalPayment(fn: PaymentFunction, grossRate: number): number {
  const g = Math.min(1, Math.max(0, grossRate));
  let pay = 0;
  if (fn.tiers) {
    for (let i = 0; i < fn.tiers.length; i++) {
      const tier = fn.tiers[i]!;
      const upper = i + 1 < fn.tiers.length ? fn.tiers[i + 1]!.from_gross_rate : 1;
      pay += tier.price_per_gross_employed * Math.max(0, Math.min(g, upper) - tier.from_gross_rate);
    }
  } else {
    pay = (fn.price_per_gross_employed ?? 0) * g;
  }
  return fn.cap_per_participant === null ? pay : Math.min(pay, fn.cap_per_participant);
}

/** Σ share_y · DF(y): the present value of one krone of nominal payment spread over the schedule. */
export function schedulePv(schedule: PaymentParameters['schedule'], df: Float64Array): number {
  let pv = 0;
  for (const s of schedule) pv += s.share * (s.year < df.length ? df[s.year]! : dfBeyond(df, s.year));
  return pv;
}

function dfBeyond(df: Float64Array, year: number): number {
  // A payment after the horizon: extend with the last year's rate (rare; horizons are long).
  const n = df.length - 1;
  const last = n >= 1 ? df[n - 1]! / df[n]! : 1;
  return df[n]! / Math.pow(last, year - n);
}

/**
 * The planned contract (catalogue Table 2): the investor gets its cost back plus its share of
 * the budget surplus, `payment_pv = provider_cost + share × surplus`, turned into a nominal
 * price per gross-employed participant at the expected gross rate; a price cap or tiers
 * replace the derived price where the parameters set them.
 */
export function plannedPaymentFunction(payment: PaymentParameters, providerCost: number, surplus: number, grossRate: number, df: Float64Array): PaymentFunction {
  const cap_per_participant = payment.payment_cap_per_participant ?? null;
  if (payment.tiers) return { price_per_gross_employed: null, tiers: payment.tiers, cap_per_participant };
  const targetPv = providerCost + payment.investor_share_of_surplus * surplus;
  const nominal = targetPv / schedulePv(payment.schedule, df);
  let price = grossRate > 0 ? nominal / grossRate : Number.POSITIVE_INFINITY;
  if (payment.price_cap_per_gross_employed !== undefined) price = Math.min(price, payment.price_cap_per_gross_employed);
  if (!Number.isFinite(price)) price = 0;
  return { price_per_gross_employed: price, tiers: null, cap_per_participant };
}

/** Average nominal price per gross-employed participant at gross rate g (flat price, or tiers averaged). */
export function averagePrice(fn: PaymentFunction, grossRate: number): number {
  if (grossRate <= 0) return fn.price_per_gross_employed ?? fn.tiers?.[0]?.price_per_gross_employed ?? 0;
  return nominalPayment(fn, grossRate) / grossRate;
}

import { zCritical } from '../stats/distributions.js';
import { Random } from '../util/random.js';
import { budgetAccount, socioEconomicAccount, timeline } from './accounts.js';
import { nominalPayment, schedulePv, type PaymentFunction } from './payment.js';
import type { EconomicsParameters, EffectInput } from './schema.js';

export const QUANTILE_LEVELS = [0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975] as const;
export type Quantiles = Readonly<Record<'p025' | 'p05' | 'p25' | 'p50' | 'p75' | 'p95' | 'p975', number>>;

export interface HistogramBin {
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

export interface UncertaintyResult {
  readonly draws: number;
  readonly seed: number;
  /** The sampling distribution of the net effect: a normal deviate scaled by the lower or upper half-width. */
  readonly distribution: 'two_piece_normal';
  readonly sd_lower: number;
  readonly sd_upper: number;
  readonly p_budget_deficit: number;
  readonly p_municipal_loss: number;
  readonly p_investor_loss: number;
  readonly p_socio_economic_loss: number;
  readonly surplus_mean: number;
  readonly surplus_quantiles: Quantiles;
  readonly municipal_net_quantiles: Quantiles;
  readonly investor_net_quantiles: Quantiles;
  readonly net_effect_quantiles: Quantiles;
  readonly surplus_histogram: readonly HistogramBin[];
}

/** Sample quantile, R's type 7 (linear interpolation between order statistics), of a sorted array. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function quantiles(values: Float64Array): Quantiles {
  const s = Float64Array.from(values).sort();
  const q = QUANTILE_LEVELS.map((p) => quantileSorted(s, p));
  return { p025: q[0]!, p05: q[1]!, p25: q[2]!, p50: q[3]!, p75: q[4]!, p95: q[5]!, p975: q[6]! };
}

function histogram(values: Float64Array, bins: number): HistogramBin[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return [{ x0: min, x1: max, count: values.length }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))]! += 1;
  return counts.map((count, i) => ({ x0: min + i * width, x1: i === bins - 1 ? max : min + (i + 1) * width, count }));
}

/**
 * Monte Carlo of the deal over the net effect's sampling uncertainty. Each draw is
 * e = ê + σ·z with z ~ N(0, 1) and σ = (ê − lower)/z* below the estimate, (upper − ê)/z* above
 * it (z* = z_{(1+confidence)/2}): a monotone map of z, so the draws' quantiles at (1 ∓ conf)/2
 * are exactly the reported interval, and an asymmetric (Newcombe) interval is respected.
 * The control share is held at gross − net, so the gross rate moves with the draw and the
 * investor is paid on it under the fixed contract; each draw runs the budget and
 * socio-economic accounts. Seeded xoshiro128** (src/util/random.ts): same seed, same result.
 */
export function simulate(p: EconomicsParameters, effect: EffectInput, contract: PaymentFunction, draws: number, seed: number, bins: number): UncertaintyResult {
  const tl = timeline(p);
  const z = zCritical(effect.confidence);
  const sdLower = (effect.net_effect - effect.ci[0]) / z;
  const sdUpper = (effect.ci[1] - effect.net_effect) / z;
  const control = effect.gross_rate - effect.net_effect;
  const payPv = schedulePv(p.payment.schedule, tl.df);
  const cost = p.costs.provider_cost_per_participant;
  const rng = new Random(seed);
  const surplus = new Float64Array(draws);
  const municipal = new Float64Array(draws);
  const investor = new Float64Array(draws);
  const nets = new Float64Array(draws);
  let deficit = 0;
  let municipalLoss = 0;
  let investorLoss = 0;
  let socioLoss = 0;
  let sum = 0;
  for (let i = 0; i < draws; i++) {
    const zi = rng.normal();
    const raw = effect.net_effect + (zi < 0 ? sdLower : sdUpper) * zi;
    const net = Math.min(1 - control, Math.max(-control, raw));
    const budget = budgetAccount(p, net, tl);
    const socio = socioEconomicAccount(p, net, tl, budget);
    const nominal = nominalPayment(contract, control + net);
    const s = budget.surplus_per_participant;
    const m = budget.municipal_saving_per_participant - nominal * payPv;
    const inv = nominal - cost;
    nets[i] = net;
    surplus[i] = s;
    municipal[i] = m;
    investor[i] = inv;
    sum += s;
    if (s < 0) deficit++;
    if (m < 0) municipalLoss++;
    if (inv < 0) investorLoss++;
    if (socio.surplus_per_participant < 0) socioLoss++;
  }
  return {
    draws,
    seed,
    distribution: 'two_piece_normal',
    sd_lower: sdLower,
    sd_upper: sdUpper,
    p_budget_deficit: deficit / draws,
    p_municipal_loss: municipalLoss / draws,
    p_investor_loss: investorLoss / draws,
    p_socio_economic_loss: socioLoss / draws,
    surplus_mean: sum / draws,
    surplus_quantiles: quantiles(surplus),
    municipal_net_quantiles: quantiles(municipal),
    investor_net_quantiles: quantiles(investor),
    net_effect_quantiles: quantiles(nets),
    surplus_histogram: histogram(surplus, bins),
  };
}

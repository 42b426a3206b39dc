/**
 * Benchmark of the economic model's Monte Carlo: 100,000 draws of the net effect carried
 * through the budget, socio-economic and payment accounts (target < 1 s), plus one full
 * runEconomics (accounts, break-evens, tornado, scenarios and the draws).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, loadEconomicsParameters, runEconomics, type EconomicsParameters, type EffectInput } from '../src/economics/index.js';
import { Random } from '../src/util/random.js';
import { simulate } from '../src/economics/uncertainty.js';

const REFERENCE = join(fileURLToPath(new URL('..', import.meta.url)), 'data/reference/sib-catalogue.economics.json');

/** The floor: the same seeded normals and the surplus as an affine function of the draw, nothing else. */
function plainLoop(p: EconomicsParameters, e: EffectInput, draws: number): number {
  const t0 = performance.now();
  const a = evaluate(p, { ...e, net_effect: 0 }).budget.surplus_per_participant;
  const b = evaluate(p, { ...e, net_effect: 1, gross_rate: Math.max(1, e.gross_rate) }).budget.surplus_per_participant - a;
  const rng = new Random(p.uncertainty.seed);
  const out = new Float64Array(draws);
  for (let i = 0; i < draws; i++) out[i] = a + b * (e.net_effect + 0.06 * rng.normal());
  out.sort();
  return performance.now() - t0;
}

export async function benchEconomics(): Promise<string[]> {
  const p = loadEconomicsParameters(REFERENCE);
  const e = p.assumed_effect!;
  const contract = evaluate(p, e).planned;
  const draws = 100_000;
  const times: number[] = [];
  let last = simulate(p, e, contract, 1000, 1, 40); // warm-up (JIT)
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    last = simulate(p, e, contract, draws, p.uncertainty.seed, p.uncertainty.histogram_bins);
    times.push(performance.now() - t0);
  }
  const loop = Math.min(plainLoop(p, e, draws), plainLoop(p, e, draws), plainLoop(p, e, draws));
  const t1 = performance.now();
  runEconomics(p, e, { draws });
  const full = performance.now() - t1;
  const best = Math.min(...times);
  return [
    `economics: ${draws.toLocaleString('en')} uncertainty draws in ${best.toFixed(0)} ms (best of 3; runs ${times.map((t) => t.toFixed(0)).join(', ')} ms) — target < 1000 ms: ${best < 1000 ? 'ok' : 'SLOW'}`,
    `economics: reference plain loop (same normals, surplus as a + b·e, one typed array) ${loop.toFixed(1)} ms; model / loop = ${(best / loop).toFixed(1)}×`,
    `economics: full runEconomics (accounts, 7 break-evens, tornado, scenarios, ${draws.toLocaleString('en')} draws) in ${full.toFixed(0)} ms`,
    `economics: P(municipality loses) ${(100 * last.p_municipal_loss).toFixed(1)} %, P(investor loses) ${(100 * last.p_investor_loss).toFixed(1)} %`,
  ];
}

import { resolve } from 'node:path';
import { loadEconomicsParameters, runEconomics, type EconomicsResult } from '../economics/index.js';
import type { LoadedSpec } from '../spec/load.js';
import type { EvaluationRun } from './evaluate.js';
import { effectInputFor } from './economicsInput.js';

/** The spec's economic model on the run's effect (undefined when the spec has none). */
export function economicsFor(loaded: LoadedSpec, run: EvaluationRun, seed: number): EconomicsResult | undefined {
  const econ = loaded.spec.economics;
  if (!econ) return undefined;
  const params = loadEconomicsParameters(resolve(loaded.dir, econ.parameters));
  return runEconomics(params, effectInputFor(run, econ.paying_outcome), { seed });
}

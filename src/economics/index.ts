/**
 * The economic and payment model (domain.md §5): budget and socio-economic accounts per
 * participant, the outcome-payment contract between municipality and investor, break-evens,
 * sensitivity and the Monte Carlo over the net effect. docs/economics.md documents the
 * parameter file.
 */
export { loadEconomicsParameters, parseEconomicsParameters } from './load.js';
export { runEconomics, type EconomicsResult, type PlainLanguageFacts, type RunEconomicsOptions } from './run.js';
export { effectFromEffectJson, readEffectJson } from './effectJson.js';
export { breakEvenFor, type BreakEven, type BreakEvenTarget } from './breakEven.js';
export { evaluate, type ModelPoint } from './model.js';
export { isKnownPath, isNumericPath, MODEL_PARAMETERS } from './overrides.js';
export type { EconomicsParameters, EffectInput, SubgroupInput } from './schema.js';

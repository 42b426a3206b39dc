import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEconomicsParameters, type EconomicsParameters } from '../../src/economics/index.js';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CATALOGUE_PATH = join(REPO, 'data/reference/sib-catalogue.economics.json');

export function catalogueParams(): EconomicsParameters {
  return loadEconomicsParameters(CATALOGUE_PATH);
}

/** Values written by test/economics/generate_reference.py (scipy). */
export interface ReferenceValues {
  discount_factors: { years: number[]; fm2017: number[]; fm2021: number[]; 'custom_0.05': number[] };
  catalogue_model: Record<string, number | Record<string, number>>;
  irr_three_tranches: { flows: { time: number; amount: number }[]; irr: number };
  monte_carlo_targets: Record<string, number>;
}

export const REF: ReferenceValues = JSON.parse(readFileSync(join(REPO, 'test/economics/reference-values.json'), 'utf8')) as ReferenceValues;

export function refNumber(key: string): number {
  const v = REF.catalogue_model[key];
  if (typeof v !== 'number') throw new Error(`reference-values.json: catalogue_model.${key} is not a number`);
  return v;
}

/** Fails with actual, expected and tolerance in the message. `relative` tolerances are fractions of |expected|. */
export function expectClose(label: string, actual: number | null | undefined, expected: number, tol: number, relative = false): void {
  const allowed = relative ? Math.abs(expected) * tol : tol;
  if (actual === null || actual === undefined || !Number.isFinite(actual) || Math.abs(actual - expected) > allowed) {
    throw new Error(`${label}: actual ${actual}, expected ${expected}, tolerance ${relative ? `${tol} relative (${allowed})` : allowed}`);
  }
}

/** Loading the committed R/scipy fixtures and comparing with stated tolerances. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function loadReference(name: string): Record<string, Json> {
  const path = fileURLToPath(new URL(`../reference/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, Json>;
}

/** The fixtures write infinities as "Inf"/"-Inf" and NaN/NA as null. */
export function toNumber(v: Json | undefined): number {
  if (v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === null || v === undefined) return NaN;
  if (typeof v !== 'number') throw new TypeError(`not a number in fixture: ${JSON.stringify(v)}`);
  return v;
}

export function toNumbers(v: Json | undefined): number[] {
  if (!Array.isArray(v)) throw new TypeError(`not an array in fixture: ${JSON.stringify(v)}`);
  return v.map(toNumber);
}

export function field(v: Json | undefined, key: string): Json {
  if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) throw new TypeError(`not an object in fixture (looking for ${key})`);
  const out = v[key];
  if (out === undefined) throw new TypeError(`missing key ${key} in fixture`);
  return out;
}

export interface Tolerance {
  readonly rel: number;
  readonly abs: number;
}

/** The default: 1e-9 relative, 1e-12 absolute near 0. */
export const TIGHT: Tolerance = { rel: 1e-9, abs: 1e-12 };

/** |actual − expected| ≤ max(abs, rel·|expected|); equal infinities pass. Fails with both values and the tolerance. */
export function expectClose(actual: number, expected: number, what: string, tol: Tolerance = TIGHT): void {
  const ok =
    actual === expected ||
    (Number.isFinite(expected) && Number.isFinite(actual) && Math.abs(actual - expected) <= Math.max(tol.abs, tol.rel * Math.abs(expected)));
  expect(ok, `${what}: actual ${actual}, expected ${expected}, tolerance rel ${tol.rel} / abs ${tol.abs}`).toBe(true);
}

export function expectCloseAll(actual: readonly number[], expected: readonly number[], what: string, tol: Tolerance = TIGHT): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  actual.forEach((a, i) => expectClose(a, expected[i] as number, `${what}[${i}]`, tol));
}

import type { CovariateColumn } from '../ingest/types.js';
import type { CovariateValue, Person } from '../types.js';
import type { CovariateBalance } from './types.js';

/**
 * Standardized mean differences (Austin 2009, "Balance diagnostics..."): difference
 * in (weighted) means over the pooled SD sqrt((s1² + s2²)/2). Categorical covariates
 * are expanded to one indicator per level. |SMD| < 0.1 is the usual balance target.
 * One pass per covariate and group, so 200,000 controls cost milliseconds.
 */
export function covariateBalance(
  participants: readonly Person[],
  controls: readonly Person[],
  covariates: readonly string[],
  columns?: { readonly participants: readonly CovariateColumn[]; readonly controls: readonly CovariateColumn[] },
): CovariateBalance[] {
  // Read once: a person record per row and covariate would be a scattered load each time.
  if (columns) return balanceOfColumns(covariates, columns, { participants: weightsOf(participants), controls: weightsOf(controls) });
  return balanceRows(covariates, (cov) => [tally(participants, cov), tally(controls, cov)]);
}

/**
 * covariateBalance from the ingest's columns and each group's weights (row r is the r-th
 * person of its group): no person record is read.
 */
export function balanceOfColumns(
  covariates: readonly string[],
  columns: { readonly participants: readonly CovariateColumn[]; readonly controls: readonly CovariateColumn[] },
  weights: { readonly participants: Float64Array; readonly controls: Float64Array },
): CovariateBalance[] {
  return balanceRows(covariates, (_, j) => [tallyColumn(weights.participants, columns.participants[j]!), tallyColumn(weights.controls, columns.controls[j]!)]);
}

function balanceRows(covariates: readonly string[], tallies: (cov: string, j: number) => [Tally, Tally]): CovariateBalance[] {
  const rows: CovariateBalance[] = [];
  for (const [j, cov] of covariates.entries()) {
    const [a, b] = tallies(cov, j);
    if (a.n + b.n === 0) continue;
    if (a.strings.size === 0 && b.strings.size === 0) {
      rows.push(row(cov, null, moments(a.sw, a.sx, a.sxx), moments(b.sw, b.sx, b.sxx)));
      continue;
    }
    // Mixed or text columns: every value is a level (numbers by their text).
    for (const [k, w] of a.numbers) a.strings.set(String(k), (a.strings.get(String(k)) ?? 0) + w);
    for (const [k, w] of b.numbers) b.strings.set(String(k), (b.strings.get(String(k)) ?? 0) + w);
    const levels = [...new Set([...a.strings.keys(), ...b.strings.keys()])].sort();
    if (levels.length > 12) continue; // free text or ids, not a covariate to balance
    for (const level of levels) {
      const wa = a.strings.get(level) ?? 0;
      const wb = b.strings.get(level) ?? 0;
      // An indicator's sum of squares equals its sum.
      rows.push(row(cov, level, moments(a.sw, wa, wa), moments(b.sw, wb, wb)));
    }
  }
  return rows;
}

interface Tally {
  n: number;
  sw: number;
  sx: number;
  sxx: number;
  strings: Map<string, number>;
  numbers: Map<number, number>;
}

function tally(people: readonly Person[], cov: string): Tally {
  const t: Tally = { n: 0, sw: 0, sx: 0, sxx: 0, strings: new Map(), numbers: new Map() };
  for (const p of people) {
    const v: CovariateValue | undefined = p.covariates[cov];
    if (v !== null && v !== undefined) add(t, v, 1, p.weight);
  }
  return t;
}

/** `count` persons with value v and total weight w. */
function add(t: Tally, v: string | number, count: number, w: number): void {
  t.n += count;
  t.sw += w;
  if (typeof v === 'number') {
    t.sx += w * v;
    t.sxx += w * v * v;
    // Kept only in case the column turns out to be mixed; small for real covariates.
    if (t.numbers.size <= 64) t.numbers.set(v, (t.numbers.get(v) ?? 0) + w);
  } else t.strings.set(v, (t.strings.get(v) ?? 0) + w);
}

function weightsOf(people: readonly Person[]): Float64Array {
  const w = new Float64Array(people.length);
  for (let r = 0; r < people.length; r++) w[r] = people[r]!.weight;
  return w;
}

/**
 * tally from the ingest's column (row r is the r-th person, whose weight is weights[r]):
 * weights summed per distinct value first, so 200,000 persons cost one pass over two typed
 * arrays and the few distinct values.
 */
function tallyColumn(weights: Float64Array, column: CovariateColumn): Tally {
  const perCode = new Float64Array(column.dict.length);
  const countPerCode = new Int32Array(column.dict.length);
  const { codes } = column;
  for (let r = 0; r < codes.length; r++) {
    perCode[codes[r]!]! += weights[r]!;
    countPerCode[codes[r]!]!++;
  }
  const t: Tally = { n: 0, sw: 0, sx: 0, sxx: 0, strings: new Map(), numbers: new Map() };
  column.dict.forEach((v, k) => {
    if (v !== null && countPerCode[k]! > 0) add(t, v, countPerCode[k]!, perCode[k]!);
  });
  return t;
}

function moments(sw: number, sx: number, sxx: number): { mean: number; variance: number } {
  if (sw === 0) return { mean: NaN, variance: 0 };
  const mean = sx / sw;
  return { mean, variance: Math.max(0, sxx / sw - mean * mean) };
}

function row(cov: string, level: string | null, ma: { mean: number; variance: number }, mb: { mean: number; variance: number }): CovariateBalance {
  const pooled = Math.sqrt((ma.variance + mb.variance) / 2);
  return { covariate: cov, level, participants_mean: ma.mean, controls_mean: mb.mean, smd: pooled > 0 ? (ma.mean - mb.mean) / pooled : 0 };
}

import type { CovariateValue, Person } from '../types.js';
import type { CovariateBalance } from './types.js';

/**
 * Standardized mean differences (Austin 2009, "Balance diagnostics..."): difference
 * in (weighted) means over the pooled SD sqrt((s1² + s2²)/2). Categorical covariates
 * are expanded to one indicator per level. |SMD| < 0.1 is the usual balance target.
 */
export function covariateBalance(participants: readonly Person[], controls: readonly Person[], covariates: readonly string[]): CovariateBalance[] {
  const rows: CovariateBalance[] = [];
  for (const cov of covariates) {
    const values = [...participants, ...controls].map((p) => p.covariates[cov] ?? null).filter((v): v is string | number => v !== null);
    if (values.length === 0) continue;
    if (values.every((v) => typeof v === 'number')) {
      rows.push(smdRow(cov, null, participants, controls, (v) => (typeof v === 'number' ? v : null)));
    } else {
      const levels = [...new Set(values.map(String))].sort();
      if (levels.length > 12) continue; // free text or ids, not a covariate to balance
      for (const level of levels) rows.push(smdRow(cov, level, participants, controls, (v) => (v === null ? null : String(v) === level ? 1 : 0)));
    }
  }
  return rows;
}

function smdRow(cov: string, level: string | null, a: readonly Person[], b: readonly Person[], value: (v: CovariateValue) => number | null): CovariateBalance {
  const ma = moments(a, cov, value);
  const mb = moments(b, cov, value);
  const pooled = Math.sqrt((ma.variance + mb.variance) / 2);
  const diff = ma.mean - mb.mean;
  return { covariate: cov, level, participants_mean: ma.mean, controls_mean: mb.mean, smd: pooled > 0 ? diff / pooled : 0 };
}

function moments(people: readonly Person[], cov: string, value: (v: CovariateValue) => number | null): { mean: number; variance: number } {
  let sw = 0;
  let sx = 0;
  let sxx = 0;
  for (const p of people) {
    const x = value(p.covariates[cov] ?? null);
    if (x === null) continue;
    sw += p.weight;
    sx += p.weight * x;
    sxx += p.weight * x * x;
  }
  if (sw === 0) return { mean: NaN, variance: 0 };
  const mean = sx / sw;
  return { mean, variance: Math.max(0, sxx / sw - mean * mean) };
}

/**
 * The balance table from the ingest's covariate columns (weights summed per distinct
 * value, the path `evaluate` takes) against the per-person path, on the example cohort
 * with weighted controls and with values blanked (missing). Sums are added in another
 * order, so the agreement is to 1e-12 relative, not bit for bit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCohort } from '../../src/ingest/index.js';
import { covariateBalance } from '../../src/pipeline/balance.js';
import { loadSpec } from '../../src/spec/load.js';
import { copyExample } from '../e2e/helpers.js';

const TOLERANCE = 1e-12;

function close(actual: number, expected: number, what: string): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) / scale, `${what}: actual ${actual}, expected ${expected}, relative tolerance ${TOLERANCE}`).toBeLessThanOrEqual(TOLERANCE);
}

describe('covariate balance from the ingest columns', () => {
  it('equals the per-person tallies, with weights and missing values', async () => {
    const ex = copyExample();
    const path = join(ex.dir, 'controls.csv');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const age = header.indexOf('age');
    const civil = header.indexOf('civil_status');
    const rows = lines.slice(1).map((l, i) => {
      const f = l.split(',');
      if (i % 7 === 0) f[age] = ''; // missing numbers
      if (i % 11 === 0) f[civil] = 'NA'; // missing levels
      return [...f, i % 3 === 0 ? '0.5' : '1.25'].join(',');
    });
    writeFileSync(path, [`${lines[0]},weight`, ...rows].join('\n') + '\n');
    const ingest = await readCohort(loadSpec(ex.spec));
    const { participants, controls, covariates } = ingest.cohort;
    const byPerson = covariateBalance(participants, controls, covariates);
    const byColumn = covariateBalance(participants, controls, covariates, ingest.covariateColumns);
    expect(byColumn.map((r) => [r.covariate, r.level])).toEqual(byPerson.map((r) => [r.covariate, r.level]));
    expect(byPerson.length).toBeGreaterThan(10);
    byColumn.forEach((r, i) => {
      const p = byPerson[i]!;
      const what = `${r.covariate}${r.level === null ? '' : `=${r.level}`}`;
      close(r.participants_mean, p.participants_mean, `${what} participants`);
      close(r.controls_mean, p.controls_mean, `${what} controls`);
      close(r.smd, p.smd, `${what} SMD`);
    });
  });
});

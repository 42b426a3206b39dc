import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook, readBenefitPanel, readCohort, readWages } from '../../src/ingest/index.js';
import { loadSpec } from '../../src/spec/load.js';
import type { FileReconciliation } from '../../src/types.js';
import { monthOfIsoDate } from '../../src/util/months.js';

const specPath = resolve(import.meta.dirname, '../../data/example/evaluation.json');

function balanced(f: FileReconciliation): void {
  const excluded = Object.values(f.excluded).reduce((a, b) => a + b, 0);
  expect(f.rows_used + excluded, `${f.file}: used ${f.rows_used} + excluded ${excluded} vs read ${f.rows_read}`).toBe(f.rows_read);
}

describe('ingest of the canonical example cohort', () => {
  it('reads 56 participants and 560 controls with their covariates', async () => {
    const { cohort, files, warnings } = await readCohort(loadSpec(specPath));
    expect(cohort.participants).toHaveLength(56);
    expect(cohort.controls).toHaveLength(560);
    expect(cohort.covariates).toContain('employed_last_2y');
    expect(typeof cohort.participants[0]!.covariates['age']).toBe('number');
    expect(warnings).toEqual([]);
    files.forEach(balanced);
  });

  it('accounts for every panel row: read = used + Σ excluded', async () => {
    const loaded = loadSpec(specPath);
    const { cohort } = await readCohort(loaded);
    const wanted = new Map(cohort.participants.map((p) => [p.id, monthOfIsoDate(p.endDate!) + 2]));
    const codebook = loadCodebook(resolve(loaded.dir, loaded.spec.codebook), loaded.spec.codebook);
    const panel = await readBenefitPanel(loaded, codebook, wanted);
    balanced(panel.file);
    expect(panel.file.excluded['person_not_in_cohort']).toBeGreaterThan(0);
    expect(panel.months.size + panel.outside_coverage.size).toBe(56);
    const weeks = [...panel.months.values()].reduce((a, w) => a + w.filter((c) => c !== null).length, 0);
    expect(weeks).toBe(panel.file.rows_used);
    const wages = await readWages(loaded, wanted);
    balanced(wages.file);
    expect(wages.file.rows_used).toBeGreaterThan(0);
  });
});

/**
 * The statistics read the outcome table (typed columns, no record per person). These tests
 * hold them to the record-based functions they replace, on seeded cohorts with weighted
 * controls (zero weights too), missing covariate values, numeric and text levels, and
 * subgroups by municipality and by covariate; and the records made on demand to the table.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePanel } from '../../scripts/generate-panel.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { covariateBalance } from '../../src/pipeline/balance.js';
import { continuousComparisons } from '../../src/pipeline/continuous.js';
import { outcomeEffects, statusDistribution, withHolm } from '../../src/pipeline/effects.js';
import { loadSpec } from '../../src/spec/load.js';
import { readCohort } from '../../src/ingest/index.js';
import { kishEffectiveSize } from '../../src/stats/index.js';
import { CATEGORY_CLASSES, STATUS_CATEGORIES, type PersonOutcome } from '../../src/types.js';
import { Random } from '../../src/util/random.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SUBGROUPS = ['municipality', 'employed_last_2y', 'civil_status', 'hospital_psychiatric', 'age'];

/** A generated cohort, its controls file edited by `rng`: weights (some 0), blank covariates, numbers written two ways. */
function cohortDir(rng: Random, weighted: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'effekt-table-'));
  dirs.push(dir);
  const { spec } = generatePanel({ dir, seed: rng.int(1, 1e6), persons: 1_500, weeks: 52, participants: 120, controls: 1_400, outsiders: 20, codebook: resolve(import.meta.dirname, '../../data/codebooks/illustrative.json') });
  const path = join(dir, 'controls.csv');
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  const edited = lines.map((line) => {
    const cells = line.split(',');
    for (const c of ['civil_status', 'employed_last_2y', 'hospital_psychiatric']) if (rng.chance(0.05)) cells[names.indexOf(c)] = '';
    const age = names.indexOf('age');
    if (rng.chance(0.2)) cells[age] = `${cells[age]}.0`;
    if (weighted) cells.push(String(rng.pick([0, 0.5, 1, 1, 2, 3])));
    return cells.join(',');
  });
  writeFileSync(path, [weighted ? `${header},weight` : header, ...edited].join('\n') + '\n');
  const json = JSON.parse(readFileSync(spec, 'utf8')) as Record<string, unknown>;
  json['subgroups'] = SUBGROUPS;
  writeFileSync(spec, JSON.stringify(json));
  return spec;
}

/** The subgroups as evaluate gave them before the table: persons grouped by their value's text, levels participants have, sorted. */
function subgroupsOfRecords(persons: readonly PersonOutcome[], variables: readonly string[], outcomes: Parameters<typeof outcomeEffects>[0], confidence: number): unknown[] {
  const out: unknown[] = [];
  for (const variable of variables) {
    const byLevel = new Map<string, PersonOutcome[]>();
    for (const o of persons) {
      const v = variable === 'municipality' ? o.person.municipality : o.person.covariates[variable];
      if (v === null || v === undefined) continue;
      const list = byLevel.get(String(v)) ?? [];
      list.push(o);
      byLevel.set(String(v), list);
    }
    const levels = [...byLevel.keys()].filter((l) => byLevel.get(l)!.some((o) => o.person.group === 'participant')).sort();
    for (const level of levels) {
      const inLevel = byLevel.get(level)!;
      const participants = inLevel.filter((o) => o.person.group === 'participant').length;
      if (participants === inLevel.length) continue;
      out.push({ variable, level, participants, controls: inLevel.length - participants, outcomes: Object.fromEntries(outcomeEffects(outcomes, inLevel, confidence, false).map((e) => [e.id, e])) });
    }
  }
  return out;
}

describe('statistics from the outcome table', () => {
  it('equal the record-based functions on seeded cohorts, weighted and not', async () => {
    const rng = new Random(20261126);
    let weightedRuns = 0;
    for (let k = 0; k < 6; k++) {
      const weighted = k % 2 === 1;
      const loaded = loadSpec(cohortDir(rng, weighted));
      const run = await evaluate(loaded, { boschloo: false });
      const ev = run.evaluation;
      const persons = run.persons;
      const { spec } = loaded;
      expect(ev.outcomes, `cohort ${k}`).toEqual(Object.fromEntries(withHolm(outcomeEffects(spec.outcomes, persons, spec.confidence, false)).map((e) => [e.id, e])));
      expect(ev.subgroups, `cohort ${k}`).toEqual(subgroupsOfRecords(persons, spec.subgroups, spec.outcomes, spec.confidence));
      expect(ev.subgroups.map((s) => s.variable)).toEqual(expect.arrayContaining(SUBGROUPS));
      expect(ev.status_distribution).toEqual(statusDistribution(persons));
      expect(ev.continuous).toEqual(continuousComparisons(persons));
      expect(ev.continuous.length).toBe(2);
      if (weighted) {
        weightedRuns++;
        expect(ev.cohort.weighted).toBe(true);
        expect(Object.values(ev.outcomes)[0]!.difference.method).toBe('wald_robust_weighted');
        expect(ev.reconciliation.persons.excluded['zero_weight']).toBeGreaterThan(0);
      }
      // Over the whole cohort (classified or not): the balance, Kish's size and the municipalities, as the records give them.
      const ingest = await readCohort(loaded);
      const { cohort } = ingest;
      expect(ev.balance).toEqual(covariateBalance(cohort.participants, cohort.controls, cohort.covariates, ingest.covariateColumns));
      expect(ev.cohort.kish_effective_controls).toBe(kishEffectiveSize(cohort.controls.map((c) => c.weight).filter((w) => w > 0)));
      expect(ev.cohort.weighted).toBe(cohort.controls.some((c) => c.weight !== 1));
      expect(ev.cohort.municipalities).toEqual([...new Set([...cohort.participants, ...cohort.controls].map((p) => p.municipality))].sort());
    }
    expect(weightedRuns).toBe(3);
  });

  it('makes records that hold each row of the table', async () => {
    const loaded = loadSpec(cohortDir(new Random(3), true));
    const run = await evaluate(loaded, { boschloo: false });
    const persons = run.persons;
    expect(run.persons).toBe(persons); // made once
    for (const o of persons) {
      expect(STATUS_CATEGORIES).toContain(o.status);
      expect(CATEGORY_CLASSES).toContain(o.benefitClass);
      expect(o.person.weight).toBeGreaterThan(0);
    }
    const groups = persons.map((o) => o.person.group);
    expect(groups.lastIndexOf('participant')).toBeLessThan(groups.indexOf('control'));
    expect(persons.length + Object.values(run.evaluation.reconciliation.persons.excluded).reduce((a, b) => a + b, 0)).toBe(run.evaluation.cohort.participants + run.evaluation.cohort.controls);
  });
});

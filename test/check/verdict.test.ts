import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkVerdict, resolveTargets } from '../../src/check/index.js';
import { EffektError } from '../../src/errors.js';
import { splitCohorts } from '../../src/pipeline/cohorts.js';
import { parseSpec } from '../../src/spec/load.js';
import { CLEAN_RECONCILIATION, examplePersons, loadedSpec, personsFromCounts, runFor } from './fixtures.js';

interface RefTable {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  fisher: { 'two-sided': { p: number } };
}
const reference = JSON.parse(readFileSync(new URL('../reference/stats.json', import.meta.url), 'utf8')) as { tables: RefTable[] };
function rFisher(x1: number, n1: number, x2: number, n2: number): number {
  const t = reference.tables.find((r) => r.x1 === x1 && r.n1 === n1 && r.x2 === x2 && r.n2 === n2);
  if (!t) throw new Error(`no R reference for ${x1}/${n1} vs ${x2}/${n2}`);
  return t.fisher['two-sided'].p;
}

const exampleSpec = JSON.parse(readFileSync(new URL('../../data/example/evaluation.json', import.meta.url), 'utf8')) as { targets: unknown[] };

function verdictFor(targets: unknown[], persons = examplePersons(), extra: Record<string, unknown> = {}) {
  const loaded = loadedSpec({ targets, ...extra });
  const run = runFor(loaded, persons);
  return checkVerdict(loaded, splitCohorts(loaded.spec, run, false), { lang: 'en' });
}

describe('check verdict on the example cohort with the reference targets', () => {
  const result = verdictFor(exampleSpec.targets);
  const byId = new Map(result.targets.map((t) => [t.id, t]));

  it('fails the 30 % self-supporting target: 15/56 = 26.8 %', () => {
    const t = byId.get('self_supporting')!;
    expect(t.value, `value ${t.value} expected 15/56`).toBe(15 / 56);
    expect(t.threshold).toBe(0.3);
    expect(t.operator).toBe('>=');
    expect(t.pass).toBe(false);
  });

  it('fails the further-20 %-with-paid-hours target: wage_with_transfer 9/56 = 16.1 %', () => {
    const t = byId.get('paid_hours')!;
    expect(t.value).toBe(9 / 56);
    expect(t.pass).toBe(false);
  });

  it('passes both significance targets with R fisher.test p-values', () => {
    const a = byId.get('significant_self_supporting')!;
    const b = byId.get('significant_paid_hours')!;
    const pa = rFisher(15, 56, 73, 560);
    const pb = rFisher(19, 56, 95, 560);
    expect(Math.abs(a.value! - pa), `p ${a.value} vs R ${pa}, tol 1e-9`).toBeLessThan(1e-9);
    expect(Math.abs(b.value! - pb), `p ${b.value} vs R ${pb}, tol 1e-9`).toBeLessThan(1e-9);
    expect(a.pass && b.pass).toBe(true);
  });

  it('passes the data-quality targets on clean input (benign exclusions are not counted)', () => {
    expect(byId.get('data_unknown_codes')).toMatchObject({ value: 0, pass: true });
    expect(byId.get('data_excluded_rows')).toMatchObject({ value: 0, pass: true });
    expect(byId.get('data_excluded_persons')).toMatchObject({ value: 0, pass: true });
  });

  it('gives the overall verdict FAIL with the counts', () => {
    expect(result.pass).toBe(false);
    expect(result.summary).toEqual({ targets: 7, passed: 5, failed: 2 });
    expect(result.cohort).toEqual({ participants: 56, controls: 560 });
  });
});

describe('target semantics', () => {
  it('a share exactly at the threshold passes (no rounding before comparing)', () => {
    const persons = [...personsFromCounts('participant', { self_supporting_wage: 15, temporary_benefit: 35 }), ...personsFromCounts('control', { temporary_benefit: 100 })];
    const r = verdictFor([{ kind: 'share', outcome: 'self_supporting_or_education', min: 0.3 }], persons);
    expect(r.targets[0]!.value).toBe(15 / 50);
    expect(r.pass).toBe(true);
  });

  it('significance "better" fails when the participants do significantly worse', () => {
    const persons = [...personsFromCounts('participant', { self_supporting_wage: 2, temporary_benefit: 48 }), ...personsFromCounts('control', { self_supporting_wage: 50, temporary_benefit: 50 })];
    const better = verdictFor([{ kind: 'significance', outcome: 'self_supporting_or_education' }], persons);
    const any = verdictFor([{ kind: 'significance', outcome: 'self_supporting_or_education', direction: 'any' }], persons);
    expect(better.targets[0]!.value!).toBeLessThan(0.001);
    expect(better.pass).toBe(false);
    expect(any.pass).toBe(true);
  });

  it('net effect, interval bound and group sizes', () => {
    const r = verdictFor([
      { kind: 'net_effect', outcome: 'ordinary_employment', min: 0.12 },
      { kind: 'net_effect', outcome: 'ordinary_employment', min: 0.18, id: 'net_18' },
      { kind: 'ci_lower', outcome: 'ordinary_employment' },
      { kind: 'group_size', group: 'participants', min: 60 },
      { kind: 'group_size', group: 'controls', min: 500 },
    ]);
    const [net12, net18, lower, n1, n2] = r.targets;
    const d = 19 / 56 - 95 / 560;
    expect(Math.abs(net12!.value! - d)).toBeLessThan(1e-15);
    expect(net12!.pass).toBe(true);
    expect(net18!.pass).toBe(d >= 0.18);
    expect(lower!.value!).toBeGreaterThan(0);
    expect(lower!.pass).toBe(true);
    expect(n1).toMatchObject({ value: 56, pass: false });
    expect(n2).toMatchObject({ value: 560, pass: true });
  });

  it('counts only data-quality exclusions and unknown codes from the reconciliation', () => {
    const loaded = loadedSpec({
      targets: [
        { kind: 'excluded_rows', max: 0.002 },
        { kind: 'excluded_rows', max: 0.01, files: ['benefits'], id: 'benefit_rows' },
        { kind: 'unknown_codes' },
        { kind: 'excluded_persons', max: 0.01 },
      ],
    });
    const files = CLEAN_RECONCILIATION.files.map((f) => (f.role === 'benefits' ? { ...f, rows_used: 93, excluded: { ...f.excluded, duplicate_person_week: 4, unknown_code_excluded: 3 } } : f));
    const rec = { files, persons: { participants: 56, controls: 560, excluded: { no_register_coverage: 7 } }, warnings: [{ code: 'unknown_codes_excluded', params: { codes: 1, rows: 3 } }] };
    const run = runFor(loaded, examplePersons(), rec);
    const r = checkVerdict(loaded, splitCohorts(loaded.spec, run, false), { lang: 'en' });
    const [rows, benefitRows, unknown, persons] = r.targets;
    const read = 56 + 560 + 1000 + 100;
    expect(rows!.value).toBe(7 / read);
    expect(rows!.pass).toBe(false);
    expect(benefitRows!.value).toBe(7 / 1000);
    expect(benefitRows!.pass).toBe(true);
    expect(unknown).toMatchObject({ value: 3, pass: false });
    expect(persons!.value).toBe(7 / 616);
    expect(persons!.pass).toBe(false);
  });
});

describe('invalid targets are input errors (exit 2)', () => {
  const cases: [string, unknown[]][] = [
    ['an unknown outcome', [{ kind: 'net_effect', outcome: 'nope', min: 0.1 }]],
    ['a duplicate id', [{ kind: 'share', outcome: 'ordinary_employment', min: 0.3, id: 'a' }, { kind: 'net_effect', outcome: 'ordinary_employment', min: 0.1, id: 'a' }]],
    ['a data-quality target on cohorts', [{ kind: 'unknown_codes', scope: 'cohorts' }]],
  ];
  for (const [what, targets] of cases) {
    it(what, () => {
      const loaded = loadedSpec({ targets });
      try {
        resolveTargets(loaded);
        expect.fail('no error');
      } catch (e) {
        expect(e).toBeInstanceOf(EffektError);
        expect((e as EffektError).exitCode).toBe(2);
        expect((e as EffektError).line).toMatch(/^\/virtual\/spec\.json: invalid spec: targets\.\d/);
      }
    });
  }

  it('schema errors: a share with both bounds, a percentage instead of a fraction', () => {
    for (const t of [{ kind: 'share', outcome: 'ordinary_employment', min: 0.2, max: 0.5 }, { kind: 'share', outcome: 'ordinary_employment', min: 30 }, { kind: 'magic' }]) {
      expect(() => parseSpec(JSON.stringify({ name: 'x', inputs: { participants: 'p', controls: 'c', benefits: 'b', wages: 'w' }, codebook: 'c', targets: [t] }), 's.json')).toThrow(EffektError);
    }
  });

  it('a check without targets', () => {
    const loaded = loadedSpec({});
    const run = runFor(loaded, examplePersons());
    expect(() => checkVerdict(loaded, splitCohorts(loaded.spec, run, false), { lang: 'en' })).toThrow(/no targets/);
  });
});

/**
 * A person's covariate record is a plain object (library users spread it, list its keys and
 * serialise it), made by a function compiled for the file's column names. Names that are
 * awkward in code (quotes, backslashes, line breaks, a closing brace, `__proto__`, numbers)
 * must come out as ordinary own properties, and no name can run as code.
 */
import { describe, expect, it } from 'vitest';
import { readCohort } from '../../src/ingest/index.js';
import { specDir } from './helpers.js';
import { files } from './fixtures.js';

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

async function recordsWith(names: readonly string[], values: (row: number) => readonly string[]) {
  const header = (fixed: string): string => [fixed, ...names.map(csvField)].join(',');
  const participants = [header('person_id,municipality,start_date,end_date'), `P1,Herning,2022-01-03,2022-03-15,${values(0).map(csvField).join(',')}`, `P2,Viborg,2022-01-10,2022-04-20,${values(1).map(csvField).join(',')}`];
  const controls = [header('person_id,municipality,matched_to'), `K1,Herning,P1,${values(2).map(csvField).join(',')}`];
  const { cohort } = await readCohort(specDir(files({ 'participants.csv': participants.join('\n') + '\n', 'controls.csv': controls.join('\n') + '\n' })));
  return cohort;
}

describe('covariate records', () => {
  it('are plain objects with the covariates as own properties, in file order', async () => {
    const cohort = await recordsWith(['age', 'civil_status', 'note'], (r) => [String(40 + r), r === 1 ? '' : 'single', `n${r}`]);
    const p1 = cohort.participants[0]!.covariates;
    expect(Object.keys(p1)).toEqual(['age', 'civil_status', 'note']);
    expect({ ...p1 }).toEqual({ age: 40, civil_status: 'single', note: 'n0' });
    expect(JSON.parse(JSON.stringify(cohort.participants[1]!.covariates))).toEqual({ age: 41, civil_status: null, note: 'n1' });
    expect(Object.getPrototypeOf(p1)).toBe(Object.prototype);
    expect(cohort.controls[0]!.covariates).toEqual({ age: 42, civil_status: 'single', note: 'n2' });
  });

  it('keep names that are awkward in code as they are, and never run them', async () => {
    const names = ['a"b', 'back\\slash', 'line\nbreak', '}); globalThis.__effektInjected = 1; ({', '${x}', '2020', 'constructor', 'toString'];
    const cohort = await recordsWith(names, (r) => names.map((_, k) => `v${r}${k}`));
    const record = cohort.participants[1]!.covariates;
    expect(Object.keys(record).sort()).toEqual([...names].sort());
    names.forEach((n, k) => expect(record[n], n).toBe(`v1${k}`));
    expect((globalThis as Record<string, unknown>)['__effektInjected']).toBeUndefined();
  });

  it('take a column named __proto__ as an own property, not as the prototype', async () => {
    const cohort = await recordsWith(['__proto__', 'age'], (r) => [`x${r}`, String(30 + r)]);
    const record = cohort.participants[0]!.covariates;
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['__proto__', 'age']);
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toBe('x0');
    expect(record['age']).toBe(30);
  });

  it('are made the slow way, with the same result, for a file of more than 1,000 covariates', async () => {
    const names = Array.from({ length: 1001 }, (_, k) => `c${k}`);
    const cohort = await recordsWith(names, (r) => names.map((_, k) => String(r * 10000 + k)));
    const record = cohort.controls[0]!.covariates;
    expect(Object.keys(record)).toEqual(names);
    expect(record['c1000']).toBe(21000);
  });
});

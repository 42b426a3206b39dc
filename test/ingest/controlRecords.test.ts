/**
 * The controls' records are made when first asked for, from the columns the checks read
 * (readPersons): each field must be what the file says, as the records made during the
 * checks held it.
 */
import { describe, expect, it } from 'vitest';
import { readCohort } from '../../src/ingest/index.js';
import { specDir } from './helpers.js';
import { files, PARTICIPANTS } from './fixtures.js';

describe('control records made on demand', () => {
  it('hold the file’s ids, municipalities, matches, reference dates, weights, covariates and lines', async () => {
    const controls = [
      'person_id;municipality;matched_to;reference_end_date;weight;age;note',
      'K1;Herning;P1;;1,5;41;a',
      '',
      'K2;Viborg;;31-05-2022;0;;b',
      'K3;Viborg;P2;01-02-2022;2;60;',
    ].join('\r\n');
    const loaded = specDir(files({ 'participants.csv': PARTICIPANTS.replace(/,age\n/, ',age,note\n').replace(/,40\n/, ',40,x\n').replace(/,55\n/, ',55,y\n'), 'controls.csv': controls + '\r\n' }), {
      inputs: { participants: 'participants.csv', controls: { path: 'controls.csv', csv: { delimiter: ';', decimal: ',', date_format: 'dd-mm-yyyy' } }, benefits: 'benefits_weekly.csv', wages: 'wages_monthly.csv' },
    });
    const ingest = await readCohort(loaded);
    const { cohort } = ingest;
    expect(cohort.controls).toBe(cohort.controls); // made once
    expect(cohort.controls).toEqual([
      { id: 'K1', group: 'control', municipality: 'Herning', startDate: null, endDate: null, matchedTo: 'P1', referenceEndDate: null, weight: 1.5, covariates: { age: 41, note: 'a' }, line: 2 },
      { id: 'K2', group: 'control', municipality: 'Viborg', startDate: null, endDate: null, matchedTo: null, referenceEndDate: '2022-05-31', weight: 0, covariates: { age: null, note: 'b' }, line: 4 },
      { id: 'K3', group: 'control', municipality: 'Viborg', startDate: null, endDate: null, matchedTo: 'P2', referenceEndDate: '2022-02-01', weight: 2, covariates: { age: 60, note: null }, line: 5 },
    ]);
    expect([...ingest.weights.controls]).toEqual(cohort.controls.map((c) => c.weight));
    expect([...ingest.weights.participants]).toEqual([1, 1]);
    expect(cohort.participants.map((p) => [p.id, p.startDate, p.endDate, p.covariates])).toEqual([
      ['P1', '2022-01-03', '2022-03-15', { age: 40, note: 'x' }],
      ['P2', '2022-01-10', '2022-04-20', { age: 55, note: 'y' }],
    ]);
  });
});

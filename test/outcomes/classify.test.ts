import { describe, expect, it } from 'vitest';
import { monthClass, statusOf } from '../../src/outcomes/classify.js';
import { followUpMonths } from '../../src/outcomes/followUp.js';
import type { Cohort, Person } from '../../src/types.js';
import { formatMonth } from '../../src/util/months.js';

describe('monthClass (majority of weeks, ties to the later week)', () => {
  it('takes the class held in most weeks', () => {
    expect(monthClass(['temporary', 'temporary', 'none', 'temporary'])).toBe('temporary');
  });
  it('counts a week without a row as no public benefit', () => {
    expect(monthClass([null, null, 'temporary', null])).toBe('none');
  });
  it('breaks a 2–2 tie in favour of the later week', () => {
    expect(monthClass(['temporary', 'temporary', 'none', 'none'])).toBe('none');
    expect(monthClass(['none', 'none', 'temporary', 'temporary'])).toBe('temporary');
    expect(monthClass(['none', 'temporary', 'none', 'temporary'])).toBe('temporary');
  });
  it('breaks a three-way tie in a five-week month by the latest week among the tied classes', () => {
    expect(monthClass(['education', 'temporary', 'temporary', 'education', 'permanent'])).toBe('education');
  });
  it('treats an empty month as no public benefit', () => {
    expect(monthClass([])).toBe('none');
  });
});

describe('statusOf (domain.md §3)', () => {
  it.each([
    ['none', true, 'self_supporting_wage'],
    ['none', false, 'self_supporting_unknown'],
    ['temporary', true, 'wage_with_transfer'],
    ['temporary', false, 'temporary_benefit'],
    ['education', true, 'education'],
    ['flexjob', false, 'flexjob'],
    ['permanent', true, 'permanent_benefit'],
    ['not_resident', false, 'not_resident'],
  ] as const)('%s with wages=%s → %s', (cls, wages, status) => {
    expect(statusOf(cls, wages)).toBe(status);
  });
});

function person(id: string, group: 'participant' | 'control', extra: Partial<Person> = {}): Person {
  return { id, group, municipality: 'X', startDate: null, endDate: null, matchedTo: null, referenceEndDate: null, weight: 1, covariates: {}, line: 2, ...extra };
}

describe('followUpMonths', () => {
  const cohort: Cohort = {
    participants: [person('a', 'participant', { endDate: '2022-03-15' }), person('b', 'participant', { endDate: '2022-11-30' })],
    controls: [
      person('c1', 'control', { matchedTo: 'a' }),
      person('c2', 'control', { referenceEndDate: '2021-12-31', matchedTo: 'a' }),
      person('c3', 'control'),
      person('c4', 'control', { matchedTo: 'nobody' }),
    ],
    covariates: [],
  };
  const f = followUpMonths(cohort, 2);
  const month = (id: string) => formatMonth(f.get(id)!.month);
  it('adds two calendar months to the participant’s end month', () => {
    expect(month('a')).toBe('2022-05');
    expect(month('b')).toBe('2023-01');
  });
  it('uses a control’s own reference end date first', () => {
    expect(month('c2')).toBe('2022-02');
    expect(f.get('c2')!.source).toBe('reference_end_date');
  });
  it('else the matched participant’s end date', () => {
    expect(month('c1')).toBe('2022-05');
    expect(f.get('c1')!.source).toBe('matched_participant');
  });
  it('else the participants’ mean end date (2022-07-23 here → 2022-09)', () => {
    expect(f.get('c3')!.endDate).toBe('2022-07-23');
    expect(month('c3')).toBe('2022-09');
    expect(f.get('c4')!.source).toBe('participants_mean_end_date');
  });
});

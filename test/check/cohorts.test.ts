import { describe, expect, it } from 'vitest';
import { cohortMembers, splitCohorts } from '../../src/pipeline/cohorts.js';
import type { CohortSpec } from '../../src/check/specSchema.js';
import { loadedSpec, person, runFor } from './fixtures.js';

describe('cohorts: membership', () => {
  const p1 = person({ group: 'participant', status: 'self_supporting_wage', municipality: 'Herning', id: 'P1', startDate: '2021-02-01', followUp: '2021-11' });
  const p2 = person({ group: 'participant', status: 'temporary_benefit', municipality: 'Viborg', id: 'P2', startDate: '2021-05-01', followUp: '2022-02', covariates: { employed_last_2y: 'yes' } });
  // matched to a Viborg participant although registered in Herning: follows its participant
  const k1 = person({ group: 'control', status: 'temporary_benefit', municipality: 'Herning', matchedTo: 'P2', id: 'K1', followUp: '2022-02' });
  const k2 = person({ group: 'control', status: 'self_supporting_wage', municipality: 'Herning', id: 'K2', followUp: '2021-11' });
  const k3 = person({ group: 'control', status: 'temporary_benefit', municipality: 'Viborg', id: 'K3', followUp: '2022-06', covariates: { employed_last_2y: 'no' } });
  const all = [p1, p2, k1, k2, k3];
  const ids = (c: CohortSpec) => cohortMembers(c, all).map((o) => o.person.id);

  it('municipality: matched controls follow their participant, unmatched ones their own municipality', () => {
    expect(ids({ id: 'h', municipality: ['Herning'] })).toEqual(['P1', 'K2']);
    expect(ids({ id: 'v', municipality: ['Viborg'] })).toEqual(['P2', 'K1', 'K3']);
  });

  it('intake dates filter participants only; follow-up months and covariates filter everyone', () => {
    expect(ids({ id: 'q1', intake_from: '2021-01-01', intake_to: '2021-03-31' })).toEqual(['P1', 'K2', 'K3']);
    expect(ids({ id: 'f', follow_up_from: '2022-01', follow_up_to: '2022-03' })).toEqual(['P2', 'K1']);
    expect(ids({ id: 'w', where: { employed_last_2y: ['yes'] } })).toEqual(['P2', 'K1']);
  });
});

describe('cohorts: evaluation', () => {
  it('each cohort is compared like the pooled whole; unassigned and overlapping participants are counted', () => {
    const persons = [
      ...Array.from({ length: 10 }, (_, i) => person({ group: 'participant', status: i < 4 ? 'self_supporting_wage' : 'temporary_benefit', municipality: 'Herning', id: `H${i}` })),
      ...Array.from({ length: 8 }, (_, i) => person({ group: 'participant', status: i < 1 ? 'wage_with_transfer' : 'temporary_benefit', municipality: 'Viborg', id: `V${i}` })),
      ...Array.from({ length: 2 }, (_, i) => person({ group: 'participant', status: 'temporary_benefit', municipality: 'Ikast', id: `I${i}` })),
      ...Array.from({ length: 50 }, (_, i) => person({ group: 'control', status: i < 5 ? 'self_supporting_wage' : 'temporary_benefit', municipality: 'Herning' })),
      ...Array.from({ length: 40 }, (_, i) => person({ group: 'control', status: i < 8 ? 'self_supporting_wage' : 'temporary_benefit', municipality: 'Viborg' })),
    ];
    const loaded = loadedSpec({
      cohorts: [
        { id: 'herning', label: { da: 'Herning', en: 'Herning' }, municipality: ['Herning'] },
        { id: 'viborg', municipality: ['Viborg'] },
        { id: 'both', municipality: ['Herning', 'Viborg'] },
      ],
    });
    const run = runFor(loaded, persons);
    const split = splitCohorts(loaded.spec, run, false);
    expect(split.run).toBe(run);
    const [h, v, both] = split.cohorts;
    expect([h!.participants, h!.controls, v!.participants, v!.controls]).toEqual([10, 50, 8, 40]);
    const e = h!.outcomes['ordinary_employment']!;
    expect([e.participants.events, e.participants.n, e.controls.events, e.controls.n]).toEqual([4, 10, 5, 50]);
    expect(e.difference.estimate).toBeCloseTo(4 / 10 - 5 / 50, 15);
    expect(v!.outcomes['ordinary_employment']!.participants.events).toBe(1);
    expect(v!.outcomes['self_supporting_or_education']!.participants.events).toBe(0);
    expect(both!.participants).toBe(18);
    expect(split.unassigned_participants).toBe(2);
    expect(split.overlapping_participants).toBe(18);
  });

  it('a spec without cohorts has none, and nothing unassigned', () => {
    const loaded = loadedSpec({});
    const split = splitCohorts(loaded.spec, runFor(loaded, [person({ group: 'participant', status: 'education' }), person({ group: 'control', status: 'education' })]), false);
    expect(split.cohorts).toEqual([]);
    expect(split.unassigned_participants).toBe(0);
  });
});

describe('cohorts: an empty cohort', () => {
  it('has no comparison, and its targets fail as not computed rather than stopping the run', async () => {
    const { checkVerdict } = await import('../../src/check/index.js');
    const loaded = loadedSpec({
      cohorts: [{ id: 'later', follow_up_from: '2030-01' }],
      targets: [
        { kind: 'share', outcome: 'ordinary_employment', min: 0.2, scope: 'cohorts' },
        { kind: 'significance', outcome: 'ordinary_employment', scope: 'cohorts' },
      ],
    });
    const persons = [person({ group: 'participant', status: 'self_supporting_wage' }), person({ group: 'control', status: 'temporary_benefit' })];
    const split = splitCohorts(loaded.spec, runFor(loaded, persons), false);
    expect(split.cohorts[0]!.participants).toBe(0);
    expect(split.cohorts[0]!.outcomes).toEqual({});
    const r = checkVerdict(loaded, split, { lang: 'en' });
    expect(r.targets.map((t) => [t.scope, t.value, t.pass])).toEqual([
      ['later', null, false],
      ['later', null, false],
    ]);
    expect(r.targets[1]!.detail).toMatch(/no participants or no controls/);
    expect(r.pass).toBe(false);
  });
});

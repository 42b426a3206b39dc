/**
 * outcomeEffects counts each set of persons by status once for all its outcomes; it must
 * give exactly what outcomeEffect gives outcome by outcome, weighted controls included.
 */
import { describe, expect, it } from 'vitest';
import { outcomeEffect, outcomeEffects, tallyStatuses } from '../../src/pipeline/effects.js';
import { DEFAULT_OUTCOMES, type OutcomeDefinition } from '../../src/spec/schema.js';
import { STATUS_CATEGORIES, type PersonOutcome } from '../../src/types.js';
import { Random } from '../../src/util/random.js';
import { person } from '../check/fixtures.js';

const DEFS: readonly OutcomeDefinition[] = [
  ...DEFAULT_OUTCOMES,
  { id: 'repeated', categories: ['education', 'education', 'flexjob'] },
  { id: 'everything', categories: [...STATUS_CATEGORIES] },
];

function persons(rng: Random, participants: number, controls: number, weighted: boolean): PersonOutcome[] {
  const make = (group: 'participant' | 'control'): PersonOutcome =>
    person({ group, status: rng.pick(STATUS_CATEGORIES), ...(weighted && group === 'control' ? { weight: rng.pick([0.5, 1, 2, 3]) } : {}) });
  return [...Array.from({ length: participants }, () => make('participant')), ...Array.from({ length: controls }, () => make('control'))];
}

describe('outcomeEffects', () => {
  it('equals outcomeEffect outcome by outcome, on seeded cohorts with and without weights', () => {
    const rng = new Random(5);
    for (const [p, c, weighted] of [[40, 400, false], [7, 90, true], [1, 3, false], [25, 25, true]] as const) {
      const all = persons(rng, p, c, weighted);
      expect(outcomeEffects(DEFS, all, 0.95, true), `${p}/${c}${weighted ? ' weighted' : ''}`).toEqual(DEFS.map((d) => outcomeEffect(d, all, 0.95, true)));
      // And the events are the persons in the outcome's categories, counted directly.
      const events = (group: string, d: OutcomeDefinition): number => all.filter((o) => o.person.group === group && d.categories.includes(o.status)).length;
      for (const e of outcomeEffects(DEFS, all, 0.95, false)) {
        const d = DEFS.find((x) => x.id === e.id)!;
        expect([e.participants.events, e.participants.n, e.controls.events, e.controls.n], e.id).toEqual([events('participant', d), p, events('control', d), c]);
      }
    }
  });

  it('tallies every person once, by status and group', () => {
    const all = persons(new Random(6), 30, 70, true);
    const tally = tallyStatuses(all);
    expect([tally.participants, tally.controls, tally.weighted]).toEqual([30, 70, true]);
    const sum = (g: 0 | 1): number => [...tally.counts.values()].reduce((a, row) => a + row[g], 0);
    expect([sum(0), sum(1)]).toEqual([30, 70]);
    for (const s of STATUS_CATEGORIES) expect(tally.counts.get(s)![1], s).toBe(all.filter((o) => o.person.group === 'control' && o.status === s).length);
  });

  it('counts a person whose status is not a known category in n, never as an event (as outcomeEffect always did)', () => {
    const all = persons(new Random(7), 10, 30, false);
    const odd = { ...all[0]!, status: 'not_a_status' as PersonOutcome['status'] };
    const tally = tallyStatuses([...all, odd]);
    expect([tally.participants, tally.controls]).toEqual([11, 30]);
    const e = outcomeEffects(DEFS, [...all, odd], 0.95, false).find((x) => x.id === 'everything')!;
    expect([e.participants.events, e.participants.n]).toEqual([10, 11]);
  });
});

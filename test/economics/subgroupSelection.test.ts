import { describe, expect, it } from 'vitest';
import { selectSubgroups } from '../../src/economics/subgroupSelection.js';
import type { EffectInput } from '../../src/economics/index.js';
import { catalogueParams } from './helpers.js';

const p = catalogueParams();
const base: EffectInput = { ...p.assumed_effect!, subgroups: undefined, source: 'test' };

describe('selectSubgroups', () => {
  it('uses the first subgroup variable whose levels partition the participants', () => {
    const s = selectSubgroups(p, {
      ...base,
      subgroups: [
        { id: 'age=25-49', label: 'a', share_of_participants: 0.5, gross_rate: Number.NaN },
        { id: 'age=50+', label: 'b', share_of_participants: 0.5, gross_rate: 0.3 },
        { id: 'employed_last_2y=1', label: 'c', share_of_participants: 0.35, gross_rate: 0.53, net_effect: 0.2 },
        { id: 'employed_last_2y=0', label: 'd', share_of_participants: 0.65, gross_rate: 0.25, net_effect: 0.16 },
      ],
    });
    expect(s.source).toBe('effect');
    expect(s.variable).toBe('employed_last_2y');
    expect(s.subgroups.map((g) => g.id)).toEqual(['employed_last_2y=1', 'employed_last_2y=0']);
  });
  it('falls back to the planned subgroups, then to none', () => {
    expect(selectSubgroups(p, base)).toMatchObject({ source: 'parameters', variable: null });
    const { assumed_effect: _a, ...noPlan } = p;
    expect(selectSubgroups({ ...noPlan }, base)).toMatchObject({ source: 'none', subgroups: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { files } from '../ingest/fixtures.js';
import { specDir } from '../ingest/helpers.js';

describe('subgroups', () => {
  it('a level that only participants have is left out with a warning, not a failed run', async () => {
    // Participants in Herning and Viborg; every control in Herning.
    const controls = 'person_id,municipality,matched_to,age\nK1,Herning,P1,41\nK2,Herning,P2,50\nK3,Herning,,60\n';
    const { evaluation } = await evaluate(specDir(files({ 'controls.csv': controls }), { subgroups: ['municipality'] }), { boschloo: false });
    expect(evaluation.subgroups.map((s) => [s.variable, s.level, s.participants, s.controls])).toEqual([['municipality', 'Herning', 1, 3]]);
    expect(evaluation.reconciliation.warnings).toContainEqual({ code: 'subgroup_without_controls', params: { variable: 'municipality', level: 'Viborg' } });
  });
});

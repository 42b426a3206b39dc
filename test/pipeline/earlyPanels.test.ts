import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EffektError } from '../../src/errors.js';
import { readCohort } from '../../src/ingest/index.js';
import type { EarlyControls } from '../../src/ingest/cohort.js';
import { followUpList, followUpsOf } from '../../src/outcomes/index.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { loadSpec } from '../../src/spec/load.js';
import { Random } from '../../src/util/random.js';
import { mutate } from '../support/mutate.js';
import { EXAMPLE, specDir } from '../ingest/helpers.js';
import { files, PARTICIPANTS } from '../ingest/fixtures.js';

/**
 * With reading threads, `evaluate` starts the panels before the controls' records are made
 * and checked, from the controls file's columns (readCohort's `early`). These tests hold it
 * to what the records give: the same follow-up months and ids, and the same end (result or
 * error message) as the run that starts the panels after the cohort.
 */
async function earlyOf(loaded: ReturnType<typeof loadSpec>): Promise<{ view: EarlyControls | null; cohort: Awaited<ReturnType<typeof readCohort>>['cohort'] }> {
  let view: EarlyControls | null = null;
  const { cohort } = await readCohort(loaded, {}, async (v) => {
    view = v;
  });
  return { view, cohort };
}

const early = { threads: 2, parallelMinBytes: 0, boschloo: false } as const;

describe('panels started before the controls are checked', () => {
  it('get the follow-up months and ids the records give (matched controls, reference dates, the participants’ mean end date)', async () => {
    const controls = [
      'person_id,municipality,matched_to,reference_end_date,age',
      'K1,Herning,P1,,41',
      'K2,Viborg,P2,2022-05-31,50',
      'K3,Viborg,,,60',
      'K5,Herning,,2022-02-01,62',
      'K7,Viborg,P1,2022-05-31,44',
    ].join('\n');
    const cases = [loadSpec(join(EXAMPLE, 'evaluation.json')), specDir(files()), specDir(files({ 'controls.csv': controls + '\n' }))];
    for (const loaded of cases) {
      const { view, cohort } = await earlyOf(loaded);
      expect(view).not.toBeNull();
      const v = view!;
      expect(followUpsOf(v.participants, v.dates, 2)).toEqual(followUpList(cohort, 2));
      // The months worked out once per distinct value of the coded columns are the row-by-row ones.
      expect(v.dates.coded).toBeDefined();
      expect(followUpsOf(v.participants, v.dates, 2)).toEqual(followUpsOf(v.participants, { ...v.dates, coded: undefined }, 2));
      expect(cohort.controls.map((_, r) => v.ids(r))).toEqual(cohort.controls.map((c) => c.id));
    }
  });

  it('are not started when a control’s id is blank or a reference date does not read; the error is the usual one', async () => {
    for (const controls of ['person_id,municipality,matched_to\nK1,Herning,P1\n,Viborg,P2\n', 'person_id,municipality,reference_end_date\nK1,Herning,2022-03-15\nK2,Viborg,2022-13-40\n']) {
      const loaded = specDir(files({ 'controls.csv': controls }));
      let called = false;
      await expect(
        readCohort(loaded, {}, async () => {
          called = true;
        }),
      ).rejects.toThrow(EffektError);
      expect(called).toBe(false);
    }
  });

  it('end as the run that starts them after the cohort, on 300 seeded mutations of the cohort files', async () => {
    const rng = new Random(20261125);
    // Controls matched, with a reference date of their own, and neither.
    const base = files({ 'controls.csv': 'person_id,municipality,matched_to,reference_end_date,age\nK1,Herning,P1,,41\nK2,Viborg,P2,2022-04-30,50\nK3,Viborg,,,60\n' });
    const loaded = specDir(base);
    const dir = loaded.dir;
    const ending = async (options: Parameters<typeof evaluate>[1]): Promise<string> => {
      try {
        const { evaluation } = await evaluate(loaded, options);
        return JSON.stringify(evaluation);
      } catch (e) {
        if (!(e instanceof EffektError)) throw e;
        return JSON.stringify({ error: e.line, details: e.details });
      }
    };
    const seen = { results: 0, errors: 0, early: 0 };
    for (let run = 0; run < 300; run++) {
      const name = rng.chance(0.7) ? 'controls.csv' : 'participants.csv';
      writeFileSync(join(dir, 'participants.csv'), PARTICIPANTS);
      writeFileSync(join(dir, 'controls.csv'), base['controls.csv']!);
      writeFileSync(join(dir, name), mutate(rng, Buffer.from(base[name]!)));
      const after = await ending({ boschloo: false });
      if (run === 0) expect(JSON.parse(after).follow_up.control_rule).toEqual({ matched_participant: 1, reference_end_date: 1, participants_mean_end_date: 1 });
      const events: string[] = [];
      const before = await ending({ ...early, onQueued: (role) => events.push(role), onStage: (stage) => events.push(stage) });
      const queued = events.indexOf('benefits');
      const cohortRead = events.indexOf('cohort');
      if (queued >= 0 && (cohortRead < 0 || queued < cohortRead)) seen.early++;
      expect(before, `run ${run} (${name})`).toBe(after);
      if (after.startsWith('{"error"')) seen.errors++;
      else seen.results++;
    }
    // Both kinds of ending occur, or the comparison says little.
    expect(seen.results).toBeGreaterThan(30);
    expect(seen.errors).toBeGreaterThan(30);
    // Runs that started the panels early (143 of the 300, 60 of which then stopped at a cohort error): the others stopped before the controls, or could not start early (a blank id, an unreadable reference date).
    expect(seen.early).toBeGreaterThan(100);
  });
});

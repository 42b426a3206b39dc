import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, moverDifference, parseBaseline } from '../../src/check/index.js';
import { EffektError } from '../../src/errors.js';
import { wilson } from '../../src/stats/index.js';
import { examplePersons, loadedSpec, runFor } from './fixtures.js';

interface RefTable {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  confidence: number;
  newcombe: [number, number];
}
const reference = JSON.parse(readFileSync(new URL('../reference/stats.json', import.meta.url), 'utf8')) as { tables: RefTable[] };

describe('MOVER difference of two estimates', () => {
  it("reproduces R's Newcombe interval from the two Wilson intervals (Newcombe's method 10 is MOVER)", () => {
    for (const t of reference.tables.filter((r) => Math.abs(r.confidence - 0.95) < 1e-12 && r.n1 <= 100 && r.n2 <= 1000)) {
      const w1 = wilson(t.x1, t.n1, 0.95).ci;
      const w2 = wilson(t.x2, t.n2, 0.95).ci;
      const ci = moverDifference(t.x1 / t.n1, w1, t.x2 / t.n2, w2);
      const err = Math.max(Math.abs(ci[0] - t.newcombe[0]), Math.abs(ci[1] - t.newcombe[1]));
      expect(err, `${t.x1}/${t.n1} vs ${t.x2}/${t.n2}: ${ci} vs R ${t.newcombe}, tol 1e-9`).toBeLessThan(1e-9);
    }
  });
});

describe('comparison with a previous cohort', () => {
  const loaded = loadedSpec({});
  const { evaluation } = runFor(loaded, examplePersons());
  const asBaseline = (o: typeof evaluation.outcomes) => parseBaseline({ name: 'same', confidence: 0.95, outcomes: o }, 'prev.json');

  it('the same cohort again: every change is 0 and nothing is flagged', () => {
    const c = compareWithBaseline(evaluation.outcomes, 0.95, asBaseline(evaluation.outcomes));
    expect(c.changes).toHaveLength(6);
    for (const ch of c.changes) {
      expect(ch.change).toBe(0);
      expect(ch.ci[0]).toBeLessThan(0);
      expect(ch.ci[1]).toBeGreaterThan(0);
    }
    expect(c.flagged).toBe(0);
  });

  it('a much better previous cohort: the fall is flagged; a suppressed measure is a note', () => {
    const prev = {
      ordinary_employment: { participants: { share: 0.7, ci: [0.6, 0.78] }, controls: { share: null, ci: null }, difference: { estimate: 0.53, ci: [0.42, 0.62] } },
    };
    const c = compareWithBaseline(evaluation.outcomes, 0.95, parseBaseline({ confidence: 0.95, outcomes: prev }, 'prev.json'));
    const net = c.changes.find((x) => x.outcome === 'ordinary_employment' && x.measure === 'net_effect')!;
    expect(net.change).toBeLessThan(0);
    expect(net.flagged).toBe(true);
    expect(c.notes).toContain('ordinary_employment.controls_share: suppressed or missing in the baseline');
    expect(c.notes).toContain('self_supporting_or_education: not in the baseline');
  });

  it('different confidence levels or a foreign file are input errors', () => {
    expect(() => compareWithBaseline(evaluation.outcomes, 0.95, parseBaseline({ confidence: 0.9, outcomes: {} }, 'prev.json'))).toThrow(EffektError);
    expect(() => parseBaseline({ hello: 1 }, 'prev.json')).toThrow(/not an effect.json/);
    expect(() => parseBaseline({ confidence: 0.95, outcomes: { a: { participants: {} } } }, 'prev.json')).toThrow(/outcomes\.a\.participants/);
  });
});

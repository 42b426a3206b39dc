import { describe, expect, it } from 'vitest';
import { compareProportions, fisherExact, miettinenNurminen, newcombe, wilson, zTest } from '../../src/stats/index.js';
import { EffektError } from '../../src/errors.js';

/** Every number anywhere in a record (to check that nothing is NaN). */
function numbers(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.flatMap(numbers);
  if (v && typeof v === 'object') return Object.values(v).flatMap(numbers);
  return [];
}

describe('compareProportions', () => {
  it('has the JSON shape of effekt compare --json and reuses the single functions', () => {
    const c = compareProportions(15, 56, 73, 560);
    expect(Object.keys(c).sort()).toEqual(['alternative', 'confidence', 'controls', 'difference', 'notes', 'odds_ratio', 'participants', 'relative_risk', 'tests'].sort());
    expect(Object.keys(c.tests).sort()).toEqual(['boschloo', 'fisher', 'z', 'z_corrected']);
    expect(Object.keys(c.difference.ci).sort()).toEqual(['agresti_caffo', 'miettinen_nurminen', 'newcombe', 'wald']);
    expect(c.participants).toEqual({ events: 15, n: 56, share: 15 / 56, ci: wilson(15, 56).ci });
    expect(c.difference.ci.newcombe).toEqual(newcombe(15, 56, 73, 560).ci);
    expect(c.difference.ci.miettinen_nurminen).toEqual(miettinenNurminen(15, 56, 73, 560).ci);
    expect(c.tests.z.p).toBe(zTest(15, 56, 73, 560).p);
    expect(c.tests.z_corrected.p).toBe(zTest(15, 56, 73, 560, { correct: true }).p);
    expect(c.tests.fisher.p).toBe(fisherExact(15, 56, 73, 560).p);
    expect(c.notes).toEqual([]);
  });

  it('applies the alternative to the tests but keeps two-sided intervals', () => {
    const c = compareProportions(15, 56, 73, 560, { alternative: 'greater' });
    expect(c.tests.fisher.p).toBe(fisherExact(15, 56, 73, 560, { alternative: 'greater' }).p);
    expect(c.tests.fisher.ci).toEqual(fisherExact(15, 56, 73, 560).ci);
    expect(c.difference.ci.newcombe).toEqual(newcombe(15, 56, 73, 560).ci);
  });

  it.each([
    [0, 10, 0, 20],
    [10, 10, 20, 20],
    [0, 1, 0, 1],
    [1, 1, 0, 1],
    [56, 56, 0, 560],
  ])('degenerate %i/%i vs %i/%i: defined, no NaN, explained', (x1, n1, x2, n2) => {
    const c = compareProportions(x1, n1, x2, n2);
    for (const v of numbers(c)) expect(Number.isNaN(v)).toBe(false);
    expect(c.notes.length).toBeGreaterThan(0);
  });

  it('both groups all-failure: tests give p = 1', () => {
    const c = compareProportions(0, 10, 0, 20);
    expect([c.tests.z.p, c.tests.z_corrected.p, c.tests.fisher.p, c.tests.boschloo?.p]).toEqual([1, 1, 1, 1]);
    expect(c.difference.estimate).toBe(0);
  });

  it('skips Boschloo when asked (or above the size cap) with a note', () => {
    expect(compareProportions(15, 56, 73, 560, { boschloo: false }).tests.boschloo).toBeUndefined();
    const big = compareProportions(15, 56, 73, 560, { boschlooMaxN: 100 });
    expect(big.tests.boschloo).toBeUndefined();
    expect(big.notes.join()).toMatch(/boschloo/);
  });

  it('rejects invalid counts as user errors (exit 2)', () => {
    expect(() => compareProportions(57, 56, 1, 10)).toThrow(EffektError);
    expect(() => compareProportions(1, 0, 1, 10)).toThrow(/group size must be a positive integer/);
    expect(() => compareProportions(1.5, 10, 1, 10)).toThrow(/events must be an integer from 0 to 10/);
    expect(() => compareProportions(1, 10, 1, 10, { confidence: 1 })).toThrow(/confidence/);
  });
});

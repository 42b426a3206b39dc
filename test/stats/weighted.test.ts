import { describe, expect, it } from 'vitest';
import { holm, kishEffectiveSize, weightedDifference, weightedShare } from '../../src/stats/index.js';
import { expectClose, expectCloseAll, field, loadReference, toNumber, toNumbers, type Json } from './reference.js';

const ref = loadReference('stats.json');

describe('weighted shares against sandwich::vcovHC(lm(..., weights))', () => {
  const sets = ref.weighted as Json[];
  if (sets.length === 0) it.skip('sandwich was not installed when the fixture was written', () => {});
  for (const s of sets) {
    const name = field(s, 'name') as string;
    const y1 = toNumbers(field(s, 'y1'));
    const y2 = toNumbers(field(s, 'y2'));
    const w2 = toNumbers(field(s, 'w2'));
    const w1 = y1.map(() => 1);
    it(name, () => {
      const share = field(s, 'share');
      const a = weightedShare(y2, w2);
      expectClose(a.estimate, toNumber(field(share, 'estimate')), `${name} share`);
      expectClose(a.se, toNumber(field(share, 'se_hc0')), `${name} HC0`);
      expectClose(weightedShare(y2, w2, { type: 'HC1' }).se, toNumber(field(share, 'se_hc1')), `${name} HC1`);
      expectClose(a.n_eff, toNumber(field(share, 'n_eff')), `${name} Kish n`);
      expectClose(kishEffectiveSize(w2), toNumber(field(share, 'n_eff')), `${name} Kish n`);
      expectCloseAll(a.ci, toNumbers(field(share, 'ci')), `${name} Wilson at Kish n`);
      const diff = field(s, 'difference');
      const d = weightedDifference(y1, w1, y2, w2);
      expectClose(d.estimate, toNumber(field(diff, 'estimate')), `${name} difference`);
      expectClose(d.se, toNumber(field(diff, 'se_hc0')), `${name} difference HC0`);
      expectClose(weightedDifference(y1, w1, y2, w2, { type: 'HC1' }).se, toNumber(field(diff, 'se_hc1')), `${name} difference HC1`);
    });
  }

  it('zero variation: single-point interval with a note; bad input rejected', () => {
    const d = weightedDifference([1, 1], [1, 1], [0, 0, 0], [0.5, 1, 2]);
    expect(d.ci).toEqual([1, 1]);
    expect(d.note).toMatch(/single point/);
    expect(weightedShare([0, 0], [1, 2]).ci[0]).toBe(0);
    expect(() => weightedShare([0, 2], [1, 1])).toThrow(/0 or 1/);
    expect(() => weightedShare([0, 1], [1, -1])).toThrow(/positive/);
  });
});

describe('Holm against R p.adjust', () => {
  for (const c of ref.holm as Json[]) {
    const p = toNumbers(field(c, 'p'));
    it(JSON.stringify(field(c, 'p')), () => {
      const expected = toNumbers(field(c, 'adjusted'));
      const actual = holm(p);
      actual.forEach((v, i) => {
        if (Number.isNaN(expected[i] as number)) expect(v).toBeNaN();
        else expectClose(v, expected[i] as number, `holm[${i}]`);
      });
    });
  }
});

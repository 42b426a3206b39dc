import { describe, expect, it } from 'vitest';
import { boschloo, type Alternative } from '../../src/stats/index.js';
import { expectClose, field, loadReference, toNumber, type Json } from './reference.js';

const ref = loadReference('boschloo.json');
const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'greater', 'less'];
/** The tolerance for Boschloo against scipy's objective maximised on a fine grid. */
const FINE = { rel: 1e-6, abs: 1e-12 };

describe('Boschloo against scipy.stats.boschloo_exact (test/reference/boschloo.py)', () => {
  for (const t of ref.tables as Json[]) {
    const [x1, n1, x2, n2] = ['x1', 'n1', 'x2', 'n2'].map((k) => toNumber(field(t, k))) as [number, number, number, number];
    for (const alternative of ALTERNATIVES) {
      it(`${x1}/${n1} vs ${x2}/${n2}, ${alternative}`, () => {
        const r = field(t, alternative);
        const mine = boschloo(x1, n1, x2, n2, { alternative });
        // The supremum over the nuisance parameter, found on scipy's own objective with a fine grid.
        expectClose(mine.p, toNumber(field(r, 'fine')), `${x1}/${n1} vs ${x2}/${n2} ${alternative} p vs fine grid`, FINE);
        // scipy's default search (shgo, 32 points) can only fall short of the supremum, never exceed it.
        const scipy = toNumber(field(r, 'scipy'));
        expect(mine.p, `p ${mine.p} below scipy's ${scipy}`).toBeGreaterThanOrEqual(scipy * (1 - 1e-9));
        expectClose(mine.statistic, toNumber(field(r, 'statistic')), `${x1}/${n1} vs ${x2}/${n2} ${alternative} Fisher statistic`);
      });
    }
  }
});

/** Guided scheduling of panel ranges: shrinking ranges that cover the file exactly, cut only where splitAtLines cut. */
import { describe, expect, it } from 'vitest';
import { guided } from '../../src/ingest/panelRun.js';

describe('guided', () => {
  it('groups sixteen parts for two threads as 4, 3, 3, 2, 1, 1, 1, 1', () => {
    const cuts = Array.from({ length: 17 }, (_, k) => 100 + k * 10);
    const ranges = guided(cuts, 2);
    expect(ranges.slice(1).map((c, k) => (c - ranges[k]!) / 10)).toEqual([4, 3, 3, 2, 1, 1, 1, 1]);
  });

  it('keeps the first and last cut, uses only given cuts, and never grows a later range, for 1 to 40 parts and 1 to 4 threads', () => {
    for (let parts = 1; parts <= 40; parts++) {
      const cuts = Array.from({ length: parts + 1 }, (_, k) => k * 7);
      for (let threads = 1; threads <= 4; threads++) {
        const ranges = guided(cuts, threads);
        const where = `${parts} parts, ${threads} threads`;
        expect(ranges[0], where).toBe(0);
        expect(ranges.at(-1), where).toBe(parts * 7);
        for (const c of ranges) expect(cuts, where).toContain(c);
        const sizes = ranges.slice(1).map((c, k) => c - ranges[k]!);
        for (let k = 1; k < sizes.length; k++) expect(sizes[k]!, where).toBeLessThanOrEqual(sizes[k - 1]!);
        expect(sizes.every((s) => s > 0), where).toBe(true);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { Random } from '../../src/util/random.js';

/*
 * Reference stream: the authors' xoshiro128starstar.c (https://prng.di.unimi.it/xoshiro128starstar.c)
 * with state {1, 2, 3, 4}, compiled with `gcc -O2` and printing next() six times:
 *
 *   static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
 *   uint32_t next(void) {
 *     const uint32_t result = rotl(s[1] * 5, 7) * 9;
 *     const uint32_t t = s[1] << 9;
 *     s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
 *     s[2] ^= t; s[3] = rotl(s[3], 11);
 *     return result;
 *   }
 */
const REFERENCE_1234 = [11520, 0, 5927040, 70819200, 2031721883, 1637235492];

describe('Random (xoshiro128**)', () => {
  it('matches the reference C implementation from a known state', () => {
    const r = Random.fromState([1, 2, 3, 4]);
    const got = REFERENCE_1234.map(() => r.nextUint32());
    expect(got, `actual ${got.join(',')} expected ${REFERENCE_1234.join(',')}`).toEqual(REFERENCE_1234);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const sa = Array.from({ length: 20 }, () => a.nextFloat());
    const sb = Array.from({ length: 20 }, () => b.nextFloat());
    const sc = Array.from({ length: 20 }, () => c.nextFloat());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('nextFloat stays in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Random(1);
    const n = 100_000;
    let sum = 0;
    let sum2 = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.nextFloat();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sum2 += u * u;
    }
    expect(outside, `${outside} values outside [0,1), expected 0`).toBe(0);
    const mean = sum / n;
    const variance = sum2 / n - mean * mean;
    // 5 standard errors: sd(U)/sqrt(n) ≈ 0.00091 for the mean.
    expect(Math.abs(mean - 0.5), `mean ${mean}, expected 0.5 ± 0.0046`).toBeLessThan(0.0046);
    expect(Math.abs(variance - 1 / 12), `variance ${variance}, expected ${1 / 12} ± 0.002`).toBeLessThan(0.002);
  });

  it('int covers both bounds uniformly and rejects bad ranges', () => {
    const r = new Random(7);
    const counts = new Map<number, number>();
    const n = 60_000;
    for (let i = 0; i < n; i++) {
      const k = r.int(-2, 3);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
    for (const [k, c] of counts) {
      // expected 10,000 each; binomial sd ≈ 91, allow 5 sd.
      expect(Math.abs(c - n / 6), `count of ${k} = ${c}, expected ${n / 6} ± 456`).toBeLessThan(456);
    }
    expect(r.int(5, 5)).toBe(5);
    expect(() => r.int(3, 2)).toThrow(RangeError);
    expect(() => r.int(0.5, 2)).toThrow(RangeError);
  });

  it('normal has mean 0, sd 1 and normal tail mass', () => {
    const r = new Random(11);
    const n = 100_000;
    let sum = 0;
    let sum2 = 0;
    let beyond196 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sum2 += z * z;
      if (Math.abs(z) > 1.959964) beyond196++;
    }
    const mean = sum / n;
    const sd = Math.sqrt(sum2 / n - mean * mean);
    expect(Math.abs(mean), `mean ${mean}, expected 0 ± 0.016`).toBeLessThan(0.016);
    expect(Math.abs(sd - 1), `sd ${sd}, expected 1 ± 0.012`).toBeLessThan(0.012);
    // P(|Z| > 1.96) = 0.05; binomial sd ≈ 0.00069, allow 5 sd.
    expect(Math.abs(beyond196 / n - 0.05), `tail share ${beyond196 / n}, expected 0.05 ± 0.0035`).toBeLessThan(0.0035);
    const r2 = new Random(11);
    expect(r2.normal(10, 2)).toBeCloseTo(10 + 2 * new Random(11).normal(), 12);
  });

  it('shuffle returns a permutation in place; every position is reachable', () => {
    const r = new Random(3);
    const arr = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = r.shuffle(arr);
    expect(out).toBe(arr);
    expect([...out].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const firstSeen = new Set<number>();
    for (let i = 0; i < 200; i++) firstSeen.add(r.shuffle([1, 2, 3, 4])[0]!);
    expect([...firstSeen].sort()).toEqual([1, 2, 3, 4]);
  });

  it('pick returns members and rejects an empty array', () => {
    const r = new Random(5);
    const items = ['a', 'b', 'c'] as const;
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) seen.add(r.pick(items));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => r.pick([])).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { FirstLines } from '../../src/ingest/firstLines.js';
import { Random } from '../../src/util/random.js';

describe('FirstLines (duplicate ids in a cohort file)', () => {
  it('answers as a Map does, on 50,000 seeded draws from 5,000 strings (ASCII, Danish letters, astral, empty)', () => {
    const rng = new Random(9);
    const alphabet = ['K', 'P', '0', '1', '7', 'æ', 'Ø', 'å', ' ', '😀'];
    const pool = Array.from({ length: 5_000 }, () => Array.from({ length: rng.int(0, 8) }, () => rng.pick(alphabet)).join(''));
    const table = new FirstLines(50_000);
    const reference = new Map<string, number>();
    for (let line = 1; line <= 50_000; line++) {
      // A fresh string with the same content each time, as decoding a file gives.
      const key = [...rng.pick(pool)].join('');
      const expected = reference.get(key) ?? -1;
      if (expected < 0) reference.set(key, line);
      expect(table.firstOrAdd(key, line), JSON.stringify(key)).toBe(expected);
    }
    expect([...table.entries()]).toEqual([...reference.entries()]);
  });

  it('refuses more strings than it was made for, rather than loop', () => {
    const table = new FirstLines(3);
    for (let i = 0; i < 4; i++) table.firstOrAdd(`K${i}`, i);
    expect(() => {
      for (let i = 4; i < 10; i++) table.firstOrAdd(`K${i}`, i);
    }).toThrow(/more than 8 strings/);
  });
});

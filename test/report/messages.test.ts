import { describe, expect, it } from 'vitest';
import { da } from '../../src/report/messages/da.js';
import { en } from '../../src/report/messages/en.js';

/** Every key path of a message module (functions and strings are leaves). */
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}${SEP}${k}` : k)).sort();
}

/** Key paths are joined with a character no key contains (some keys are dotted parameter paths). */
const SEP = '›';

function leaf(obj: unknown, path: string): unknown {
  return path.split(SEP).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

describe('message modules', () => {
  it('da and en have exactly the same keys', () => {
    const a = keys(da);
    const b = keys(en);
    expect(a.filter((k) => !b.includes(k)), 'keys missing in en').toEqual([]);
    expect(b.filter((k) => !a.includes(k)), 'keys missing in da').toEqual([]);
  });

  it('each key has the same kind (text, function of the same arity, list of the same length) in both', () => {
    for (const k of keys(da)) {
      const x = leaf(da, k);
      const y = leaf(en, k);
      expect(typeof y, k).toBe(typeof x);
      if (typeof x === 'function' && typeof y === 'function') expect(y.length, k).toBe(x.length);
      if (Array.isArray(x)) expect((y as unknown[]).length, k).toBe(x.length);
    }
  });

  it('no text is empty and no Danish text is left in English (spot check of Danish letters)', () => {
    for (const k of keys(en)) {
      const y = leaf(en, k);
      if (typeof y === 'string') {
        expect(y.length, k).toBeGreaterThan(0);
        expect(/[æøåÆØÅ]/.test(y), `${k}: ${y}`).toBe(false);
      }
    }
  });
});

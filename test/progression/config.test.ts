import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EffektError } from '../../src/errors.js';
import { loadBipConfig, parseBipConfig } from '../../src/progression/index.js';

const base = {
  name: 'x',
  scale: { min: 1, max: 5 },
  indicators: [{ id: 'a', label: { da: 'A', en: 'A' } }],
  items: [{ column: 'bip_a', indicator: 'a', label: { da: 'A', en: 'A' }, direction: 'higher_is_better' }],
};

function message(raw: unknown): string {
  try {
    parseBipConfig(raw, 'bip.json');
  } catch (err) {
    if (err instanceof EffektError) return err.line;
    throw err;
  }
  return '(no error)';
}

describe('BIP item configuration', () => {
  it('loads the committed configuration', () => {
    const cfg = loadBipConfig(fileURLToPath(new URL('../../data/config/bip-items.json', import.meta.url)));
    expect(cfg.indicators.filter((i) => i.job_predictive).map((i) => i.id)).toEqual(['cooperation', 'health_coping', 'job_self_efficacy']);
    expect(cfg.items.some((i) => i.direction === 'lower_is_better')).toBe(true);
  });

  it('defaults job_predictive to false', () => {
    expect(parseBipConfig(base, 'bip.json').indicators[0]!.job_predictive).toBe(false);
  });

  it('rejects items of unknown indicators, duplicate and reserved columns, empty indicators, bad scales', () => {
    expect(message({ ...base, items: [{ ...base.items[0], indicator: 'zz' }] })).toContain('items.0.indicator: unknown indicator zz');
    expect(message({ ...base, items: [base.items[0], base.items[0]] })).toContain('items.1.column: column bip_a is listed twice');
    expect(message({ ...base, items: [{ ...base.items[0], column: 'who5_1' }] })).toContain('column who5_1 is reserved');
    expect(message({ ...base, indicators: [...base.indicators, { id: 'b', label: { da: 'B', en: 'B' } }] })).toContain('indicator b has no items');
    expect(message({ ...base, scale: { min: 5, max: 1 } })).toContain('scale.max must be greater than scale.min');
    expect(message({ ...base, items: [{ ...base.items[0], direction: 'up' }] })).toContain('items.0.direction');
    expect(message({ ...base, extra: 1 })).toMatch(/^bip\.json: invalid BIP item configuration/);
  });
});

import { describe, expect, it } from 'vitest';
import { discountFactors, rateBands, rateForYear } from '../../src/economics/discounting.js';
import { effectWeights } from '../../src/economics/effectPath.js';
import { REF, expectClose } from './helpers.js';

describe('discounting (Finance Ministry schedules)', () => {
  const years = REF.discount_factors.years;
  for (const [id, rate] of [['fm2017', undefined], ['fm2021', undefined], ['custom_0.05', 0.05]] as const) {
    it(`${id} matches the closed-form factors from the scipy generator`, () => {
      const schedule = id.startsWith('custom') ? 'custom' : (id as 'fm2017' | 'fm2021');
      const df = discountFactors(rateBands(schedule, rate), 100);
      years.forEach((t, i) => expectClose(`${id} DF(${t})`, df[t], REF.discount_factors[id][i]!, 1e-13, true));
    });
  }

  it('hand-computed values: 4 % for years 1-35, then 3 %, then 2 %', () => {
    const df = discountFactors(rateBands('fm2017'), 72);
    expectClose('DF(0)', df[0], 1, 0);
    expectClose('DF(1) = 1/1.04', df[1], 0.9615384615384616, 1e-15);
    expectClose('DF(2) = 1/1.0816', df[2], 0.9245562130177515, 1e-15);
    // year 36 is the first year of the 3 % band: DF(36) = DF(35) / 1.03
    expectClose('DF(36)/DF(35) = 1/1.03', df[36]! / df[35]!, 1 / 1.03, 1e-15);
    expectClose('DF(71)/DF(70) = 1/1.02', df[71]! / df[70]!, 1 / 1.02, 1e-15);
    expect(rateForYear(rateBands('fm2021'), 35)).toBe(0.035);
    expect(rateForYear(rateBands('fm2021'), 36)).toBe(0.025);
    expect(rateForYear(rateBands('fm2021'), 71)).toBe(0.015);
  });

  it('effect path: constant for k years, then falling by d a year; nothing in year 0', () => {
    const w = effectWeights(2, 0.15, 5);
    expect(Array.from(w)).toEqual([0, 1, 1, 0.85, 0.85 ** 2, 0.85 ** 3]);
    expect(Array.from(effectWeights(0, 0.5, 2))).toEqual([0, 0.5, 0.25]);
  });
});

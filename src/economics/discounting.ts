import type { DiscountScheduleId } from './schema.js';

/** One band of a stepped discount-rate schedule: `rate` applies to years `from_year`..`to_year`. */
export interface RateBand {
  readonly from_year: number;
  readonly to_year: number | null;
  readonly rate: number;
}

/**
 * The Finance Ministry's stepped schedules (Finansministeriet, Vejledning i samfundsøkonomiske
 * konsekvensvurderinger, 2017: 4 % for years 0–35, 3 % for 36–70, 2 % after; lowered in 2021 to
 * 3.5 / 2.5 / 1.5 %, kept in the 2023 edition), or one flat custom rate.
 */
export function rateBands(schedule: DiscountScheduleId, customRate?: number): readonly RateBand[] {
  const steps = (a: number, b: number, c: number): RateBand[] => [
    { from_year: 0, to_year: 35, rate: a },
    { from_year: 36, to_year: 70, rate: b },
    { from_year: 71, to_year: null, rate: c },
  ];
  switch (schedule) {
    case 'fm2017':
      return steps(0.04, 0.03, 0.02);
    case 'fm2021':
      return steps(0.035, 0.025, 0.015);
    case 'custom':
      if (customRate === undefined) throw new RangeError('rateBands: custom schedule needs a rate');
      return [{ from_year: 0, to_year: null, rate: customRate }];
  }
}

/** The rate that discounts year `t` back to year t−1. */
export function rateForYear(bands: readonly RateBand[], t: number): number {
  for (const b of bands) if (t >= b.from_year && (b.to_year === null || t <= b.to_year)) return b.rate;
  throw new RangeError(`rateForYear: no band covers year ${t}`);
}

/**
 * Discount factors DF(0..horizon) with DF(0) = 1 and DF(t) = DF(t−1) / (1 + r_t), where r_t is
 * the rate of the band containing year t. A stepped schedule thus compounds: the 3 % band
 * discounts from year 35's value onward (the guidance's reading), not 1.03^−t from year 0.
 */
export function discountFactors(bands: readonly RateBand[], horizon: number): Float64Array {
  const df = new Float64Array(horizon + 1);
  df[0] = 1;
  for (let t = 1; t <= horizon; t++) df[t] = df[t - 1]! / (1 + rateForYear(bands, t));
  return df;
}

import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatMonth, isoWeekOfDays, isoWeeksInYear, isoDateFromDays, monthOfIsoWeek, thursdayOfIsoWeek } from '../../src/util/months.js';

// Expected values checked against `date -d` / ISO 8601 calendars.
describe('ISO weeks and months', () => {
  it('puts a week in the month of its Thursday', () => {
    // 2022-W13 runs Mon 28 March – Sun 3 April; its Thursday is 31 March → March.
    expect(formatMonth(monthOfIsoWeek(2022, 13))).toBe('2022-03');
    // 2022-W09 runs Mon 28 Feb – Sun 6 March; Thursday 3 March → March.
    expect(formatMonth(monthOfIsoWeek(2022, 9))).toBe('2022-03');
    // 2020-W53 has its Thursday on 31 December 2020 → December 2020.
    expect(formatMonth(monthOfIsoWeek(2020, 53))).toBe('2020-12');
    // 2025-W01 starts Mon 30 Dec 2024; Thursday 2 January 2025 → January 2025.
    expect(formatMonth(monthOfIsoWeek(2025, 1))).toBe('2025-01');
  });
  it('finds the Thursday of a week and the week of a day', () => {
    expect(isoDateFromDays(thursdayOfIsoWeek(2022, 14))).toBe('2022-04-07');
    expect(isoWeekOfDays(daysFromCivil(2021, 1, 3))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOfDays(daysFromCivil(2024, 12, 30))).toEqual({ year: 2025, week: 1 });
  });
  it('knows 53-week years', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2015)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
    expect(isoWeeksInYear(2026)).toBe(53);
  });
  it('round-trips days and civil dates', () => {
    for (const z of [-1, 0, 59, 11016, 19000, 20000]) expect(daysFromCivil(...(isoDateFromDays(z).split('-').map(Number) as [number, number, number]))).toBe(z);
  });
});

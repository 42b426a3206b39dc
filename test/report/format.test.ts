import { describe, expect, it } from 'vitest';
import { formatter, roundFixed } from '../../src/report/format.js';

const da = formatter('da');
const en = formatter('en');

describe('number formatting', () => {
  it('Danish: decimal comma, "." thousands, pct., procentpoint, kr.', () => {
    expect(da.num(1234567.891, 2)).toBe('1.234.567,89');
    expect(da.pct(15 / 56)).toBe('27 pct.');
    expect(da.pp(0.1375)).toBe('14 procentpoint');
    expect(da.ppRange([0.0346, 0.2681])).toBe('3 til 27');
    expect(da.kr(28353.2)).toBe('28.353 kr.');
    expect(da.p(0.00862794)).toBe('0,009');
    expect(da.p(0.4193)).toBe('0,42');
    expect(da.p(0.0004)).toBe('< 0,001');
    expect(da.month('2022-05')).toBe('maj 2022');
    expect(da.level(0.95)).toBe('95\u00a0%');
  });

  it('English: decimal point, "," thousands, %, percentage points, DKK', () => {
    expect(en.num(1234567.891, 2)).toBe('1,234,567.89');
    expect(en.pct(15 / 56)).toBe('27%');
    expect(en.pp(0.1375)).toBe('14 percentage points');
    expect(en.pp(0.01)).toBe('1 percentage point');
    expect(en.ppRange([-0.0381, 0.1926])).toBe('\u22124 to 19');
    expect(en.kr(28353.2)).toBe('DKK 28,353');
    expect(en.month('2022-05')).toBe('May 2022');
  });

  it('rounds half away from zero on the decimal value and never prints −0', () => {
    expect(roundFixed(0.285, 2)).toBe('0.29');
    expect(roundFixed(-0.285, 2)).toBe('-0.29');
    expect(roundFixed(2.5, 0)).toBe('3');
    expect(da.num(-0.0004, 2)).toBe('0,00');
    expect(da.num(-12.5, 0)).toBe('\u221213');
  });
});

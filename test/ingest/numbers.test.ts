/**
 * Numbers in the register files (hours, income, weights, numeric covariates): a decimal mark
 * as the dialect says, no thousands separators, and an exponent as R's write.csv writes
 * large and small numbers (1e+05, 1e-04). The byte parser of the panels must read every
 * value exactly as the string parser of the cohort files does, and as JavaScript's Number.
 */
import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberBytes } from '../../src/ingest/values.js';
import { Random } from '../../src/util/random.js';

const MODES = ['.', ',', 'auto'] as const;

describe('numbers', () => {
  it.each([
    ['37', '.', 37],
    ['-12', '.', -12],
    ['+7', 'auto', 7],
    ['37.5', '.', 37.5],
    ['37,5', ',', 37.5],
    ['37,5', 'auto', 37.5],
    ['1e+05', '.', 100000],
    ['1e-04', '.', 0.0001],
    ['2.5E3', 'auto', 2500],
    ['1,5e3', ',', 1500],
    ['-1.25e-2', '.', -0.0125],
    ['123456789012345678', '.', 123456789012345678],
  ] as const)('%s (decimal %s) is %d', (text, decimal, value) => {
    expect(parseNumber(text, decimal)).toBe(value);
    expect(parseNumberBytes(Buffer.from(text), 0, text.length, decimal)).toBe(value);
  });

  it.each([['37,5', '.'], ['37.5', ','], ['1e', '.'], ['1e+', '.'], ['e5', '.'], ['1.e5', '.'], ['.5', '.'], ['1 000', '.'], ['1.000,5', 'auto'], ['0x10', '.'], ['Infinity', '.'], ['', '.'], ['1e5.5', '.']] as const)(
    '%s (decimal %s) is not a number',
    (text, decimal) => {
      expect(parseNumber(text, decimal)).toBeNaN();
      expect(parseNumberBytes(Buffer.from(text), 0, text.length, decimal)).toBeNaN();
    },
  );

  it('the byte parser agrees with the string parser on 30,000 seeded random strings', () => {
    const rng = new Random(77);
    const alphabet = ['0', '1', '5', '9', '.', ',', 'e', 'E', '+', '-', ' '];
    for (let n = 0; n < 30_000; n++) {
      const text = Array.from({ length: rng.int(1, 9) }, () => rng.pick(alphabet)).join('');
      const decimal = rng.pick(MODES);
      // The string parser gets the trimmed value, as the cohort reader hands it over.
      const a = parseNumber(text.trim(), decimal);
      const b = parseNumberBytes(Buffer.from(text), 0, text.length, decimal);
      if (!(Number.isNaN(a) && Number.isNaN(b))) expect(b, `${JSON.stringify(text)} (decimal ${decimal})`).toBe(a);
      if (!Number.isNaN(a)) expect(a).toBe(Number(text.trim().replace(',', '.')));
    }
  });
});

describe("R's NA in the panels", () => {
  it('reads NA as a blank code, a blank week and a blank number: the same panels as with blanks', async () => {
    const { ingestAll, specDir } = await import('./helpers.js');
    const { benefits, files, wages } = await import('./fixtures.js');
    // K1's codes are blank in the fixture; a blank week and blank hours are added too.
    const blanks = benefits() + 'K2,,130\n';
    const withNA = blanks.replaceAll(/,\n/g, ',NA\n').replace('K2,,130', 'K2,NA,130');
    expect(withNA).not.toBe(blanks);
    const wageBlanks = wages().replace('K1,2022-01,37,8000', 'K1,2022-01,,8000');
    const wageNA = wageBlanks.replace('K1,2022-01,,8000', 'K1,2022-01,NA,8000');
    const a = await ingestAll(specDir(files({ 'benefits_weekly.csv': blanks, 'wages_monthly.csv': wageBlanks })));
    const b = await ingestAll(specDir(files({ 'benefits_weekly.csv': withNA, 'wages_monthly.csv': wageNA })));
    expect(b.benefits.byPerson).toEqual(a.benefits.byPerson);
    expect(b.benefits.file).toEqual(a.benefits.file);
    expect(b.benefits.file.excluded.blank_week).toBe(1);
    expect(b.benefits.unknown_codes).toEqual([]);
    expect([...b.wages.byPerson.hours]).toEqual([...a.wages.byPerson.hours]);
  });
});

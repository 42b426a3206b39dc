/**
 * The benefit kernel's line-by-line path reads the week in each of its three plain
 * spellings (`2022-W14`, `2022W14`, DREAM's `202214`); anything else goes through the
 * general split. Both must give the same panel, and the same errors, for every spelling.
 */
import { describe, expect, it } from 'vitest';
import { errorOf, ingestAll, specDir } from './helpers.js';
import { benefits, files } from './fixtures.js';

const spell = (text: string, to: (year: string, week: string) => string): string => text.replace(/(\d{4})-W(\d\d)/g, (_, y: string, w: string) => to(y, w));
const SPELLINGS: Record<string, (y: string, w: string) => string> = {
  iso: (y, w) => `${y}-W${w}`,
  compact: (y, w) => `${y}W${w}`,
  dream: (y, w) => `${y}${w}`,
  lower: (y, w) => `${y}w${w}`, // not on the line-by-line path
  spaced: (y, w) => ` ${y}${w} `, // not on the line-by-line path
};

describe('week spellings in the benefit panel', () => {
  it('give the same panel and reconciliation in every spelling, with LF and CRLF', async () => {
    const reference = await ingestAll(specDir(files()));
    for (const [name, to] of Object.entries(SPELLINGS)) {
      for (const eol of ['\n', '\r\n']) {
        const panel = spell(benefits(), to).replaceAll('\n', eol);
        const r = await ingestAll(specDir(files({ 'benefits_weekly.csv': panel })));
        const what = `${name}, ${eol === '\n' ? 'LF' : 'CRLF'}`;
        expect(r.benefits.byPerson, what).toEqual(reference.benefits.byPerson);
        expect(r.benefits.file, what).toEqual(reference.benefits.file);
        expect(r.benefits.coverage, what).toEqual(reference.benefits.coverage);
      }
    }
  });

  it('reports a week that does not exist the same way in every plain spelling', async () => {
    // Week 53 of 2022 does not exist (2022 has 52 ISO weeks); week 00 never does.
    for (const [bad, shown] of [
      ['2022-W53', '2022-W53'],
      ['2022W53', '2022W53'],
      ['202253', '202253'],
      ['202200', '202200'],
    ] as const) {
      const lines = benefits().split('\n');
      lines[3] = lines[3]!.replace(/\d{4}-W\d\d/, bad);
      const e = await errorOf(ingestAll(specDir(files({ 'benefits_weekly.csv': lines.join('\n') }))));
      expect(e.line).toBe(`benefits_weekly.csv:4:2: cannot read week "${shown}" in column week (expected 2022-W14, 2022W14 or 202214)`);
    }
  });

  it('reads week 53 in a year that has one (2020), in DREAM spelling', async () => {
    const panel = ['person_id,week,benefit_code', 'P1,202053,651', ''].join('\n');
    const r = await errorOf(ingestAll(specDir(files({ 'benefits_weekly.csv': panel }))));
    // The file then covers only that week, which contains none of the follow-up months: a
    // different error, which shows the week itself was read.
    expect(r.line).toMatch(/^benefits_weekly\.csv: the file covers 2020-W53 to 2020-W53, which contains none of/);
  });
});

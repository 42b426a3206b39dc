import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EffektError } from '../../src/errors.js';
import { parseQuestionnaire, readQuestionnaire } from '../../src/progression/index.js';
import { HEADER, TEST_CONFIG } from './fixtures.js';
import { thrownEffektError } from '../support/thrown.js';

const errorOf = thrownEffektError;

describe('parseQuestionnaire', () => {
  it('reads the canonical layout', () => {
    const rows = parseQuestionnaire(`${HEADER}\nP1,start,2022-01-10,1,2,3,4,5,3,2,\nP1,end,2022-09-01,2,2,3,4,5,4,,\n`, 'q.csv', { config: TEST_CONFIG });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ personId: 'P1', wave: 'start', date: '2022-01-10', who5: [1, 2, 3, 4, 5], nonresponseReason: null, line: 2 });
    expect(rows[1]!.items).toEqual({ bip_a: '4', bip_b: '' });
    expect(rows[1]!.columns['bip_b']).toBe(10);
  });

  it('accepts a BOM, semicolons, CRLF, Danish dates, "slut" and whole numbers written 3,0', () => {
    const text = `\ufeff${HEADER.replaceAll(',', ';')}\r\nP1;start;10-01-2022;1;2;3;4;5;3,0;2;\r\nP1;slut;01.09.2022;2;2;3;4;5;4;1;\r\n`;
    const rows = parseQuestionnaire(text, 'q.csv', { config: TEST_CONFIG });
    expect(rows.map((r) => [r.wave, r.date])).toEqual([
      ['start', '2022-01-10'],
      ['end', '2022-09-01'],
    ]);
  });

  it('reports a WHO-5 answer out of range with file, line and column', () => {
    const e = errorOf(() => parseQuestionnaire(`${HEADER}\nP1,start,2022-01-10,1,2,7,4,5,3,2,\n`, 'q.csv'));
    expect(e.line).toBe('q.csv:2:6: who5_3 must be a whole number from 0 to 5 (or blank), got "7"');
    expect(e.exitCode).toBe(2);
  });

  it('checks BIP answers against the configured scale', () => {
    const e = errorOf(() => parseQuestionnaire(`${HEADER}\nP1,start,2022-01-10,1,2,3,4,5,6,2,\n`, 'q.csv', { config: TEST_CONFIG }));
    expect(e.line).toBe('q.csv:2:9: bip_a must be a whole number from 1 to 5 (or blank), got "6"');
  });

  it('collects several errors: bad wave, bad date, duplicate wave, end before start', () => {
    const text = [
      HEADER,
      'P1,middle,2022-01-10,1,2,3,4,5,3,2,',
      'P2,start,2022-02-30,1,2,3,4,5,3,2,',
      'P3,start,2022-03-01,1,2,3,4,5,3,2,',
      'P3,start,2022-03-02,1,2,3,4,5,3,2,',
      'P4,start,2022-05-01,1,2,3,4,5,3,2,',
      'P4,end,2022-04-01,1,2,3,4,5,3,2,',
    ].join('\n');
    const e = errorOf(() => parseQuestionnaire(text, 'q.csv'));
    expect([e.line, ...e.details]).toEqual([
      'q.csv:2:2: wave must be start or end (slut), got "middle"',
      'q.csv:3:3: cannot read date "2022-02-30" in column date (expected yyyy-mm-dd, dd-mm-yyyy or dd.mm.yyyy)',
      'q.csv:5:1: second start questionnaire for person P3 (first on line 4)',
      'q.csv:7:3: end questionnaire dated 2022-04-01 is before the start questionnaire (2022-05-01, line 6)',
    ]);
  });

  it('names missing columns, including configured BIP items, at the header line', () => {
    const e = errorOf(() => parseQuestionnaire('person_id,wave,date,who5_1,who5_2,who5_3,who5_4,who5_5,bip_a\n', 'q.csv', { config: TEST_CONFIG }));
    expect(e.line).toBe('q.csv:1: missing column "bip_b"; columns found: person_id, wave, date, who5_1, who5_2, who5_3, who5_4, who5_5, bip_a');
  });

  it('maps renamed columns', () => {
    const text = 'id,runde,dato,who5_1,who5_2,who5_3,who5_4,who5_5,a,b\nP1,start,2022-01-10,1,2,3,4,5,3,2\n';
    const rows = parseQuestionnaire(text, 'q.csv', { config: TEST_CONFIG, columns: { person_id: 'id', wave: 'runde', date: 'dato', bip_a: 'a', bip_b: 'b' } });
    expect(rows[0]).toMatchObject({ personId: 'P1', wave: 'start', items: { bip_a: '3', bip_b: '2' } });
  });
});

describe('readQuestionnaire', () => {
  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'effekt-q-'));
    const file = join(dir, 'q.csv');
    const text = `${HEADER}\nP1,end,,,,,,,,,udrejst til Sverige (\xe6\xf8\xe5)\n`;
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const rows = await readQuestionnaire(file, 'q.csv');
    expect(rows[0]!.nonresponseReason).toBe('udrejst til Sverige (æøå)');
  });

  it('uses the register reader: semicolons, BOM, Danish dates, and the spec can fix the date format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'effekt-q-'));
    const file = join(dir, 'q.csv');
    writeFileSync(file, `\ufeff${HEADER.replaceAll(',', ';')}\r\nP1;start;10-01-2022;1;2;3;4;5;3;2;\r\n`);
    expect((await readQuestionnaire(file, 'q.csv'))[0]!.date).toBe('2022-01-10');
    await expect(readQuestionnaire(file, 'q.csv', { csv: { date_format: 'yyyy-mm-dd' } })).rejects.toThrow('cannot read date "10-01-2022"');
  });

  it('reports an unreadable file as an input error', async () => {
    await expect(readQuestionnaire('/nonexistent/q.csv', 'q.csv')).rejects.toBeInstanceOf(EffektError);
  });
});

/**
 * The panels' usual lines are read by WebAssembly loops (wasm/benefitLines.ts,
 * wasm/wageLines.ts) that hand every other line back to the JavaScript kernel. The
 * JavaScript loops are the reference: on seeded mutations of the example panel (other week
 * spellings, unknown, alphanumeric and long codes, blanks, persons outside the cohort,
 * duplicates, week order, CRLF, blank lines, a record longer than the read buffer) and of
 * a wage panel (numbers in every spelling, decimal commas, bad months, month order), the
 * two engines must end the same, in one range and split into ranges (which reuse one
 * engine, so its reset is tested too). The generated modules must be what the committed
 * sources compile to.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WASM_CHUNK_BYTES, wasmLinesRead } from '../../src/ingest/wasmEngine.js';
import { EffektError } from '../../src/errors.js';
import { Random } from '../../src/util/random.js';
import { readCohort } from '../../src/ingest/index.js';
import { readTable } from '../../src/ingest/table.js';
import { encode, EXAMPLE, ingestAll, ROOT, specDir } from './helpers.js';
import { benefits as fixtureBenefits, CONTROLS, PARTICIPANTS, PERSONS, wages as fixtureWages } from './fixtures.js';

type Policy = 'error' | 'exclude_rows' | 'none' | 'temporary';

const EXAMPLE_FILES = {
  'participants.csv': readFileSync(join(EXAMPLE, 'participants.csv')),
  'controls.csv': readFileSync(join(EXAMPLE, 'controls.csv')),
  'wages_monthly.csv': readFileSync(join(EXAMPLE, 'wages_monthly.csv')),
};
const EXAMPLE_ROWS = readFileSync(join(EXAMPLE, 'benefits_weekly.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));

const PERSON_IDS = [EXAMPLE_FILES['participants.csv'], EXAMPLE_FILES['controls.csv']].flatMap((f) => f.toString('utf8').trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]!));

/** How reading the panel ends with one engine: the benefit ingest's results, or the error. */
async function ending(panel: string | Buffer, engine: 'wasm' | 'js', threads: number, policy: Policy): Promise<string> {
  try {
    const loaded = specDir({ ...EXAMPLE_FILES, 'benefits_weekly.csv': panel }, { unknown_codes: policy });
    const { benefits: b } = await ingestAll(loaded, { engine, ...(threads > 1 ? { threads, parallelMinBytes: 0 } : {}) });
    return JSON.stringify({ byPerson: b.byPerson, file: b.file, coverage: b.coverage, unknown: b.unknown_codes, warnings: b.warnings });
  } catch (e) {
    if (!(e instanceof EffektError)) throw e;
    return JSON.stringify({ error: e.line, details: e.details });
  }
}

/** How reading a wage panel ends with one engine: the wage ingest's results, or the error. */
async function wageEnding(panel: string, engine: 'wasm' | 'js', threads: number): Promise<string> {
  try {
    const loaded = specDir({ ...EXAMPLE_FILES, 'benefits_weekly.csv': readFileSync(join(EXAMPLE, 'benefits_weekly.csv')), 'wages_monthly.csv': panel });
    const { wages: w } = await ingestAll(loaded, { engine, ...(threads > 1 ? { threads, parallelMinBytes: 0 } : {}) });
    return JSON.stringify({ months: [...w.months], rows: [...w.byPerson.rows], outside: [...w.outside_coverage], file: w.file, coverage: w.coverage, warnings: w.warnings });
  } catch (e) {
    if (!(e instanceof EffektError)) throw e;
    return JSON.stringify({ error: e.line, details: e.details });
  }
}

const PLAIN_NUMBERS = ['0', '37', '37.5', '160.25', '0.1', '00012', '123456789012.345', '999999999999999', '12345678901234.56'];
const ODD_NUMBERS = ['', 'NA', ' 37', '37 ', '-1', '+5', '1e2', '5.', '.5', 'x', '3.4.5', '1234567890123456', '0.000000000000001'];

/** A wage panel of every example person over 2019-2023 (37,000 rows), mutated at `rate`, with `,` or `;` (and decimal commas) between fields, LF or CR LF line ends, and lines of the wrong shape. */
function wagePanel(rng: Random, rate: number): string {
  const semicolon = rng.chance(0.3);
  const d = semicolon ? ';' : ',';
  const number = (): string => {
    const v = rng.chance(rate) ? rng.pick(ODD_NUMBERS) : rng.pick(PLAIN_NUMBERS);
    return semicolon ? v.replace('.', ',') : v;
  };
  const out = [['person_id', 'month', 'paid_hours', 'wage_income'].join(d)];
  const months = Array.from({ length: 60 }, (_, k) => `${2019 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
  const byMonth = rng.chance(0.3);
  const eol = rng.chance(0.3) ? '\r\n' : '\n';
  // Lines of the wrong shape: a field too many (a number with the delimiter as its decimal
  // mark makes one), one too few, a carriage return not before the line end.
  const odd = (row: string[]): string => {
    const [who, month, h, w] = row as [string, string, string, string];
    return rng.pick([
      [who, month, h, w, '1'].join(d),
      [who, month, h, `${w}${d}5`].join(d),
      [who, month, `${h}${d}5`, w].join(d),
      [who, month, h].join(d),
      [who, month, h, `${w}\r`].join(d),
      [who, month, `${h}\r`, w].join(d),
    ]);
  };
  const pairs = byMonth ? months.flatMap((m) => PERSON_IDS.map((id) => [id, m] as const)) : PERSON_IDS.flatMap((id) => months.map((m) => [id, m] as const));
  for (const [id, m] of pairs) {
    let month: string = m;
    if (rng.chance(rate)) month = rng.pick([m.replace('-', ''), ` ${m}`, `${m} `, '2022-13', '', '2022-5']);
    const who = rng.chance(rate / 4) ? rng.pick(['X1', '', ' ', `${id} `]) : id;
    const row = [who, month, number(), number()];
    out.push(rng.chance(rate / 8) ? odd(row) : row.join(d));
    if (rng.chance(rate / 2)) out.push([who, month, number(), number()].join(d));
    if (rng.chance(rate / 16)) out.push('');
  }
  return out.join(eol) + eol;
}

const WEEK_SPELLINGS = [(w: string) => w, (w: string) => w.replace('-', ''), (w: string) => w.replace('-W', ''), (w: string) => w.toLowerCase(), (w: string) => ` ${w}`];
const ODD_CODES = ['999', '9999', 'A12', 'A12', '12345', ' 130', '130 ', '', 'NA', '0130', '13', '1'];

/** The example panel, mutated: a rate of `rate` per row of each kind of change. */
function mutated(rng: Random, rate: number): string {
  let rows = EXAMPLE_ROWS.map((r) => [...r]);
  if (rng.chance(0.3)) rows.sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
  const out: string[] = ['person_id,week,benefit_code'];
  const eol = rng.chance(0.3) ? '\r\n' : '\n';
  for (const r of rows) {
    if (rng.chance(rate)) r[1] = rng.pick(WEEK_SPELLINGS)(r[1]!);
    if (rng.chance(rate)) r[2] = rng.pick(ODD_CODES);
    if (rng.chance(rate / 4)) r[0] = rng.pick(['X1', ' ', '', `${r[0]} `, 'P9999999']);
    if (rng.chance(rate / 8)) r[1] = rng.pick(['2022-W53', '2021-W99', '', 'x']);
    out.push(r.join(','));
    if (rng.chance(rate / 2)) out.push(r.join(','));
    if (rng.chance(rate / 8)) out.push('');
    if (rng.chance(rate / 16)) out.push(`${r[0]},${r[1]}`);
    // Lines whose code field a look three bytes on would take too far: a field too many, a
    // short code before a line of one character, a two-digit code before an empty line.
    if (rng.chance(rate / 16)) out.push(rng.pick([`${r[0]},${r[1]},6,7`, `${r[0]},${r[1]},6${eol}A`, `${r[0]},${r[1]},62${eol}`, `${r[0]},${r[1]},${eol}12`]));
  }
  return out.join(eol) + eol;
}

describe('the WebAssembly loops read the panels as the JavaScript loops do', () => {
  it('on 24 seeded mutations of the example panel (86,000 rows), in one range and in three', async () => {
    const rng = new Random(4711);
    const seen = { ok: 0, error: 0 };
    for (let n = 0; n < 24; n++) {
      const rate = rng.pick([0, 0.0005, 0.005, 0.05]);
      const policy = rng.pick<Policy>(['error', 'exclude_rows', 'none', 'temporary']);
      const panel = mutated(rng, rate);
      const before = wasmLinesRead();
      const js = await ending(panel, 'js', 1, policy);
      expect(wasmLinesRead(), 'the JavaScript engine uses no WebAssembly').toBe(before);
      const where = `mutation ${n} (rate ${rate}, unknown codes: ${policy})`;
      expect(await ending(panel, 'wasm', 1, policy), where).toBe(js);
      // Most lines are read in WebAssembly (a mutation rate of 5 % hands back up to a third).
      expect(wasmLinesRead() - before, where).toBeGreaterThan(EXAMPLE_ROWS.length * 0.6);
      expect(await ending(panel, 'wasm', 3, policy), `${where}, three ranges`).toBe(await ending(panel, 'js', 3, policy));
      seen[js.startsWith('{"error"') ? 'error' : 'ok']++;
    }
    expect(seen.ok).toBeGreaterThan(4);
    expect(seen.error).toBeGreaterThan(4);
  });

  it('on 16 seeded wage panels of 37,000 rows, in one range and in three', async () => {
    const rng = new Random(4712);
    const seen = { ok: 0, error: 0 };
    for (let n = 0; n < 16; n++) {
      const rate = rng.pick([0, 0.0005, 0.005, 0.05]);
      const panel = wagePanel(rng, rate);
      const before = wasmLinesRead();
      const js = await wageEnding(panel, 'js', 1);
      expect(wasmLinesRead(), 'the JavaScript engine uses no WebAssembly').toBe(before);
      const where = `wage panel ${n} (rate ${rate})`;
      expect(await wageEnding(panel, 'wasm', 1), where).toBe(js);
      expect(wasmLinesRead() - before, where).toBeGreaterThan(1000);
      expect(await wageEnding(panel, 'wasm', 3), `${where}, three ranges`).toBe(await wageEnding(panel, 'js', 3));
      seen[js.startsWith('{"error"') ? 'error' : 'ok']++;
    }
    expect(seen.ok).toBeGreaterThan(3);
    expect(seen.error).toBeGreaterThan(3);
  });

  /** The panel's rows week by week, the persons in reverse order: each id is looked up in the hash table, not guessed. */
  const weekOrdered = (panel: string): string => {
    const [header, ...rows] = panel.trimEnd().split('\n');
    const byWeek = (r: string): string => r.split(',')[1]!;
    return [header, ...rows.map((r, k) => ({ r, k })).sort((a, b) => (byWeek(a.r) < byWeek(b.r) ? -1 : byWeek(a.r) > byWeek(b.r) ? 1 : b.k - a.k)).map((x) => x.r)].join('\n') + '\n';
  };

  it('finds ids with Danish letters in UTF-8 and Windows-1252 panels, and ASCII ids in a table holding two spellings of each Danish id, as the JavaScript loops do', async () => {
    const danish = (t: string): string => t.replaceAll('K2', 'KØ2').replaceAll('P2', 'PÆ2');
    const ascii = PERSONS.filter((p) => p !== 'K2' && p !== 'P2');
    const cases = [
      { name: 'UTF-8', encoding: 'utf8' as const, panelPersons: PERSONS.map(danish), outsiders: 30 },
      { name: 'Windows-1252', encoding: 'windows-1252' as const, panelPersons: PERSONS.map(danish), outsiders: 30 },
      // An all-ASCII panel leaves its encoding open: the id table holds both spellings of KØ2 and PÆ2.
      { name: 'ASCII panel', encoding: 'utf8' as const, panelPersons: ascii, outsiders: 30 },
    ];
    for (const c of cases) {
      const input = {
        'participants.csv': encode(danish(PARTICIPANTS), c.encoding),
        'controls.csv': encode(danish(CONTROLS), c.encoding),
        'benefits_weekly.csv': encode(weekOrdered(fixtureBenefits(30, c.panelPersons)), c.encoding),
        'wages_monthly.csv': encode(danish(fixtureWages()), c.encoding),
      };
      const read = async (engine: 'wasm' | 'js'): Promise<string> => {
        const { benefits: b, wages: w } = await ingestAll(specDir(input), { engine });
        return JSON.stringify({ b: b.byPerson, bf: b.file, w: [...w.months], wf: w.file });
      };
      const js = await read('js');
      // Only the outsider X1's rows are not in the cohort: the other ids were found.
      expect((JSON.parse(js) as { bf: { excluded: Record<string, number> } }).bf.excluded.person_not_in_cohort, c.name).toBe(c.outsiders);
      const before = wasmLinesRead();
      expect(await read('wasm'), c.name).toBe(js);
      expect(wasmLinesRead() - before, c.name).toBeGreaterThan(0);
    }
  });

  it('tells apart ids that differ only past their eighth byte or in their last, and an id that extends another (the loops compare eight bytes at a time)', async () => {
    const ids = ['AAAAAAA1', 'AAAAAAA2', 'AAAAAAAA', 'AAAAAAAAA', 'AAAAAAAAB', 'AAAAAAAAAAAAAAA1', 'AAAAAAAAAAAAAAA2', 'AAAAAAAAAAAAAAAA1', 'A', 'B', 'AB'];
    const outsiders = ['AAAAAAA1X', 'AAAAAAAAAAAAAAA', 'AA'];
    const controls = ['person_id,municipality,matched_to,age', ...ids.map((id, k) => `${id},Herning,P${(k % 2) + 1},${40 + k}`)].join('\n') + '\n';
    const panelIds = [...ids, ...outsiders];
    const codes = ['130', '651'];
    for (const order of ['person', 'week'] as const) {
      const rows: string[] = [];
      const row = (id: string, w: number, k: number): void => {
        rows.push(`${id},2022-W${String(w).padStart(2, '0')},${codes[(k + w) % 2]}`);
      };
      if (order === 'person') panelIds.forEach((id, k) => Array.from({ length: 30 }, (_, w) => row(id, w + 1, k)));
      else for (let w = 1; w <= 30; w++) panelIds.forEach((id, k) => row(id, w, k));
      const input = { 'participants.csv': PARTICIPANTS, 'controls.csv': controls, 'benefits_weekly.csv': ['person_id,week,benefit_code', ...rows].join('\n') + '\n', 'wages_monthly.csv': fixtureWages() };
      const read = async (engine: 'wasm' | 'js'): Promise<string> => {
        const { benefits: b } = await ingestAll(specDir(input), { engine });
        return JSON.stringify({ b: b.byPerson, bf: b.file });
      };
      const js = await read('js');
      expect((JSON.parse(js) as { bf: { excluded: Record<string, number> } }).bf.excluded.person_not_in_cohort, order).toBe(outsiders.length * 30);
      const before = wasmLinesRead();
      expect(await read('wasm'), order).toBe(js);
      expect(wasmLinesRead() - before, order).toBeGreaterThan(0);
    }
  });

  it('reads a line like the one before it but for the week as that line would be read: other codes, ids, years and spellings, weeks that do not read, lines of 31 to 34 bytes', async () => {
    // The loop compares such a line with the last one, eight bytes at a time, up to 32 bytes
    // (wasm/benefitLines.ts): each change below falls in a different eight-byte word, or on
    // the line's end, or leaves a week that must not read (00, 54, 53 in a year of 52).
    const ids = ['K1', 'K2', 'AAAAAAAAAAAAAAA1', 'AAAAAAAAAAAAAAAAAAAA1', 'AAAAAAAAAAAAAAAAAAAAA2', 'AAAAAAAAAAAAAAAAAAAAAA3'];
    const controls = ['person_id,municipality,matched_to,age', ...ids.map((id, k) => `${id},Herning,P${(k % 2) + 1},${40 + k}`)].join('\n') + '\n';
    const panel = (unreadable: boolean): string => {
      const rows: string[] = [];
      ids.forEach((id, k) => {
        for (let w = 1; w <= 40; w++) {
          const week = String(w).padStart(2, '0');
          const spelling = k % 3 === 0 ? `2022-W${week}` : k % 3 === 1 ? `2022W${week}` : `2022${week}`;
          const code = w % 7 === 0 ? '651' : w % 11 === 0 ? '' : '130';
          rows.push(`${id},${spelling},${code}`);
          if (w === 5) rows.push(`${id},${spelling.replace('2022', '2021')},130`, `${id},2021-W${week},130`); // another year, the same week digits
          if (w === 9) rows.push(`${id},2020-W53,130`, `${id},2022-W${week},130`); // a week 53 that reads, then a repeat
          if (w === 9 && unreadable) rows.push(`${id},2022-W00,130`, `${id},2022-W54,130`, `${id},2021-W53,130`); // weeks that do not read
          if (w === 13) rows.push(`${id.slice(0, -1)}9,2022-W${week},130`); // an id that differs in its last byte
          if (w === 17) rows.push(`${id},2022-W${week},1300`, `${id},2022-W${week},13`); // a code a byte longer, and shorter
        }
      });
      return ['person_id,week,benefit_code', ...rows].join('\n') + '\n';
    };
    for (const unreadable of [false, true]) {
      for (const eol of ['\n', '\r\n']) {
        const files = { 'participants.csv': PARTICIPANTS, 'controls.csv': controls, 'benefits_weekly.csv': panel(unreadable).replaceAll('\n', eol), 'wages_monthly.csv': fixtureWages() };
        const read = async (engine: 'wasm' | 'js'): Promise<string> => {
          try {
            const { benefits: b } = await ingestAll(specDir(files, { unknown_codes: 'exclude_rows' }), { engine });
            return JSON.stringify({ b: b.byPerson, bf: b.file, u: b.unknown_codes, coverage: b.coverage, warnings: b.warnings });
          } catch (e) {
            if (!(e instanceof EffektError)) throw e;
            return JSON.stringify({ error: e.line, details: e.details });
          }
        };
        const js = await read('js');
        // The panel without unreadable weeks reads (the duplicates and unknown codes are excluded rows).
        expect(js.startsWith('{"error"'), `unreadable weeks: ${unreadable}`).toBe(unreadable);
        const before = wasmLinesRead();
        expect(await read('wasm'), JSON.stringify({ unreadable, eol })).toBe(js);
        expect(wasmLinesRead() - before).toBeGreaterThan(0);
      }
    }
  });

  it('falls back to the JavaScript loops when WebAssembly memory cannot be had, with the same results', async () => {
    const panel = mutated(new Random(9), 0.005);
    const js = await ending(panel, 'js', 1, 'exclude_rows');
    const api = (globalThis as unknown as { WebAssembly: { Memory: unknown } }).WebAssembly;
    const Memory = api.Memory;
    api.Memory = function refuse(): never {
      throw new RangeError('WebAssembly.Memory(): could not allocate memory');
    };
    try {
      const before = wasmLinesRead();
      // A new spec, so new panel parameters: no engine of an earlier read to reuse.
      expect(await ending(panel, 'wasm', 1, 'exclude_rows')).toBe(js);
      // At most the cohort files' 616 lines, by an engine an earlier read left; none of the panel's 86,000.
      expect(wasmLinesRead() - before).toBeLessThan(1000);
    } finally {
      api.Memory = Memory;
    }
  });

  it('across read buffers (a 5.7 MB panel), with a line longer than the buffer, and with every code alphanumeric', async () => {
    const body = EXAMPLE_ROWS.map((r) => r.join(',')).join('\n');
    const big = `person_id,week,benefit_code\n${body}\n${body}\n${body}\n`;
    expect(big.length).toBeGreaterThan(WASM_CHUNK_BYTES);
    for (const policy of ['exclude_rows', 'error'] as const) expect(await ending(big, 'wasm', 1, policy)).toBe(await ending(big, 'js', 1, policy));
    // A record of 5 MB makes the reader leave the shared buffer for a larger one of its own.
    const long = `person_id,week,benefit_code\n${body}\n${'P'.repeat(5 << 20)},2020-W01,130\n${body}\n`;
    expect(await ending(long, 'wasm', 1, 'exclude_rows')).toBe(await ending(long, 'js', 1, 'exclude_rows'));
    const alpha = `person_id,week,benefit_code\n${EXAMPLE_ROWS.map((r) => `${r[0]},${r[1]},A${r[2]}`).join('\n')}\n`;
    expect(await ending(alpha, 'wasm', 1, 'temporary')).toBe(await ending(alpha, 'js', 1, 'temporary'));
  });
});

/** How reading the cohort ends with one engine: persons, reconciliation, warnings and covariate columns, or the error. */
async function cohortEnding(participants: string | Buffer, controls: string | Buffer, engine: 'wasm' | 'js'): Promise<string> {
  try {
    const loaded = specDir({ ...EXAMPLE_FILES, 'participants.csv': participants, 'controls.csv': controls, 'benefits_weekly.csv': readFileSync(join(EXAMPLE, 'benefits_weekly.csv')) });
    const r = await readCohort(loaded, { engine });
    return JSON.stringify({ cohort: r.cohort, files: r.files, warnings: r.warnings, columns: r.covariateColumns });
  } catch (e) {
    if (!(e instanceof EffektError)) throw e;
    return JSON.stringify({ error: e.line, details: e.details });
  }
}

/** How reading one file as a table ends with one engine: every column's codes and dictionary, the lines, the rows read, the errors. */
async function tableEnding(content: string | Buffer, engine: 'wasm' | 'js'): Promise<string> {
  const loaded = specDir({ 'controls.csv': content });
  const t = await readTable({ path: join(loaded.dir, 'controls.csv'), display: 'controls.csv', role: 'controls', csv: {} }, { engine });
  let errors = '';
  try {
    t.errors.throwIfAny();
  } catch (e) {
    if (!(e instanceof EffektError)) throw e;
    errors = [e.line, ...e.details].join('\n');
  }
  return JSON.stringify({ header: t.header, columns: t.columns.map((c) => ({ codes: [...c.codes], dict: c.dict })), lines: t.lines, rows: t.rowsRead, errors });
}

const PARTICIPANT_IDS = EXAMPLE_FILES['participants.csv'].toString('utf8').trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]!);
const MUNICIPALITIES = ['Herning', 'Viborg', 'Holstebro', 'Høje-Taastrup', 'Aabenraa', ' Viborg', 'Viborg ', 'Lyngby-Taarbæk'];

/**
 * A controls file of `rows` rows: ids longer than the dictionary's 48 bytes now and then, a
 * column of up to 6,000 distinct values (its dictionary stops looking up part way, and
 * values seen before come again), Danish letters, quoted fields, blank lines and rows with
 * a field too many, at `rate`.
 */
function controlsFile(rng: Random, rows: number, rate: number): string {
  const d = rng.chance(0.3) ? ';' : ',';
  const eol = rng.chance(0.3) ? '\r\n' : '\n';
  const out = [['person_id', 'municipality', 'matched_to', 'age', 'note', 'code'].join(d)];
  const distinct = rng.pick([50, 3000, 6000]);
  // Ids of 40 characters fill the 1 MB of copied values before the batch of 16,384 rows.
  const width = rng.pick([7, 40]);
  for (let r = 0; r < rows; r++) {
    const id = rng.chance(rate) ? `K${r}-${'x'.repeat(50)}` : `K${String(r).padStart(width, '0')}`;
    const fields = [id, rng.pick(MUNICIPALITIES), rng.chance(0.9) ? rng.pick(PARTICIPANT_IDS) : '', String(rng.int(18, 64)), `v${rng.int(1, distinct)}`, rng.chance(rate) ? `"${rng.pick(['a;b', 'a,b', 'q""q', 'plain'])}"` : String(rng.int(1, 9))];
    if (rng.chance(rate / 4)) fields.push('extra');
    out.push(fields.join(d));
    if (rng.chance(rate / 4)) out.push('');
  }
  return out.join(eol) + eol;
}

describe('the WebAssembly loop reads the cohort files as the JavaScript interners do', () => {
  it('on 12 seeded controls files of 2,000 to 40,000 rows (dictionaries that stop looking up, long, quoted and Danish values, batches and copied values that fill up)', async () => {
    const rng = new Random(4713);
    const participants = EXAMPLE_FILES['participants.csv'];
    const seen = { ok: 0, error: 0 };
    for (let n = 0; n < 12; n++) {
      const rate = n < 4 ? 0 : rng.pick([0.001, 0.01, 0.05]);
      const rows = rng.pick([2000, 20000, 40000]);
      const controls = controlsFile(rng, rows, rate);
      const before = wasmLinesRead();
      const js = await cohortEnding(participants, controls, 'js');
      expect(wasmLinesRead(), 'the JavaScript engine uses no WebAssembly').toBe(before);
      const where = `controls file ${n} (rate ${rate})`;
      expect(await cohortEnding(participants, controls, 'wasm'), where).toBe(js);
      // Every column, covariate or not, code by code.
      expect(await tableEnding(controls, 'wasm'), `${where}, as a table`).toBe(await tableEnding(controls, 'js'));
      // Lines with Danish letters (a quarter) and quotes go to the JavaScript side.
      if (rate < 0.05) expect(wasmLinesRead() - before, where).toBeGreaterThan(rows / 2);
      seen[js.startsWith('{"error"') ? 'error' : 'ok']++;
    }
    expect(seen.ok).toBeGreaterThan(3);
    expect(seen.error).toBeGreaterThan(3);
  });

  it('the example cohort in Latin-1 with ; and quoted fields, and files of 72 and 71 columns (read without the loop)', async () => {
    const p = EXAMPLE_FILES['participants.csv'].toString('utf8');
    const c = EXAMPLE_FILES['controls.csv'].toString('utf8');
    const latin1 = (t: string): Buffer => Buffer.from(t.replaceAll(',', ';').replace('Viborg', 'Høje-Taastrup'), 'latin1');
    expect(await cohortEnding(latin1(p), latin1(c), 'wasm')).toBe(await cohortEnding(latin1(p), latin1(c), 'js'));
    const quoted = (t: string): string => t.split('\n').map((l) => l.split(',').map((v) => (v ? `"${v}"` : v)).join(',')).join('\n');
    expect(await cohortEnding(quoted(p), quoted(c), 'wasm')).toBe(await cohortEnding(quoted(p), quoted(c), 'js'));
    const wide = (t: string): string => t.trimEnd().split('\n').map((l, k) => l + Array.from({ length: 60 }, (_, j) => (k === 0 ? `,extra${j}` : `,${j}`)).join('')).join('\n') + '\n';
    expect(JSON.parse(await cohortEnding(wide(p), wide(c), 'wasm')).cohort.covariates).toHaveLength(68);
    expect(await cohortEnding(wide(p), wide(c), 'wasm')).toBe(await cohortEnding(wide(p), wide(c), 'js'));
  });
});

describe('the generated WebAssembly modules', () => {
  it('is what wasm/*.ts compile to (node scripts/build-wasm.mjs --check)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-wasm.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

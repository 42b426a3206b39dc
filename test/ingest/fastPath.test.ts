/**
 * The benefit kernel's line-by-line path (columns in the canonical order id, week, code)
 * predicts each row's id and week; every other column order goes through the general
 * split. Seeded random panels with tricky values (quoted ids holding the delimiter or a
 * line break, sometimes written raw, which breaks the row; other week spellings, blanks,
 * spaces, CRLF, blank lines, spaces after closing quotes), written once in each column
 * order with the same quoting, must end the same: the same panel and reconciliation, or
 * the same errors at the same lines.
 */
import { describe, expect, it } from 'vitest';
import { EffektError } from '../../src/errors.js';
import { Random } from '../../src/util/random.js';
import { ingestAll, specDir } from './helpers.js';
import { files } from './fixtures.js';

const IDS = ['P1', 'P2', 'K1', 'K2', 'K3', 'X1', ' P1', 'P1 ', 'K1,X', 'K1\nX', 'K"1', 'P2\r', 'K1;X', 'K1\tX'];
/** ISO weeks 14–26 of 2022 (April to June, the fixture cohort's follow-up months) in all spellings. */
const WEEKS = Array.from({ length: 13 }, (_, k) => k + 14).flatMap((w) => [`2022-W${w}`, `2022W${w}`, `2022${w}`, `2022-w${w}`, ` 2022-W${w}`]);
const CODES = ['130', '651', '621', '', ' 130', '999', '13,0', '783'];
/** Values that make a row an error (a blank id, weeks that do not exist or cannot be read). */
const BAD = { id: [''], week: ['2022-W99', '', '202253', 'x', '2022-W1'] };

/** How a row's fields are written: quoted when needed (or always), a space after closing quotes (valid, but only the full parser reads it), or the id raw even when that breaks the row. */
interface RowStyle {
  readonly quoteAll: boolean;
  readonly spaced: boolean;
  readonly rawId: boolean;
}

function csvField(v: string, delimiter: string, style: RowStyle, isId: boolean): string {
  // Raw, a line break would split the row differently in each column order: never raw then.
  if (isId && style.rawId && !/[\n\r]/.test(v)) return v;
  const quote = style.quoteAll || /["\n\r]/.test(v) || v.includes(delimiter);
  return quote ? `"${v.replaceAll('"', '""')}"${style.spaced ? ' ' : ''}` : v;
}

/** One random panel, as rows of [id, week, code], with a delimiter, line ends and how each row is written. */
function randomPanel(rng: Random): RandomPanel {
  const rows: string[][] = [];
  const styles: RowStyle[] = [];
  const quoteAll = rng.chance(0.2);
  let id = rng.pick(IDS);
  for (let n = rng.int(1, 60); n > 0; n--) {
    // Runs of the same person, as real panels have, so the "same id as before" guess is used.
    if (rng.chance(0.3)) id = rng.pick(IDS);
    const week = rng.chance(0.02) ? rng.pick(BAD.week) : rng.chance(0.7) ? rng.pick(WEEKS.filter((_, k) => k % 5 === 0)) : rng.pick(WEEKS);
    rows.push([rng.chance(0.01) ? rng.pick(BAD.id) : id, week, rng.chance(0.8) ? rng.pick(CODES.slice(0, 3)) : rng.pick(CODES)]);
    styles.push({ quoteAll, spaced: rng.chance(0.1), rawId: rng.chance(0.03) });
  }
  const blankLines = new Set<number>();
  if (rng.chance(0.2)) blankLines.add(rng.int(0, rows.length));
  return { rows, styles, delimiter: rng.pick([',', ';', '\t']), eol: rng.chance(0.3) ? '\r\n' : '\n', blankLines };
}

interface RandomPanel {
  readonly rows: readonly string[][];
  readonly styles: readonly RowStyle[];
  readonly delimiter: string;
  readonly eol: string;
  readonly blankLines: ReadonlySet<number>;
}

/** The panel under `header` with its columns in `order`, each row written in its style. */
function write(header: readonly string[], p: RandomPanel, order: readonly number[]): string {
  const lines = [order.map((k) => header[k]).join(p.delimiter)];
  p.rows.forEach((r, n) => {
    if (p.blankLines.has(n)) lines.push('');
    lines.push(order.map((k) => csvField(r[k]!, p.delimiter, p.styles[n]!, k === 0)).join(p.delimiter));
  });
  return lines.join(p.eol) + p.eol;
}

/**
 * How reading `file` (written as `content`) ends: `summary` of the ingest, or the error.
 * Column numbers differ with the column order; the lines and messages must not.
 */
async function endingOf(file: 'benefits_weekly.csv' | 'wages_monthly.csv', content: string, threads: number, summary: (r: Awaited<ReturnType<typeof ingestAll>>) => unknown, engine: 'wasm' | 'js' = 'wasm'): Promise<string> {
  try {
    const spec = file === 'benefits_weekly.csv' ? { unknown_codes: 'exclude_rows' } : {};
    return JSON.stringify(summary(await ingestAll(specDir(files({ [file]: content }), spec), { engine, ...(threads > 1 ? { threads, parallelMinBytes: 0 } : {}) })));
  } catch (e) {
    if (!(e instanceof EffektError)) throw e;
    const strip = (line: string): string => line.replace(/^([^:]+\.csv:\d+):\d+:/, '$1:');
    return JSON.stringify({ error: strip(e.line), details: e.details.map(strip) });
  }
}

const BENEFIT_HEADER = ['person_id', 'week', 'benefit_code'];
const ending = (panel: string, threads: number, engine: 'wasm' | 'js' = 'wasm'): Promise<string> =>
  endingOf('benefits_weekly.csv', panel, threads, ({ benefits: b }) => ({ byPerson: b.byPerson, file: b.file, coverage: b.coverage, unknown: b.unknown_codes, warnings: b.warnings }), engine);

describe('the line-by-line path reads a panel as the general split does', () => {
  it('on 400 seeded random panels, in the canonical order (by the WebAssembly and the JavaScript loop) and in another (and split into ranges)', async () => {
    const rng = new Random(2026);
    const endings = { ok: 0, error: 0 };
    for (let n = 0; n < 400; n++) {
      const p = randomPanel(rng);
      const canonical = write(BENEFIT_HEADER, p, [0, 1, 2]);
      const other = write(BENEFIT_HEADER, p, [1, 0, 2]);
      const fast = await ending(canonical, 1);
      const general = await ending(other, 1);
      const where = `panel ${n}:\n${canonical}`;
      expect(fast, where).toBe(general);
      expect(await ending(canonical, 1, 'js'), `${where}\n(JavaScript loop)`).toBe(fast);
      if (n % 4 === 0) expect(await ending(canonical, 3), `${where}\n(split into ranges)`).toBe(fast);
      endings[fast.startsWith('{"error"') ? 'error' : 'ok']++;
    }
    // Both endings occur, so results and errors are both compared.
    expect(endings.ok).toBeGreaterThan(40);
    expect(endings.error).toBeGreaterThan(40);
  });
});

// The wage kernel's line-by-line path (columns in the order id, month, hours, income)
// takes a row only when its month reads and both numbers are plain (digits, one decimal
// mark, at most 15 digits); every other row, and every row of another column order, is
// split and read by the general path, which also reports what is wrong.
const WAGE_IDS = ['P1', 'P2', 'K1', 'K2', 'K3', 'X1', ' P1', 'K1,X', 'K"1', 'K1;X'];
const MONTHS = ['2022-05', '2022-06', '202205', '202206', '2022-04', '2022-07', ' 2022-05', '2022-05 '];
const BAD_MONTHS = ['2022-13', '', '2022-5', 'x', '20225'];
const NUMBERS = ['37', '0', '37.5', '37,5', '160.25', '0.1', '00012', '123456789012.345', '999999999999999', '1234567890123456', '12345678901234.56'];
/** Numbers the general path must read or reject: blanks and NA (0), spaces, signs, exponents, a lone mark. */
const ODD_NUMBERS = ['', 'NA', ' 37', '37 ', '-1', '+5', '1e2', '2.5E+01', '5.', '.5', 'x', '3.4.5', '0.000000000000001'];

function randomWages(rng: Random): RandomPanel {
  const rows: string[][] = [];
  const styles: RowStyle[] = [];
  const quoteAll = rng.chance(0.1);
  let id = rng.pick(WAGE_IDS);
  const number = (): string => (rng.chance(0.9) ? rng.pick(NUMBERS) : rng.pick(ODD_NUMBERS));
  for (let n = rng.int(1, 50); n > 0; n--) {
    if (rng.chance(0.4)) id = rng.pick(WAGE_IDS);
    const month = rng.chance(0.03) ? rng.pick(BAD_MONTHS) : rng.pick(MONTHS);
    rows.push([rng.chance(0.01) ? '' : id, month, number(), number()]);
    styles.push({ quoteAll, spaced: rng.chance(0.05), rawId: rng.chance(0.03) });
  }
  const blankLines = new Set<number>();
  if (rng.chance(0.2)) blankLines.add(rng.int(0, rows.length));
  return { rows, styles, delimiter: rng.pick([',', ';', '\t']), eol: rng.chance(0.3) ? '\r\n' : '\n', blankLines };
}

const WAGE_HEADER = ['person_id', 'month', 'paid_hours', 'wage_income'];
const writeWages = (p: RandomPanel, order: readonly number[]): string => write(WAGE_HEADER, p, order);
const wageEnding = (panel: string, threads: number, engine: 'wasm' | 'js' = 'wasm'): Promise<string> =>
  endingOf('wages_monthly.csv', panel, threads, ({ wages: w }) => ({
    months: [...w.months].map(([id, m]) => [id, m.paid_hours, m.wage_income]),
    rows: [...w.byPerson.rows],
    outside: [...w.outside_coverage],
    file: w.file,
    coverage: w.coverage,
    warnings: w.warnings,
  }), engine);

describe("the wage panel's line-by-line path reads a panel as the general split does", () => {
  it('on 400 seeded random wage panels, in the canonical order (by the WebAssembly and the JavaScript loop) and in another (and split into ranges)', async () => {
    const rng = new Random(2027);
    const endings = { ok: 0, error: 0 };
    for (let n = 0; n < 400; n++) {
      const p = randomWages(rng);
      const canonical = writeWages(p, [0, 1, 2, 3]);
      const fast = await wageEnding(canonical, 1);
      const where = `wage panel ${n}:\n${canonical}`;
      expect(fast, where).toBe(await wageEnding(writeWages(p, [1, 0, 2, 3]), 1));
      expect(await wageEnding(canonical, 1, 'js'), `${where}\n(JavaScript loop)`).toBe(fast);
      if (n % 4 === 0) expect(await wageEnding(canonical, 3), `${where}\n(split into ranges)`).toBe(fast);
      endings[fast.startsWith('{"error"') ? 'error' : 'ok']++;
    }
    expect(endings.ok).toBeGreaterThan(40);
    expect(endings.error).toBeGreaterThan(40);
  });

  it('reads a plain decimal to the same double as Number() (Clinger: digits / 10^k is exact)', async () => {
    const values = ['0.1', '0.3', '123456789012.345', '9007199254.740', '1.000000000000005', '4503599627370.5', '37,25'];
    const rows = values.map((v, k) => `K${k < 3 ? 1 : 2},2022-0${k < 3 ? 5 : 6},${v.includes(',') ? `"${v}"` : v},1`);
    const ending = await wageEnding(['person_id,month,paid_hours,wage_income', ...rows].join('\n') + '\n', 1);
    const sums = JSON.parse(ending) as { months: [string, number, number][] };
    const expected = (ks: number[]): number => ks.reduce((a, k) => a + Number(values[k]!.replace(',', '.')), 0);
    expect(sums.months).toEqual([
      ['K1', expected([0, 1, 2]), 3],
      ['K2', expected([3, 4, 5, 6]), 4],
    ]);
  });
});

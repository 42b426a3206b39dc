import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCohort } from '../../src/ingest/index.js';
import { EXAMPLE, DATE_COLUMNS, formatDate, ingestAll, mapCells, readCanonical, specDir, writeCsv, type Table, type WriteDialect } from './helpers.js';

/**
 * Issue 4: the example cohort rewritten in other dialects (delimiter, encoding, BOM, line
 * ends, quoting, decimal comma, date/week/month spellings, Danish column names) must give
 * identical CohortIngest, BenefitPanel and WagePanel results as the canonical files.
 * The canonical copy gets a text covariate with Danish letters, quotes and commas, decimal
 * weights and decimal wage hours, so that every dialect feature is exercised.
 */
const NOTES = ['Nørre Snede', 'Århus C', 'Æbelø, øst', 'plain', '"quoted" text', ''];

function canonical(): Record<'participants' | 'controls' | 'benefits' | 'wages', Table> {
  const p = readCanonical(join(EXAMPLE, 'participants.csv'));
  const c = readCanonical(join(EXAMPLE, 'controls.csv'));
  const withNote = (t: Table): Table => ({ header: [...t.header, 'note'], rows: t.rows.map((r, i) => [...r, NOTES[i % NOTES.length]!]) });
  const controls = withNote(c);
  controls.header.push('weight');
  controls.rows.forEach((r, i) => r.push(['1', '0.5', '1.25'][i % 3]!));
  const wages = readCanonical(join(EXAMPLE, 'wages_monthly.csv'));
  wages.rows.forEach((r, i) => {
    if (i % 3 === 0) r[2] = `${r[2]}.5`;
  });
  return { participants: withNote(p), controls, benefits: readCanonical(join(EXAMPLE, 'benefits_weekly.csv')), wages };
}

interface Variant {
  readonly name: string;
  readonly write: WriteDialect;
  readonly date?: 'dd-mm-yyyy' | 'dd.mm.yyyy';
  readonly week?: (w: string) => string;
  readonly month?: (m: string) => string;
  readonly decimalComma?: boolean;
  /** canonical → file column names, per file (also written into the spec's columns mapping) */
  readonly rename?: Partial<Record<'participants' | 'controls' | 'benefits' | 'wages', Record<string, string>>>;
  readonly csv?: Record<string, string>;
}

const DANISH_NAMES = {
  participants: { person_id: 'cpr_pseudo', municipality: 'kommune', start_date: 'startdato', end_date: 'slutdato' },
  controls: { person_id: 'cpr_pseudo', municipality: 'kommune', matched_to: 'matchet_til', weight: 'vaegt' },
  benefits: { person_id: 'cpr_pseudo', week: 'uge', benefit_code: 'ydelseskode' },
  wages: { person_id: 'cpr_pseudo', month: 'maaned', paid_hours: 'loentimer', wage_income: 'loenindkomst' },
};

const VARIANTS: Variant[] = [
  {
    name: 'Danish Excel export, detected: ; + decimal comma + Latin-1 + CRLF + dd-mm-yyyy + 202214 + 202204 + Danish column names',
    write: { delimiter: ';', eol: '\r\n', encoding: 'latin1' },
    date: 'dd-mm-yyyy',
    week: (w) => w.replace('-W', ''),
    month: (m) => m.replace('-', ''),
    decimalComma: true,
    rename: DANISH_NAMES,
  },
  {
    name: 'the same with every csv option given in the spec',
    write: { delimiter: ';', eol: '\r\n', encoding: 'latin1' },
    date: 'dd-mm-yyyy',
    week: (w) => w.replace('-W', ''),
    month: (m) => m.replace('-', ''),
    decimalComma: true,
    csv: { delimiter: ';', encoding: 'latin1', decimal: ',', date_format: 'dd-mm-yyyy' },
  },
  {
    name: 'UTF-8 with BOM, tab, every field quoted, dd.mm.yyyy, 2022W14',
    write: { delimiter: '\t', eol: '\n', encoding: 'utf8', bom: true, quoteAll: true },
    date: 'dd.mm.yyyy',
    week: (w) => w.replace('-', ''),
  },
  {
    name: 'Windows-1252, comma, CRLF, decimal comma in quoted fields',
    write: { delimiter: ',', eol: '\r\n', encoding: 'windows-1252' },
    decimalComma: true,
    csv: { encoding: 'windows-1252' },
  },
];

function rewrite(t: Table, v: Variant, file: keyof typeof DANISH_NAMES): Table {
  const names = v.rename?.[file] ?? {};
  return mapCells(
    t,
    (value, column) => {
      if (DATE_COLUMNS.has(column) && v.date) return formatDate(value, v.date);
      if (column === 'week' && v.week && value) return v.week(value);
      if (column === 'month' && v.month) return v.month(value);
      if (v.decimalComma && /^-?\d+\.\d+$/.test(value)) return value.replace('.', ',');
      return value;
    },
    (h) => (names as Record<string, string>)[h] ?? h,
  );
}

function write(tables: ReturnType<typeof canonical>, v: Variant | null) {
  const w = v?.write ?? { delimiter: ',', eol: '\n', encoding: 'utf8' };
  const input = (file: keyof typeof DANISH_NAMES, name: string) => {
    const columns = v?.rename?.[file];
    return columns || v?.csv ? { path: name, ...(columns ? { columns } : {}), ...(v?.csv ? { csv: v.csv } : {}) } : name;
  };
  const files = {
    'participants.csv': writeCsv(v ? rewrite(tables.participants, v, 'participants') : tables.participants, w),
    'controls.csv': writeCsv(v ? rewrite(tables.controls, v, 'controls') : tables.controls, w),
    'benefits_weekly.csv': writeCsv(v ? rewrite(tables.benefits, v, 'benefits') : tables.benefits, w),
    'wages_monthly.csv': writeCsv(v ? rewrite(tables.wages, v, 'wages') : tables.wages, w),
  };
  return specDir(files, {
    inputs: {
      participants: input('participants', 'participants.csv'),
      controls: input('controls', 'controls.csv'),
      benefits: input('benefits', 'benefits_weekly.csv'),
      wages: input('wages', 'wages_monthly.csv'),
    },
  });
}

describe('dialects give identical ingest results', () => {
  const tables = canonical();
  let reference: Awaited<ReturnType<typeof ingestAll>>;
  beforeAll(async () => {
    reference = await ingestAll(write(tables, null));
  });

  it('the canonical copy keeps Danish letters, quotes and decimals', async () => {
    const { cohort } = reference.cohortIngest;
    expect(cohort.participants.map((p) => p.covariates['note']).slice(0, 6)).toEqual(['Nørre Snede', 'Århus C', 'Æbelø, øst', 'plain', '"quoted" text', null]);
    expect(cohort.controls.slice(0, 3).map((c) => c.weight)).toEqual([1, 0.5, 1.25]);
    expect([...reference.wages.months.values()].some((w) => !Number.isInteger(w.paid_hours))).toBe(true);
    expect(reference.benefits.months.size).toBe(616);
  });

  for (const v of VARIANTS) {
    it(v.name, async () => {
      const loaded = write(tables, v);
      const got = await ingestAll(loaded);
      expect(got.cohortIngest).toEqual(reference.cohortIngest);
      expect(got.benefits).toEqual(reference.benefits);
      expect(got.wages).toEqual(reference.wages);
    });
  }

  it('reads a file with only ASCII in its first 4 MB chunk and Windows-1252 later (encoding settles on the first non-ASCII field)', async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => [`P${i}`, 'Herning', '2022-01-03', '2022-02-01']);
    rows.push(['Q1', 'Tårs', '2022-01-03', '2022-02-01']);
    const loaded = specDir({
      'participants.csv': writeCsv({ header: ['person_id', 'municipality', 'start_date', 'end_date'], rows }, { delimiter: ',', eol: '\n', encoding: 'latin1' }),
      'controls.csv': 'person_id,municipality\nK1,Herning\n',
    });
    const { cohort, warnings } = await readCohort(loaded);
    expect(cohort.participants.at(-1)!.municipality).toBe('Tårs');
    expect(warnings).toEqual([{ code: 'encoding_switched', params: { file: 'participants.csv', line: 150_002 } }]);
  });
});

/**
 * The cohort: participants and controls files → Person records, with the checks of
 * issue 4 (duplicate ids, a person in both groups, matched_to pointing nowhere, end
 * before start, unreadable dates and weights). Covariates are every other column; a
 * covariate is numeric when all its non-blank values in both files are numbers.
 */
import { resolveInput, type LoadedSpec, type ResolvedInput } from '../spec/load.js';
import type { Cohort, CovariateValue, FileReconciliation, Group, Person, ReconciliationWarning } from '../types.js';
import { layoutColumns, type ColumnLayout } from './columns.js';
import type { Dialect } from './dialect.js';
import { ErrorList } from './errorList.js';
import { readTable, type Table } from './table.js';
import type { CohortIngest, IngestOptions } from './types.js';
import { expectedDates, parseDate, parseNumber } from './values.js';

export const PARTICIPANT_COLUMNS = ['person_id', 'municipality', 'start_date', 'end_date'] as const;
export const CONTROL_COLUMNS = ['person_id', 'municipality'] as const;
export const CONTROL_OPTIONAL_COLUMNS = ['matched_to', 'reference_end_date', 'weight'] as const;

/** Blank cells and R's `NA` are missing covariate values. */
const isMissing = (v: string): boolean => v === '' || v === 'NA';

interface ParsedFile {
  readonly input: ResolvedInput;
  readonly table: Table;
  readonly layout: ColumnLayout;
  readonly errors: ErrorList;
}

export async function readCohort(loaded: LoadedSpec, opts: IngestOptions = {}): Promise<CohortIngest> {
  const pIn = resolveInput(loaded, loaded.spec.inputs.participants);
  const cIn = resolveInput(loaded, loaded.spec.inputs.controls);
  const pTable = await readTable({ path: pIn.path, display: pIn.display, role: 'participants', csv: pIn.csv }, opts);
  const pFile: ParsedFile = { input: pIn, table: pTable, layout: layoutColumns(pTable.header, PARTICIPANT_COLUMNS, [], pIn.columns, pIn.display), errors: pTable.errors };
  const participantRows = readPersonColumns(pFile, 'participant', new Map(), pIn.display);
  pFile.errors.throwIfAny();

  const cTable = await readTable({ path: cIn.path, display: cIn.display, role: 'controls', csv: cIn.csv }, opts);
  const cFile: ParsedFile = { input: cIn, table: cTable, layout: layoutColumns(cTable.header, CONTROL_COLUMNS, CONTROL_OPTIONAL_COLUMNS, cIn.columns, cIn.display), errors: cTable.errors };
  const participantLines = new Map(participantRows.map((p) => [p.id, p.line]));
  const controlRows = readPersonColumns(cFile, 'control', participantLines, pIn.display);
  cFile.errors.throwIfAny();

  const warnings: ReconciliationWarning[] = [];
  const pNames = pFile.layout.others.map((o) => o.name);
  const cNames = new Set(cFile.layout.others.map((o) => o.name));
  const common = pNames.filter((n) => cNames.has(n));
  for (const n of pNames) if (!cNames.has(n)) warnings.push({ code: 'covariate_only_in_one_file', params: { column: n, file: pIn.display } });
  for (const n of cNames) if (!pNames.includes(n)) warnings.push({ code: 'covariate_only_in_one_file', params: { column: n, file: cIn.display } });
  const numeric = numericColumns(pFile, cFile, new Set(common));
  for (const f of [pFile, cFile]) {
    if (f.table.encodingSwitchLine !== null) warnings.push({ code: 'encoding_switched', params: { file: f.input.display, line: f.table.encodingSwitchLine } });
  }

  const participants = participantRows.map((p, i) => ({ ...p, covariates: covariatesOf(pFile, i, numeric) }));
  const controls = controlRows.map((c, i) => ({ ...c, covariates: covariatesOf(cFile, i, numeric) }));
  const cohort: Cohort = { participants, controls, covariates: common };
  return { cohort, files: [reconciliation(pFile, 'participants'), reconciliation(cFile, 'controls')], warnings };
}

function reconciliation(f: ParsedFile, role: 'participants' | 'controls'): FileReconciliation {
  return { role, file: f.input.display, rows_read: f.table.rows.length, rows_used: f.table.rows.length, excluded: {} };
}

type PersonCore = Omit<Person, 'covariates'>;

function readPersonColumns(f: ParsedFile, group: Group, participantLines: ReadonlyMap<string, number>, participantsFile: string): PersonCore[] {
  const { layout, errors, table } = f;
  const col = (name: string): number | undefined => layout.index.get(name);
  const header = table.header;
  const idCol = col('person_id')!;
  const munCol = col('municipality')!;
  const startCol = col('start_date');
  const endCol = col('end_date');
  const matchedCol = col('matched_to');
  const refCol = col('reference_end_date');
  const weightCol = col('weight');
  const dateFormat = table.dialect.dateFormat;
  const seen = new Map<string, number>();
  const out: PersonCore[] = [];

  const date = (fields: readonly string[], at: number | undefined, line: number, required: boolean): string | null => {
    if (at === undefined) return null;
    const raw = fields[at]!;
    if (raw === '') {
      if (required) errors.add(`blank ${header[at]}`, line, at + 1);
      return null;
    }
    const iso = parseDate(raw, dateFormat);
    if (iso === null) errors.add(`cannot read date "${raw}" in column ${header[at]} (expected ${expectedDates(dateFormat)})`, line, at + 1);
    return iso;
  };

  for (const { line, fields } of table.rows) {
    const id = fields[idCol]!;
    if (id === '') errors.add(`blank ${header[idCol]}`, line, idCol + 1);
    else if (seen.has(id)) errors.add(`duplicate ${header[idCol]} "${id}" (first on line ${seen.get(id)})`, line, idCol + 1);
    else if (participantLines.has(id)) errors.add(`${header[idCol]} "${id}" is also a participant (${participantsFile} line ${participantLines.get(id)})`, line, idCol + 1);
    if (id !== '' && !seen.has(id)) seen.set(id, line);
    const municipality = fields[munCol]!;
    if (municipality === '') errors.add(`blank ${header[munCol]}`, line, munCol + 1);
    const startDate = date(fields, startCol, line, true);
    const endDate = date(fields, endCol, line, true);
    if (startDate && endDate && endDate < startDate) errors.add(`${header[endCol!]} ${endDate} is before ${header[startCol!]} ${startDate}`, line, endCol! + 1);
    let matchedTo: string | null = null;
    if (matchedCol !== undefined && fields[matchedCol] !== '') {
      matchedTo = fields[matchedCol]!;
      if (!participantLines.has(matchedTo)) errors.add(`${header[matchedCol]} "${matchedTo}" is not a participant (no such person_id in ${participantsFile})`, line, matchedCol + 1);
    }
    const referenceEndDate = date(fields, refCol, line, false);
    let weight = 1;
    if (weightCol !== undefined) {
      const raw = fields[weightCol]!;
      weight = parseNumber(raw, table.dialect.decimal);
      if (!(weight >= 0) || !Number.isFinite(weight)) errors.add(`cannot read ${header[weightCol]} "${raw}" (expected a number ≥ 0)`, line, weightCol + 1);
    }
    out.push({ id, group, municipality, startDate, endDate, matchedTo, referenceEndDate, weight, line });
  }
  return out;
}

function numericColumns(p: ParsedFile, c: ParsedFile, common: ReadonlySet<string>): Set<string> {
  const numeric = new Set<string>();
  const allNumeric = (f: ParsedFile, name: string): boolean => {
    const at = f.layout.others.find((o) => o.name === name)?.index;
    if (at === undefined) return true;
    const decimal: Dialect['decimal'] = f.table.dialect.decimal;
    return f.table.rows.every((r) => isMissing(r.fields[at]!) || !Number.isNaN(parseNumber(r.fields[at]!, decimal)));
  };
  for (const o of [...p.layout.others, ...c.layout.others]) {
    if (numeric.has(o.name)) continue;
    const ok = common.has(o.name) ? allNumeric(p, o.name) && allNumeric(c, o.name) : allNumeric(p.layout.others.some((x) => x.name === o.name) ? p : c, o.name);
    if (ok) numeric.add(o.name);
  }
  return numeric;
}

function covariatesOf(f: ParsedFile, rowIndex: number, numeric: ReadonlySet<string>): Record<string, CovariateValue> {
  const fields = f.table.rows[rowIndex]!.fields;
  const out: Record<string, CovariateValue> = {};
  for (const o of f.layout.others) {
    const raw = fields[o.index]!;
    out[o.name] = isMissing(raw) ? null : numeric.has(o.name) ? parseNumber(raw, f.table.dialect.decimal) : raw;
  }
  return out;
}


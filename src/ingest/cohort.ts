/**
 * The cohort: participants and controls files → Person records, with the checks of
 * issue 4 (duplicate ids, a person in both groups, matched_to pointing nowhere, end
 * before start, unreadable dates and weights). Covariates are every other column; a
 * covariate is numeric when all its non-blank values in both files are numbers.
 */
import { inputError } from '../errors.js';
import { resolveInput, type LoadedSpec, type ResolvedInput } from '../spec/load.js';
import type { Cohort, CovariateValue, FileReconciliation, Group, Person, ReconciliationWarning } from '../types.js';
import type { CodedColumn, ControlDates } from '../outcomes/followUp.js';
import { layoutColumns, type ColumnLayout } from './columns.js';
import { shown } from './errorList.js';
import { cell, readTable, type Table, type TableColumn } from './table.js';
import type { CohortIngest, CovariateColumn, IngestOptions } from './types.js';
import { FirstLines } from './firstLines.js';
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
}

/**
 * The controls as the file gives them, before their rows are checked (see readCohort's
 * `early`): ids and the dates their follow-up months come from, row by row, and the
 * participants (read and checked).
 */
export interface EarlyControls {
  readonly participants: readonly Person[];
  readonly ids: (row: number) => string;
  readonly dates: ControlDates;
}

/**
 * `early`, when given, is called once the participants are read and checked and the
 * controls file is read, and awaited before the controls' rows are checked: the pipeline
 * starts reading the panels there. It
 * gets the controls only when their ids are not blank and their reference dates read;
 * their other checks come after, so a caller must drop whatever it started if readCohort
 * throws. Whenever readCohort returns, the controls' records hold exactly these ids and dates.
 */
export async function readCohort(loaded: LoadedSpec, opts: IngestOptions = {}, early?: (controls: EarlyControls) => Promise<void>): Promise<CohortIngest> {
  const pIn = resolveInput(loaded, loaded.spec.inputs.participants);
  const cIn = resolveInput(loaded, loaded.spec.inputs.controls);
  const pTable = await readTable({ path: pIn.path, display: pIn.display, role: 'participants', csv: pIn.csv }, opts);
  const pFile: ParsedFile = { input: pIn, table: pTable, layout: layoutColumns(pTable.header, PARTICIPANT_COLUMNS, [], pIn.columns, pIn.display) };
  const cTable = await readTable({ path: cIn.path, display: cIn.display, role: 'controls', csv: cIn.csv }, opts);
  const cFile: ParsedFile = { input: cIn, table: cTable, layout: layoutColumns(cTable.header, CONTROL_COLUMNS, CONTROL_OPTIONAL_COLUMNS, cIn.columns, cIn.display) };

  const warnings: ReconciliationWarning[] = [];
  const pNames = pFile.layout.others.map((o) => o.name);
  const cNames = cFile.layout.others.map((o) => o.name);
  const common = pNames.filter((n) => cNames.includes(n));
  for (const n of pNames) if (!cNames.includes(n)) warnings.push({ code: 'covariate_only_in_one_file', params: { column: n, file: pIn.display } });
  for (const n of cNames) if (!pNames.includes(n)) warnings.push({ code: 'covariate_only_in_one_file', params: { column: n, file: cIn.display } });
  for (const f of [pFile, cFile]) {
    if (f.table.encodingSwitchLine !== null) warnings.push({ code: 'encoding_switched', params: { file: f.input.display, line: f.table.encodingSwitchLine } });
  }

  const participantLines = new Map<string, number>();
  const pColumns = covariateValues(pFile, cFile, common);
  const pRows = readPersons(pFile, 'participant', participantLines, null, pIn.display, pColumns);
  pTable.errors.throwIfAny();
  if (pRows.count === 0) throw inputError('no participants: the file has a header and no data rows', { file: pIn.display });
  const participants = Array.from({ length: pRows.count }, (_, r) => pRows.person(r));
  if (early) {
    const view = earlyControls(cFile, participants);
    if (view) await early(view);
  }
  const cColumns = covariateValues(cFile, pFile, common);
  const cRows = readPersons(cFile, 'control', participantLines, pRows.seen, pIn.display, cColumns);
  cTable.errors.throwIfAny();
  if (cRows.count === 0) throw inputError('no controls: the file has a header and no data rows', { file: cIn.display });
  // The controls' records are made when first asked for (see readPersons).
  let controls: Person[] | undefined;
  const cohort: Cohort = {
    participants,
    get controls(): Person[] {
      return (controls ??= Array.from({ length: cRows.count }, (_, r) => cRows.person(r)));
    },
    covariates: common,
  };
  const columns = (of: readonly CovariateColumn[]): CovariateColumn[] => common.map((name) => of.find((c) => c.name === name)!);
  return {
    cohort,
    files: [reconciliation(pFile, 'participants'), reconciliation(cFile, 'controls')],
    warnings,
    covariateColumns: { participants: columns(pColumns), controls: columns(cColumns) },
    municipalityColumns: { participants: municipalityColumn(pFile), controls: municipalityColumn(cFile) },
    weights: { participants: pRows.weights, controls: cRows.weights },
  };
}

/**
 * The controls' ids and dates from their columns, read as readPersons reads them (each
 * distinct reference date parsed once); null when an id is blank or a reference date does
 * not read (readPersons then reports it).
 */
function earlyControls(f: ParsedFile, participants: readonly Person[]): EarlyControls | null {
  const { layout, table } = f;
  const column = (name: string): TableColumn | undefined => {
    const at = layout.index.get(name);
    return at === undefined ? undefined : table.columns[at];
  };
  const ids = column('person_id')!;
  if (ids.dict.includes('')) return null;
  const matched = column('matched_to');
  const references = column('reference_end_date');
  let referenceOf: ((row: number) => string | null) | null = () => null;
  let referenceCoded: CodedColumn | null = null;
  if (references !== undefined) {
    const iso = references.dict.map((raw) => (raw === '' ? null : parseDate(raw, table.dialect.dateFormat)));
    // A code no row uses may be an unreadable value of a line the reader left out: only the used ones count.
    const used = new Uint8Array(iso.length);
    for (let r = 0; r < references.codes.length; r++) used[references.codes[r]!] = 1;
    if (iso.some((d, k) => d === null && used[k] === 1 && references.dict[k] !== '')) referenceOf = null;
    else {
      referenceOf = (r) => iso[references.codes[r]!]!;
      referenceCoded = { codes: references.codes, values: iso };
    }
  }
  if (referenceOf === null) return null;
  const coded = { reference: referenceCoded, matched: matched === undefined ? null : { codes: matched.codes, values: matched.dict.map((v) => v || null) } };
  return {
    participants,
    ids: (r) => cell(ids, r),
    dates: { count: table.lines.length, referenceEndDate: referenceOf, matchedTo: matched === undefined ? () => null : (r) => cell(matched, r) || null, coded },
  };
}

/** The municipality column as readPersons reads it (each row's value is its person's `municipality`). */
function municipalityColumn(f: ParsedFile): CovariateColumn {
  const { codes, dict } = f.table.columns[f.layout.index.get('municipality')!]!;
  return { name: 'municipality', codes, dict };
}

function reconciliation(f: ParsedFile, role: 'participants' | 'controls'): FileReconciliation {
  return { role, file: f.input.display, rows_read: f.table.rowsRead, rows_used: f.table.lines.length, excluded: {} };
}

/** A cohort file's persons, checked: row r's record made on demand by person(r). */
interface PersonRows {
  readonly count: number;
  /** Row r's weight (1 without a weight column). */
  readonly weights: Float64Array;
  readonly seen: FirstLines;
  person(r: number): Person;
}

/**
 * The fixed columns of one file, checked row by row. `participantLines` maps participant
 * ids to their lines: filled while reading participants, consulted for controls' matched_to.
 * `participantIds` (the participants' ids, when reading controls) finds a control who is also
 * a participant with the hash the control's own duplicate check computes anyway: a Map
 * lookup of each of 200,000 fresh id strings cost 25-35 ms more. The check makes no record:
 * person(r) makes row r's from the same columns and cached dates, so a run that needs no
 * control records (the pipeline's statistics read columns) makes none of 200,000.
 */
function readPersons(
  f: ParsedFile,
  group: Group,
  participantLines: Map<string, number>,
  participantIds: FirstLines | null,
  participantsFile: string,
  covariates: readonly CovariateColumn[],
): PersonRows {
  const { layout, table } = f;
  const errors = table.errors;
  const header = table.header;
  const column = (name: string): TableColumn | undefined => {
    const at = layout.index.get(name);
    return at === undefined ? undefined : table.columns[at];
  };
  const colNo = (name: string): number => layout.index.get(name)! + 1;
  const ids = column('person_id')!;
  const municipalities = column('municipality')!;
  const startDates = column('start_date');
  const endDates = column('end_date');
  const matched = column('matched_to');
  const references = column('reference_end_date');
  const weightColumn = column('weight');
  const { dateFormat, decimal } = table.dialect;
  const rows = table.lines.length;
  const seen = new FirstLines(rows);
  const dateCache = new Map<string, string | null>();
  const weights = new Float64Array(rows).fill(1);

  const isoOf = (raw: string): string | null => {
    let iso = dateCache.get(raw);
    if (iso === undefined) {
      iso = parseDate(raw, dateFormat);
      dateCache.set(raw, iso);
    }
    return iso;
  };
  const date = (values: TableColumn | undefined, name: string, r: number, line: number, required: boolean): string | null => {
    if (values === undefined) return null;
    const raw = cell(values, r);
    if (raw === '') {
      if (required) errors.add(`blank ${header[colNo(name) - 1]}`, line, colNo(name));
      return null;
    }
    const iso = isoOf(raw);
    if (iso === null) errors.add(`cannot read date ${shown(raw)} in column ${header[colNo(name) - 1]} (expected ${expectedDates(dateFormat)})`, line, colNo(name));
    return iso;
  };

  // Per-row work on 200,000-control cohorts: names and columns resolved once.
  const idCol = colNo('person_id');
  const idName = header[idCol - 1];
  const municipalityCol = colNo('municipality');
  for (let r = 0; r < rows; r++) {
    const line = table.lines[r]!;
    const id = cell(ids, r);
    if (id === '') errors.add(`blank ${idName}`, line, idCol);
    else {
      // A control who is also a participant is never recorded, so each of their rows says so.
      const h = FirstLines.hash(id);
      const asParticipant = participantIds === null ? -1 : participantIds.lineOf(id, h);
      if (asParticipant >= 0) errors.add(`${idName} ${shown(id)} is also a participant (${participantsFile} line ${asParticipant})`, line, idCol);
      else {
        const first = seen.firstOrAdd(id, line, h);
        if (first >= 0) errors.add(`duplicate ${idName} ${shown(id)} (first on line ${first})`, line, idCol);
      }
    }
    if (cell(municipalities, r) === '') errors.add(`blank ${header[municipalityCol - 1]}`, line, municipalityCol);
    const startDate = date(startDates, 'start_date', r, line, true);
    const endDate = date(endDates, 'end_date', r, line, true);
    if (startDate && endDate && endDate < startDate) {
      errors.add(`${header[colNo('end_date') - 1]} ${endDate} is before ${header[colNo('start_date') - 1]} ${startDate}`, line, colNo('end_date'));
    }
    if (matched !== undefined && cell(matched, r) !== '') {
      const matchedTo = cell(matched, r);
      if (!participantLines.has(matchedTo)) errors.add(`${header[colNo('matched_to') - 1]} ${shown(matchedTo)} is not a participant (no such person_id in ${participantsFile})`, line, colNo('matched_to'));
    }
    date(references, 'reference_end_date', r, line, false);
    if (weightColumn !== undefined) {
      const raw = cell(weightColumn, r);
      const weight = parseNumber(raw, decimal);
      if (!(weight >= 0) || !Number.isFinite(weight)) errors.add(`cannot read ${header[colNo('weight') - 1]} ${shown(raw)} (expected a number ≥ 0)`, line, colNo('weight'));
      weights[r] = weight;
    }
  }
  if (group === 'participant') for (const [id, line] of seen.entries()) participantLines.set(id, line);

  // Each covariate record cloned from a template with every key (same shape, no per-key growth).
  const covariatesOf = covariateRecords(covariates);
  const dateOf = (values: TableColumn | undefined, r: number): string | null => {
    if (values === undefined) return null;
    const raw = cell(values, r);
    return raw === '' ? null : isoOf(raw);
  };
  return {
    count: rows,
    weights,
    seen,
    person: (r) => ({
      id: cell(ids, r),
      group,
      municipality: cell(municipalities, r),
      startDate: dateOf(startDates, r),
      endDate: dateOf(endDates, r),
      matchedTo: matched === undefined ? null : cell(matched, r) || null,
      referenceEndDate: dateOf(references, r),
      weight: weights[r]!,
      covariates: covariatesOf(r),
      line: table.lines[r]!,
    }),
  };
}

const MAX_COMPILED = 1000;

/**
 * The maker of each person's covariate record: a plain object with the file's covariates
 * as its own properties, in file order. Made by a function compiled for this file's column
 * names, so every record is one object literal with a fixed shape: filling a copied template
 * name by name (a store under a name known only at run time, for each covariate of each
 * person) cost `effekt run` about 50 ms on 200,000 controls. The names enter the code only
 * as JSON string literals, which cannot end the literal early, so no column name can inject
 * code. A column named `__proto__` (which a literal would take as the prototype), and files
 * of more than MAX_COMPILED covariates (a function has at most 65,535 parameters), get
 * records made the slow way.
 */
function covariateRecords(columns: readonly CovariateColumn[]): (row: number) => Readonly<Record<string, CovariateValue>> {
  if (columns.length > MAX_COMPILED || columns.some((c) => c.name === '__proto__')) {
    return (r) => Object.fromEntries(columns.map((c) => [c.name, c.dict[c.codes[r]!]!]));
  }
  const fields = columns.map((c, k) => `${JSON.stringify(c.name)}: d${k}[c${k}[r]]`).join(', ');
  const params = columns.flatMap((_, k) => [`d${k}`, `c${k}`]);
  const compile = new Function(...params, `return (r) => ({ ${fields} });`) as (...columns: unknown[]) => (row: number) => Readonly<Record<string, CovariateValue>>;
  return compile(...columns.flatMap((c) => [c.dict, c.codes]));
}

/**
 * Covariate values of `f`, column-major: numbers for columns whose non-blank values are
 * all numeric (in `f`, and in `other` too when both files have the column), else strings.
 */
function covariateValues(f: ParsedFile, other: ParsedFile, common: readonly string[]): CovariateColumn[] {
  return f.layout.others.map(({ name, index }) => {
    const column = f.table.columns[index]!;
    const parsed = parseColumn(column, f.table.dialect.decimal);
    const otherAt = other.layout.others.find((o) => o.name === name)?.index;
    const numeric = parsed !== null && (!common.includes(name) || otherAt === undefined || parseColumn(other.table.columns[otherAt]!, other.table.dialect.decimal) !== null);
    const dict: readonly CovariateValue[] = numeric ? parsed : column.dict.map((v) => (isMissing(v) ? null : v));
    return { name, codes: column.codes, dict };
  });
}

/**
 * The column's dictionary as numbers (null for missing), or null if any non-blank value
 * is not a number. Each distinct value is parsed once.
 */
function parseColumn(column: TableColumn, decimal: '.' | ',' | 'auto'): (number | null)[] | null {
  const out: (number | null)[] = new Array<number | null>(column.dict.length);
  for (let k = 0; k < column.dict.length; k++) {
    const v = column.dict[k]!;
    if (isMissing(v)) {
      out[k] = null;
      continue;
    }
    const x = parseNumber(v, decimal);
    if (Number.isNaN(x)) return null;
    out[k] = x;
  }
  return out;
}

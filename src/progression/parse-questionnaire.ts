import { parse } from 'csv-parse/sync';
import { EffektError, formatLocated, inputError, type SourceLocation } from '../errors.js';
import { itemScale, type BipConfig } from './config.js';
import type { QuestionnaireRow } from './types.js';
import { parseAnswer, parseDate, parseWave } from './values.js';
import { WHO5_ITEM_MAX, WHO5_ITEM_MIN, WHO5_ITEMS } from './who5.js';

export interface QuestionnaireReadOptions {
  /** When given, BIP columns must exist and their answers are checked against their scales here. */
  readonly config?: BipConfig;
  /** canonical column name → column name in this file (as the spec's `columns`). */
  readonly columns?: Readonly<Record<string, string>>;
}

const REQUIRED = ['person_id', 'wave', 'date', ...WHO5_ITEMS.map((i) => i.column)] as const;
const MAX_LISTED = 20;

/**
 * Parses questionnaire CSV text (canonical layout, docs/progression.md): the delimiter is
 * whichever of `,` `;` tab is most frequent in the header line; a leading BOM is dropped;
 * header names are matched trimmed and case-insensitively. Hard errors are collected —
 * the first 20 listed, then a count — and thrown as one input error (exit code 2).
 */
export function parseQuestionnaire(text: string, display: string, options: QuestionnaireReadOptions = {}): QuestionnaireRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const headerLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = detectDelimiter(headerLine);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw inputError(`not readable as CSV: ${(err as Error).message}`, { file: display, ...(line ? { line } : {}) });
  }
  const [header, ...data] = records;
  if (!header) throw inputError('the questionnaire file is empty', { file: display });

  const errors = new Errors(display);
  const index = columnIndex(header.record, options.columns ?? {});
  for (const name of REQUIRED) {
    if (index.get(name) === undefined) errors.add(`missing column ${options.columns?.[name] ?? name}`, 1);
  }
  const bipColumns = options.config?.items ?? [];
  for (const item of bipColumns) {
    if (index.get(item.column) === undefined) errors.add(`missing column ${options.columns?.[item.column] ?? item.column} (a BIP item in the configuration)`, 1);
  }
  errors.throwIfAny();

  const reservedIdx = new Set(REQUIRED.map((n) => index.get(n)!));
  const reasonIdx = index.get('nonresponse_reason');
  if (reasonIdx !== undefined) reservedIdx.add(reasonIdx);
  const canonicalByIdx = new Map<number, string>();
  for (const [name, i] of index) canonicalByIdx.set(i, name);
  const columns: Record<string, number> = {};
  header.record.forEach((_, i) => (columns[canonicalByIdx.get(i) ?? header.record[i]!.trim().toLowerCase()] = i + 1));

  const rows: QuestionnaireRow[] = [];
  const seen = new Map<string, QuestionnaireRow>();
  for (const { record, info } of data) {
    const line = info.lines;
    if (record.every((c) => c.trim() === '')) continue;
    if (record.length !== header.record.length) {
      errors.add(`expected ${header.record.length} fields, found ${record.length}`, line);
      continue;
    }
    const cell = (name: string): string => record[index.get(name)!]!;
    const col = (name: string): number => index.get(name)! + 1;
    const before = errors.count;
    const personId = cell('person_id').trim();
    if (personId === '') errors.add('person_id is blank', line, col('person_id'));
    const wave = parseWave(cell('wave'));
    if (!wave.ok) errors.add(wave.message, line, col('wave'));
    const date = parseDate(cell('date'));
    if (!date.ok) errors.add(date.message, line, col('date'));
    const who5 = WHO5_ITEMS.map((item) => {
      const v = parseAnswer(cell(item.column), item.column, { min: WHO5_ITEM_MIN, max: WHO5_ITEM_MAX });
      if (!v.ok) errors.add(v.message, line, col(item.column));
      return v.ok ? v.value : null;
    });
    for (const item of bipColumns) {
      const v = parseAnswer(cell(item.column), item.column, itemScale(options.config!, item));
      if (!v.ok) errors.add(v.message, line, col(item.column));
    }
    if (errors.count > before || !wave.ok || !date.ok) continue;
    const items: Record<string, string> = {};
    record.forEach((value, i) => {
      if (!reservedIdx.has(i)) items[canonicalByIdx.get(i) ?? header.record[i]!.trim().toLowerCase()] = value.trim();
    });
    const reason = reasonIdx === undefined ? '' : record[reasonIdx]!.trim();
    const row: QuestionnaireRow = {
      personId,
      wave: wave.value,
      date: date.value,
      who5,
      items,
      nonresponseReason: reason === '' ? null : reason,
      file: display,
      line,
      columns,
    };
    const key = `${personId}\u0000${row.wave}`;
    const other = seen.get(key);
    if (other) {
      errors.add(`second ${row.wave} questionnaire for person ${personId} (first on line ${other.line})`, line, col('person_id'));
      continue;
    }
    seen.set(key, row);
    rows.push(row);
  }
  checkWaveOrder(rows, seen, errors);
  errors.throwIfAny();
  return rows;
}

/** An end questionnaire dated before the same person's start questionnaire is a data error. */
function checkWaveOrder(rows: readonly QuestionnaireRow[], seen: ReadonlyMap<string, QuestionnaireRow>, errors: Errors): void {
  for (const row of rows) {
    if (row.wave !== 'end' || row.date === null) continue;
    const start = seen.get(`${row.personId}\u0000start`);
    if (start?.date && row.date < start.date) {
      errors.add(`end questionnaire dated ${row.date} is before the start questionnaire (${start.date}, line ${start.line})`, row.line, row.columns['date']);
    }
  }
}

function detectDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** canonical name → 0-based index; file names are matched trimmed and case-insensitively. */
function columnIndex(header: readonly string[], mapping: Readonly<Record<string, string>>): Map<string, number> {
  const byName = new Map<string, number>();
  header.forEach((h, i) => byName.set(h.trim().toLowerCase(), i));
  const index = new Map<string, number>();
  for (const [name, i] of byName) index.set(name, i);
  for (const [canonical, fileName] of Object.entries(mapping)) {
    const i = byName.get(fileName.trim().toLowerCase());
    if (i !== undefined) index.set(canonical, i);
  }
  return index;
}

/** The first 20 errors in full, then a count; thrown as one EffektError. */
class Errors {
  private readonly listed: { message: string; location: SourceLocation }[] = [];
  count = 0;
  constructor(private readonly file: string) {}
  add(message: string, line?: number, column?: number): void {
    this.count++;
    if (this.listed.length < MAX_LISTED) {
      this.listed.push({ message, location: { file: this.file, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) } });
    }
  }
  throwIfAny(): void {
    const [first, ...rest] = this.listed;
    if (!first) return;
    const details = rest.map((e) => formatLocated(e.message, e.location));
    const hidden = this.count - this.listed.length;
    if (hidden > 0) details.push(`${this.file}: ${hidden} more error${hidden === 1 ? '' : 's'} not shown (${this.count} in total)`);
    throw new EffektError(first.message, { exitCode: 2, location: first.location, details });
  }
}

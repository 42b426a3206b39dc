import { layoutColumns } from '../ingest/columns.js';
import type { DateFormat } from '../ingest/dialect.js';
import type { ErrorList } from '../ingest/errorList.js';
import { expectedDates, parseDate } from '../ingest/values.js';
import { itemScale, type BipConfig } from './config.js';
import type { QuestionnaireRow } from './types.js';
import { parseAnswer, parseWave } from './values.js';
import { WHO5_ITEM_MAX, WHO5_ITEM_MIN, WHO5_ITEMS } from './who5.js';

export interface QuestionnaireReadOptions {
  /** When given, BIP columns must exist and their answers are checked against their scales here. */
  readonly config?: BipConfig;
  /** canonical column name → column name in this file (the spec's `inputs.questionnaire.columns`). */
  readonly columns?: Readonly<Record<string, string>>;
}

export const QUESTIONNAIRE_COLUMNS = ['person_id', 'wave', 'date', ...WHO5_ITEMS.map((i) => i.column)] as const;
const OPTIONAL = ['nonresponse_reason'] as const;

/**
 * Questionnaire rows from split CSV records (header decoded and trimmed), with the
 * register files' column mapping (src/ingest/columns.ts) and date parsing. Hard problems
 * go to `errors` (the caller throws them together): person_id blank, wave not start/end,
 * bad date, answers off their scale, a second row for the same person and wave, an end
 * questionnaire dated before the start.
 */
export function rowsFromFields(
  header: readonly string[],
  records: readonly { readonly line: number; readonly fields: readonly string[] }[],
  display: string,
  options: QuestionnaireReadOptions,
  dateFormat: DateFormat | 'auto',
  errors: ErrorList,
): QuestionnaireRow[] {
  const bipItems = options.config?.items ?? [];
  const layout = layoutColumns(header, [...QUESTIONNAIRE_COLUMNS, ...bipItems.map((i) => i.column)], OPTIONAL, options.columns ?? {}, display);
  const at = (name: string): number => layout.index.get(name)!;
  const columns: Record<string, number> = {};
  for (const [name, i] of layout.index) columns[name] = i + 1;
  for (const o of layout.others) columns[o.name] = o.index + 1;
  const itemColumns = [...bipItems.map((i) => ({ name: i.column, index: at(i.column) })), ...layout.others];
  const reasonAt = layout.index.get('nonresponse_reason');

  const rows: QuestionnaireRow[] = [];
  const seen = new Map<string, QuestionnaireRow>();
  for (const { line, fields } of records) {
    const before = errors.count;
    const cell = (name: string): string => fields[at(name)]!.trim();
    const personId = cell('person_id');
    if (personId === '') errors.add(`blank ${header[at('person_id')]}`, line, at('person_id') + 1);
    const wave = parseWave(cell('wave'));
    if (!wave.ok) errors.add(wave.message, line, at('wave') + 1);
    const dateText = cell('date');
    const date = dateText === '' ? null : parseDate(dateText, dateFormat);
    if (dateText !== '' && date === null) {
      errors.add(`cannot read date "${dateText}" in column ${header[at('date')]} (expected ${expectedDates(dateFormat)})`, line, at('date') + 1);
    }
    const who5 = WHO5_ITEMS.map((item) => {
      const v = parseAnswer(cell(item.column), item.column, { min: WHO5_ITEM_MIN, max: WHO5_ITEM_MAX });
      if (!v.ok) errors.add(v.message, line, at(item.column) + 1);
      return v.ok ? v.value : null;
    });
    for (const item of bipItems) {
      const v = parseAnswer(cell(item.column), item.column, itemScale(options.config!, item));
      if (!v.ok) errors.add(v.message, line, at(item.column) + 1);
    }
    if (errors.count > before || !wave.ok) continue;
    const items: Record<string, string> = {};
    for (const c of itemColumns) items[c.name] = fields[c.index]!.trim();
    const reason = reasonAt === undefined ? '' : fields[reasonAt]!.trim();
    const row: QuestionnaireRow = { personId, wave: wave.value, date, who5, items, nonresponseReason: reason === '' ? null : reason, file: display, line, columns };
    const key = `${personId}\u0000${row.wave}`;
    const other = seen.get(key);
    if (other) {
      errors.add(`second ${row.wave} questionnaire for person ${personId} (first on line ${other.line})`, line, at('person_id') + 1);
      continue;
    }
    seen.set(key, row);
    rows.push(row);
  }
  for (const row of rows) {
    const start = row.wave === 'end' ? seen.get(`${row.personId}\u0000start`) : undefined;
    if (start?.date && row.date !== null && row.date < start.date) {
      errors.add(`end questionnaire dated ${row.date} is before the start questionnaire (${start.date}, line ${start.line})`, row.line, at('date') + 1);
    }
  }
  return rows;
}

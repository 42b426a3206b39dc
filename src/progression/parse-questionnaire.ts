import { parse } from 'csv-parse/sync';
import { inputError } from '../errors.js';
import { ErrorList } from '../ingest/errorList.js';
import { fieldCountMessage } from '../ingest/table.js';
import { rowsFromFields, type QuestionnaireReadOptions } from './rows-from-fields.js';
import type { QuestionnaireRow } from './types.js';

/**
 * Questionnaire rows from CSV text already in memory (tests, the example generator).
 * Files go through readQuestionnaire, which uses the register files' reader; this one
 * mirrors its defaults: BOM dropped, delimiter = the most frequent of `,` `;` tab in the
 * header line, dates in any of the accepted formats. All errors are thrown together.
 */
export function parseQuestionnaire(text: string, display: string, options: QuestionnaireReadOptions = {}): QuestionnaireRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const headerLine = body.slice(0, body.search(/\r?\n|$/));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, { delimiter: sniffDelimiter(headerLine), relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw inputError(`not readable as CSV: ${(err as Error).message}`, { file: display, ...(line ? { line } : {}) });
  }
  const [head, ...data] = records;
  if (!head) throw inputError('the questionnaire file is empty', { file: display });
  const header = head.record.map((h) => h.trim());
  const errors = new ErrorList(display);
  const rows: { line: number; fields: string[] }[] = [];
  for (const { record, info } of data) {
    if (record.length !== header.length) errors.add(fieldCountMessage(header.length, record.length), info.lines);
    else if (record.some((c) => c.trim() !== '')) rows.push({ line: info.lines, fields: record });
  }
  const out = rowsFromFields(header, rows, display, options, 'auto', errors);
  errors.throwIfAny();
  return out;
}

function sniffDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

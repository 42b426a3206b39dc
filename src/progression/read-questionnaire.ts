import type { IngestOptions } from '../ingest/types.js';
import { cell, readTable } from '../ingest/table.js';
import type { CsvOptions } from '../spec/schema.js';
import { rowsFromFields, type QuestionnaireReadOptions } from './rows-from-fields.js';
import type { QuestionnaireRow } from './types.js';

export interface QuestionnaireFileOptions extends QuestionnaireReadOptions {
  /** The spec's `inputs.questionnaire.csv` (delimiter, encoding, date format; `auto` by default). */
  readonly csv?: Partial<CsvOptions>;
  readonly onProgress?: IngestOptions['onProgress'];
}

/**
 * Reads a questionnaire CSV file with the register files' reader (src/ingest: dialect
 * detection — BOM, UTF-8 or Windows-1252, `,` `;` or tab, Danish dates — and the same
 * column mapping and error reporting), then validates it as parseQuestionnaire does.
 * `display` names the file in messages. All errors are thrown together (exit code 2).
 */
export async function readQuestionnaire(path: string, display: string, options: QuestionnaireFileOptions = {}): Promise<QuestionnaireRow[]> {
  const table = await readTable({ path, display, role: 'questionnaire', csv: options.csv ?? {} }, options.onProgress ? { onProgress: options.onProgress } : {});
  // The shared reader stores the table column by column; the questionnaire is small, so rebuild rows.
  const records = Array.from(table.lines, (line, r) => ({ line, fields: table.columns.map((col) => cell(col, r)) }));
  const rows = rowsFromFields(table.header, records, display, options, table.dialect.dateFormat, table.errors);
  table.errors.throwIfAny();
  return rows;
}

import { readFileSync } from 'node:fs';
import { inputError } from '../errors.js';
import { parseQuestionnaire, type QuestionnaireReadOptions } from './parse-questionnaire.js';
import type { QuestionnaireRow } from './types.js';

/**
 * Reads a questionnaire CSV file. Bytes are decoded as UTF-8, falling back to
 * Windows-1252 when they are not valid UTF-8 (Danish Excel exports); see
 * parseQuestionnaire for the layout and checks. `display` names the file in messages.
 */
export function readQuestionnaire(path: string, display: string, options: QuestionnaireReadOptions = {}): QuestionnaireRow[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw inputError(`cannot read questionnaire file (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { file: display });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return parseQuestionnaire(text, display, options);
}

/** The note's message modules, one per language with identical keys. */
import { da, type Messages } from './da.js';
import { en } from './en.js';

export type Lang = 'da' | 'en';
export type { Messages };

export const MESSAGES: Readonly<Record<Lang, Messages>> = { da, en };

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}

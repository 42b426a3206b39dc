/**
 * Cell parsers of the questionnaire file. Each returns the value or a message saying
 * what was expected (the caller adds file, line and column).
 */
import type { LikertScale } from './config.js';
import type { Wave } from './types.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const WAVES: Readonly<Record<string, Wave>> = { start: 'start', end: 'end', slut: 'end' };

export function parseWave(text: string): Parsed<Wave> {
  const wave = WAVES[text.trim().toLowerCase()];
  return wave ? { ok: true, value: wave } : { ok: false, message: `wave must be start or end (slut), got "${text}"` };
}

/** A whole-number answer within [scale.min, scale.max]; blank → null. */
export function parseAnswer(text: string, column: string, scale: Pick<LikertScale, 'min' | 'max'>): Parsed<number | null> {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  // Excel exports may write whole numbers as "3,0" or "3.0".
  const m = /^([+-]?\d+)(?:[.,]0+)?$/.exec(t);
  const v = m ? Number(m[1]) : Number.NaN;
  if (!Number.isInteger(v) || v < scale.min || v > scale.max) {
    return { ok: false, message: `${column} must be a whole number from ${scale.min} to ${scale.max} (or blank), got "${text}"` };
  }
  return { ok: true, value: v };
}

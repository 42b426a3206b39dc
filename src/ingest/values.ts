/**
 * Value parsers for register extracts. The byte-level ones (weeks, months, numbers) run
 * on every panel row and work directly on the chunk buffer; the string ones serve the
 * small cohort files. Week and month spellings are told apart by length, so they are
 * always recognised per value; dates and decimal marks follow the file's dialect.
 */
import { civilFromDays, daysFromCivil, formatIsoWeek, isValidDate, isoWeekOfDays, isoWeeksInYear, monthIndex, thursdayOfIsoWeek, type MonthIndex } from '../util/months.js';
import type { DateFormat } from './dialect.js';

export const DATE_FORMATS: readonly DateFormat[] = ['yyyy-mm-dd', 'dd-mm-yyyy', 'dd.mm.yyyy'];

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY_DASH = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const DMY_DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** A date as ISO yyyy-mm-dd, or null when `text` is not a valid date in the format(s) allowed. */
export function parseDate(text: string, format: DateFormat | 'auto'): string | null {
  let m: RegExpExecArray | null = null;
  let y = 0;
  let mo = 0;
  let d = 0;
  if ((format === 'auto' || format === 'yyyy-mm-dd') && (m = ISO_DATE.exec(text))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((format === 'auto' || format === 'dd-mm-yyyy') && (m = DMY_DASH.exec(text))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((format === 'auto' || format === 'dd.mm.yyyy') && (m = DMY_DOT.exec(text))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  if (!isValidDate(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function expectedDates(format: DateFormat | 'auto'): string {
  return format === 'auto' ? 'yyyy-mm-dd, dd-mm-yyyy or dd.mm.yyyy' : `${format}, as the spec's csv.date_format says`;
}

// An exponent, as R's write.csv writes 100000 (`1e+05`) and 0.0001 (`1e-04`).
const NUMBER_ANY = /^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_DOT = /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_COMMA = /^[+-]?\d+(?:,\d+)?(?:[eE][+-]?\d+)?$/;

/** A decimal number with at most one decimal mark (no thousands separators) and an optional exponent, or NaN. */
export function parseNumber(text: string, decimal: '.' | ',' | 'auto'): number {
  const re = decimal === 'auto' ? NUMBER_ANY : decimal === '.' ? NUMBER_DOT : NUMBER_COMMA;
  if (!re.test(text)) return NaN;
  return Number(text.replace(',', '.'));
}

const SPACE = 32;
const TAB = 9;
const ZERO = 48;
const DASH = 45;
const PLUS = 43;
const DOT = 46;
const COMMA = 44;
const E_LOWER = 101;
const E_UPPER = 69;

/** Digits a plain number may have in all: below 2^53, so it is an exact double. */
const PLAIN_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: PLAIN_DIGITS + 1 }, (_, k) => 10 ** k);

/** The decimal marks (bytes) a number may have under a dialect's `decimal` setting; -1: none. */
export function decimalMarks(decimal: '.' | ',' | 'auto'): [number, number] {
  return [decimal === ',' ? COMMA : DOT, decimal === 'auto' ? COMMA : -1];
}
/**
 * A plain number in buf[s, e): digits, optionally a decimal mark (markA or markB) and more
 * digits, at most PLAIN_DIGITS digits in all; -1 for anything else, which parseNumberBytes
 * reads or rejects. The value is the digits as an integer divided by a power of ten:
 * both are exact doubles and one division rounds correctly (Clinger's fast path, 1990), so
 * it is the double Number() gives for the same spelling, to the last bit.
 */
export function plainNumber(buf: Buffer, s: number, e: number, markA: number, markB: number): number {
  let value = 0;
  let digits = 0;
  let k = s;
  for (; k < e; k++) {
    const d = buf[k]! - ZERO;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    digits++;
  }
  if (digits === 0 || digits > PLAIN_DIGITS) return -1;
  if (k === e) return value;
  const mark = buf[k];
  if (mark !== markA && mark !== markB) return -1;
  const first = ++k;
  for (; k < e; k++) {
    const d = buf[k]! - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  const decimals = e - first;
  if (decimals === 0 || digits + decimals > PLAIN_DIGITS) return -1;
  return value / POWERS_OF_TEN[decimals]!;
}

/** The same as parseNumber on buf[s, e) (surrounding spaces allowed), without making a string. */
export function parseNumberBytes(buf: Buffer, s: number, e: number, decimal: '.' | ',' | 'auto'): number {
  while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
  while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
  if (s >= e) return NaN;
  let sign = 1;
  const first = buf[s];
  if (first === DASH || first === PLUS) {
    if (first === DASH) sign = -1;
    s++;
  }
  // The usual spelling (digits, perhaps a decimal mark and more) is converted exactly here;
  // anything else (many digits, an exponent) is checked below and left to Number().
  const [markA, markB] = decimalMarks(decimal);
  const plain = plainNumber(buf, s, e, markA, markB);
  if (plain >= 0) return sign * plain;
  let intPart = 0;
  let digits = 0;
  let k = s;
  for (; k < e; k++) {
    const d = buf[k]! - ZERO;
    if (d < 0 || d > 9) break;
    intPart = intPart * 10 + d;
    digits++;
  }
  if (digits === 0) return NaN;
  if (k === e) return digits > 15 ? Number(buf.toString('latin1', s, e)) * sign : sign * intPart;
  const mark = buf[k];
  if (mark !== E_LOWER && mark !== E_UPPER) {
    const markOk = decimal === 'auto' ? mark === DOT || mark === COMMA : mark === (decimal === '.' ? DOT : COMMA);
    if (!markOk || k + 1 >= e) return NaN;
    k++;
    const first = k;
    while (k < e && buf[k]! - ZERO >= 0 && buf[k]! - ZERO <= 9) k++;
    if (k === first) return NaN;
  }
  if (k < e) {
    // An exponent: e or E, an optional sign, digits.
    if (buf[k] !== E_LOWER && buf[k] !== E_UPPER) return NaN;
    k++;
    if (k < e && (buf[k] === PLUS || buf[k] === DASH)) k++;
    if (k >= e) return NaN;
    for (; k < e; k++) {
      const d = buf[k]! - ZERO;
      if (d < 0 || d > 9) return NaN;
    }
  }
  // Exact decimal conversion: let the engine parse the canonical spelling.
  const text = buf.toString('latin1', s, e);
  return sign * Number(mark === COMMA ? text.replace(',', '.') : text);
}

/**
 * ISO weeks are numbered globally by their Thursday: week number = (days since
 * 1970-01-01 of the Thursday) / 7, an integer because 1970-01-01 was a Thursday.
 * Years 1900–2199 are accepted; the table is built once.
 */
const FIRST_YEAR = 1900;
const YEARS = 300;
const weekTable = new Int32Array(YEARS * 54).fill(0x7fffffff);
for (let y = 0; y < YEARS; y++) {
  const n = isoWeeksInYear(FIRST_YEAR + y);
  // A week's Thursday is week 1's plus 7 days a week (thursdayOfIsoWeek once a year, not a
  // week: this runs as every run loads the CLI).
  const first = thursdayOfIsoWeek(FIRST_YEAR + y, 1) / 7;
  for (let w = 1; w <= n; w++) weekTable[y * 54 + w] = first + w - 1;
}
export const NO_WEEK = 0x7fffffff;
/** weekNumber's table: entry (year - 1900) * 54 + week (NO_WEEK where there is no such week). Read-only: the WebAssembly kernel copies it. */
export const ISO_WEEK_TABLE: Readonly<Int32Array> = weekTable;
/** Global numbers of the accepted weeks lie in [WEEK_BASE, WEEK_BASE + WEEK_SPAN). */
export const WEEK_BASE = weekTable[1]!;
export const WEEK_SPAN = weekTable[(YEARS - 1) * 54 + isoWeeksInYear(FIRST_YEAR + YEARS - 1)]! - WEEK_BASE + 1;
export const BLANK = 0x7ffffffe;

/** Global week number of `2022-W14`, `2022W14` or DREAM-style `202214` in buf[s, e); BLANK for an empty field or R's NA; NO_WEEK if invalid. */
export function parseWeekBytes(buf: Buffer, s: number, e: number): number {
  while (s < e && buf[s] === SPACE) s++;
  while (e > s && buf[e - 1] === SPACE) e--;
  const n = e - s;
  if (n === 0 || isNA(buf, s, e)) return BLANK;
  if (n < 6 || n > 8) return NO_WEEK;
  const y = digits4(buf, s);
  if (y < 0) return NO_WEEK;
  let k = s + 4;
  if (n === 8) {
    if (buf[k] !== DASH) return NO_WEEK;
    k++;
  }
  if (n >= 7) {
    const w = buf[k];
    if (w !== 87 && w !== 119) return NO_WEEK; // W or w
    k++;
  }
  if (e - k !== 2) return NO_WEEK;
  const a = buf[k]! - ZERO;
  const b = buf[k + 1]! - ZERO;
  if (a < 0 || a > 9 || b < 0 || b > 9) return NO_WEEK;
  return weekNumber(y, a * 10 + b);
}

/** Global number of ISO week `week` of `year`, or NO_WEEK if there is no such week (or the year is outside 1900–2199). */
export function weekNumber(year: number, week: number): number {
  const yi = year - FIRST_YEAR;
  if (yi < 0 || yi >= YEARS || week < 1 || week > 53) return NO_WEEK;
  return weekTable[yi * 54 + week]!;
}

/** Month index of `2022-04` or `202204` in buf[s, e); BLANK for an empty field; NO_WEEK if invalid. */
export function parseMonthBytes(buf: Buffer, s: number, e: number): number {
  while (s < e && buf[s] === SPACE) s++;
  while (e > s && buf[e - 1] === SPACE) e--;
  const n = e - s;
  if (n === 0) return BLANK;
  if (n !== 6 && n !== 7) return NO_WEEK;
  const y = digits4(buf, s);
  if (y < 0) return NO_WEEK;
  let k = s + 4;
  if (n === 7) {
    if (buf[k] !== DASH) return NO_WEEK;
    k++;
  }
  const a = buf[k]! - ZERO;
  const b = buf[k + 1]! - ZERO;
  if (a < 0 || a > 9 || b < 0 || b > 9) return NO_WEEK;
  const month = a * 10 + b;
  if (month < 1 || month > 12 || y < FIRST_YEAR || y >= FIRST_YEAR + YEARS) return NO_WEEK;
  return monthIndex(y, month);
}

/** Whether buf[s, e) is `NA`, R's missing value (write.csv's default). */
export function isNA(buf: Buffer, s: number, e: number): boolean {
  return e - s === 2 && buf[s] === 78 && buf[s + 1] === 65;
}

function digits4(buf: Buffer, s: number): number {
  let y = 0;
  for (let k = s; k < s + 4; k++) {
    const d = buf[k]! - ZERO;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  return y;
}

/** The weeks (global numbers) whose Thursday falls in month `m`: first and count (4 or 5). */
export function weeksOfMonth(m: MonthIndex): { first: number; count: number } {
  const year = Math.floor(m / 12);
  const month = (m % 12) + 1;
  const day1 = daysFromCivil(year, month, 1);
  const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  const firstThursday = day1 + ((((-day1) % 7) + 7) % 7);
  return { first: firstThursday / 7, count: Math.floor((next - 1 - firstThursday) / 7) + 1 };
}

/** The month containing the Thursday of global week `gw`. */
export function monthOfWeek(gw: number): MonthIndex {
  const { year, month } = civilFromDays(gw * 7);
  return monthIndex(year, month);
}

/** `2022-W14` for a global week number. */
export function formatWeek(gw: number): string {
  const { year, week } = isoWeekOfDays(gw * 7);
  return formatIsoWeek(year, week);
}

/**
 * Per-row work of the monthly wage panel, on raw bytes: parse the month and the two
 * numbers (every row is checked: negative hours are an error), find the person, and sum
 * hours and income of the rows in the person's wanted month (one row per employer).
 * Buckets in order of precedence: person_not_in_cohort, outside_follow_up_month, used.
 */
import type { RowError } from './benefitKernel.js';
import type { Dialect } from './dialect.js';
import { shown } from './errorList.js';
import { IdTable, PersonCursor, type IdTableParts } from './idTable.js';
import type { RowKernel } from './rowScan.js';
import { decodeBytes } from './text.js';
import { BLANK, NO_WEEK, isNA, parseMonthBytes, parseNumberBytes } from './values.js';

export interface WageParams {
  readonly ids: IdTableParts;
  readonly months: Int32Array;
  readonly dialect: Dialect;
  readonly names: readonly string[];
  /** 0-based field indices of person_id, month, paid_hours, wage_income */
  readonly columns: readonly [number, number, number, number];
}

export interface WagePartial {
  readonly hours: Float64Array;
  readonly income: Float64Array;
  readonly rowsOf: Int32Array;
  /** The persons with rows lie in [lowPerson, highPerson] (empty when low > high): the merge reads only those. */
  readonly lowPerson: number;
  readonly highPerson: number;
  readonly used: number;
  readonly excluded: { person_not_in_cohort: number; outside_follow_up_month: number };
  readonly minMonth: number;
  readonly maxMonth: number;
  readonly errors: RowError[];
  readonly errorCount: number;
  readonly encodingSwitchLine: number | null;
}

const MAX_ERRORS = 20;
const SPACE = 32;

export class WageKernel implements RowKernel {
  readonly hours: Float64Array;
  readonly income: Float64Array;
  readonly rowsOf: Int32Array;
  used = 0;
  lowPerson = Number.MAX_SAFE_INTEGER;
  highPerson = -1;
  readonly excluded = { person_not_in_cohort: 0, outside_follow_up_month: 0 };
  minMonth = NO_WEEK;
  maxMonth = -NO_WEEK;
  readonly errors: RowError[] = [];
  errorCount = 0;
  encodingSwitchLine: number | null = null;
  private readonly ids: IdTable;
  private readonly dialect: Dialect;
  private readonly cursor: PersonCursor;

  constructor(private readonly p: WageParams) {
    this.ids = new IdTable(p.ids);
    this.cursor = new PersonCursor(this.ids);
    const n = p.months.length;
    this.hours = new Float64Array(n);
    this.income = new Float64Array(n);
    this.rowsOf = new Int32Array(n);
    this.dialect = { ...p.dialect };
  }

  row(buf: Buffer, f: Int32Array, line: number): void {
    const [, monthCol, hoursCol, incomeCol] = this.p.columns;
    const month = parseMonthBytes(buf, f[2]!, f[3]!);
    if (month === NO_WEEK || month === BLANK) {
      this.error(`cannot read month ${shown(this.text(buf, f[2]!, f[3]!, line).trim())} in column ${this.p.names[monthCol]} (expected 2022-04 or 202204)`, line, monthCol + 1);
      return;
    }
    const h = this.number(buf, f[4]!, f[5]!, line, hoursCol);
    const w = this.number(buf, f[6]!, f[7]!, line, incomeCol);
    if (Number.isNaN(h) || Number.isNaN(w)) return;
    if (h < 0) {
      this.error(`negative ${this.p.names[hoursCol]} ${this.text(buf, f[4]!, f[5]!, line).trim()}`, line, hoursCol + 1);
      return;
    }
    if (month < this.minMonth) this.minMonth = month;
    if (month > this.maxMonth) this.maxMonth = month;
    const p = this.person(buf, f[0]!, f[1]!, line);
    if (p < 0) {
      if (p === -1) this.excluded.person_not_in_cohort++;
      return;
    }
    if (month !== this.p.months[p]) {
      this.excluded.outside_follow_up_month++;
      return;
    }
    this.hours[p]! += h;
    this.income[p]! += w;
    this.rowsOf[p]!++;
    if (p < this.lowPerson) this.lowPerson = p;
    if (p > this.highPerson) this.highPerson = p;
    this.used++;
  }

  error(message: string, line: number, column?: number): void {
    this.errorCount++;
    if (this.errors.length < MAX_ERRORS) this.errors.push({ message, line, ...(column !== undefined ? { column } : {}) });
  }

  /** A blank number, or R's NA, is 0 (no hours or no income reported); anything unreadable is an error (NaN). */
  private number(buf: Buffer, s: number, e: number, line: number, col: number): number {
    let a = s;
    let b = e;
    while (a < b && buf[a] === SPACE) a++;
    while (b > a && buf[b - 1] === SPACE) b--;
    if (a === b || isNA(buf, a, b)) return 0;
    const decimal = this.dialect.decimal;
    const x = parseNumberBytes(buf, s, e, decimal);
    if (Number.isNaN(x)) {
      const mark = decimal === 'auto' ? '' : ` with decimal mark "${decimal}"`;
      this.error(`cannot read ${this.p.names[col]} ${shown(this.text(buf, s, e, line).trim())} (expected a number${mark})`, line, col + 1);
    }
    return x;
  }

  /** Person index, -1 if not wanted, -2 after reporting a blank id. */
  private person(buf: Buffer, s: number, e: number, line: number): number {
    const p = this.cursor.person(buf, s, e);
    if (p === -2) {
      const col = this.p.columns[0];
      this.error(`blank ${this.p.names[col]}`, line, col + 1);
    }
    return p;
  }

  private text(buf: Buffer, s: number, e: number, line: number): string {
    return decodeBytes(buf, s, e, this.dialect, () => {
      this.encodingSwitchLine ??= line;
    });
  }

  result(): WagePartial {
    return {
      hours: this.hours,
      income: this.income,
      rowsOf: this.rowsOf,
      lowPerson: this.lowPerson,
      highPerson: this.highPerson,
      used: this.used,
      excluded: this.excluded,
      minMonth: this.minMonth,
      maxMonth: this.maxMonth,
      errors: this.errors,
      errorCount: this.errorCount,
      encodingSwitchLine: this.encodingSwitchLine,
    };
  }
}

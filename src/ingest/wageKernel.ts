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
import { generalLine, type RowKernel } from './rowScan.js';
import { decodeBytes } from './text.js';
import { acquireWageWasm, type WageWasm } from './wageWasm.js';
import { engineGivesUp, engineLoop, type EngineUse } from './wasmEngine.js';
import { BLANK, NO_WEEK, decimalMarks, isNA, parseMonthBytes, parseNumberBytes, plainNumber } from './values.js';

export interface WageParams {
  readonly ids: IdTableParts;
  readonly months: Int32Array;
  readonly dialect: Dialect;
  readonly names: readonly string[];
  /** 0-based field indices of person_id, month, paid_hours, wage_income */
  readonly columns: readonly [number, number, number, number];
  /** Read the usual lines with the WebAssembly loop (wageWasm.ts) when it applies; default true. */
  readonly wasm?: boolean;
}

export interface WagePartial {
  /** Sums of persons lowPerson..highPerson (person p at p − lowPerson). */
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
const LF = 10;
const CR = 13;

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
  /** person_id, month, paid_hours, wage_income are fields 1 to 4 of 4: the line-by-line fast path applies. */
  private readonly canonicalLayout: boolean;
  /** The decimal marks a plain number may have (-1: none). */
  private readonly markA: number;
  private readonly markB: number;
  private readonly fields = new Int32Array(8);
  /** The WebAssembly loop reading the usual lines, which shares hours, income and rowsOf with this kernel; null: none. */
  private engine: WageWasm | null;
  /** Lines the engine left to this kernel, and lines it read: when most are left, it is not used. */
  private readonly use: EngineUse = { handedBack: 0, engineLines: 0 };

  constructor(private readonly p: WageParams) {
    this.ids = new IdTable(p.ids);
    this.cursor = new PersonCursor(this.ids);
    const n = p.months.length;
    this.dialect = { ...p.dialect };
    const c = p.columns;
    this.canonicalLayout = p.names.length === 4 && c[0] === 0 && c[1] === 1 && c[2] === 2 && c[3] === 3;
    [this.markA, this.markB] = decimalMarks(p.dialect.decimal);
    this.engine = this.canonicalLayout && p.wasm !== false ? acquireWageWasm(p, this.minMonth, this.maxMonth, 0x7fffffff) : null;
    this.hours = this.engine?.hours ?? new Float64Array(n);
    this.income = this.engine?.income ?? new Float64Array(n);
    this.rowsOf = this.engine?.rowsOf ?? new Int32Array(n);
  }

  /** The buffer for rowScan to read a range into: the engine's, which its loop can read. */
  buffer(size: number): Buffer | undefined {
    return this.engine !== null && size <= this.engine.chunk.length ? this.engine.chunk.subarray(0, size) : undefined;
  }

  /**
   * The fast path of a canonical layout: a line whose month reads and whose hours and
   * income are plain numbers (see plainNumber) is taken here field by field, in one pass
   * that also finds its end; the id is compared first with the previous row's (a person's
   * months are usually consecutive). Any other line (blank, a sign, spaces, NA, an
   * exponent, a wrong number of fields, an unreadable month) is split and read by `row`,
   * which reports what is wrong with it, as is every line of another layout.
   */
  lines(buf: Buffer, pos: number, limit: number, counts: { line: number; rows: number }): number {
    if (!this.canonicalLayout) return pos;
    const engine = this.engine;
    if (engine === null || !engine.owns(buf) || engineGivesUp(this.use)) return this.jsLines(buf, pos, limit, counts, false);
    return engineLoop(this.use, counts, pos, (p) => engine.lines(buf, p, limit, this.p.dialect.delimiter, this.markA, this.markB), (p) => this.jsLines(buf, p, limit, counts, true));
  }

  /** The line-by-line path in JavaScript: every line, or only the first (`once`). */
  private jsLines(buf: Buffer, pos: number, limit: number, counts: { line: number; rows: number }, once: boolean): number {
    const delim = this.p.dialect.delimiter;
    const cursor = this.cursor;
    const { markA, markB } = this;
    let line = counts.line;
    let rows = 0;
    for (;;) {
      const idEnd = cursor.idField(buf, pos, limit, delim);
      const same = cursor.idSame;
      if (idEnd > 0) {
        const ms = idEnd + 1;
        let k = ms;
        while (k < limit && buf[k] !== delim && buf[k] !== LF) k++;
        const month = k < limit && buf[k] === delim ? parseMonthBytes(buf, ms, k) : NO_WEEK;
        if (month !== NO_WEEK && month !== BLANK) {
          const hs = k + 1;
          k = hs;
          while (k < limit && buf[k] !== delim && buf[k] !== LF) k++;
          const h = k < limit && buf[k] === delim ? plainNumber(buf, hs, k, markA, markB) : -1;
          if (h >= 0) {
            const is = k + 1;
            k = is;
            while (k < limit && buf[k] !== delim && buf[k] !== LF) k++;
            const w = k < limit && buf[k] === LF ? plainNumber(buf, is, k > is && buf[k - 1] === CR ? k - 1 : k, markA, markB) : -1;
            if (w >= 0) {
              rows++;
              this.take(buf, pos, idEnd, same ? cursor.lastPerson : -3, month, h, w, line);
              line++;
              pos = k + 1;
              if (once) break;
              continue;
            }
          }
        }
      }
      const next = generalLine(this, buf, pos, limit, line, delim, 4, this.fields, counts);
      if (next < 0) break;
      line++;
      pos = next;
      if (once) break;
    }
    counts.line = line;
    counts.rows += rows;
    return pos;
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
    this.take(buf, f[0]!, f[1]!, -3, month, h, w, line);
  }

  /**
   * A row whose fields all read, with its id in buf[s, e): sums it into the person's month
   * if it is their follow-up month. `known`: the person, if the caller has found the id to
   * be the previous row's, else -3.
   */
  private take(buf: Buffer, s: number, e: number, known: number, month: number, h: number, w: number, line: number): void {
    if (month < this.minMonth) this.minMonth = month;
    if (month > this.maxMonth) this.maxMonth = month;
    const p = known === -3 ? this.person(buf, s, e, line) : known;
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
    let { hours, income, rowsOf } = this;
    const engine = this.engine;
    if (engine !== null) {
      // Add what the engine read, copy the shared sums out and free the engine.
      const w = engine.counts();
      this.used += w.used;
      this.excluded.person_not_in_cohort += w.notInCohort;
      this.excluded.outside_follow_up_month += w.outside;
      this.minMonth = Math.min(this.minMonth, w.minMonth);
      this.maxMonth = Math.max(this.maxMonth, w.maxMonth);
      if (w.highPerson >= w.lowPerson) {
        this.lowPerson = Math.min(this.lowPerson, w.lowPerson);
        this.highPerson = Math.max(this.highPerson, w.highPerson);
      }
    }
    // Only the persons with rows, [lowPerson, highPerson]: a copy of every person's sums per
    // range held some 160 MB until the merge on a cohort of a million.
    const lo = this.lowPerson;
    const end = this.highPerson >= lo ? this.highPerson + 1 : lo;
    hours = hours.slice(lo, end);
    income = income.slice(lo, end);
    rowsOf = rowsOf.slice(lo, end);
    if (engine !== null) {
      engine.release(this.lowPerson, this.highPerson);
      this.engine = null;
    }
    return {
      hours,
      income,
      rowsOf,
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

/**
 * Per-row work of the weekly benefit panel, on raw bytes: parse the week, classify the
 * code (memo keyed by the code's digits), find the person (last id remembered, since
 * panels are usually sorted by person; else the id hash table) and put the row in
 * exactly one bucket. Rows are bucketed in this order of precedence: person_not_in_cohort,
 * blank_week, outside_follow_up_month, unknown_code_excluded, duplicate_person_week, used.
 * A kernel covers one byte range; partial results of several ranges merge in file order.
 */
import type { Dialect } from './dialect.js';
import { shown } from './errorList.js';
import { acquireBenefitWasm, SMALL_CODE_KEYS, type BenefitWasm } from './benefitWasm.js';
import { engineGivesUp, engineLoop, type EngineUse } from './wasmEngine.js';
import { IdTable, PersonCursor, type IdTableParts } from './idTable.js';
import { generalLine, type RowKernel } from './rowScan.js';
import { decodeBytes } from './text.js';
import { BLANK, NO_WEEK, WEEK_SPAN, WEEK_BASE, parseWeekBytes, weekNumber } from './values.js';

export const SLOT_ID = 0;
export const SLOT_WEEK = 1;
export const SLOT_CODE = 2;

export type UnknownPolicy = 'error' | 'exclude_rows' | 'none' | 'temporary';

/** Everything a kernel needs; plain data, so it can be sent to a worker thread. */
export interface BenefitParams {
  readonly ids: IdTableParts;
  /** Per wanted person: first global week of the wanted month, its number of weeks, offset into the week slots. */
  readonly firstWeek: Int32Array;
  readonly weekCount: Int32Array;
  readonly base: Int32Array;
  readonly weekSlots: number;
  /** code → index into CATEGORY_CLASSES */
  readonly codes: readonly (readonly [string, number])[];
  readonly ranges: readonly (readonly [number, number, number])[];
  /** class index used for unknown codes, or -1 to exclude their rows (policies error and exclude_rows). */
  readonly recodeUnknown: number;
  readonly dialect: Dialect;
  /** Header names and 0-based field indices of the three columns, for messages. */
  readonly names: readonly string[];
  readonly columns: readonly [number, number, number];
  /** Read the usual lines with the WebAssembly loop (benefitWasm.ts) when it applies; default true. */
  readonly wasm?: boolean;
}

export interface RowError {
  readonly message: string;
  readonly line: number;
  readonly column?: number;
}

export interface BenefitPartial {
  /** The classes of slots lowSlot..highSlot (slot s at s − lowSlot; -1: no row). */
  readonly classes: Int8Array;
  readonly used: number;
  readonly excluded: {
    person_not_in_cohort: number;
    blank_week: number;
    outside_follow_up_month: number;
    unknown_code_excluded: number;
    duplicate_person_week: number;
  };
  readonly minWeek: number;
  readonly maxWeek: number;
  readonly weeksSeen: Uint8Array;
  /** The slots written lie in [lowSlot, highSlot] (empty when lowSlot > highSlot): the merge reads only those. */
  readonly lowSlot: number;
  readonly highSlot: number;
  readonly unknown: { code: string; count: number; line: number }[];
  readonly errors: RowError[];
  readonly errorCount: number;
  readonly encodingSwitchLine: number | null;
}

const SPACE = 32;
const ZERO = 48;
const MAX_ERRORS = 20;
const UNSET = 0x7fff;

export class BenefitKernel implements RowKernel {
  readonly classes: Int8Array;
  used = 0;
  lowSlot = Number.MAX_SAFE_INTEGER;
  highSlot = -1;
  readonly excluded = { person_not_in_cohort: 0, blank_week: 0, outside_follow_up_month: 0, unknown_code_excluded: 0, duplicate_person_week: 0 };
  minWeek = NO_WEEK;
  maxWeek = -NO_WEEK;
  readonly weeksSeen: Uint8Array;
  readonly errors: RowError[] = [];
  errorCount = 0;
  encodingSwitchLine: number | null = null;

  private readonly ids: IdTable;
  private readonly firstWeek: Int32Array;
  private readonly weekCount: Int32Array;
  private readonly base: Int32Array;
  private readonly codes: Map<string, number>;
  /** Memo of all-digit codes of up to 4 digits (DREAM codes have 3): key = value * 8 + length (keeps leading zeros apart). */
  private readonly smallCodes: Int16Array;
  private readonly otherCodes = new Map<string, number>();
  private readonly unknownCodes: string[] = [];
  private readonly unknownCounts: number[] = [];
  private readonly unknownLines: number[] = [];
  private readonly cursor: PersonCursor;
  private readonly lastCode = Buffer.alloc(64);
  private lastCodeLength = -1;
  private lastClass = 0;
  private readonly recodeUnknown: number;
  private readonly dialect: Dialect;
  /** id, week, code are fields 1, 2, 3 of 3: the line-by-line fast path applies. */
  private readonly canonicalLayout: boolean;
  private readonly fields = new Int32Array(6);
  /** The WebAssembly loop reading the usual lines, which shares classes, weeksSeen and smallCodes with this kernel; null: none. */
  private engine: BenefitWasm | null;
  /** Lines the engine left to this kernel, and lines it read: when most are left, it is not used. */
  private readonly use: EngineUse = { handedBack: 0, engineLines: 0 };

  constructor(private readonly p: BenefitParams) {
    this.ids = new IdTable(p.ids);
    this.cursor = new PersonCursor(this.ids);
    this.firstWeek = p.firstWeek;
    this.weekCount = p.weekCount;
    this.base = p.base;
    this.codes = new Map(p.codes);
    this.dialect = { ...p.dialect };
    this.recodeUnknown = p.recodeUnknown;
    this.canonicalLayout = p.names.length === 3 && p.columns[0] === 0 && p.columns[1] === 1 && p.columns[2] === 2;
    this.engine = this.canonicalLayout && p.wasm !== false ? acquireBenefitWasm(p, this.minWeek, this.maxWeek, 0x7fffffff) : null;
    this.classes = this.engine?.classes ?? new Int8Array(p.weekSlots).fill(-1);
    this.weeksSeen = this.engine?.weeksSeen ?? new Uint8Array(WEEK_SPAN);
    this.smallCodes = this.engine?.smallCodes ?? new Int16Array(SMALL_CODE_KEYS).fill(UNSET);
  }

  /** The buffer for rowScan to read a range into: the engine's, which its loop can read. */
  buffer(size: number): Buffer | undefined {
    return this.engine !== null && size <= this.engine.chunk.length ? this.engine.chunk.subarray(0, size) : undefined;
  }

  row(buf: Buffer, f: Int32Array, line: number): void {
    const week = weekOf(buf, f[2]!, f[3]!);
    if (week === NO_WEEK) {
      const col = this.p.columns[SLOT_WEEK];
      this.error(`cannot read week ${shown(this.text(buf, f[2]!, f[3]!, line).trim())} in column ${this.p.names[col]} (expected 2022-W14, 2022W14 or 202214)`, line, col + 1);
      return;
    }
    const cls = this.classify(buf, f[4]!, f[5]!, line);
    this.place(buf, f[0]!, f[1]!, week, cls, line, UNKNOWN);
    // An id read from quotes may hold the delimiter or a line break: the line-by-line path,
    // which predicts each id to be the previous row's, must not predict one that does.
    for (let k = f[0]!; k < f[1]!; k++) {
      if (buf[k] === this.p.dialect.delimiter || buf[k] === LF) {
        this.cursor.forget();
        break;
      }
    }
  }

  /**
   * Buckets a row whose week and code are read: the person decides the rest. `previous`
   * says what is known of the id against the previous row's: SAME, DIFFERENT or UNKNOWN.
   */
  private place(buf: Buffer, idStart: number, idEnd: number, week: number, cls: number, line: number, previous: number): void {
    if (cls < 0) this.unknownCounts[-cls - 1]!++;
    if (week !== BLANK) {
      if (week < this.minWeek) this.minWeek = week;
      if (week > this.maxWeek) this.maxWeek = week;
      this.weeksSeen[week - WEEK_BASE] = 1;
    }
    const p = previous === SAME ? this.cursor.lastPerson : this.person(buf, idStart, idEnd, line, previous === DIFFERENT);
    if (p < 0) {
      if (p === -1) this.excluded.person_not_in_cohort++;
      return;
    }
    if (week === BLANK) {
      this.excluded.blank_week++;
      return;
    }
    const rel = week - this.firstWeek[p]!;
    if (rel < 0 || rel >= this.weekCount[p]!) {
      this.excluded.outside_follow_up_month++;
      return;
    }
    if (cls < 0) {
      if (this.recodeUnknown < 0) {
        this.excluded.unknown_code_excluded++;
        return;
      }
      cls = this.recodeUnknown;
    }
    const slot = this.base[p]! + rel;
    if (this.classes[slot] !== -1) {
      this.excluded.duplicate_person_week++;
      return;
    }
    this.classes[slot] = cls;
    if (slot < this.lowSlot) this.lowSlot = slot;
    if (slot > this.highSlot) this.highSlot = slot;
    this.used++;
  }

  /**
   * The canonical layout (id, week, code; as in DREAM extracts) read line by line: the
   * fields are predicted (the id of the previous row, a week in one of its three plain
   * spellings) and verified in one pass that also finds the line end. Any line the
   * prediction does not fit goes through the general split and row().
   */
  lines(buf: Buffer, pos: number, limit: number, counts: { line: number; rows: number }): number {
    if (!this.canonicalLayout) return pos;
    const engine = this.engine;
    if (engine === null || !engine.owns(buf) || engineGivesUp(this.use)) return this.jsLines(buf, pos, limit, counts, false);
    return engineLoop(this.use, counts, pos, (p) => engine.lines(buf, p, limit, this.p.dialect.delimiter), (p) => this.jsLines(buf, p, limit, counts, true));
  }

  /** The line-by-line path in JavaScript: every line, or only the first (`once`). */
  private jsLines(buf: Buffer, pos: number, limit: number, counts: { line: number; rows: number }, once: boolean): number {
    const delim = this.p.dialect.delimiter;
    const cursor = this.cursor;
    let line = counts.line;
    let rows = 0;
    for (;;) {
      // The usual row: an id (most often the previous row's), an 8-byte week and a short
      // code, checked byte by byte in one pass that also finds the line end.
      const idEnd = cursor.idField(buf, pos, limit, delim);
      const same = cursor.idSame;
      // The week: `2022-W14`, `2022W14` or DREAM's `202214`, told apart by where the
      // delimiter after it is; digits and the week's existence are checked as they are read.
      const ws0 = idEnd + 1;
      let wl = 0;
      if (idEnd > 0 && ws0 + 8 < limit) {
        if (buf[ws0 + 6] === delim) wl = 6;
        else if (buf[ws0 + 7] === delim && buf[ws0 + 4] === W) wl = 7;
        else if (buf[ws0 + 8] === delim && buf[ws0 + 4] === DASH && buf[ws0 + 5] === W) wl = 8;
      }
      if (wl > 0) {
        const y0 = buf[ws0]! - ZERO;
        const y1 = buf[ws0 + 1]! - ZERO;
        const y2 = buf[ws0 + 2]! - ZERO;
        const y3 = buf[ws0 + 3]! - ZERO;
        const w0 = buf[ws0 + wl - 2]! - ZERO;
        const w1 = buf[ws0 + wl - 1]! - ZERO;
        const week = digits6(y0, y1, y2, y3, w0, w1) ? weekNumber(y0 * 1000 + y1 * 100 + y2 * 10 + y3, w0 * 10 + w1) : NO_WEEK;
        const cs = ws0 + wl + 1;
        let k = cs;
        while (k < limit && buf[k] !== LF && buf[k] !== delim) k++;
        if (week !== NO_WEEK && k < limit && buf[k] === LF) {
          const e = buf[k - 1] === CR ? k - 1 : k;
          rows++;
          this.place(buf, pos, idEnd, week, this.classify(buf, cs, e, line), line, same ? SAME : DIFFERENT);
          line++;
          pos = k + 1;
          if (once) break;
          continue;
        }
      }
      // Any other line (blank, another week spelling, a wrong number of fields, or not
      // complete before `limit`): find its end natively and read it the general way.
      const next = generalLine(this, buf, pos, limit, line, delim, 3, this.fields, counts);
      if (next < 0) break;
      line++;
      pos = next;
      if (once) break;
    }
    counts.line = line;
    counts.rows += rows;
    return pos;
  }

  error(message: string, line: number, column?: number): void {
    this.errorCount++;
    if (this.errors.length < MAX_ERRORS) this.errors.push({ message, line, ...(column !== undefined ? { column } : {}) });
  }

  /** Person index, -1 if not wanted, -2 after reporting a blank id. */
  private person(buf: Buffer, s: number, e: number, line: number, differs: boolean): number {
    const p = this.cursor.person(buf, s, e, differs);
    if (p === -2) {
      const col = this.p.columns[SLOT_ID];
      this.error(`blank ${this.p.names[col]}`, line, col + 1);
    }
    return p;
  }

  /** Class index ≥ 0, or -(k+1) for unknown code k. Consecutive rows mostly repeat the code: remember the last. */
  private classify(buf: Buffer, s: number, e: number, line: number): number {
    const n = e - s;
    if (n === this.lastCodeLength) {
      const last = this.lastCode;
      let j = 0;
      while (j < n && buf[s + j] === last[j]) j++;
      if (j === n) return this.lastClass;
    }
    const cls = this.classifyNew(buf, s, e, line);
    if (n <= this.lastCode.length) {
      copySmall(buf, s, e, this.lastCode);
      this.lastCodeLength = n;
      this.lastClass = cls;
    }
    return cls;
  }

  private classifyNew(buf: Buffer, s: number, e: number, line: number): number {
    while (s < e && buf[s] === SPACE) s++;
    while (e > s && buf[e - 1] === SPACE) e--;
    const len = e - s;
    if (len <= 4) {
      let value = 0;
      let k = s;
      for (; k < e; k++) {
        const d = buf[k]! - ZERO;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
      }
      if (k === e) {
        const key = value * 8 + len;
        let cls = this.smallCodes[key]!;
        if (cls === UNSET) {
          cls = this.classifyText(len === 0 ? '' : buf.toString('latin1', s, e), line);
          this.smallCodes[key] = cls;
        }
        return cls;
      }
    }
    const code = this.text(buf, s, e, line);
    let cls = this.otherCodes.get(code);
    if (cls === undefined) {
      cls = this.classifyText(code, line);
      this.otherCodes.set(code, cls);
    }
    return cls;
  }

  private classifyText(code: string, line: number): number {
    // R writes a missing code as NA: no public benefit, as a blank code (unless the codebook lists NA).
    if (code === '' || (code === 'NA' && !this.codes.has('NA'))) return 0;
    const exact = this.codes.get(code);
    if (exact !== undefined) return exact;
    if (/^\d+$/.test(code)) {
      const n = Number(code);
      for (const [from, to, cls] of this.p.ranges) if (n >= from && n <= to) return cls;
    }
    this.unknownCodes.push(code);
    this.unknownCounts.push(0);
    this.unknownLines.push(line);
    return -this.unknownCodes.length;
  }

  private text(buf: Buffer, s: number, e: number, line: number): string {
    return decodeBytes(buf, s, e, this.dialect, () => {
      this.encodingSwitchLine ??= line;
    });
  }

  result(): BenefitPartial {
    let classes = this.classes;
    let weeksSeen = this.weeksSeen;
    const engine = this.engine;
    if (engine !== null) {
      // Add what the engine read, copy the shared arrays out and free the engine.
      const w = engine.counts();
      this.used += w.used;
      this.excluded.person_not_in_cohort += w.notInCohort;
      this.excluded.outside_follow_up_month += w.outside;
      this.excluded.duplicate_person_week += w.duplicate;
      this.minWeek = Math.min(this.minWeek, w.minWeek);
      this.maxWeek = Math.max(this.maxWeek, w.maxWeek);
      if (w.highSlot >= w.lowSlot) {
        this.lowSlot = Math.min(this.lowSlot, w.lowSlot);
        this.highSlot = Math.max(this.highSlot, w.highSlot);
      }
      weeksSeen = weeksSeen.slice();
    }
    // Only the slots written, [lowSlot, highSlot]: a copy of every slot per range held some
    // 70 MB until the merge on a cohort of a million.
    classes = this.highSlot >= this.lowSlot ? classes.slice(this.lowSlot, this.highSlot + 1) : new Int8Array(0);
    if (engine !== null) {
      engine.release(this.lowSlot, this.highSlot);
      this.engine = null;
    }
    return {
      classes,
      used: this.used,
      excluded: this.excluded,
      minWeek: this.minWeek,
      maxWeek: this.maxWeek,
      weeksSeen,
      lowSlot: this.lowSlot,
      highSlot: this.highSlot,
      unknown: this.unknownCodes.map((code, k) => ({ code, count: this.unknownCounts[k]!, line: this.unknownLines[k]! })).filter((u) => u.count > 0),
      errors: this.errors,
      errorCount: this.errorCount,
      encodingSwitchLine: this.encodingSwitchLine,
    };
  }
}

/** What place() knows of a row's id against the previous row's. */
const SAME = 1;
const DIFFERENT = -1;
const UNKNOWN = 0;
const DASH = 45;
const W = 87;
const LF = 10;
const CR = 13;

/** The common spelling `2022-W14` without the general parser's trimming and branching. */
function weekOf(buf: Buffer, s: number, e: number): number {
  if (e - s === 8 && buf[s + 4] === DASH && buf[s + 5] === W) {
    const y0 = buf[s]! - ZERO;
    const y1 = buf[s + 1]! - ZERO;
    const y2 = buf[s + 2]! - ZERO;
    const y3 = buf[s + 3]! - ZERO;
    const w0 = buf[s + 6]! - ZERO;
    const w1 = buf[s + 7]! - ZERO;
    if (digits6(y0, y1, y2, y3, w0, w1)) return weekNumber(y0 * 1000 + y1 * 100 + y2 * 10 + y3, w0 * 10 + w1);
  }
  return parseWeekBytes(buf, s, e);
}

/** All six values are decimal digits (0–9); a byte below '0' gives a negative value, which >>> 0 makes huge. */
function digits6(a: number, b: number, c: number, d: number, e: number, f: number): boolean {
  return a >>> 0 < 10 && b >>> 0 < 10 && c >>> 0 < 10 && d >>> 0 < 10 && e >>> 0 < 10 && f >>> 0 < 10;
}

/** buf[s, e) into `to` from 0: a plain loop beats a native call for a few bytes. */
function copySmall(buf: Buffer, s: number, e: number, to: Buffer): void {
  for (let k = s; k < e; k++) to[k - s] = buf[k]!;
}

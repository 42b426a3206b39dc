/**
 * A small CSV file read whole, column by column (the cohort files: up to a few hundred
 * thousand rows). Each column is a dictionary of distinct strings and one code per row:
 * repeated values (municipalities, categories, small numbers) are decoded, stored and
 * parsed once (see Interner). Malformed rows and rows with the wrong number of fields are
 * hard errors.
 */
import type { Dialect } from './dialect.js';
import { ErrorList } from './errorList.js';
import { Interner } from './interner.js';
import { scanCsv, type RecordView, type ScanTarget } from './scan.js';
import type { IngestOptions } from './types.js';

/** One column: the value of row r is dict[codes[r]]. */
export interface TableColumn {
  readonly codes: Int32Array;
  readonly dict: readonly string[];
}

/** The value of row r of a column. */
export const cell = (c: TableColumn, r: number): string => c.dict[c.codes[r]!]!;

export interface Table {
  readonly header: readonly string[];
  /** columns[c]: field c of each data row (rows with errors left out) */
  readonly columns: readonly TableColumn[];
  /** 1-based line of each data row */
  readonly lines: readonly number[];
  /** Data rows read, including rows with errors. */
  readonly rowsRead: number;
  readonly dialect: Dialect;
  readonly encodingSwitchLine: number | null;
  readonly errors: ErrorList;
}

export async function readTable(target: ScanTarget, opts: IngestOptions = {}): Promise<Table> {
  const errors = new ErrorList(target.display);
  let header: string[] = [];
  let interners: Interner[] = [];
  let codes: Int32Array[] = [];
  let rows = 0;
  const lines: number[] = [];
  const result = await scanCsv(
    target,
    {
      header(names) {
        header = names;
        interners = names.map(() => new Interner());
        codes = names.map(() => new Int32Array(1024));
      },
      record(v: RecordView) {
        if (v.count !== header.length) {
          errors.add(fieldCountMessage(header.length, v.count), v.line);
          return;
        }
        if (rows === codes[0]!.length) codes = codes.map((c) => grow(c));
        for (let i = 0; i < v.count; i++) codes[i]![rows] = interners[i]!.code(v, i);
        rows++;
        lines.push(v.line);
      },
      malformed(v) {
        errors.add(v.problem!.what, v.line, v.problem!.column);
      },
    },
    opts.onProgress,
  );
  const columns = header.map((_, i) => ({ codes: codes[i]!.subarray(0, rows), dict: interners[i]!.strings }));
  return { header, columns, lines, rowsRead: result.rows, dialect: result.dialect, encodingSwitchLine: result.encodingSwitchLine, errors };
}

function grow(c: Int32Array): Int32Array {
  const bigger = new Int32Array(c.length * 2);
  bigger.set(c);
  return bigger;
}

export function fieldCountMessage(expected: number, found: number): string {
  return `expected ${expected} field${expected === 1 ? '' : 's'} as in the header, found ${found}`;
}

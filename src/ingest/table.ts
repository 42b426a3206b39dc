/**
 * A small CSV file read whole into strings, column by column (the cohort files: up to a
 * few hundred thousand rows). Repeated values share one string (see Interner). Malformed
 * rows and rows with the wrong number of fields are hard errors.
 */
import type { Dialect } from './dialect.js';
import { ErrorList } from './errorList.js';
import { Interner } from './interner.js';
import { scanCsv, type RecordView, type ScanTarget } from './scan.js';
import type { IngestOptions } from './types.js';

export interface Table {
  readonly header: readonly string[];
  /** columns[c][r]: field c of data row r (rows with errors left out) */
  readonly columns: readonly (readonly string[])[];
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
  let columns: string[][] = [];
  let interners: Interner[] = [];
  const lines: number[] = [];
  const result = await scanCsv(
    target,
    {
      header(names) {
        header = names;
        columns = names.map(() => []);
        interners = names.map(() => new Interner());
      },
      record(v: RecordView) {
        if (v.count !== header.length) {
          errors.add(fieldCountMessage(header.length, v.count), v.line);
          return;
        }
        for (let i = 0; i < v.count; i++) columns[i]!.push(interners[i]!.get(v, i));
        lines.push(v.line);
      },
      malformed(v) {
        errors.add(v.problem!.what, v.line, v.problem!.column);
      },
    },
    opts.onProgress,
  );
  return { header, columns, lines, rowsRead: result.rows, dialect: result.dialect, encodingSwitchLine: result.encodingSwitchLine, errors };
}

export function fieldCountMessage(expected: number, found: number): string {
  return `expected ${expected} field${expected === 1 ? '' : 's'} as in the header, found ${found}`;
}

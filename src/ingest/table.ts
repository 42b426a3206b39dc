/**
 * A small CSV file read whole into strings (the cohort files: at most a few hundred
 * thousand rows). Malformed rows and rows with the wrong number of fields are hard errors.
 */
import type { Dialect } from './dialect.js';
import { ErrorList } from './errorList.js';
import { scanCsv, type RecordView, type ScanTarget } from './scan.js';
import type { IngestOptions } from './types.js';

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly { readonly line: number; readonly fields: readonly string[] }[];
  readonly dialect: Dialect;
  readonly encodingSwitchLine: number | null;
  readonly errors: ErrorList;
}

export async function readTable(target: ScanTarget, opts: IngestOptions = {}): Promise<Table> {
  const errors = new ErrorList(target.display);
  let header: string[] = [];
  const rows: { line: number; fields: string[] }[] = [];
  const result = await scanCsv(
    target,
    {
      header(names) {
        header = names;
      },
      record(v: RecordView) {
        if (v.count !== header.length) {
          errors.add(fieldCountMessage(header.length, v.count), v.line);
          return;
        }
        const fields: string[] = new Array<string>(v.count);
        for (let i = 0; i < v.count; i++) fields[i] = v.text(i);
        rows.push({ line: v.line, fields });
      },
      malformed(v) {
        errors.add(v.problem!.what, v.line, v.problem!.column);
      },
    },
    opts.onProgress,
  );
  return { header, rows, dialect: result.dialect, encodingSwitchLine: result.encodingSwitchLine, errors };
}

export function fieldCountMessage(expected: number, found: number): string {
  return `expected ${expected} field${expected === 1 ? '' : 's'} as in the header, found ${found}`;
}

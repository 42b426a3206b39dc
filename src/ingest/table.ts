/**
 * A small CSV file read whole, column by column (the cohort files: up to a few hundred
 * thousand rows). Each column is a dictionary of distinct strings and one code per row:
 * repeated values (municipalities, categories, small numbers) are decoded, stored and
 * parsed once (see Interner). Malformed rows and rows with the wrong number of fields are
 * hard errors.
 */
import { statSync } from 'node:fs';
import type { Dialect } from './dialect.js';
import { ErrorList } from './errorList.js';
import { Interner } from './interner.js';
import { scanCsv, type RecordView, type ScanHooks, type ScanTarget } from './scan.js';
import { TableWasm, type TableBatch } from './tableWasm.js';
import type { IngestOptions } from './types.js';
import { engineOrNull } from './wasmEngine.js';

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
  readonly lines: Int32Array;
  /** Data rows read, including rows with errors. */
  readonly rowsRead: number;
  readonly dialect: Dialect;
  readonly encodingSwitchLine: number | null;
  readonly errors: ErrorList;
}

/** An engine a finished read left, for the next (one at a time: files are read one after the other). */
const spare: TableWasm[] = [];

export async function readTable(target: ScanTarget, opts: IngestOptions = {}): Promise<Table> {
  const errors = new ErrorList(target.display);
  let header: string[] = [];
  let interners: { code(v: RecordView, i: number): number; readonly strings: string[] }[] = [];
  // The codes of each column, and each row's line, in arrays grown to the rows the file will
  // hold at the bytes per row read so far (not by doubling), filled by copying the engine's
  // batches: on 200,000 controls, 14 fewer copies of twelve arrays and no push per row.
  let codes: Int32Array[] = [];
  let lines: Int32Array = new Int32Array(1024);
  let rows = 0;
  const size = fileSize(target.path);
  let consumed = 0;
  const room = (need: number): number => Math.max(need, consumed > 0 ? Math.ceil((rows * size) / consumed) + 1024 : 0);
  const ensure = (need: number): void => {
    if (need <= lines.length) return;
    const length = room(need);
    codes = codes.map((c) => grow(c, length));
    lines = grow(lines, length);
  };
  // The usual lines (ASCII, no quotes) are read by the WebAssembly loop, which shares the
  // columns' dictionaries with the interners here (tableWasm.ts); the rest, line by line, here.
  const engine = opts.engine !== 'js' ? (spare.pop() ?? engineOrNull(() => new TableWasm())) : null;
  let fast = false;
  let delimiter = 0;
  const take = (b: TableBatch): void => {
    ensure(rows + b.rows);
    for (let c = 0; c < codes.length; c++) codes[c]!.set(b.codes[c]!.subarray(0, b.rows), rows);
    lines.set(b.lines.subarray(0, b.rows), rows);
    rows += b.rows;
  };
  const hooks: ScanHooks = {
    header(names, view) {
      header = names;
      delimiter = view.dialect.delimiter;
      const shared = engine?.start(names.length) ?? null;
      fast = shared !== null;
      interners = shared ?? names.map(() => new Interner());
      codes = names.map(() => new Int32Array(lines.length));
    },
    record(v: RecordView) {
      if (v.count !== header.length) {
        errors.add(fieldCountMessage(header.length, v.count), v.line);
        return;
      }
      ensure(rows + 1);
      for (let i = 0; i < v.count; i++) codes[i]![rows] = interners[i]!.code(v, i);
      lines[rows] = v.line;
      rows++;
    },
    malformed(v) {
      errors.add(v.problem!.what, v.line, v.problem!.column);
    },
  };
  if (engine) {
    hooks.buffer = (size) => (size <= engine.chunk.length ? engine.chunk.subarray(0, size) : undefined);
    hooks.lines = (buf, pos, len, line) => {
      if (!fast || !engine.owns(buf)) return { pos, lines: 0, rows: 0 };
      const before = rows;
      const r = engine.read(buf, pos, len, delimiter, line, take);
      consumed += r.pos - pos;
      return { pos: r.pos, lines: r.lines, rows: rows - before };
    };
  }
  let result: Awaited<ReturnType<typeof scanCsv>>;
  try {
    result = await scanCsv(target, hooks, opts.onProgress);
  } finally {
    // The next file (the controls after the participants) reuses the engine's memory.
    if (engine) spare.push(engine);
  }
  const columns = header.map((_, i) => ({ codes: codes[i]!.subarray(0, rows), dict: interners[i]!.strings }));
  return { header, columns, lines: lines.subarray(0, rows), rowsRead: result.rows, dialect: result.dialect, encodingSwitchLine: result.encodingSwitchLine, errors };
}

/** A copy of c with room for `length` (at least twice its own) values. */
function grow(c: Int32Array, length: number): Int32Array {
  const bigger = new Int32Array(Math.max(c.length * 2, length));
  bigger.set(c);
  return bigger;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // scanCsv reports a file it cannot read
  }
}

export function fieldCountMessage(expected: number, found: number): string {
  return `expected ${expected} field${expected === 1 ? '' : 's'} as in the header, found ${found}`;
}

import type { Encoding } from './dialect.js';
import { IdTable } from './idTable.js';
import type { MonthIndex } from '../util/months.js';

/** The wanted persons of a panel read, indexed 0..n-1 in the order of `wanted`. */
export interface PanelPersons {
  readonly ids: readonly string[];
  readonly months: Int32Array;
  /** Builds the byte-level lookup once the file's encoding is known. */
  table(encoding: Encoding, decided: boolean): IdTable;
}

export function panelPersons(wanted: ReadonlyMap<string, MonthIndex>): PanelPersons {
  const ids = [...wanted.keys()];
  const months = Int32Array.from(wanted.values());
  return {
    ids,
    months,
    table: (encoding, decided) => new IdTable(ids, decided ? [encoding] : ['utf-8', 'windows-1252']),
  };
}

import type { MonthIndex } from '../util/months.js';

/**
 * The persons a panel read looks for, each with the month wanted: parallel arrays, so a
 * 200,000-person cohort needs no id-keyed Map between stages. Results come back in the
 * same order (index p is ids[p]).
 */
export interface Wanted {
  readonly ids: readonly string[];
  readonly months: Int32Array;
}

const fromMaps = new WeakMap<ReadonlyMap<string, MonthIndex>, Wanted>();

/** `wanted` as parallel arrays (a Map's insertion order), the same object for the same Map. */
export function wantedOf(wanted: ReadonlyMap<string, MonthIndex> | Wanted): Wanted {
  if (!(wanted instanceof Map)) return wanted as Wanted;
  let w = fromMaps.get(wanted);
  if (!w) fromMaps.set(wanted, (w = { ids: [...wanted.keys()], months: Int32Array.from(wanted.values()) }));
  return w;
}

/**
 * The weekly benefit panel (DREAM-style: one code per person per week), streamed through
 * BenefitKernel (see there for the per-row rules and the order of exclusion reasons),
 * in parallel byte ranges for large files. Only the weeks of each wanted person's
 * follow-up month are kept (one byte per person-week). After the scan, rows of persons
 * whose follow-up month the file covers only in part move to follow_up_outside_coverage
 * and those persons are left out of `months` (listed in `outside_coverage`).
 */
import { inputError } from '../errors.js';
import { resolveInput, type LoadedSpec } from '../spec/load.js';
import { CATEGORY_CLASSES, type CategoryClass, type FileReconciliation, type ReconciliationWarning } from '../types.js';
import { formatMonth, type MonthIndex } from '../util/months.js';
import { type BenefitParams, type BenefitPartial, SLOT_CODE } from './benefitKernel.js';
import { layoutColumns } from './columns.js';
import { ErrorList, shown } from './errorList.js';
import { readHead } from './header.js';
import { idTableFor, sharedInt32 } from './idTable.js';
import { runPanel, type RangeResult } from './panelRun.js';
import type { ExclusionReason } from './reasons.js';
import type { RowLayout } from './rowScan.js';
import type { BenefitPanel, Codebook, IngestOptions, UnknownCode, WeekCoverage } from './types.js';
import { wantedOf, type Wanted } from './wanted.js';
import { NO_WEEK, WEEK_BASE, formatWeek, monthOfWeek, weeksOfMonth } from './values.js';

export const BENEFIT_COLUMNS = ['person_id', 'week', 'benefit_code'] as const;

export async function readBenefitPanel(
  loaded: LoadedSpec,
  codebook: Codebook,
  wantedPersons: ReadonlyMap<string, MonthIndex> | Wanted,
  opts: IngestOptions = {},
): Promise<BenefitPanel> {
  const wanted = wantedOf(wantedPersons);
  const input = resolveInput(loaded, loaded.spec.inputs.benefits);
  const policy = loaded.spec.unknown_codes;
  const display = input.display;
  const head = await readHead(input.path, display, input.csv);
  const layout = layoutColumns(head.names, BENEFIT_COLUMNS, [], input.columns, display);
  const columns = [layout.index.get('person_id')!, layout.index.get('week')!, layout.index.get('benefit_code')!] as const;

  const { ids, months: wantedMonths } = wanted;
  const n = ids.length;
  const { firstWeek, weekCount, base, weekSlots } = followUpWeeks(wantedMonths);
  const { dialect } = head;
  const params: BenefitParams = {
    ids: idTableFor(wanted, dialect.encodingDecided ? [dialect.encoding] : ['utf-8', 'windows-1252']).parts,
    firstWeek,
    weekCount,
    base,
    weekSlots,
    codes: [...codebook.codes].map(([code, e]) => [code, CATEGORY_CLASSES.indexOf(e.class)] as const),
    ranges: codebook.ranges.map((r) => [r.from, r.to, CATEGORY_CLASSES.indexOf(r.class)] as const),
    recodeUnknown: policy === 'none' ? 0 : policy === 'temporary' ? CATEGORY_CLASSES.indexOf('temporary') : -1,
    dialect,
    names: head.names,
    columns,
    wasm: opts.engine !== 'js',
  };
  const rowLayout = layoutOf(head.dialect.delimiter, head.names.length, columns);
  const results = await runPanel('benefits', input.path, display, head, rowLayout, { kind: 'benefits', params }, opts);

  // Merge the ranges in file order: a person-week already filled by an earlier range is a duplicate.
  const classes = new Int8Array(weekSlots).fill(-1);
  const excluded: Record<ExclusionReason, number> = {
    person_not_in_cohort: 0,
    blank_week: 0,
    outside_follow_up_month: 0,
    unknown_code_excluded: 0,
    duplicate_person_week: 0,
    follow_up_outside_coverage: 0,
  };
  let minWeek = NO_WEEK;
  let maxWeek = -NO_WEEK;
  let rowsRead = 0;
  let encodingSwitchLine = head.encodingSwitchLine;
  const errors = new ErrorList(display);
  const unknownByCode = new Map<string, { code: string; count: number; first_line: number }>();
  for (const r of results) {
    const part = r.partial;
    rowsRead += r.scan.rows;
    for (const k of Object.keys(part.excluded) as (keyof BenefitPartial['excluded'])[]) excluded[k] += part.excluded[k];
    excluded.duplicate_person_week += mergeClasses(classes, part);
    if (part.minWeek < minWeek) minWeek = part.minWeek;
    if (part.maxWeek > maxWeek) maxWeek = part.maxWeek;
    for (const e of part.errors) errors.add(e.message, r.firstLine + e.line, e.column);
    errors.addUnlisted(part.errorCount - part.errors.length);
    for (const u of part.unknown) {
      const seen = unknownByCode.get(u.code);
      if (seen) seen.count += u.count;
      else unknownByCode.set(u.code, { code: u.code, count: u.count, first_line: r.firstLine + u.line });
    }
    if (encodingSwitchLine === null && part.encodingSwitchLine !== null) encodingSwitchLine = r.firstLine + part.encodingSwitchLine;
  }
  const unknown: UnknownCode[] = [...unknownByCode.values()].sort((a, b) => a.first_line - b.first_line);
  if (policy === 'error') {
    for (const u of unknown) {
      errors.add(
        `benefit code ${shown(u.code)} is not in the codebook ${shown(codebook.name)} (${u.count} row${u.count === 1 ? '' : 's'}, the first on this line); add it to the codebook or set unknown_codes in the spec`,
        u.first_line,
        columns[SLOT_CODE] + 1,
      );
    }
  }
  errors.throwIfAny();

  const warnings: ReconciliationWarning[] = [];
  let coverage: WeekCoverage | null = null;
  if (minWeek !== NO_WEEK) {
    let firstMonth = monthOfWeek(minWeek);
    if (weeksOfMonth(firstMonth).first < minWeek) firstMonth++;
    let lastMonth = monthOfWeek(maxWeek);
    const lw = weeksOfMonth(lastMonth);
    if (lw.first + lw.count - 1 > maxWeek) lastMonth--;
    coverage = { first_week: formatWeek(minWeek), last_week: formatWeek(maxWeek), first_month: firstMonth, last_month: lastMonth };
    const gap = missingWeeks(results, minWeek, maxWeek);
    if (gap.count > 0) warnings.push({ code: 'weeks_missing', params: { count: gap.count, first: formatWeek(gap.first), file: display } });
  }

  const { byPerson, outside, used, outsideRows } = personWeeks(ids, firstWeek, weekCount, base, classes, minWeek, maxWeek);
  excluded.follow_up_outside_coverage += outsideRows;
  if (n > 0 && outside.size === n) {
    const span = `${formatMonth(Math.min(...wantedMonths))} to ${formatMonth(Math.max(...wantedMonths))}`;
    const why = coverage ? `the file covers ${coverage.first_week} to ${coverage.last_week}, which contains none of` : 'the file has no rows with a week, so it covers none of';
    throw inputError(`${why} the cohort's follow-up months (${span})`, { file: display });
  }
  if (outside.size > 0) {
    warnings.push({
      code: 'follow_up_outside_coverage',
      params: { persons: outside.size, file: display, first_month: coverage ? formatMonth(coverage.first_month) : '', last_month: coverage ? formatMonth(coverage.last_month) : '' },
    });
  }
  const unknownRows = unknown.reduce((a, u) => a + u.count, 0);
  if (unknown.length && policy === 'exclude_rows') warnings.push({ code: 'unknown_codes_excluded', params: { codes: unknown.length, rows: unknownRows } });
  if (unknown.length && (policy === 'none' || policy === 'temporary')) warnings.push({ code: 'unknown_codes_recoded', params: { codes: unknown.length, rows: unknownRows, as: policy } });
  if (excluded.duplicate_person_week) warnings.push({ code: 'duplicate_person_week', params: { rows: excluded.duplicate_person_week, file: display } });
  if (encodingSwitchLine !== null) warnings.push({ code: 'encoding_switched', params: { file: display, line: encodingSwitchLine } });

  const file: FileReconciliation = { role: 'benefits', file: display, rows_read: rowsRead, rows_used: used, excluded: nonZero(excluded) };
  assertBalanced(file);
  return withLazyMap({ byPerson, outside_coverage: outside, coverage, file, unknown_codes: unknown, warnings }, 'months', () => {
    const months = new Map<string, readonly (CategoryClass | null)[]>();
    byPerson.forEach((weeks, p) => weeks && months.set(ids[p]!, weeks));
    return months;
  });
}

// The loops over every wanted person or week slot are functions of their own: V8 compiles a
// long-running loop of a function called once while it runs (on-stack replacement), and when
// the loop sat in readBenefitPanel, each of its loops cost a compile of the whole function
// (five on the bench panel, 40 ms of the compiler's time).

/** Each wanted person's follow-up weeks (first week, count) and slots (base), in shared memory: sent to every reading thread, not copied (see IdTable.hashed). */
function followUpWeeks(wantedMonths: Int32Array): { firstWeek: Int32Array; weekCount: Int32Array; base: Int32Array; weekSlots: number } {
  const n = wantedMonths.length;
  const firstWeek = sharedInt32(n);
  const weekCount = sharedInt32(n);
  const base = sharedInt32(n);
  let weekSlots = 0;
  const monthWeeks = new Map<number, { first: number; count: number }>();
  for (let p = 0; p < n; p++) {
    const m = wantedMonths[p]!;
    let w = monthWeeks.get(m);
    if (!w) monthWeeks.set(m, (w = weeksOfMonth(m)));
    firstWeek[p] = w.first;
    weekCount[p] = w.count;
    base[p] = weekSlots;
    weekSlots += w.count;
  }
  return { firstWeek, weekCount, base, weekSlots };
}

/** A range's person-week classes into `classes`, in file order: a slot already filled by an earlier range is a duplicate. Returns the duplicates. */
function mergeClasses(classes: Int8Array, part: BenefitPartial): number {
  let duplicates = 0;
  for (let s = part.lowSlot; s <= part.highSlot; s++) {
    const c = part.classes[s - part.lowSlot]!;
    if (c === -1) continue;
    if (classes[s] === -1) classes[s] = c;
    else duplicates++;
  }
  return duplicates;
}

/**
 * Each wanted person's weeks, or null when the file covers their follow-up month only in
 * part (those persons' ids in `outside`, their rows in `outsideRows`). Persons share week
 * patterns (most have four or five weeks of one class): one frozen array per pattern rather
 * than one per person on 200,000-person cohorts.
 */
function personWeeks(
  ids: readonly string[],
  firstWeek: Int32Array,
  weekCount: Int32Array,
  base: Int32Array,
  classes: Int8Array,
  minWeek: number,
  maxWeek: number,
): { byPerson: (readonly (CategoryClass | null)[] | null)[]; outside: Set<string>; used: number; outsideRows: number } {
  const n = ids.length;
  let used = 0;
  let outsideRows = 0;
  const byPerson = new Array<readonly (CategoryClass | null)[] | null>(n);
  const outside = new Set<string>();
  const patterns = new Map<number, readonly (CategoryClass | null)[]>();
  for (let p = 0; p < n; p++) {
    const count = weekCount[p]!;
    let key = count;
    let rows = 0;
    for (let w = 0; w < count; w++) {
      const c = classes[base[p]! + w]!;
      if (c >= 0) rows++;
      key = key * 8 + c + 1;
    }
    let row = patterns.get(key);
    if (row === undefined) {
      const weeks = new Array<CategoryClass | null>(count);
      for (let w = 0; w < count; w++) {
        const c = classes[base[p]! + w]!;
        weeks[w] = c < 0 ? null : CATEGORY_CLASSES[c]!;
      }
      patterns.set(key, (row = Object.freeze(weeks)));
    }
    const covered = minWeek !== NO_WEEK && firstWeek[p]! >= minWeek && firstWeek[p]! + count - 1 <= maxWeek;
    if (covered) {
      byPerson[p] = row;
      used += rows;
    } else {
      byPerson[p] = null;
      outside.add(ids[p]!);
      outsideRows += rows;
    }
  }
  return { byPerson, outside, used, outsideRows };
}

/**
 * `record` with `key` computed on first access: the id-keyed Map of a panel's results is
 * for callers that look persons up by id; the pipeline reads `byPerson` and never pays
 * for building it on a 200,000-person cohort.
 */
export function withLazyMap<T extends object, K extends string, V>(record: T, key: K, make: () => V): T & { readonly [k in K]: V } {
  let value: V | undefined;
  return Object.defineProperty(record, key, { enumerable: true, get: () => (value ??= make()) }) as T & { readonly [k in K]: V };
}

export function layoutOf(delimiter: number, width: number, columns: readonly number[]): RowLayout {
  const slots = new Int8Array(width).fill(-1);
  columns.forEach((c, j) => {
    slots[c] = j;
  });
  return { delimiter, width, slots, slotCount: columns.length };
}

function missingWeeks(results: readonly RangeResult<BenefitPartial>[], minWeek: number, maxWeek: number): { count: number; first: number } {
  let count = 0;
  let first = NO_WEEK;
  for (let w = minWeek; w <= maxWeek; w++) {
    if (results.some((r) => r.partial.weeksSeen[w - WEEK_BASE])) continue;
    count++;
    if (first === NO_WEEK) first = w;
  }
  return { count, first };
}

export function nonZero(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, v]) => v > 0));
}

/** rows_read = rows_used + Σ excluded, or the reader has a bug. */
export function assertBalanced(f: FileReconciliation): void {
  const sum = f.rows_used + Object.values(f.excluded).reduce((a, b) => a + b, 0);
  if (sum !== f.rows_read) throw new Error(`ingest bug: ${f.file}: rows read ${f.rows_read} ≠ used ${f.rows_used} + excluded ${sum - f.rows_used}`);
}

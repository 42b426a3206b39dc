/**
 * The monthly wage panel (eIndkomst-style: one row per person, month and employer),
 * streamed through WageKernel (per-row rules there), in parallel byte ranges for large
 * files. Rows of a person's wanted month are summed. Coverage is the span of months with
 * rows; a person whose wanted month lies outside it is listed in `outside_coverage`
 * (absent from `months` there means "unknown", not "no wages").
 */
import { inputError } from '../errors.js';
import { resolveInput, type LoadedSpec } from '../spec/load.js';
import type { FileReconciliation, ReconciliationWarning } from '../types.js';
import { formatMonth, type MonthIndex } from '../util/months.js';
import { assertBalanced, layoutOf, nonZero, withLazyMap } from './benefits.js';
import { wantedOf, type Wanted } from './wanted.js';
import { layoutColumns } from './columns.js';
import { ErrorList } from './errorList.js';
import { readHead } from './header.js';
import { idTableFor } from './idTable.js';
import { runPanel } from './panelRun.js';
import type { IngestOptions, MonthCoverage, WageMonth, WagePanel } from './types.js';
import { NO_WEEK } from './values.js';
import type { WageParams } from './wageKernel.js';

export const WAGE_COLUMNS = ['person_id', 'month', 'paid_hours', 'wage_income'] as const;

export async function readWages(loaded: LoadedSpec, wantedPersons: ReadonlyMap<string, MonthIndex> | Wanted, opts: IngestOptions = {}): Promise<WagePanel> {
  const wanted = wantedOf(wantedPersons);
  const input = resolveInput(loaded, loaded.spec.inputs.wages);
  const display = input.display;
  const head = await readHead(input.path, display, input.csv);
  const layout = layoutColumns(head.names, WAGE_COLUMNS, [], input.columns, display);
  const columns = WAGE_COLUMNS.map((c) => layout.index.get(c)!) as unknown as readonly [number, number, number, number];
  const { ids, months: wantedMonths } = wanted;
  const n = ids.length;
  const { dialect } = head;
  const params: WageParams = {
    ids: idTableFor(wanted, dialect.encodingDecided ? [dialect.encoding] : ['utf-8', 'windows-1252']).parts,
    months: wantedMonths,
    dialect,
    names: head.names,
    columns,
    wasm: opts.engine !== 'js',
  };
  const results = await runPanel('wages', input.path, display, head, layoutOf(dialect.delimiter, head.names.length, columns), { kind: 'wages', params }, opts);

  const hours = new Float64Array(n);
  const income = new Float64Array(n);
  const rowsOf = new Int32Array(n);
  const excluded = { person_not_in_cohort: 0, outside_follow_up_month: 0 };
  let rowsRead = 0;
  let used = 0;
  let minMonth = NO_WEEK;
  let maxMonth = -NO_WEEK;
  let encodingSwitchLine = head.encodingSwitchLine;
  const errors = new ErrorList(display);
  for (const r of results) {
    const part = r.partial;
    rowsRead += r.scan.rows;
    used += part.used;
    excluded.person_not_in_cohort += part.excluded.person_not_in_cohort;
    excluded.outside_follow_up_month += part.excluded.outside_follow_up_month;
    for (let p = part.lowPerson; p <= part.highPerson; p++) {
      const k = p - part.lowPerson;
      if (part.rowsOf[k] === 0) continue;
      hours[p]! += part.hours[k]!;
      income[p]! += part.income[k]!;
      rowsOf[p]! += part.rowsOf[k]!;
    }
    if (part.minMonth < minMonth) minMonth = part.minMonth;
    if (part.maxMonth > maxMonth) maxMonth = part.maxMonth;
    for (const e of part.errors) errors.add(e.message, r.firstLine + e.line, e.column);
    errors.addUnlisted(part.errorCount - part.errors.length);
    if (encodingSwitchLine === null && part.encodingSwitchLine !== null) encodingSwitchLine = r.firstLine + part.encodingSwitchLine;
  }
  errors.throwIfAny();

  const warnings: ReconciliationWarning[] = [];
  const coverage: MonthCoverage | null = minMonth === NO_WEEK ? null : { first_month: minMonth, last_month: maxMonth };
  const outside = new Set<string>();
  const outsideOf = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const m = wantedMonths[p]!;
    if (!coverage || m < coverage.first_month || m > coverage.last_month) {
      outside.add(ids[p]!);
      outsideOf[p] = 1;
    }
  }
  if (n > 0 && outside.size === n) {
    const span = `${formatMonth(Math.min(...wantedMonths))} to ${formatMonth(Math.max(...wantedMonths))}`;
    const why = coverage ? `the file covers ${formatMonth(coverage.first_month)} to ${formatMonth(coverage.last_month)}, which contains none of` : 'the file has no rows, so it covers none of';
    throw inputError(`${why} the cohort's follow-up months (${span})`, { file: display });
  }
  if (outside.size > 0 && coverage) {
    warnings.push({ code: 'follow_up_outside_coverage', params: { persons: outside.size, file: display, first_month: formatMonth(coverage.first_month), last_month: formatMonth(coverage.last_month) } });
  }
  if (encodingSwitchLine !== null) warnings.push({ code: 'encoding_switched', params: { file: display, line: encodingSwitchLine } });
  const file: FileReconciliation = { role: 'wages', file: display, rows_read: rowsRead, rows_used: used, excluded: nonZero(excluded) };
  assertBalanced(file);
  return withLazyMap({ byPerson: { hours, income, rows: rowsOf, outside: outsideOf }, outside_coverage: outside, coverage, file, warnings }, 'months', () => {
    const months = new Map<string, WageMonth>();
    for (let p = 0; p < n; p++) if (!outsideOf[p] && rowsOf[p]! > 0) months.set(ids[p]!, { paid_hours: hours[p]!, wage_income: income[p]! });
    return months;
  });
}

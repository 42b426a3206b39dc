/**
 * The monthly wage panel (eIndkomst-style: one row per person, month and employer),
 * streamed like the benefit panel. Rows of the wanted month are summed per person.
 * Precedence of exclusion reasons: person_not_in_cohort, outside_follow_up_month.
 */
import { inputError } from '../errors.js';
import { resolveInput, type LoadedSpec } from '../spec/load.js';
import type { ReconciliationWarning } from '../types.js';
import { formatMonth, type MonthIndex } from '../util/months.js';
import { assertBalanced, idTableFindText, nonZero } from './benefits.js';
import { layoutColumns } from './columns.js';
import { ErrorList } from './errorList.js';
import type { IdTable } from './idTable.js';
import { panelPersons } from './panelPersons.js';
import type { ExclusionReason } from './reasons.js';
import { scanCsv, type RecordView } from './scan.js';
import { fieldCountMessage } from './table.js';
import type { IngestOptions, MonthCoverage, WageMonth, WagePanel } from './types.js';
import { BLANK, NO_WEEK, parseMonthBytes, parseNumberBytes } from './values.js';

export const WAGE_COLUMNS = ['person_id', 'month', 'paid_hours', 'wage_income'] as const;

export async function readWages(loaded: LoadedSpec, wanted: ReadonlyMap<string, MonthIndex>, opts: IngestOptions = {}): Promise<WagePanel> {
  const input = resolveInput(loaded, loaded.spec.inputs.wages);
  const display = input.display;
  const errors = new ErrorList(display);
  const persons = panelPersons(wanted);
  const n = persons.ids.length;
  const hours = new Float64Array(n);
  const income = new Float64Array(n);
  const usedRows = new Int32Array(n);
  const excluded: Partial<Record<ExclusionReason, number>> & { person_not_in_cohort: number; outside_follow_up_month: number } = {
    person_not_in_cohort: 0,
    outside_follow_up_month: 0,
  };
  let used = 0;
  let minMonth = NO_WEEK;
  let maxMonth = -NO_WEEK;
  let ids: IdTable | null = null;
  let idCol = 0;
  let monthCol = 0;
  let hoursCol = 0;
  let incomeCol = 0;
  let width = 0;
  let names: string[] = [];
  let decimal: '.' | ',' | 'auto' = 'auto';

  const number = (v: RecordView, col: number): number => {
    const s = v.starts[col]!;
    const e = v.ends[col]!;
    let blank = true;
    for (let k = s; k < e; k++) {
      if (v.buf[k] !== 32) {
        blank = false;
        break;
      }
    }
    if (blank) return 0;
    const x = v.quoted[col] === 2 ? NaN : parseNumberBytes(v.buf, s, e, decimal);
    if (Number.isNaN(x)) errors.add(`cannot read ${names[col]} "${v.text(col)}" (expected a number${decimal === 'auto' ? '' : ` with decimal mark "${decimal}"`})`, v.line, col + 1);
    return x;
  };

  const scan = await scanCsv(
    { path: input.path, display, role: 'wages', csv: input.csv },
    {
      header(header, view) {
        const layout = layoutColumns(header, WAGE_COLUMNS, [], input.columns, display);
        names = header;
        idCol = layout.index.get('person_id')!;
        monthCol = layout.index.get('month')!;
        hoursCol = layout.index.get('paid_hours')!;
        incomeCol = layout.index.get('wage_income')!;
        width = layout.width;
        decimal = view.dialect.decimal;
        ids = persons.table(view.dialect.encoding, view.dialect.encodingDecided);
      },
      record(v: RecordView) {
        if (v.count !== width) {
          errors.add(fieldCountMessage(width, v.count), v.line);
          return;
        }
        const month = v.quoted[monthCol] === 2 ? NO_WEEK : parseMonthBytes(v.buf, v.starts[monthCol]!, v.ends[monthCol]!);
        if (month === NO_WEEK || month === BLANK) {
          errors.add(`cannot read month "${v.text(monthCol)}" in column ${names[monthCol]} (expected 2022-04 or 202204)`, v.line, monthCol + 1);
          return;
        }
        const h = number(v, hoursCol);
        const w = number(v, incomeCol);
        if (Number.isNaN(h) || Number.isNaN(w)) return;
        if (h < 0) {
          errors.add(`negative ${names[hoursCol]} ${v.text(hoursCol)}`, v.line, hoursCol + 1);
          return;
        }
        if (month < minMonth) minMonth = month;
        if (month > maxMonth) maxMonth = month;
        const p = v.quoted[idCol] === 2 ? idTableFindText(ids!, v.text(idCol), v.dialect.encoding) : ids!.find(v.buf, v.starts[idCol]!, v.ends[idCol]!);
        if (p < 0) {
          if (v.text(idCol) === '') {
            errors.add(`blank ${names[idCol]}`, v.line, idCol + 1);
            return;
          }
          excluded.person_not_in_cohort++;
          return;
        }
        if (month !== persons.months[p]) {
          excluded.outside_follow_up_month++;
          return;
        }
        hours[p]! += h;
        income[p]! += w;
        usedRows[p]!++;
        used++;
      },
      malformed(v) {
        errors.add(v.problem!.what, v.line, v.problem!.column);
      },
    },
    opts.onProgress,
  );
  errors.throwIfAny();

  const warnings: ReconciliationWarning[] = [];
  const coverage: MonthCoverage | null = minMonth === NO_WEEK ? null : { first_month: minMonth, last_month: maxMonth };
  const months = new Map<string, WageMonth>();
  const outside = new Set<string>();
  for (let p = 0; p < n; p++) {
    const m = persons.months[p]!;
    if (!coverage || m < coverage.first_month || m > coverage.last_month) {
      outside.add(persons.ids[p]!);
      continue;
    }
    if (usedRows[p]! > 0) months.set(persons.ids[p]!, { paid_hours: hours[p]!, wage_income: income[p]! });
  }
  if (n > 0 && outside.size === n) {
    const wantedMonths = [...persons.months];
    const span = `${formatMonth(Math.min(...wantedMonths))} to ${formatMonth(Math.max(...wantedMonths))}`;
    const has = coverage ? `covers ${formatMonth(coverage.first_month)} to ${formatMonth(coverage.last_month)}` : 'has no rows';
    throw inputError(`the file ${has}, which contains none of the cohort's follow-up months (${span})`, { file: display });
  }
  if (outside.size > 0 && coverage) {
    warnings.push({ code: 'follow_up_outside_coverage', params: { persons: outside.size, file: display, first_month: formatMonth(coverage.first_month), last_month: formatMonth(coverage.last_month) } });
  }
  if (scan.encodingSwitchLine !== null) warnings.push({ code: 'encoding_switched', params: { file: display, line: scan.encodingSwitchLine } });
  const file = { role: 'wages' as const, file: display, rows_read: scan.rows, rows_used: used, excluded: nonZero(excluded) };
  assertBalanced(file);
  return { months, outside_coverage: outside, coverage, file, warnings };
}

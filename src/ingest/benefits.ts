/**
 * The weekly benefit panel (DREAM-style: one code per person per week), streamed: rows
 * are split on raw bytes, the week is parsed from bytes, the person found through a hash
 * of the id bytes, the code classified through a memo keyed by the code's digits; only
 * the weeks of each wanted person's follow-up month are kept (a few bytes per person).
 * Every row lands in exactly one bucket: used, or one exclusion reason, in this order of
 * precedence: person_not_in_cohort, blank_week, outside_follow_up_month,
 * unknown_code_excluded, duplicate_person_week; after the scan, rows of persons whose
 * follow-up month the file covers only in part move to follow_up_outside_coverage.
 */
import { inputError } from '../errors.js';
import { resolveInput, type LoadedSpec } from '../spec/load.js';
import { CATEGORY_CLASSES, type CategoryClass, type ReconciliationWarning } from '../types.js';
import { formatMonth, type MonthIndex } from '../util/months.js';
import { classifyCode } from './codebook.js';
import { layoutColumns } from './columns.js';
import type { Encoding } from './dialect.js';
import { ErrorList } from './errorList.js';
import { encodeText } from './text.js';
import type { IdTable } from './idTable.js';
import { panelPersons } from './panelPersons.js';
import type { ExclusionReason } from './reasons.js';
import { scanCsv, type RecordView } from './scan.js';
import { fieldCountMessage } from './table.js';
import type { BenefitPanel, Codebook, IngestOptions, UnknownCode, WeekCoverage } from './types.js';
import { BLANK, NO_WEEK, WEEK_BASE, WEEK_SPAN, formatWeek, monthOfWeek, parseWeekBytes, weeksOfMonth } from './values.js';

export const BENEFIT_COLUMNS = ['person_id', 'week', 'benefit_code'] as const;

const SPACE = 32;
const ZERO = 48;
/** Memo slots for all-digit codes of up to 5 digits: key = value * 8 + length (keeps leading zeros apart). */
const SMALL_CODE_KEYS = 100000 * 8;
const UNSET = 0x7fff;

export async function readBenefitPanel(
  loaded: LoadedSpec,
  codebook: Codebook,
  wanted: ReadonlyMap<string, MonthIndex>,
  opts: IngestOptions = {},
): Promise<BenefitPanel> {
  const input = resolveInput(loaded, loaded.spec.inputs.benefits);
  const policy = loaded.spec.unknown_codes;
  const display = input.display;
  const errors = new ErrorList(display);
  const persons = panelPersons(wanted);
  const n = persons.ids.length;
  const firstWeek = new Int32Array(n);
  const weekCount = new Int32Array(n);
  const base = new Int32Array(n);
  let slots = 0;
  for (let p = 0; p < n; p++) {
    const w = weeksOfMonth(persons.months[p]!);
    firstWeek[p] = w.first;
    weekCount[p] = w.count;
    base[p] = slots;
    slots += w.count;
  }
  /** class index per (person, week of the wanted month); -1 = no row */
  const classes = new Int8Array(slots).fill(-1);
  const usedRows = new Int32Array(n);

  const excluded: Record<ExclusionReason, number> = {
    person_not_in_cohort: 0,
    outside_follow_up_month: 0,
    unknown_code_excluded: 0,
    blank_week: 0,
    duplicate_person_week: 0,
    follow_up_outside_coverage: 0,
  };
  let used = 0;
  let minWeek = NO_WEEK;
  let maxWeek = -NO_WEEK;
  /** Rows per week, indexed by global week − WEEK_BASE (weeks of 1900–2199). */
  const weeksSeen = new Uint8Array(WEEK_SPAN);
  // Panels are usually sorted by person: remember the last id's bytes and its person.
  const lastId = Buffer.alloc(256);
  let lastIdLength = -1;
  let lastPerson = -1;

  // Code classification memo: class index ≥ 0, or -(k+1) for unknown code k.
  const smallCodes = new Int16Array(SMALL_CODE_KEYS).fill(UNSET);
  const otherCodes = new Map<string, number>();
  const unknownCodes: string[] = [];
  const unknownCounts: number[] = [];
  const unknownFirst: number[] = [];
  const recodeUnknown = policy === 'none' ? 0 : policy === 'temporary' ? CATEGORY_CLASSES.indexOf('temporary') : -1;
  const classOf = (code: string, line: number): number => {
    const cls = classifyCode(codebook, code);
    if (cls !== undefined) return CATEGORY_CLASSES.indexOf(cls);
    unknownCodes.push(code);
    unknownCounts.push(0);
    unknownFirst.push(line);
    return -unknownCodes.length;
  };

  let ids: IdTable | null = null;
  let idCol = 0;
  let weekCol = 0;
  let codeCol = 0;
  let width = 0;
  let weekName = 'week';

  const scan = await scanCsv(
    { path: input.path, display, role: 'benefits', csv: input.csv },
    {
      header(names, view) {
        const layout = layoutColumns(names, BENEFIT_COLUMNS, [], input.columns, display);
        idCol = layout.index.get('person_id')!;
        weekCol = layout.index.get('week')!;
        codeCol = layout.index.get('benefit_code')!;
        weekName = names[weekCol]!;
        width = layout.width;
        ids = persons.table(view.dialect.encoding, view.dialect.encodingDecided);
      },
      record(v: RecordView) {
        if (v.count !== width) {
          errors.add(fieldCountMessage(width, v.count), v.line);
          return;
        }
        const buf = v.buf;
        const week = v.quoted[weekCol] === 2 ? NO_WEEK : parseWeekBytes(buf, v.starts[weekCol]!, v.ends[weekCol]!);
        if (week === NO_WEEK) {
          errors.add(`cannot read week "${v.text(weekCol)}" in column ${weekName} (expected 2022-W14, 2022W14 or 202214)`, v.line, weekCol + 1);
          return;
        }
        // Classify the code (every row is checked against the codebook).
        let cls: number;
        let s = v.starts[codeCol]!;
        let e = v.ends[codeCol]!;
        while (s < e && buf[s] === SPACE) s++;
        while (e > s && buf[e - 1] === SPACE) e--;
        const len = e - s;
        let value = 0;
        let k = s;
        if (len <= 5 && v.quoted[codeCol] !== 2) {
          for (; k < e; k++) {
            const d = buf[k]! - ZERO;
            if (d < 0 || d > 9) break;
            value = value * 10 + d;
          }
        }
        if (len <= 5 && k === e && v.quoted[codeCol] !== 2) {
          const key = value * 8 + len;
          cls = smallCodes[key]!;
          if (cls === UNSET) {
            cls = classOf(len === 0 ? '' : v.text(codeCol), v.line);
            smallCodes[key] = cls;
          }
        } else {
          const code = v.text(codeCol);
          const known = otherCodes.get(code);
          if (known === undefined) {
            cls = classOf(code, v.line);
            otherCodes.set(code, cls);
          } else cls = known;
        }
        if (cls < 0) unknownCounts[-cls - 1]!++;

        if (week !== BLANK) {
          if (week < minWeek) minWeek = week;
          if (week > maxWeek) maxWeek = week;
          weeksSeen[week - WEEK_BASE] = 1;
        }
        let p: number;
        const is = v.starts[idCol]!;
        const ie = v.ends[idCol]!;
        const idLength = ie - is;
        const plain = v.quoted[idCol] !== 2;
        let hit = false;
        if (idLength === lastIdLength && plain) {
          let j = 0;
          while (j < idLength && buf[is + j] === lastId[j]) j++;
          hit = j === idLength;
        }
        if (hit) p = lastPerson;
        else {
          p = plain ? ids!.find(buf, is, ie) : idTableFindText(ids!, v.text(idCol), v.dialect.encoding);
          if (plain && idLength <= lastId.length) {
            buf.copy(lastId, 0, is, ie);
            lastIdLength = idLength;
            lastPerson = p;
          } else lastIdLength = -1;
        }
        if (p < 0) {
          if (isBlankField(buf, v.starts[idCol]!, v.ends[idCol]!)) {
            errors.add(`blank person_id`, v.line, idCol + 1);
            return;
          }
          excluded.person_not_in_cohort++;
          return;
        }
        if (week === BLANK) {
          excluded.blank_week++;
          return;
        }
        const rel = week - firstWeek[p]!;
        if (rel < 0 || rel >= weekCount[p]!) {
          excluded.outside_follow_up_month++;
          return;
        }
        if (cls < 0) {
          if (recodeUnknown < 0) {
            excluded.unknown_code_excluded++;
            return;
          }
          cls = recodeUnknown;
        }
        const slot = base[p]! + rel;
        if (classes[slot] !== -1) {
          excluded.duplicate_person_week++;
          return;
        }
        classes[slot] = cls;
        used++;
        usedRows[p]!++;
      },
      malformed(v) {
        errors.add(v.problem!.what, v.line, v.problem!.column);
      },
    },
    opts.onProgress,
  );

  const unknown: UnknownCode[] = unknownCodes
    .map((code, k) => ({ code, count: unknownCounts[k]!, first_line: unknownFirst[k]! }))
    .filter((u) => u.count > 0)
    .sort((a, b) => a.first_line - b.first_line);
  if (policy === 'error') {
    for (const u of unknown) {
      errors.add(`benefit code "${u.code}" is not in the codebook "${codebook.name}" (${u.count} row${u.count === 1 ? '' : 's'}, the first on this line); add it to the codebook or set unknown_codes in the spec`, u.first_line, codeCol + 1);
    }
  }
  errors.throwIfAny();

  const warnings: ReconciliationWarning[] = [];
  let coverage: WeekCoverage | null = null;
  const outside = new Set<string>();
  if (minWeek !== NO_WEEK) {
    let firstMonth = monthOfWeek(minWeek);
    if (weeksOfMonth(firstMonth).first < minWeek) firstMonth++;
    let lastMonth = monthOfWeek(maxWeek);
    const lw = weeksOfMonth(lastMonth);
    if (lw.first + lw.count - 1 > maxWeek) lastMonth--;
    coverage = { first_week: formatWeek(minWeek), last_week: formatWeek(maxWeek), first_month: firstMonth, last_month: lastMonth };
    let missing = 0;
    let first = NO_WEEK;
    for (let w = minWeek; w <= maxWeek; w++) {
      if (weeksSeen[w - WEEK_BASE]) continue;
      missing++;
      if (first === NO_WEEK) first = w;
    }
    if (missing > 0) {
      warnings.push({ code: 'weeks_missing', params: { count: missing, first: formatWeek(first), file: display } });
    }
  }
  const months = new Map<string, (CategoryClass | null)[]>();
  for (let p = 0; p < n; p++) {
    const covered = minWeek !== NO_WEEK && firstWeek[p]! >= minWeek && firstWeek[p]! + weekCount[p]! - 1 <= maxWeek;
    if (!covered) {
      outside.add(persons.ids[p]!);
      used -= usedRows[p]!;
      excluded.follow_up_outside_coverage += usedRows[p]!;
      continue;
    }
    const row: (CategoryClass | null)[] = new Array<CategoryClass | null>(weekCount[p]!);
    for (let w = 0; w < weekCount[p]!; w++) {
      const c = classes[base[p]! + w]!;
      row[w] = c < 0 ? null : CATEGORY_CLASSES[c]!;
    }
    months.set(persons.ids[p]!, row);
  }
  if (n > 0 && outside.size === n) {
    const wantedMonths = [...persons.months];
    const span = `${formatMonth(Math.min(...wantedMonths))} to ${formatMonth(Math.max(...wantedMonths))}`;
    const has = coverage ? `covers ${coverage.first_week} to ${coverage.last_week}` : 'has no weeks';
    throw inputError(`the file ${has}, which contains none of the cohort's follow-up months (${span})`, { file: display });
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
  if (scan.encodingSwitchLine !== null) warnings.push({ code: 'encoding_switched', params: { file: display, line: scan.encodingSwitchLine } });

  const file = { role: 'benefits' as const, file: display, rows_read: scan.rows, rows_used: used, excluded: nonZero(excluded) };
  assertBalanced(file);
  return { months, outside_coverage: outside, coverage, file, unknown_codes: unknown, warnings };
}

function isBlankField(buf: Buffer, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (buf[k] !== SPACE && buf[k] !== 9) return false;
  return true;
}

/** Slow path for an id with `""` escapes: decode, then look up its bytes. */
export function idTableFindText(ids: IdTable, id: string, encoding: Encoding): number {
  const b = encodeText(id, encoding) ?? Buffer.from(id, 'utf8');
  return ids.find(b, 0, b.length);
}

export function nonZero(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, v]) => v > 0));
}

/** rows_read = rows_used + Σ excluded, or the reader has a bug. */
export function assertBalanced(f: { rows_read: number; rows_used: number; excluded: Readonly<Record<string, number>>; file: string }): void {
  const sum = f.rows_used + Object.values(f.excluded).reduce((a, b) => a + b, 0);
  if (sum !== f.rows_read) throw new Error(`ingest bug: ${f.file}: rows read ${f.rows_read} ≠ used ${f.rows_used} + excluded ${sum - f.rows_used}`);
}

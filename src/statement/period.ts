import { inputError } from '../errors.js';
import { formatMonth, monthIndex, type MonthIndex } from '../util/months.js';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** A statement period: whole calendar months, first to last inclusive. */
export interface Period {
  readonly id: string;
  readonly kind: PeriodKind;
  readonly first: MonthIndex;
  readonly last: MonthIndex;
}

/** `2023-Q2`, `2023-H1`, `2023-04` or `2023` (case-insensitive); anything else is a usage error. */
export function parsePeriod(text: string): Period {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})-Q([1-4])$/.exec(t);
  if (m) return periodOf('quarter', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-H([12])$/.exec(t);
  if (m) return periodOf('half', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t);
  if (m) return periodOf('month', Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(t);
  if (m) return periodOf('year', Number(m[1]), 1);
  throw inputError(`statement: --period must look like 2023-Q2, 2023-H1, 2023-04, 2023 or all, not "${text}"`);
}

const LENGTH: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

export function periodOf(kind: PeriodKind, year: number, index: number): Period {
  const len = LENGTH[kind];
  const first = monthIndex(year, (index - 1) * len + 1);
  const last = first + len - 1;
  const id = kind === 'month' ? formatMonth(first) : kind === 'quarter' ? `${year}-Q${index}` : kind === 'half' ? `${year}-H${index}` : String(year);
  return { id, kind, first, last };
}

/** The period of this kind that contains month m. */
export function periodContaining(kind: PeriodKind, m: MonthIndex): Period {
  const year = Math.floor(m / 12);
  const month = (m % 12) + 1;
  return periodOf(kind, year, Math.floor((month - 1) / LENGTH[kind]) + 1);
}

/** Every period of this kind from the one containing `from` to the one containing `to`, in order. */
export function periodsBetween(kind: PeriodKind, from: MonthIndex, to: MonthIndex): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(kind, from); p.first <= to; p = periodContaining(kind, p.last + 1)) out.push(p);
  return out;
}

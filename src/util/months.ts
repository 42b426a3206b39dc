/**
 * Calendar arithmetic on integer month and ISO-week indices. Months are counted as
 * year * 12 + (month - 1) so that "end month + 2" is plain addition and comparison is
 * numeric; strings appear only at the edges (parsing and reporting).
 */

export type MonthIndex = number;

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + (month - 1);
}

export function monthOfIsoDate(isoDate: string): MonthIndex {
  return monthIndex(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)));
}

export function formatMonth(m: MonthIndex): string {
  const year = Math.floor(m / 12);
  const month = (m % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** Days since 1970-01-01 (UTC) of a proleptic Gregorian date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil: exact, branch-light, no Date objects in hot loops.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= dim;
}

export function isoDateFromDays(z: number): string {
  const { year, month, day } = civilFromDays(z);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysOfIsoDate(isoDate: string): number {
  return daysFromCivil(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10)));
}

/** Number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function isoWeeksInYear(year: number): number {
  // A year has 53 ISO weeks when 1 January is a Thursday, or a Wednesday in a leap year.
  const jan1 = ((daysFromCivil(year, 1, 1) % 7) + 7 + 3) % 7; // 0 = Monday
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 3 || (leap && jan1 === 2) ? 53 : 52;
}

/** Days since epoch of the Thursday of ISO week `week` in ISO year `year`. */
export function thursdayOfIsoWeek(year: number, week: number): number {
  // 4 January is always in week 1; step back to its Monday, then forward.
  const jan4 = daysFromCivil(year, 1, 4);
  const jan4Weekday = (((jan4 + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const mondayWeek1 = jan4 - jan4Weekday;
  return mondayWeek1 + (week - 1) * 7 + 3;
}

/** ISO week belongs to the month that contains its Thursday (domain.md §3). */
export function monthOfIsoWeek(year: number, week: number): MonthIndex {
  const { year: y, month } = civilFromDays(thursdayOfIsoWeek(year, week));
  return monthIndex(y, month);
}

/** ISO week (year, week) of a day number. */
export function isoWeekOfDays(z: number): { year: number; week: number } {
  const weekday = (((z + 3) % 7) + 7) % 7; // 0 = Monday
  const thursday = z - weekday + 3;
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week };
}

export function formatIsoWeek(year: number, week: number): string {
  return `${year}-W${week < 10 ? '0' : ''}${week}`;
}

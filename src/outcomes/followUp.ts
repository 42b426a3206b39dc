import type { Cohort, Person } from '../types.js';
import { daysOfIsoDate, isoDateFromDays, monthOfIsoDate, type MonthIndex } from '../util/months.js';

export type FollowUpSource = 'own_end_date' | 'reference_end_date' | 'matched_participant' | 'participants_mean_end_date';

export interface FollowUp {
  readonly month: MonthIndex;
  /** The end date the month was counted from (ISO). */
  readonly endDate: string;
  readonly source: FollowUpSource;
}

/**
 * Follow-up month per person (domain.md §3): participants, the calendar month of
 * their end date plus `monthsAfterEnd`; controls, their own `reference_end_date`,
 * else the end date of the participant they are matched to, else the participants'
 * mean end date (the catalogue's "two months after the participants' average end").
 */
export function followUpMonths(cohort: Cohort, monthsAfterEnd: number): Map<string, FollowUp> {
  const out = new Map<string, FollowUp>();
  const list = followUpList(cohort, monthsAfterEnd);
  const persons = [...cohort.participants, ...cohort.controls];
  list.forEach((f, k) => f && out.set(persons[k]!.id, f));
  return out;
}

/** followUpMonths as an array: entry k for the k-th person of participants then controls (null: none). */
export function followUpList(cohort: Cohort, monthsAfterEnd: number): (FollowUp | null)[] {
  const { controls } = cohort;
  return followUpsOf(cohort.participants, { count: controls.length, referenceEndDate: (r) => controls[r]!.referenceEndDate, matchedTo: (r) => controls[r]!.matchedTo }, monthsAfterEnd);
}

/** What the follow-up months need of the controls, row by row (Person records, or the columns of the file before they are made). */
export interface ControlDates {
  readonly count: number;
  /** ISO date, or null when the control has none. */
  readonly referenceEndDate: (row: number) => string | null;
  readonly matchedTo: (row: number) => string | null;
  /**
   * The same two columns dictionary-coded, when the caller has them so (the cohort file's
   * columns): row r's reference date is `reference.values[reference.codes[r]]`, its matched
   * id `matched.values[matched.codes[r]]`; a column the file lacks is null. The months are
   * then worked out once per distinct value, not once per row: 200,000 controls share a few
   * thousand values.
   */
  readonly coded?: { readonly reference: CodedColumn | null; readonly matched: CodedColumn | null };
}

/** A dictionary-coded column: row r holds values[codes[r]]. */
export interface CodedColumn {
  readonly codes: Int32Array;
  readonly values: readonly (string | null)[];
}

/** followUpList from the participants and the controls' dates. */
export function followUpsOf(participants: readonly Pick<Person, 'id' | 'endDate'>[], controls: ControlDates, monthsAfterEnd: number): (FollowUp | null)[] {
  // Sized once, filled by index: 200,000 pushes grew and copied it, each copy a large array.
  const out = new Array<FollowUp | null>(participants.length + controls.count);
  let k = 0;
  // Records are immutable and few are distinct (controls share their participant's end
  // date): one per source and date, instead of one per person on 200,000-control cohorts.
  const made = new Map<FollowUpSource, Map<string, FollowUp>>();
  const at = (endDate: string, source: FollowUpSource): FollowUp => {
    let bySource = made.get(source);
    if (bySource === undefined) made.set(source, (bySource = new Map()));
    let f = bySource.get(endDate);
    if (f === undefined) bySource.set(endDate, (f = { month: monthOfIsoDate(endDate) + monthsAfterEnd, endDate, source }));
    return f;
  };
  const participantEnd = new Map<string, string>();
  let sumDays = 0;
  let count = 0;
  for (const p of participants) {
    if (p.endDate === null) {
      out[k++] = null;
      continue;
    }
    participantEnd.set(p.id, p.endDate);
    sumDays += daysOfIsoDate(p.endDate);
    count += 1;
    out[k++] = at(p.endDate, 'own_end_date');
  }
  const meanEnd = count > 0 ? isoDateFromDays(Math.round(sumDays / count)) : null;
  if (controls.coded) {
    controlsByCode(out, k, controls.count, controls.coded, (matchedTo) => matchedFollowUp(matchedTo, participantEnd, meanEnd, at), at);
    return out;
  }
  // Controls without a reference date of their own share their matched participant's
  // record: one lookup per control rather than three.
  const byMatch = new Map<string | null, FollowUp | null>();
  for (let r = 0; r < controls.count; r++) {
    const reference = controls.referenceEndDate(r);
    if (reference !== null) {
      out[k++] = at(reference, 'reference_end_date');
      continue;
    }
    const matchedTo = controls.matchedTo(r);
    let f = byMatch.get(matchedTo);
    if (f === undefined) byMatch.set(matchedTo, (f = matchedFollowUp(matchedTo, participantEnd, meanEnd, at)));
    out[k++] = f;
  }
  return out;
}

/** The controls' entries of followUpsOf from their coded columns: the same records, each value's worked out once. */
function controlsByCode(
  out: (FollowUp | null)[],
  from: number,
  count: number,
  coded: NonNullable<ControlDates['coded']>,
  matchedOf: (matchedTo: string | null) => FollowUp | null,
  at: (endDate: string, source: FollowUpSource) => FollowUp,
): void {
  const { reference, matched } = coded;
  const byReference = reference ? reference.values.map((d) => (d === null ? null : at(d, 'reference_end_date'))) : null;
  const byMatch = matched ? matched.values.map(matchedOf) : null;
  const unmatched = byMatch ? null : matchedOf(null);
  for (let r = 0; r < count; r++) {
    const own = byReference ? byReference[reference!.codes[r]!]! : null;
    out[from + r] = own ?? (byMatch ? byMatch[matched!.codes[r]!]! : unmatched);
  }
}

function matchedFollowUp(
  matchedTo: string | null,
  participantEnd: ReadonlyMap<string, string>,
  meanEnd: string | null,
  at: (endDate: string, source: FollowUpSource) => FollowUp,
): FollowUp | null {
  const matchedEnd = matchedTo !== null ? participantEnd.get(matchedTo) : undefined;
  if (matchedEnd !== undefined) return at(matchedEnd, 'matched_participant');
  if (meanEnd !== null) return at(meanEnd, 'participants_mean_end_date');
  return null;
}

import { formatIsoWeek } from '../../src/util/months.js';

/** A tiny canonical cohort: 2 participants, 3 controls, one outsider in the panels. */
export const PARTICIPANTS = ['person_id,municipality,start_date,end_date,age', 'P1,Herning,2022-01-03,2022-03-15,40', 'P2,Viborg,2022-01-10,2022-04-20,55'].join('\n') + '\n';
export const CONTROLS = ['person_id,municipality,matched_to,age', 'K1,Herning,P1,41', 'K2,Viborg,P2,50', 'K3,Viborg,,60'].join('\n') + '\n';

export const PERSONS = ['P1', 'P2', 'K1', 'K2', 'K3', 'X1'];

/** person × weeks 2022-W01 … last, code 130 except P1 (651) and K1 (blank). */
export function benefits(lastWeek = 30, persons = PERSONS): string {
  const lines = ['person_id,week,benefit_code'];
  for (const p of persons) {
    for (let w = 1; w <= lastWeek; w++) lines.push(`${p},${formatIsoWeek(2022, w)},${p === 'P1' ? '651' : p === 'K1' ? '' : '130'}`);
  }
  return lines.join('\n') + '\n';
}

export function wages(): string {
  const lines = ['person_id,month,paid_hours,wage_income'];
  for (const p of PERSONS) for (let m = 1; m <= 8; m++) lines.push(`${p},2022-0${m},${p === 'K2' ? 0 : 37},${p === 'K2' ? 0 : 8000}`);
  return lines.join('\n') + '\n';
}

export function files(over: Partial<Record<'participants.csv' | 'controls.csv' | 'benefits_weekly.csv' | 'wages_monthly.csv', string | Buffer>> = {}): Record<string, string | Buffer> {
  return { 'participants.csv': PARTICIPANTS, 'controls.csv': CONTROLS, 'benefits_weekly.csv': benefits(), 'wages_monthly.csv': wages(), ...over };
}

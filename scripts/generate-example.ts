/**
 * Generates the seeded example cohort in data/example (domain.md §2–§3): 56 participants
 * of a Herning/Viborg-style SIB, 560 matched controls (1:10), weekly DREAM-style benefit
 * codes and monthly eIndkomst-style wages, such that the follow-up classification of
 * domain.md §3 reproduces the example counts exactly.
 *
 * How: each person's follow-up status is fixed first (exact counts, drawn with covariate-
 * dependent scores so employment is likelier with recent employment), then a weekly
 * benefit trajectory and wage spells are built around it. The follow-up month is written
 * from one of a few patterns (whole month, a switch inside the month, a 2–2 tie that the
 * later week decides, a one-week blip) so that a classifier must really apply the
 * majority and tie rules. A self-check classifies the result and fails on any mismatch.
 *
 * Usage: npx tsx scripts/generate-example.ts [--out <dir>] [--seed <n>]
 * Deterministic: the same seed gives byte-identical files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CategoryClass, StatusCategory } from '../src/types.js';
import { Random } from '../src/util/random.js';
import {
  civilFromDays,
  daysFromCivil,
  formatIsoWeek,
  formatMonth,
  isoDateFromDays,
  isoWeekOfDays,
  monthIndex,
  type MonthIndex,
} from '../src/util/months.js';

export const SEED = 20230817;

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CODEBOOK_PATH = join(REPO, 'data/codebooks/illustrative.json');

/** Target counts (domain.md §2, "Example cohort counts"). */
const PARTICIPANT_COUNTS: Record<StatusCategory, number> = {
  self_supporting_wage: 10,
  self_supporting_unknown: 5,
  wage_with_transfer: 9,
  education: 0,
  flexjob: 0,
  temporary_benefit: 28,
  permanent_benefit: 0,
  not_resident: 4,
};
const CONTROL_COUNTS: Record<StatusCategory, number> = {
  self_supporting_wage: 39,
  self_supporting_unknown: 28,
  wage_with_transfer: 56,
  education: 6,
  flexjob: 11,
  temporary_benefit: 353,
  permanent_benefit: 56,
  not_resident: 11,
};
const N_PARTICIPANTS = 56;
const CONTROLS_PER_PARTICIPANT = 10;

type CivilStatus = 'single' | 'married' | 'cohabiting';
type Education = 'primary_or_less' | 'upper_secondary' | 'vocational' | 'higher';
type BenefitBefore = 'passive_cash_benefit' | 'active_cash_benefit' | 'other';

interface Covariates {
  age: number;
  civil_status: CivilStatus;
  years_in_denmark: number;
  employed_last_2y: 'yes' | 'no';
  education: Education;
  benefit_before_start: BenefitBefore;
  hospital_somatic: 0 | 1;
  hospital_psychiatric: 0 | 1;
}

interface Participant {
  id: string;
  municipality: string;
  startDay: number;
  endDay: number;
  cov: Covariates;
  status: StatusCategory;
}

interface Control {
  id: string;
  municipality: string;
  matchedTo: Participant;
  cov: Covariates;
  status: StatusCategory;
}

/** A week's entry: a code, '' for a blank row, null for an absent row (both = no benefit). */
type WeekCode = string | null;

interface Wage {
  hours: number;
  income: number;
}

interface Trajectory {
  thursdays: number[];
  codes: WeekCode[];
  wages: Map<MonthIndex, Wage>;
}

interface Codebook {
  codes: { code: string; class: CategoryClass }[];
}

export interface ExampleFiles {
  'participants.csv': string;
  'controls.csv': string;
  'benefits_weekly.csv': string;
  'wages_monthly.csv': string;
}

export function generateExample(seed: number, codebook: Codebook = readCodebook()): ExampleFiles {
  const rng = new Random(seed);
  const classOf = new Map(codebook.codes.map((c) => [c.code, c.class]));
  const taken = new Set<string>();
  const participants = makeParticipants(rng, taken);
  const controls = makeControls(rng, participants, taken);

  const trajectories = new Map<string, Trajectory>();
  for (const p of participants) trajectories.set(p.id, makeTrajectory(rng, p.status, p.cov, p.startDay, p.endDay, true));
  for (const c of controls) {
    trajectories.set(c.id, makeTrajectory(rng, c.status, c.cov, c.matchedTo.startDay, c.matchedTo.endDay, false));
  }

  selfCheck(participants, controls, trajectories, classOf);
  return writeCsvs(participants, controls, trajectories);
}

function readCodebook(): Codebook {
  return JSON.parse(readFileSync(CODEBOOK_PATH, 'utf8')) as Codebook;
}

// ---------------------------------------------------------------- persons

/** Exactly the given number of copies of each value, shuffled: published shares become exact counts. */
function exactShares<T>(rng: Random, n: number, parts: [T, number][]): T[] {
  const out: T[] = [];
  for (const [value, count] of parts) for (let i = 0; i < count; i++) out.push(value);
  if (out.length !== n) throw new Error(`exactShares: ${out.length} values for ${n} persons`);
  return rng.shuffle(out);
}

function uniqueIds(rng: Random, n: number, prefix: string, digits: number, taken: Set<string>): string[] {
  const ids: string[] = [];
  const lo = 10 ** (digits - 1);
  const hi = 10 ** digits - 1;
  while (ids.length < n) {
    const id = `${prefix}${rng.int(lo, hi)}`;
    if (taken.has(id)) continue;
    taken.add(id);
    ids.push(id);
  }
  return ids;
}

function makeParticipants(rng: Random, taken: Set<string>): Participant[] {
  const n = N_PARTICIPANTS;
  const ids = uniqueIds(rng, n, 'P', 6, taken);
  // Published shares (domain.md §2) turned into exact counts out of 56.
  const municipality = exactShares(rng, n, [['Herning', 31], ['Viborg', 25]]);
  const older = exactShares(rng, n, [[false, 30], [true, 26]]); // 53 % 25–49, 47 % 50+
  const civil = exactShares<CivilStatus>(rng, n, [['single', 26], ['married', 22], ['cohabiting', 8]]);
  const recentArrival = exactShares(rng, n, [[true, 27], [false, 29]]); // 49 % < 7 years
  const employed = exactShares<'yes' | 'no'>(rng, n, [['yes', 20], ['no', 36]]);
  const education = exactShares<Education>(rng, n, [
    ['primary_or_less', 44],
    ['upper_secondary', 4],
    ['vocational', 5],
    ['higher', 3],
  ]);
  const before = exactShares<BenefitBefore>(rng, n, [
    ['passive_cash_benefit', 42],
    ['active_cash_benefit', 9],
    ['other', 5],
  ]);
  const somatic = exactShares<0 | 1>(rng, n, [[1, 29], [0, 27]]);
  const psychiatric = exactShares<0 | 1>(rng, n, [[1, 17], [0, 39]]);

  const statuses = participantStatuses(rng, employed);
  const out: Participant[] = [];
  for (let i = 0; i < n; i++) {
    const { startDay, endDay } = programmeDates(rng);
    out.push({
      id: ids[i]!,
      municipality: municipality[i]!,
      startDay,
      endDay,
      cov: {
        age: older[i] ? rng.int(50, 63) : rng.int(25, 49),
        civil_status: civil[i]!,
        years_in_denmark: recentArrival[i] ? rng.int(1, 6) : rng.int(7, 29),
        employed_last_2y: employed[i]!,
        education: education[i]!,
        benefit_before_start: before[i]!,
        hospital_somatic: somatic[i]!,
        hospital_psychiatric: psychiatric[i]!,
      },
      status: statuses[i]!,
    });
  }
  return out;
}

/** Start 2020–mid 2022 on a weekday, 6–14 months of participation, end 2021–mid 2023. */
function programmeDates(rng: Random): { startDay: number; endDay: number } {
  const first = daysFromCivil(2020, 1, 6);
  const last = daysFromCivil(2022, 6, 30);
  const endMin = daysFromCivil(2021, 1, 1);
  const endMax = daysFromCivil(2023, 6, 30);
  for (;;) {
    let start = rng.int(first, last);
    const weekday = (((start + 3) % 7) + 7) % 7; // 0 = Monday
    if (weekday >= 5) start += 7 - weekday;
    const end = start + rng.int(183, 426);
    if (end >= endMin && end <= endMax) return { startDay: start, endDay: end };
  }
}

/**
 * Participant statuses with the subgroup split of catalogue Table 3: of the 20 with recent
 * employment 10 are in ordinary employment at follow-up, of the 36 without 9.
 */
function participantStatuses(rng: Random, employed: ('yes' | 'no')[]): StatusCategory[] {
  const yes = rng.shuffle<StatusCategory>([
    ...repeat<StatusCategory>('self_supporting_wage', 6),
    ...repeat<StatusCategory>('wage_with_transfer', 4),
    ...repeat<StatusCategory>('self_supporting_unknown', 2),
    ...repeat<StatusCategory>('temporary_benefit', 7),
    ...repeat<StatusCategory>('not_resident', 1),
  ]);
  const no = rng.shuffle<StatusCategory>([
    ...repeat<StatusCategory>('self_supporting_wage', 4),
    ...repeat<StatusCategory>('wage_with_transfer', 5),
    ...repeat<StatusCategory>('self_supporting_unknown', 3),
    ...repeat<StatusCategory>('temporary_benefit', 21),
    ...repeat<StatusCategory>('not_resident', 3),
  ]);
  const out = employed.map((e) => (e === 'yes' ? yes.pop() : no.pop()));
  if (yes.length !== 0 || no.length !== 0 || out.some((s) => s === undefined)) {
    throw new Error('participantStatuses: subgroup sizes do not match the employed_last_2y split');
  }
  const counts = countBy(out as StatusCategory[]);
  for (const [s, n] of Object.entries(PARTICIPANT_COUNTS)) {
    if ((counts.get(s as StatusCategory) ?? 0) !== n) throw new Error(`participantStatuses: ${s} count off`);
  }
  return out as StatusCategory[];
}

function makeControls(rng: Random, participants: Participant[], taken: Set<string>): Control[] {
  const ids = uniqueIds(rng, participants.length * CONTROLS_PER_PARTICIPANT, 'K', 7, taken);
  const controls: Control[] = [];
  let k = 0;
  for (const p of participants) {
    for (let j = 0; j < CONTROLS_PER_PARTICIPANT; j++) {
      controls.push({ id: ids[k++]!, municipality: p.municipality, matchedTo: p, cov: jitter(rng, p.cov), status: 'temporary_benefit' });
    }
  }
  assignControlStatuses(rng, controls);
  return controls;
}

/** Matching-like covariates: mostly the participant's own values, sometimes a neighbour. */
function jitter(rng: Random, c: Covariates): Covariates {
  const flip = <T>(value: T, others: readonly T[], p: number): T => (rng.chance(p) ? rng.pick(others) : value);
  let age = c.age + rng.int(-3, 3);
  // Coarsened matching on the age band: a control crosses 25–49 / 50+ only rarely.
  if ((age >= 50) !== (c.age >= 50) && rng.chance(0.7)) age = c.age;
  age = Math.min(64, Math.max(25, age));
  let years = Math.max(0, c.years_in_denmark + rng.int(-2, 2));
  if ((years < 7) !== (c.years_in_denmark < 7) && rng.chance(0.6)) years = c.years_in_denmark;
  return {
    age,
    civil_status: flip(c.civil_status, ['single', 'married', 'cohabiting'] as const, 0.12),
    years_in_denmark: years,
    employed_last_2y: flip(c.employed_last_2y, ['yes', 'no'] as const, 0.08),
    education: flip(c.education, ['primary_or_less', 'upper_secondary', 'vocational', 'higher'] as const, 0.05),
    benefit_before_start: flip(c.benefit_before_start, ['passive_cash_benefit', 'active_cash_benefit', 'other'] as const, 0.06),
    hospital_somatic: flip(c.hospital_somatic, [0, 1] as const, 0.12),
    hospital_psychiatric: flip(c.hospital_psychiatric, [0, 1] as const, 0.1),
  };
}

/**
 * Exact control counts, each category handed to the persons with the highest noisy score
 * (score = covariate effect + standard normal noise), so the categories are associated
 * with covariates the way one expects but not deterministically.
 */
function assignControlStatuses(rng: Random, controls: Control[]): void {
  const open = new Set(controls);
  const take = (n: number, score: (c: Covariates) => number): Control[] => {
    const ranked = [...open].map((c) => ({ c, s: score(c.cov) + rng.normal() })).sort((a, b) => b.s - a.s);
    const chosen = ranked.slice(0, n).map((r) => r.c);
    for (const c of chosen) open.delete(c);
    return chosen;
  };
  const employed = take(CONTROL_COUNTS.self_supporting_wage + CONTROL_COUNTS.wage_with_transfer, (c) =>
    (c.employed_last_2y === 'yes' ? 0.7 : 0) + (c.age < 50 ? 0.3 : 0) - (c.hospital_psychiatric ? 0.3 : 0),
  );
  rng.shuffle(employed);
  employed.forEach((c, i) => (c.status = i < CONTROL_COUNTS.self_supporting_wage ? 'self_supporting_wage' : 'wage_with_transfer'));
  for (const c of take(CONTROL_COUNTS.permanent_benefit, (v) => (v.age >= 50 ? 0.9 : 0) + 0.7 * v.hospital_psychiatric + 0.4 * v.hospital_somatic)) {
    c.status = 'permanent_benefit';
  }
  for (const c of take(CONTROL_COUNTS.flexjob, (v) => 0.5 * v.hospital_somatic + (v.age >= 50 ? 0.3 : 0))) c.status = 'flexjob';
  for (const c of take(CONTROL_COUNTS.education, (v) => (v.age < 35 ? 1 : 0) + (v.education === 'primary_or_less' ? 0 : 0.3))) {
    c.status = 'education';
  }
  for (const c of take(CONTROL_COUNTS.not_resident, (v) => (v.years_in_denmark < 7 ? 0.6 : 0))) c.status = 'not_resident';
  const rest = rng.shuffle([...open]);
  rest.forEach((c, i) => (c.status = i < CONTROL_COUNTS.self_supporting_unknown ? 'self_supporting_unknown' : 'temporary_benefit'));
  const counts = countBy(controls.map((c) => c.status));
  for (const [s, n] of Object.entries(CONTROL_COUNTS)) {
    if ((counts.get(s as StatusCategory) ?? 0) !== n) throw new Error(`assignControlStatuses: ${s} count off`);
  }
}

// ---------------------------------------------------------------- trajectories

function monthOfDay(z: number): MonthIndex {
  const { year, month } = civilFromDays(z);
  return monthIndex(year, month);
}

function firstDayOfMonth(m: MonthIndex): number {
  return daysFromCivil(Math.floor(m / 12), (m % 12) + 1, 1);
}

function thursdayOf(z: number): number {
  const weekday = (((z + 3) % 7) + 7) % 7;
  return z - weekday + 3;
}

/**
 * One person's weekly codes and monthly wages over [start month − 13, end month + 9]
 * (controls use their matched participant's dates, so the calendar window is shared).
 */
function makeTrajectory(
  rng: Random,
  status: StatusCategory,
  cov: Covariates,
  startDay: number,
  endDay: number,
  participant: boolean,
): Trajectory {
  const startMonth = monthOfDay(startDay);
  const endMonth = monthOfDay(endDay);
  const fu = endMonth + 2;
  const firstThu = thursdayOf(firstDayOfMonth(startMonth - 13));
  const lastThu = thursdayOf(firstDayOfMonth(endMonth + 10) - 1);
  const thursdays: number[] = [];
  for (let t = firstThu; t <= lastThu; t += 7) thursdays.push(t);
  const monthOfWeek = thursdays.map(monthOfDay);
  const weeksOf = (m: MonthIndex): number[] => monthOfWeek.flatMap((wm, i) => (wm === m ? [i] : []));
  const n = thursdays.length;
  const startIdx = thursdays.findIndex((t) => t + 3 >= startDay);
  const endIdx = thursdays.findIndex((t) => t + 3 >= endDay);
  const fuWeeks = weeksOf(fu);
  const fuFirst = fuWeeks[0]!;
  const wages = new Map<MonthIndex, Wage>();
  const noneStyle = rng.pick(['blank', 'absent', 'mixed'] as const);
  const none = (): WeekCode => (noneStyle === 'blank' ? '' : noneStyle === 'absent' ? null : rng.chance(0.5) ? '' : null);

  // 1. Base: cash benefit before and during the programme and after it ends.
  const codes: WeekCode[] = new Array<WeekCode>(n);
  const passive = cov.benefit_before_start === 'active_cash_benefit' ? '131' : '130';
  for (let i = 0; i < n; i++) codes[i] = passive;
  if (cov.benefit_before_start === 'other') {
    const other = rng.pick(['111', '135', '150']);
    for (let i = Math.max(0, startIdx - rng.int(8, 30)); i < startIdx; i++) codes[i] = other;
  }
  if (participant) {
    // In the programme the person is in activation (131); a few stay registered as passive.
    const during = rng.chance(0.8) ? '131' : '130';
    for (let i = startIdx; i <= endIdx; i++) codes[i] = during;
  } else {
    // Normal effort: alternating blocks of passive and activation weeks.
    let i = startIdx - rng.int(0, 10);
    while (i < fuFirst) {
      const len = rng.int(6, 26);
      const code = rng.chance(0.5) ? '131' : '130';
      for (let k = Math.max(0, i); k < Math.min(i + len, n); k++) codes[k] = code;
      i += len + rng.int(4, 20);
    }
  }
  // Sickness episodes somewhere before the follow-up period.
  if (rng.chance(0.3)) {
    const len = rng.int(2, 10);
    const at = rng.int(0, Math.max(0, fuFirst - 8 - len));
    for (let k = at; k < at + len; k++) codes[k] = '150';
  }
  // Short jobs before the programme (more likely with recent employment): no benefit, wages.
  if (rng.chance(cov.employed_last_2y === 'yes' ? 0.6 : 0.1)) {
    const lastMonth = (participant ? startMonth : fu) - 3;
    const firstMonth = startMonth - 12;
    if (lastMonth > firstMonth + 1) {
      const len = rng.int(1, 4);
      const m0 = rng.int(firstMonth, lastMonth - len);
      addJob(rng, wages, m0, m0 + len - 1, 'ordinary_full', false);
      for (let m = m0; m < m0 + len; m++) for (const i of weeksOf(m)) codes[i] = none();
    }
  }
  // Odd missing weeks (no benefit paid that week), far from the follow-up month.
  if (rng.chance(0.15)) codes[rng.int(0, Math.max(0, fuFirst - 10))] = null;

  // 2. The follow-up status, starting at week `s`, shaped by the follow-up month's pattern.
  const nFu = fuWeeks.length;
  const pattern = pickPattern(rng, nFu, status);
  const s = pattern.kind === 'full' ? fuFirst - pattern.lead : fuFirst + pattern.before;
  const tempCode = (i: number): string => {
    const c = codes[i];
    return c === '130' || c === '131' || c === '135' || c === '140' || c === '150' || c === '111' ? c : passive;
  };
  const jobEnd = fu + rng.int(1, 14);
  // The old status in the follow-up month's first weeks (switch / tie): usually still on benefit.
  let before: (i: number) => WeekCode = tempCode;
  switch (status) {
    case 'self_supporting_wage': {
      for (let i = s; i < n; i++) codes[i] = monthOfWeek[i]! <= jobEnd ? none() : '130';
      addJob(rng, wages, monthOfWeek[s]!, jobEnd, 'ordinary_full', monthOfWeek[s] === fu && pattern.kind !== 'full');
      break;
    }
    case 'wage_with_transfer': {
      const supplement = cov.employed_last_2y === 'yes' && rng.chance(0.4) ? '111' : rng.pick(['130', '131', '135']);
      // Some work full weeks first (no benefit) and then get a supplement: the tie / switch starts from none.
      const fromNone = pattern.kind !== 'full' && rng.chance(0.6);
      const jobStartWeek = fromNone ? fuFirst : s;
      for (let i = s; i < n; i++) codes[i] = monthOfWeek[i]! <= jobEnd ? supplement : '130';
      if (fromNone) before = none;
      addJob(rng, wages, monthOfWeek[jobStartWeek]!, jobEnd, 'ordinary_part', false);
      break;
    }
    case 'self_supporting_unknown': {
      const back = fu + rng.int(1, 8);
      for (let i = s; i < n; i++) codes[i] = monthOfWeek[i]! <= back ? none() : '130';
      // Some find a job after the follow-up month: wages only later.
      if (rng.chance(0.3)) addJob(rng, wages, fu + rng.int(1, 3), fu + rng.int(4, 8), 'ordinary_full', false);
      break;
    }
    case 'temporary_benefit': {
      const code = rng.chance(0.12) ? rng.pick(['140', '150']) : rng.chance(0.5) ? '131' : '130';
      for (let i = s; i < n; i++) codes[i] = code;
      before = none; // a benefit gap (e.g. a sanction) at the start of the month
      // A few work later on, after the follow-up month.
      if (rng.chance(0.15)) {
        const m0 = fu + rng.int(1, 4);
        const m1 = m0 + rng.int(0, 3);
        addJob(rng, wages, m0, m1, 'ordinary_part', false);
      }
      break;
    }
    case 'education': {
      const apprentice = rng.chance(0.5);
      for (let i = s; i < n; i++) codes[i] = apprentice ? '652' : '651';
      if (apprentice) addJob(rng, wages, monthOfWeek[s]!, monthOfWeek[n - 1]!, 'apprentice', false);
      break;
    }
    case 'flexjob': {
      const preLen = rng.chance(0.6) ? rng.int(8, 40) : 0;
      for (let i = Math.max(0, s - preLen); i < s; i++) codes[i] = '140';
      const unemployed = rng.chance(0.3);
      for (let i = s; i < n; i++) codes[i] = unemployed ? '622' : '621';
      if (!unemployed) addJob(rng, wages, monthOfWeek[s]!, monthOfWeek[n - 1]!, 'flex', false);
      break;
    }
    case 'permanent_benefit': {
      const preLen = rng.chance(0.5) ? rng.int(8, 52) : 0;
      const pre = rng.chance(0.6) ? '140' : '150';
      for (let i = Math.max(0, s - preLen); i < s; i++) codes[i] = pre;
      for (let i = s; i < n; i++) codes[i] = '783';
      break;
    }
    case 'not_resident': {
      for (let i = s; i < n; i++) codes[i] = '997';
      for (const m of [...wages.keys()]) if (m >= monthOfWeek[s]!) wages.delete(m);
      break;
    }
  }
  for (let i = fuFirst; i < s; i++) codes[i] = before(i);
  // A one-week blip of another class that the majority outvotes.
  if (pattern.kind === 'full' && pattern.blip) {
    const at = fuFirst + rng.int(0, nFu - 1);
    codes[at] = blipCode(status, rng);
  }
  // The extract's window must be visible in the data: its first and last week always have a row.
  if (codes[0] === null) codes[0] = '';
  if (codes[n - 1] === null) codes[n - 1] = '';
  return { thursdays, codes, wages };
}

type Pattern = { kind: 'full'; lead: number; blip: boolean } | { kind: 'switch' | 'tie'; before: number };

/**
 * Follow-up month shapes: 'tie' = 2 weeks old class then 2 weeks new (4-week months only;
 * the tie goes to the later week, i.e. the new class); 'switch' = the new class from week 2
 * or 3 with a strict majority; 'full' = the new class all month, started `lead` weeks
 * before it, optionally with one outvoted week of another class.
 */
function pickPattern(rng: Random, nFu: number, status: StatusCategory): Pattern {
  const u = rng.nextFloat();
  if (nFu === 4 && u < 0.16) return { kind: 'tie', before: 2 };
  if (u < 0.36) return { kind: 'switch', before: nFu === 5 ? rng.int(1, 2) : 1 };
  const longLead = status === 'permanent_benefit' || status === 'flexjob' || status === 'education';
  return { kind: 'full', lead: rng.int(0, longLead ? 30 : 10), blip: rng.chance(0.15) };
}

function blipCode(status: StatusCategory, rng: Random): WeekCode {
  switch (status) {
    case 'self_supporting_wage':
    case 'self_supporting_unknown':
      return '150'; // one week of sickness benefit
    case 'temporary_benefit':
    case 'wage_with_transfer':
    case 'not_resident':
      return rng.chance(0.5) ? null : '';
    default:
      return '130';
  }
}

type JobKind = 'ordinary_full' | 'ordinary_part' | 'flex' | 'apprentice';

/** Monthly wage rows for a job over months [m0, m1]; hourly pay fixed per job. */
function addJob(rng: Random, wages: Map<MonthIndex, Wage>, m0: MonthIndex, m1: MonthIndex, kind: JobKind, partialStart: boolean): void {
  const rate = kind === 'apprentice' ? rng.int(125, 150) : kind === 'flex' ? rng.int(170, 205) : rng.int(160, 220);
  const [lo, hi] = kind === 'ordinary_full' ? [110, 160] : kind === 'ordinary_part' ? [20, 110] : kind === 'flex' ? [40, 100] : [140, 160];
  for (let m = m0; m <= m1; m++) {
    let hours = rng.int(lo, hi);
    if (m === m0 && partialStart) hours = Math.max(20, Math.round(hours * rng.int(40, 70) / 100));
    const income = Math.round(hours * rate * (1 + 0.02 * rng.normal()));
    wages.set(m, { hours, income });
  }
}

// ---------------------------------------------------------------- self-check and output

/** Classifies the follow-up month by domain.md §3 and throws on any person whose status differs. */
function selfCheck(participants: Participant[], controls: Control[], trajectories: Map<string, Trajectory>, classOf: Map<string, CategoryClass>): void {
  const check = (id: string, endDay: number, expected: StatusCategory): void => {
    const t = trajectories.get(id)!;
    const fu = monthOfDay(endDay) + 2;
    let best: CategoryClass = 'none';
    const count = new Map<CategoryClass, number>();
    const last = new Map<CategoryClass, number>();
    t.thursdays.forEach((thu, i) => {
      if (monthOfDay(thu) !== fu) return;
      const code = t.codes[i];
      const cls: CategoryClass = code === null || code === undefined || code === '' ? 'none' : classOf.get(code) ?? fail(`unknown code ${code}`);
      count.set(cls, (count.get(cls) ?? 0) + 1);
      last.set(cls, i);
    });
    let bestN = -1;
    for (const [cls, c] of count) {
      if (c > bestN || (c === bestN && last.get(cls)! > last.get(best)!)) {
        best = cls;
        bestN = c;
      }
    }
    const wage = (t.wages.get(fu)?.hours ?? 0) > 0;
    const got = statusOf(best, wage);
    if (got !== expected) throw new Error(`self-check: ${id} classified ${got}, intended ${expected}`);
  };
  for (const p of participants) check(p.id, p.endDay, p.status);
  for (const c of controls) check(c.id, c.matchedTo.endDay, c.status);
}

function statusOf(cls: CategoryClass, wage: boolean): StatusCategory {
  switch (cls) {
    case 'none':
      return wage ? 'self_supporting_wage' : 'self_supporting_unknown';
    case 'temporary':
      return wage ? 'wage_with_transfer' : 'temporary_benefit';
    case 'education':
      return 'education';
    case 'flexjob':
      return 'flexjob';
    case 'permanent':
      return 'permanent_benefit';
    case 'not_resident':
      return 'not_resident';
  }
}

function writeCsvs(participants: Participant[], controls: Control[], trajectories: Map<string, Trajectory>): ExampleFiles {
  const covCols = ['age', 'civil_status', 'years_in_denmark', 'employed_last_2y', 'education', 'benefit_before_start', 'hospital_somatic', 'hospital_psychiatric'] as const;
  const covValues = (c: Covariates): string => covCols.map((k) => String(c[k])).join(',');
  const sortedP = [...participants].sort((a, b) => cmp(a.id, b.id));
  const controlsOf = new Map<string, Control[]>();
  for (const c of controls) {
    const list = controlsOf.get(c.matchedTo.id) ?? [];
    list.push(c);
    controlsOf.set(c.matchedTo.id, list);
  }
  const sortedC = sortedP.flatMap((p) => [...controlsOf.get(p.id)!].sort((a, b) => cmp(a.id, b.id)));

  const pLines = [`person_id,municipality,start_date,end_date,${covCols.join(',')}`];
  for (const p of sortedP) pLines.push(`${p.id},${p.municipality},${isoDateFromDays(p.startDay)},${isoDateFromDays(p.endDay)},${covValues(p.cov)}`);
  const cLines = [`person_id,municipality,matched_to,${covCols.join(',')}`];
  for (const c of sortedC) cLines.push(`${c.id},${c.municipality},${c.matchedTo.id},${covValues(c.cov)}`);

  const bLines = ['person_id,week,benefit_code'];
  const wLines = ['person_id,month,paid_hours,wage_income'];
  for (const id of [...sortedP.map((p) => p.id), ...sortedC.map((c) => c.id)]) {
    const t = trajectories.get(id)!;
    t.thursdays.forEach((thu, i) => {
      const code = t.codes[i];
      if (code === null || code === undefined) return;
      const { year, week } = isoWeekOfDays(thu);
      bLines.push(`${id},${formatIsoWeek(year, week)},${code}`);
    });
    for (const m of [...t.wages.keys()].sort((a, b) => a - b)) {
      const w = t.wages.get(m)!;
      if (w.hours > 0) wLines.push(`${id},${formatMonth(m)},${w.hours},${w.income}`);
    }
  }
  const csv = (lines: string[]): string => lines.join('\n') + '\n';
  return {
    'participants.csv': csv(pLines),
    'controls.csv': csv(cLines),
    'benefits_weekly.csv': csv(bLines),
    'wages_monthly.csv': csv(wLines),
  };
}

// ---------------------------------------------------------------- small helpers

function repeat<T>(value: T, n: number): T[] {
  return Array.from({ length: n }, () => value);
}

function countBy<T>(values: readonly T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fail(message: string): never {
  throw new Error(message);
}

function main(argv: readonly string[]): void {
  let out = join(REPO, 'data/example');
  let seed = SEED;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = resolve(argv[++i] ?? fail('--out needs a directory'));
    else if (argv[i] === '--seed') seed = Number(argv[++i] ?? fail('--seed needs a number'));
    else fail(`unknown argument ${argv[i]}; usage: generate-example.ts [--out <dir>] [--seed <n>]`);
  }
  const files = generateExample(seed);
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text, 'utf8');
  process.stdout.write(`generate-example: seed ${seed} → ${out} (${Object.keys(files).join(', ')})\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

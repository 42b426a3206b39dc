/**
 * Checks the committed example cohort in data/example against domain.md §2–§3 with a
 * classifier written independently of the pipeline and of the generator (ISO weeks via
 * Date.UTC, not src/util/months.ts), and checks that the seeded generator reproduces the
 * committed files byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_COUNTS } from '../fixtures/exampleCounts.js';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIR = join(REPO, 'data/example');
const FILES = ['participants.csv', 'controls.csv', 'benefits_weekly.csv', 'wages_monthly.csv'] as const;
const COV = ['age', 'civil_status', 'years_in_denmark', 'employed_last_2y', 'education', 'benefit_before_start', 'hospital_somatic', 'hospital_psychiatric'];

// Expected counts, domain.md §2 "Example cohort counts" (participants / controls).
const EXPECTED: Readonly<Record<string, readonly [number, number]>> = EXAMPLE_COUNTS;

// domain.md §3 illustrative codebook, typed in from the table (the JSON file is checked against it).
const CODE_CLASS: Record<string, string> = {
  '111': 'temporary',
  '130': 'temporary',
  '131': 'temporary',
  '135': 'temporary',
  '140': 'temporary',
  '150': 'temporary',
  '621': 'flexjob',
  '622': 'flexjob',
  '651': 'education',
  '652': 'education',
  '783': 'permanent',
  '997': 'not_resident',
};

type Row = Record<string, string>;

function readCsv(name: string): { header: string[]; rows: Row[]; text: string } {
  const text = readFileSync(join(DIR, name), 'utf8');
  const lines = text.split('\n');
  expect(lines.pop(), `${name} must end with a newline`).toBe('');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`${name}: ${cells.length} cells, header has ${header.length}: ${line}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]!]));
  });
  return { header, rows, text };
}

const DAY = 86_400_000;
/** Month key "yyyy-mm" of the Thursday of ISO week "yyyy-Www" (ISO 8601: week 1 contains 4 January). */
function monthOfWeek(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`bad week ${week}`);
  const year = Number(m[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const mondayW1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  const thursday = new Date(mondayW1 + (Number(m[2]) - 1) * 7 * DAY + 3 * DAY);
  return `${thursday.getUTCFullYear()}-${String(thursday.getUTCMonth() + 1).padStart(2, '0')}`;
}
function monthPlus(yyyymm: string, k: number): string {
  const n = Number(yyyymm.slice(0, 4)) * 12 + Number(yyyymm.slice(5, 7)) - 1 + k;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}
function monthsBetween(a: string, b: string): number {
  return Number(b.slice(0, 4)) * 12 + Number(b.slice(5, 7)) - (Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7)));
}

const participants = readCsv('participants.csv');
const controls = readCsv('controls.csv');
const benefits = readCsv('benefits_weekly.csv');
const wages = readCsv('wages_monthly.csv');

const weeksByPerson = new Map<string, Row[]>();
for (const r of benefits.rows) {
  const list = weeksByPerson.get(r.person_id!) ?? [];
  list.push(r);
  weeksByPerson.set(r.person_id!, list);
}
const hoursBy = new Map<string, number>();
for (const r of wages.rows) hoursBy.set(`${r.person_id}|${r.month}`, Number(r.paid_hours));

const endOf = new Map(participants.rows.map((p) => [p.person_id!, p.end_date!]));
const followUp = (r: Row): string => monthPlus((r.end_date ?? endOf.get(r.matched_to!)!).slice(0, 7), 2);

/** All ISO weeks whose Thursday lies in `month` (a week without a row counts as class none). */
function weeksOfMonth(month: string): string[] {
  const out: string[] = [];
  const y = Number(month.slice(0, 4));
  for (const yy of [y - 1, y, y + 1]) for (let w = 1; w <= 53; w++) {
    const wk = `${yy}-W${String(w).padStart(2, '0')}`;
    // Week 53 exists only in long years: its Thursday would otherwise fall in the next ISO year's week 1.
    if (w === 53 && monthOfWeek(wk) === monthOfWeek(`${yy + 1}-W01`)) continue;
    if (monthOfWeek(wk) === month) out.push(wk);
  }
  return out;
}

interface Classified {
  status: string;
  classes: string[]; // per week of the follow-up month, in order
  tie: boolean; // the majority was tied and the later week decided
  firstMaxDiffers: boolean; // a classifier that breaks ties by the earlier week would disagree
  absentWeeks: number;
}

function classify(r: Row): Classified {
  const month = followUp(r);
  const rows = new Map((weeksByPerson.get(r.person_id!) ?? []).map((w) => [w.week!, w.benefit_code!]));
  const weeks = weeksOfMonth(month);
  let absentWeeks = 0;
  const classes = weeks.map((w) => {
    const code = rows.get(w);
    if (code === undefined) absentWeeks++;
    if (code === undefined || code === '') return 'none';
    const cls = CODE_CLASS[code];
    if (!cls) throw new Error(`${r.person_id}: code ${code} not in the codebook`);
    return cls;
  });
  const count = new Map<string, number>();
  const last = new Map<string, number>();
  const first = new Map<string, number>();
  classes.forEach((c, i) => {
    count.set(c, (count.get(c) ?? 0) + 1);
    last.set(c, i);
    if (!first.has(c)) first.set(c, i);
  });
  const max = Math.max(...count.values());
  const tied = [...count.keys()].filter((c) => count.get(c) === max);
  const winner = tied.reduce((a, b) => (last.get(b)! > last.get(a)! ? b : a));
  const earlyWinner = tied.reduce((a, b) => (first.get(b)! < first.get(a)! ? b : a));
  const wage = (hoursBy.get(`${r.person_id}|${month}`) ?? 0) > 0;
  const status = {
    none: wage ? 'self_supporting_wage' : 'self_supporting_unknown',
    temporary: wage ? 'wage_with_transfer' : 'temporary_benefit',
    education: 'education',
    flexjob: 'flexjob',
    permanent: 'permanent_benefit',
    not_resident: 'not_resident',
  }[winner]!;
  return { status, classes, tie: tied.length > 1, firstMaxDiffers: winner !== earlyWinner, absentWeeks };
}

const pClass = new Map(participants.rows.map((r) => [r.person_id!, classify(r)]));
const cClass = new Map(controls.rows.map((r) => [r.person_id!, classify(r)]));

function tally(m: Map<string, Classified>): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(Object.keys(EXPECTED).map((k) => [k, 0]));
  for (const c of m.values()) out[c.status] = (out[c.status] ?? 0) + 1;
  return out;
}

describe('example cohort files', () => {
  it('are LF-only UTF-8 without BOM, with the canonical headers', () => {
    for (const f of FILES) {
      const raw = readFileSync(join(DIR, f));
      expect(raw.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${f} has a BOM`).toBe(false);
      expect(raw.includes(0x0d), `${f} contains CR`).toBe(false);
    }
    expect(participants.header).toEqual(['person_id', 'municipality', 'start_date', 'end_date', ...COV]);
    expect(controls.header).toEqual(['person_id', 'municipality', 'matched_to', ...COV]);
    expect(benefits.header).toEqual(['person_id', 'week', 'benefit_code']);
    expect(wages.header).toEqual(['person_id', 'month', 'paid_hours', 'wage_income']);
  });

  it('has 56 participants and 560 controls, exactly 10 per participant in the same municipality', () => {
    expect(participants.rows.length).toBe(56);
    expect(controls.rows.length).toBe(560);
    const byId = new Map(participants.rows.map((p) => [p.person_id!, p]));
    const perParticipant = new Map<string, number>();
    for (const c of controls.rows) {
      const p = byId.get(c.matched_to!);
      expect(p, `control ${c.person_id} matched to unknown ${c.matched_to}`).toBeDefined();
      expect(c.municipality, `control ${c.person_id}`).toBe(p!.municipality);
      perParticipant.set(c.matched_to!, (perParticipant.get(c.matched_to!) ?? 0) + 1);
    }
    expect(perParticipant.size).toBe(56);
    expect([...perParticipant.values()].every((n) => n === 10), `controls per participant: ${[...perParticipant.values()]}`).toBe(true);
    const muni = tally2(participants.rows, 'municipality');
    expect(muni).toEqual({ Herning: 31, Viborg: 25 });
  });

  it('uses pseudonymous, unique, non-sequential ids', () => {
    const pIds = participants.rows.map((r) => r.person_id!);
    const cIds = controls.rows.map((r) => r.person_id!);
    expect(pIds.filter((id) => !/^P\d{6}$/.test(id)), 'participant ids not P + 6 digits').toEqual([]);
    expect(cIds.filter((id) => !/^K\d{7}$/.test(id)), 'control ids not K + 7 digits').toEqual([]);
    expect(new Set([...pIds, ...cIds]).size).toBe(616);
    for (const ids of [pIds, cIds]) {
      const nums = ids.map((id) => Number(id.slice(1))).sort((a, b) => a - b);
      const consecutive = nums.slice(1).filter((n, i) => n - nums[i]! === 1).length;
      expect(consecutive, `${consecutive} consecutive id numbers`).toBeLessThanOrEqual(2);
    }
    // No id appears as a value anywhere except as a key or a matched_to reference.
    const otherValues = participants.rows.flatMap((r) => COV.map((k) => r[k]!));
    expect(otherValues.some((v) => /^[PK]\d+$/.test(v))).toBe(false);
  });

  it('has participant covariates at the published shares (domain.md §2)', () => {
    const rows = participants.rows;
    const count = (pred: (r: Row) => boolean): number => rows.filter(pred).length;
    const got = {
      age_25_49: count((r) => Number(r.age) >= 25 && Number(r.age) <= 49),
      age_50_plus: count((r) => Number(r.age) >= 50),
      single: count((r) => r.civil_status === 'single'),
      under_7_years: count((r) => Number(r.years_in_denmark) < 7),
      employed: count((r) => r.employed_last_2y === 'yes'),
      primary: count((r) => r.education === 'primary_or_less'),
      passive: count((r) => r.benefit_before_start === 'passive_cash_benefit'),
      somatic: count((r) => r.hospital_somatic === '1'),
      psychiatric: count((r) => r.hospital_psychiatric === '1'),
    };
    // Published percentages × 56, rounded: 53 %, 47 %, 47 %, 49 %, 35 %, 78 %, 75 %, 51 %, 31 %.
    expect(got).toEqual({ age_25_49: 30, age_50_plus: 26, single: 26, under_7_years: 27, employed: 20, primary: 44, passive: 42, somatic: 29, psychiatric: 17 });
    for (const r of [...rows, ...controls.rows]) {
      expect(['single', 'married', 'cohabiting']).toContain(r.civil_status);
      expect(['yes', 'no']).toContain(r.employed_last_2y);
      expect(['primary_or_less', 'upper_secondary', 'vocational', 'higher']).toContain(r.education);
      expect(['passive_cash_benefit', 'active_cash_benefit', 'other']).toContain(r.benefit_before_start);
      expect(Number.isInteger(Number(r.age)) && Number.isInteger(Number(r.years_in_denmark))).toBe(true);
    }
  });

  it('has controls similar to participants: small but non-zero standardized mean differences', () => {
    const features: [string, (r: Row) => number][] = [
      ['age', (r) => Number(r.age)],
      ['years_in_denmark', (r) => Number(r.years_in_denmark)],
      ['single', (r) => (r.civil_status === 'single' ? 1 : 0)],
      ['employed_last_2y', (r) => (r.employed_last_2y === 'yes' ? 1 : 0)],
      ['primary_or_less', (r) => (r.education === 'primary_or_less' ? 1 : 0)],
      ['passive', (r) => (r.benefit_before_start === 'passive_cash_benefit' ? 1 : 0)],
      ['hospital_somatic', (r) => Number(r.hospital_somatic)],
      ['hospital_psychiatric', (r) => Number(r.hospital_psychiatric)],
    ];
    const smds = features.map(([name, f]) => {
      const a = participants.rows.map(f);
      const b = controls.rows.map(f);
      const mean = (x: number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
      const variance = (x: number[]): number => x.reduce((s, v) => s + (v - mean(x)) ** 2, 0) / (x.length - 1);
      return [name, (mean(a) - mean(b)) / Math.sqrt((variance(a) + variance(b)) / 2)] as const;
    });
    const text = smds.map(([n, d]) => `${n} ${d.toFixed(3)}`).join(', ');
    expect(smds.every(([, d]) => Math.abs(d) < 0.1), `SMDs ${text}; expected all |SMD| < 0.1`).toBe(true);
    expect(smds.some(([, d]) => Math.abs(d) > 0.005), `SMDs ${text}; expected some noise`).toBe(true);
  });

  it('has programme dates in 2020–2023 and 6–14 months of participation', () => {
    for (const r of participants.rows) {
      const start = Date.parse(`${r.start_date}T00:00:00Z`);
      const end = Date.parse(`${r.end_date}T00:00:00Z`);
      const days = (end - start) / DAY;
      expect(r.start_date! >= '2020-01-01' && r.start_date! <= '2022-12-31', `start ${r.start_date}`).toBe(true);
      expect(r.end_date! >= '2021-01-01' && r.end_date! <= '2023-06-30', `end ${r.end_date}`).toBe(true);
      expect(days >= 180 && days <= 430, `${r.person_id}: ${days} days of participation`).toBe(true);
    }
  });

  it('covers ≥ 12 months before start and ≥ 8 months after end, controls on their participant\'s calendar window', () => {
    const windowOf = (id: string): [string, string] => {
      const weeks = (weeksByPerson.get(id) ?? []).map((w) => w.week!).sort();
      return [weeks[0]!, weeks[weeks.length - 1]!];
    };
    const pWindow = new Map<string, [string, string]>();
    for (const p of participants.rows) {
      const [first, last] = windowOf(p.person_id!);
      pWindow.set(p.person_id!, [first, last]);
      expect(monthsBetween(monthOfWeek(first), p.start_date!.slice(0, 7)), `${p.person_id} window start ${first}`).toBeGreaterThanOrEqual(12);
      expect(monthsBetween(p.end_date!.slice(0, 7), monthOfWeek(last)), `${p.person_id} window end ${last}`).toBeGreaterThanOrEqual(8);
    }
    for (const c of controls.rows) {
      const [first, last] = windowOf(c.person_id!);
      const [pf, pl] = pWindow.get(c.matched_to!)!;
      expect([first, last], `${c.person_id} window vs participant ${c.matched_to}`).toEqual([pf, pl]);
    }
  });

  it('uses only codebook codes, ISO weeks, one row per person-week, and both blank and absent weeks', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    let blanks = 0;
    for (const r of benefits.rows) {
      if (!/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(r.week!)) problems.push(`bad week ${r.week}`);
      if (r.benefit_code === '') blanks++;
      else if (!CODE_CLASS[r.benefit_code!]) problems.push(`unknown code ${r.benefit_code}`);
      const key = `${r.person_id}|${r.week}`;
      if (seen.has(key)) problems.push(`duplicate ${key}`);
      seen.add(key);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(blanks).toBeGreaterThan(100);
    const absentInFollowUp = [...pClass.values(), ...cClass.values()].filter((c) => c.absentWeeks > 0).length;
    expect(absentInFollowUp, 'persons with absent weeks in their follow-up month').toBeGreaterThan(20);
    const codes = new Set(benefits.rows.map((r) => r.benefit_code));
    for (const code of ['130', '131', '140', '150', '621', '651', '783', '997']) expect(codes.has(code), `code ${code} used`).toBe(true);
  });

  it('has realistic wage rows: paid hours 1–200 a month, 100–260 DKK per hour', () => {
    const seen = new Set<string>();
    for (const r of wages.rows) {
      const hours = Number(r.paid_hours);
      const income = Number(r.wage_income);
      expect(/^\d{4}-(0[1-9]|1[0-2])$/.test(r.month!), `month ${r.month}`).toBe(true);
      expect(hours > 0 && hours <= 200, `${r.person_id} ${r.month}: ${hours} hours`).toBe(true);
      expect(income / hours >= 100 && income / hours <= 260, `${r.person_id} ${r.month}: ${income / hours} DKK/hour`).toBe(true);
      expect(seen.has(`${r.person_id}|${r.month}`)).toBe(false);
      seen.add(`${r.person_id}|${r.month}`);
    }
  });

  it('classifies to exactly the example counts (domain.md §2)', () => {
    const expectedP = Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, v[0]]));
    const expectedC = Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, v[1]]));
    expect(tally(pClass), 'participants').toEqual(expectedP);
    expect(tally(cClass), 'controls').toEqual(expectedC);
  });

  it('reproduces the subgroup split: 10 of 20 with recent employment, 9 of 36 without', () => {
    const ordinary = (c: Classified): boolean => c.status === 'self_supporting_wage' || c.status === 'wage_with_transfer';
    const split = (rows: Row[], m: Map<string, Classified>, yes: boolean): [number, number] => {
      const sub = rows.filter((r) => (r.employed_last_2y === 'yes') === yes);
      return [sub.filter((r) => ordinary(m.get(r.person_id!)!)).length, sub.length];
    };
    expect(split(participants.rows, pClass, true)).toEqual([10, 20]);
    expect(split(participants.rows, pClass, false)).toEqual([9, 36]);
    const [cy, ny] = split(controls.rows, cClass, true);
    const [cn, nn] = split(controls.rows, cClass, false);
    expect(cy / ny, `controls: ${cy}/${ny} with vs ${cn}/${nn} without recent employment`).toBeGreaterThan(cn / nn + 0.03);
  });

  it('exercises the majority and tie rules: not one code all month for everyone', () => {
    const all = [...pClass.values(), ...cClass.values()];
    const ties = all.filter((c) => c.tie).length;
    const decidedByLater = all.filter((c) => c.firstMaxDiffers).length;
    const mixed = all.filter((c) => new Set(c.classes).size > 1).length;
    const pMixed = [...pClass.values()].filter((c) => new Set(c.classes).size > 1).length;
    const pTies = [...pClass.values()].filter((c) => c.firstMaxDiffers).length;
    expect(ties, 'persons with a tied follow-up month').toBeGreaterThanOrEqual(20);
    expect(decidedByLater, 'persons an earlier-week tie break would misclassify').toBeGreaterThanOrEqual(20);
    expect(pTies, 'participants decided by the tie rule').toBeGreaterThanOrEqual(2);
    expect(mixed, 'persons changing class within the follow-up month').toBeGreaterThanOrEqual(100);
    expect(pMixed, 'participants changing class within the follow-up month').toBeGreaterThanOrEqual(8);
  });
});

describe('illustrative codebook', () => {
  it('has the documented shape and exactly the codes of domain.md §3', () => {
    const cb = JSON.parse(readFileSync(join(REPO, 'data/codebooks/illustrative.json'), 'utf8')) as {
      name: string;
      description: string;
      codes: { code: string; label: { da: string; en: string }; class: string }[];
      ranges: unknown[];
    };
    expect(cb.name).toBe('illustrative');
    expect(cb.description.length).toBeGreaterThan(10);
    expect(cb.ranges).toEqual([]);
    expect(Object.fromEntries(cb.codes.map((c) => [c.code, c.class]))).toEqual(CODE_CLASS);
    for (const c of cb.codes) {
      expect(Object.keys(c).sort()).toEqual(['class', 'code', 'label']);
      expect(c.label.da.length > 0 && c.label.en.length > 0, `labels of ${c.code}`).toBe(true);
    }
  });
});

describe('generator', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'effekt-example-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reproduces the committed files byte for byte from its seed', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'scripts/generate-example.ts'), '--out', tmp], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(run.status, `generator failed: ${run.stderr}`).toBe(0);
    for (const f of FILES) {
      const fresh = readFileSync(join(tmp, f));
      const committed = readFileSync(join(DIR, f));
      expect(fresh.equals(committed), `${f}: regenerated ${fresh.length} bytes differ from committed ${committed.length} bytes`).toBe(true);
    }
  }, 30_000);
});

function tally2(rows: Row[], key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r[key]!] = (out[r[key]!] ?? 0) + 1;
  return out;
}

/**
 * Large synthetic register extract for the ingest benchmark (issue 4): a cohort of
 * participants and controls, a DREAM-style weekly benefit panel (persons × weeks rows,
 * default 200,000 × 52 = 10.4 million, ~218 MB) and an eIndkomst-style monthly wage
 * panel, plus an evaluation.json spec. Seeded (xoshiro128**): the same options give the
 * same bytes. Benefit states follow a simple weekly Markov chain (stay with probability
 * 0.97, else draw a new state from the marginal shares below).
 *
 *   npx tsx scripts/generate-panel.ts [--dir .bench/panel] [--seed 4] [--persons 200000] [--weeks 52]
 *     [--participants 1000] [--controls 200000] [--outsiders 3000] [--order person|week]
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isoWeeksInYear } from '../src/util/months.js';
import { Random } from '../src/util/random.js';

export interface PanelOptions {
  readonly dir: string;
  readonly seed: number;
  /** Persons with rows in the weekly panel (every one has a row for every week). */
  readonly persons: number;
  readonly weeks: number;
  readonly participants: number;
  readonly controls: number;
  /** Panel persons who are in neither cohort file (rows counted as person_not_in_cohort). */
  readonly outsiders: number;
  /** The codebook the spec points to. */
  readonly codebook: string;
  /** Row order of the weekly panel: person by person (as DREAM extracts usually come) or week by week. */
  readonly order: 'person' | 'week';
}

export const DEFAULT_PANEL: PanelOptions = {
  dir: '.bench/panel',
  seed: 4,
  persons: 200_000,
  weeks: 52,
  participants: 1_000,
  controls: 200_000,
  outsiders: 3_000,
  codebook: 'data/codebooks/illustrative.json',
  order: 'person',
};

export interface GeneratedPanel {
  readonly spec: string;
  readonly benefits: string;
  readonly benefitRows: number;
  readonly benefitBytes: number;
  readonly wageRows: number;
}

/** Benefit states: code ('' = blank code, no public benefit) and marginal share. */
const STATES: readonly (readonly [string, number])[] = [
  ['130', 0.34],
  ['131', 0.1],
  ['111', 0.06],
  ['135', 0.03],
  ['150', 0.05],
  ['140', 0.03],
  ['', 0.2],
  ['621', 0.03],
  ['651', 0.02],
  ['783', 0.12],
  ['997', 0.02],
];
const MUNICIPALITIES = ['Herning', 'Viborg', 'Holstebro', 'Silkeborg', 'Ikast-Brande', 'Skive'];
const YEAR = 2022;

function drawState(rng: Random): number {
  let u = rng.nextFloat();
  for (let s = 0; s < STATES.length; s++) {
    u -= STATES[s]![1];
    if (u < 0) return s;
  }
  return 0;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const id = (prefix: string, n: number): string => `${prefix}${pad(n, 6)}`;

export function generatePanel(options: Partial<PanelOptions> = {}): GeneratedPanel {
  const o = { ...DEFAULT_PANEL, ...options };
  if (o.persons > o.participants + o.controls + o.outsiders) throw new RangeError('more panel persons than participants + controls + outsiders');
  const rng = new Random(o.seed);
  const dir = resolve(o.dir);
  mkdirSync(dir, { recursive: true });

  const covariates = (): string => {
    const age = rng.int(25, 64);
    return [
      age,
      rng.chance(0.47) ? 'single' : 'married',
      rng.int(1, 25),
      rng.chance(0.35) ? 'yes' : 'no',
      rng.chance(0.78) ? 'primary_or_less' : 'upper_secondary',
      rng.chance(0.75) ? 'passive_cash_benefit' : 'other',
      rng.chance(0.51) ? 1 : 0,
      rng.chance(0.31) ? 1 : 0,
    ].join(',');
  };
  const covariateHeader = 'age,civil_status,years_in_denmark,employed_last_2y,education,benefit_before_start,hospital_somatic,hospital_psychiatric';

  const participantLines = [`person_id,municipality,start_date,end_date,${covariateHeader}`];
  for (let i = 1; i <= o.participants; i++) {
    // End dates 2022-01-03 … 2022-08-31, so follow-up months (end + 2) lie inside the panel's year.
    const end = new Date(Date.UTC(YEAR, 0, 3 + rng.int(0, 240)));
    const start = new Date(end.getTime() - rng.int(120, 420) * 86400000);
    participantLines.push(`${id('P', i)},${rng.pick(MUNICIPALITIES)},${start.toISOString().slice(0, 10)},${end.toISOString().slice(0, 10)},${covariates()}`);
  }
  writeFileSync(join(dir, 'participants.csv'), participantLines.join('\n') + '\n');

  const controlLines = [`person_id,municipality,matched_to,${covariateHeader}`];
  for (let i = 1; i <= o.controls; i++) {
    controlLines.push(`${id('K', i)},${rng.pick(MUNICIPALITIES)},${id('P', ((i - 1) % o.participants) + 1)},${covariates()}`);
  }
  writeFileSync(join(dir, 'controls.csv'), controlLines.join('\n') + '\n');

  // Panel persons: all participants, then controls, then outsiders (the last controls have no rows).
  const panelIds: string[] = [];
  for (let i = 1; i <= o.participants && panelIds.length < o.persons; i++) panelIds.push(id('P', i));
  const outsiders = Math.min(o.outsiders, o.persons - panelIds.length);
  for (let i = 1; i <= o.controls && panelIds.length < o.persons - outsiders; i++) panelIds.push(id('K', i));
  for (let i = 1; i <= outsiders; i++) panelIds.push(id('X', i));

  const benefits = join(dir, 'benefits_weekly.csv');
  const wages = join(dir, 'wages_monthly.csv');
  const bfd = openSync(benefits, 'w');
  const wfd = openSync(wages, 'w');
  const out = Buffer.allocUnsafe(1 << 23);
  let at = 0;
  let benefitBytes = 0;
  const flush = (): void => {
    writeSync(bfd, out, 0, at);
    benefitBytes += at;
    at = 0;
  };
  at += out.write('person_id,week,benefit_code\n', at, 'latin1');
  // Consecutive ISO weeks from YEAR-W01, into the following years when there are more than 52.
  const weekText: string[] = [];
  for (let y = YEAR, w = 1; weekText.length < o.weeks; w++) {
    if (w > isoWeeksInYear(y)) [y, w] = [y + 1, 1];
    weekText.push(`,${y}-W${pad(w, 2)},`);
  }
  const codes = STATES.map(([c]) => c);
  const wageLines: string[] = ['person_id,month,paid_hours,wage_income'];
  let wageRows = 0;
  const writeRow = (pid: string, w: number, state: number): void => {
    if (at > out.length - 64) flush();
    at += out.write(pid, at, 'latin1');
    at += out.write(weekText[w]!, at, 'latin1');
    at += out.write(codes[state]!, at, 'latin1');
    out[at++] = 10;
  };
  const writeWages = (pid: string): void => {
    if (rng.chance(0.3)) {
      const hours = rng.int(20, 160);
      for (let m = 1; m <= 12; m++) {
        if (!rng.chance(0.8)) continue;
        const h = Math.max(1, hours + rng.int(-15, 15));
        wageLines.push(`${pid},${YEAR}-${pad(m, 2)},${h},${h * rng.int(170, 230)}`);
        wageRows++;
      }
    }
    if (wageLines.length > 50_000) {
      writeSync(wfd, wageLines.join('\n') + '\n');
      wageLines.length = 0;
    }
  };
  if (o.order === 'person') {
    for (const pid of panelIds) {
      let state = drawState(rng);
      for (let w = 0; w < o.weeks; w++) {
        if (rng.chance(0.03)) state = drawState(rng);
        writeRow(pid, w, state);
      }
      writeWages(pid);
    }
  } else {
    const states = panelIds.map(() => drawState(rng));
    for (let w = 0; w < o.weeks; w++) {
      panelIds.forEach((pid, k) => {
        if (rng.chance(0.03)) states[k] = drawState(rng);
        writeRow(pid, w, states[k]!);
      });
    }
    for (const pid of panelIds) writeWages(pid);
  }
  flush();
  if (wageLines.length) writeSync(wfd, wageLines.join('\n') + '\n');
  closeSync(bfd);
  closeSync(wfd);

  const spec = join(dir, 'evaluation.json');
  const specJson = {
    name: 'bench-panel',
    title: { da: 'Syntetisk stort panel (benchmark)', en: 'Synthetic large panel (benchmark)' },
    inputs: { participants: 'participants.csv', controls: 'controls.csv', benefits: 'benefits_weekly.csv', wages: 'wages_monthly.csv' },
    codebook: relative(dir, resolve(o.codebook)),
    unknown_codes: 'error',
    follow_up: { months_after_end: 2 },
    subgroups: ['employed_last_2y'],
  };
  writeFileSync(spec, JSON.stringify(specJson, null, 2) + '\n');
  return { spec, benefits, benefitRows: panelIds.length * o.weeks, benefitBytes, wageRows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({
      options: {
        dir: { type: 'string' },
        seed: { type: 'string' },
        persons: { type: 'string' },
        weeks: { type: 'string' },
        participants: { type: 'string' },
        controls: { type: 'string' },
        outsiders: { type: 'string' },
        order: { type: 'string' },
      },
    });
    const count = (name: keyof typeof values, min: number): { [k: string]: number } => {
      const raw = values[name];
      if (raw === undefined) return {};
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min) throw new RangeError(`--${name} must be a whole number ≥ ${min}, not ${JSON.stringify(raw)}`);
      return { [name]: n };
    };
    if (values.order !== undefined && values.order !== 'person' && values.order !== 'week') throw new RangeError(`--order must be person or week, not ${JSON.stringify(values.order)}`);
    const options: Partial<PanelOptions> = {
      ...(values.dir ? { dir: values.dir } : {}),
      ...count('seed', 0),
      ...count('persons', 1),
      ...count('weeks', 1),
      ...count('participants', 1),
      ...count('controls', 1),
      ...count('outsiders', 0),
      ...(values.order ? { order: values.order as PanelOptions['order'] } : {}),
    };
    const o = { ...DEFAULT_PANEL, ...options };
    if (o.persons > o.participants + o.controls + o.outsiders) {
      throw new RangeError(`--persons ${o.persons} is more than participants + controls + outsiders (${o.participants} + ${o.controls} + ${o.outsiders}): raise --controls`);
    }
    const t0 = performance.now();
    const g = generatePanel(options);
    console.log(`${g.benefits}: ${g.benefitRows} rows, ${(g.benefitBytes / 1e6).toFixed(1)} MB; ${g.wageRows} wage rows; spec ${g.spec} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    process.stderr.write(`generate-panel: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}

/**
 * Generates the seeded example questionnaire data/example/questionnaire.csv (issue 8,
 * domain.md §6): start and end questionnaires (WHO-5 and the BIP items of
 * data/config/bip-items.json) for the example participants, so that the progression
 * analysis shows the catalogue's pattern:
 *   - 44 complete pairs, 24 from Herning and 20 from Viborg; the other 12 participants
 *     answered only one wave or none (the 4 who emigrated — benefit code 997 in
 *     benefits_weekly.csv — with reason `emigrated`, 2 `not_reached`, the rest unknown);
 *   - mean WHO-5 Herning 41 → 45, Viborg 59 → 69 (significant at 5 %), overall 49 → 56.
 *     The catalogue's 40 → 45, 58 → 69 and 51 → 56 cannot all hold with 24 + 20 persons
 *     (24·40 + 20·58 = 44·48.2, not 44·51), so the start means are a compromise, each
 *     within 2 points of the published figure;
 *   - positive progression on the three job-predictive BIP indicators for 41 %, 30 % and
 *     23 % (18, 13, 10 of 44), negative for about one in five, 66 % positive on knowing
 *     how to improve job chances; negative progression more frequent in Herning.
 *
 * How: each complete pair gets a latent course — progress, clarification (the catalogue's
 * "more clarified about limits", which shows as negative change) or stable — more often
 * clarification in Herning. WHO-5 raw sums are drawn by municipality and nudged by ±1 until
 * the group sums hit the target means exactly; the change is spread over the five items.
 * BIP change classes are dealt with exact counts by weighted draws (clarification → more
 * likely negative), then item answers are built to realise each class. A self-check runs
 * the real analysis on the written text and fails on any miss.
 *
 * Usage: npx tsx scripts/generate-questionnaire.ts [--out <file>] [--seed <n>]
 * Deterministic: the same seed and inputs give byte-identical output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { analyseProgression, parseBipConfig, parseQuestionnaire, type BipConfig, type ProgressionResult } from '../src/progression/index.js';
import { Random } from '../src/util/random.js';

export const SEED = 20240806;

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Complete pairs wanted per municipality (catalogue: 24 Herning, 20 Viborg). */
const COMPLETE_PAIRS: Readonly<Record<string, number>> = { Herning: 24, Viborg: 20 };
/** Target mean WHO-5 scores (0–100) of the complete pairs; see the header for the compromise. */
const WHO5_TARGET: Readonly<Record<string, { start: number; end: number }>> = {
  Herning: { start: 41, end: 45 },
  Viborg: { start: 59, end: 69 },
};
/** SD (raw 0–25 points) of the start sum and of its change, by municipality. */
const WHO5_SPREAD: Readonly<Record<string, { start: number; change: number }>> = {
  Herning: { start: 4.2, change: 3.8 },
  Viborg: { start: 3.6, change: 3.0 },
};
/** Exact (positive, negative) counts of indicator change among the 44 pairs. */
const BIP_CHANGE: Readonly<Record<string, { positive: number; negative: number }>> = {
  cooperation: { positive: 18, negative: 9 },
  health_coping: { positive: 13, negative: 9 },
  job_self_efficacy: { positive: 10, negative: 9 },
  job_search: { positive: 29, negative: 3 },
  social_contact: { positive: 15, negative: 8 },
};
/** Probability of each latent course among complete pairs, by municipality. */
const COURSE_PROB: Readonly<Record<string, { progress: number; clarification: number }>> = {
  Herning: { progress: 0.3, clarification: 0.35 },
  Viborg: { progress: 0.5, clarification: 0.15 },
};
/** WHO-5 items' weights when a change is spread over them (item 2, calm and relaxed, moves most, as in the catalogue). */
const WHO5_CHANGE_WEIGHTS = [1.0, 1.6, 1.0, 0.9, 1.0];
const WHO5_EVEN_WEIGHTS = [1, 1, 1, 1, 1];

type Course = 'progress' | 'clarification' | 'stable';
type Attrition = 'emigrated' | 'not_reached' | 'start_only' | 'end_only' | 'none';

interface ParticipantIn {
  id: string;
  municipality: string;
  startDate: string;
  endDate: string;
}

interface PersonPlan {
  p: ParticipantIn;
  attrition: Attrition | null;
  course: Course;
  who5Start: number[];
  who5End: number[];
  bipStart: Record<string, number>;
  bipEnd: Record<string, number>;
}

export interface GeneratorInputs {
  participantsCsv: string;
  benefitsCsv: string;
  config: BipConfig;
}

export function readGeneratorInputs(): GeneratorInputs {
  return {
    participantsCsv: readFileSync(join(REPO, 'data/example/participants.csv'), 'utf8'),
    benefitsCsv: readFileSync(join(REPO, 'data/example/benefits_weekly.csv'), 'utf8'),
    config: parseBipConfig(JSON.parse(readFileSync(join(REPO, 'data/config/bip-items.json'), 'utf8')), 'data/config/bip-items.json'),
  };
}

/** The questionnaire CSV text for the given inputs and seed. */
export function generateQuestionnaire(inputs: GeneratorInputs, seed: number = SEED): string {
  const rng = new Random(seed);
  const participants = readParticipants(inputs.participantsCsv);
  const emigrated = emigratedIds(inputs.benefitsCsv);
  const plans = planAttrition(participants, emigrated, rng);
  const complete = plans.filter((pl) => pl.attrition === null);
  for (const pl of complete) pl.course = drawCourse(pl.p.municipality, rng);
  for (const g of Object.keys(COMPLETE_PAIRS)) fillWho5(complete.filter((pl) => pl.p.municipality === g), g, rng);
  for (const pl of plans.filter((x) => x.attrition !== null)) {
    pl.who5Start = splitOver5(clampInt(Math.round(rng.normal(rawMean(pl.p.municipality, 'start'), 4.5)), 2, 23), rng);
    pl.who5End = splitOver5(clampInt(Math.round(rng.normal(rawMean(pl.p.municipality, 'end'), 4.5)), 2, 23), rng);
  }
  fillBip(plans, complete, inputs.config, rng);
  return writeCsv(plans, inputs.config, rng);
}

function readParticipants(text: string): ParticipantIn[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  return rows
    .map((r) => ({ id: r['person_id']!, municipality: r['municipality']!, startDate: r['start_date']!, endDate: r['end_date']! }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Persons with DREAM code 997 (emigrated / not resident) in any week. */
function emigratedIds(benefitsCsv: string): Set<string> {
  const ids = new Set<string>();
  for (const line of benefitsCsv.split(/\r?\n/)) {
    const [id, , code] = line.split(',');
    if (code?.trim() === '997' && id) ids.add(id);
  }
  return ids;
}

/**
 * Who answers what: per municipality, everyone beyond the wanted complete pairs drops
 * out — emigrated persons first (reason known), then two `not_reached` in all, one
 * end-only and one without any questionnaire per municipality where there is room, the
 * rest start-only with no reason.
 */
function planAttrition(participants: readonly ParticipantIn[], emigrated: ReadonlySet<string>, rng: Random): PersonPlan[] {
  const plans: PersonPlan[] = participants.map((p) => ({ p, attrition: null, course: 'stable', who5Start: [], who5End: [], bipStart: {}, bipEnd: {} }));
  let notReachedLeft = 2;
  for (const g of [...new Set(participants.map((p) => p.municipality))].sort()) {
    const group = plans.filter((pl) => pl.p.municipality === g);
    const wanted = Math.min(COMPLETE_PAIRS[g] ?? group.length, group.length);
    let dropouts = group.length - wanted;
    for (const pl of group) {
      if (dropouts > 0 && emigrated.has(pl.p.id)) {
        pl.attrition = 'emigrated';
        dropouts--;
      }
    }
    const rest = rng.shuffle(group.filter((pl) => pl.attrition === null));
    const kinds: Attrition[] = [];
    if (notReachedLeft > 0) {
      kinds.push('not_reached');
      notReachedLeft--;
    }
    kinds.push('none');
    if (g === 'Herning') kinds.push('end_only');
    for (let i = 0; i < dropouts; i++) rest[i]!.attrition = kinds[i] ?? 'start_only';
  }
  return plans;
}

function drawCourse(g: string, rng: Random): Course {
  const prob = COURSE_PROB[g] ?? { progress: 0.4, clarification: 0.25 };
  const u = rng.nextFloat();
  return u < prob.progress ? 'progress' : u < prob.progress + prob.clarification ? 'clarification' : 'stable';
}

function rawMean(g: string, wave: 'start' | 'end'): number {
  return (WHO5_TARGET[g] ?? { start: 50, end: 55 })[wave] / 4;
}

/** WHO-5 sums of a municipality's complete pairs, hitting the target means exactly. */
function fillWho5(group: PersonPlan[], g: string, rng: Random): void {
  if (group.length === 0) return;
  const spread = WHO5_SPREAD[g]!;
  const start = group.map(() => clampInt(Math.round(rng.normal(rawMean(g, 'start'), spread.start)), 1, 24));
  const gain = rawMean(g, 'end') - rawMean(g, 'start');
  const end = group.map((pl, i) => {
    const shift = pl.course === 'progress' ? gain + 2 : pl.course === 'clarification' ? gain - 3.5 : gain;
    return clampInt(start[i]! + Math.round(rng.normal(shift, spread.change)), 0, 25);
  });
  nudgeToSum(start, Math.round(rawMean(g, 'start') * group.length), 0, 25, rng);
  nudgeToSum(end, Math.round(rawMean(g, 'end') * group.length), 0, 25, rng);
  group.forEach((pl, i) => {
    pl.who5Start = splitOver5(start[i]!, rng);
    pl.who5End = moveItems(pl.who5Start, end[i]! - start[i]!, WHO5_CHANGE_WEIGHTS, rng);
  });
}

/** Adds or removes single points at random positions (within [lo, hi]) until sum = target. */
function nudgeToSum(values: number[], target: number, lo: number, hi: number, rng: Random): void {
  let sum = values.reduce((a, b) => a + b, 0);
  while (sum !== target) {
    const step = sum < target ? 1 : -1;
    const i = rng.int(0, values.length - 1);
    const v = values[i]! + step;
    if (v < lo || v > hi) continue;
    values[i] = v;
    sum += step;
  }
}

/** A raw WHO-5 sum (0–25) spread over five items of 0–5. */
function splitOver5(total: number, rng: Random): number[] {
  return moveItems([0, 0, 0, 0, 0], total, WHO5_EVEN_WEIGHTS, rng);
}

/** Applies a change of `delta` points to the items one point at a time, weighted by item. */
function moveItems(from: readonly number[], delta: number, weights: readonly number[], rng: Random): number[] {
  const items = [...from];
  const step = delta > 0 ? 1 : -1;
  for (let k = 0; k < Math.abs(delta); k++) {
    const open = items.map((v, i) => (step > 0 ? v < 5 : v > 0) ? weights[i]! : 0);
    items[weightedIndex(open, rng)]! += step;
  }
  return items;
}

function weightedIndex(weights: readonly number[], rng: Random): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new Error('generate-questionnaire: no item has room to move');
  let u = rng.nextFloat() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0 && weights[i]! > 0) return i;
  }
  return weights.findLastIndex((w) => w > 0);
}

/**
 * BIP answers. For complete pairs, each indicator's change class is dealt with the exact
 * counts of BIP_CHANGE (negatives first, weighted towards clarification courses and
 * Herning; then positives, weighted towards progress courses and Viborg); the items are
 * then built to realise that class. Non-responders get plausible answers for the wave they did.
 */
function fillBip(all: readonly PersonPlan[], complete: readonly PersonPlan[], config: BipConfig, rng: Random): void {
  for (const ind of config.indicators) {
    const items = config.items.filter((i) => i.indicator === ind.id);
    const target = BIP_CHANGE[ind.id] ?? { positive: Math.round(complete.length / 3), negative: Math.round(complete.length / 5) };
    const negW = (pl: PersonPlan) => (pl.course === 'clarification' ? 5 : pl.course === 'stable' ? 1 : 0.3) * (pl.p.municipality === 'Herning' ? 1.6 : 1);
    const posW = (pl: PersonPlan) => (pl.course === 'progress' ? 4 : pl.course === 'stable' ? 1.2 : 0.2) * (pl.p.municipality === 'Viborg' ? 1.4 : 1);
    const negative = new Set(drawWeighted(complete, target.negative, negW, rng));
    const positive = new Set(drawWeighted(complete.filter((pl) => !negative.has(pl)), target.positive, posW, rng));
    for (const pl of all) {
      const base = pl.p.municipality === 'Herning' ? 2.7 : 3.3;
      const drawn = items.map(() => clampInt(Math.round(rng.normal(base - (pl.course === 'clarification' ? 0.3 : 0), 0.9)), 1, 5));
      const cls = pl.attrition !== null ? 'unchanged' : negative.has(pl) ? 'negative' : positive.has(pl) ? 'positive' : 'unchanged';
      const { start, end } = realiseChange(drawn, cls, rng);
      items.forEach((item, k) => {
        const scale = item.scale ?? config.scale;
        const raw = (v: number) => (item.direction === 'higher_is_better' ? v : scale.min + scale.max - v);
        pl.bipStart[item.column] = raw(start[k]!);
        pl.bipEnd[item.column] = raw(pl.attrition !== null ? clampInt(start[k]! + rng.int(-1, 1), 1, 5) : end[k]!);
      });
    }
  }
}

/** k persons drawn without replacement with probability proportional to weight. */
function drawWeighted(pool: readonly PersonPlan[], k: number, weight: (pl: PersonPlan) => number, rng: Random): PersonPlan[] {
  const left = [...pool];
  const chosen: PersonPlan[] = [];
  for (let j = 0; j < k && left.length > 0; j++) {
    const i = weightedIndex(left.map(weight), rng);
    chosen.push(left.splice(i, 1)[0]!);
  }
  if (chosen.length < k) throw new Error(`generate-questionnaire: cannot draw ${k} of ${pool.length}`);
  return chosen;
}

/**
 * Start and end answers (oriented, 1–5) whose sum moves in the wanted direction: one item
 * moves (by 2 with probability 0.3 where there is room), the others may follow the same
 * way; "unchanged" sometimes swaps a point between two items, so item and indicator differ.
 * If no item has room to move the wanted way, the start is first moved one point back.
 */
function realiseChange(drawn: readonly number[], cls: 'positive' | 'negative' | 'unchanged', rng: Random): { start: number[]; end: number[] } {
  const start = [...drawn];
  if (cls === 'unchanged') {
    const end = [...start];
    if (end.length >= 2 && rng.chance(0.25)) {
      const [up, down] = rng.shuffle(end.map((_, i) => i));
      if (up !== undefined && down !== undefined && end[up]! < 5 && end[down]! > 1) {
        end[up]! += 1;
        end[down]! -= 1;
      }
    }
    return { start, end };
  }
  const step = cls === 'positive' ? 1 : -1;
  const room = (v: number) => (step > 0 ? 5 - v : v - 1);
  if (!start.some((v) => room(v) > 0)) start[0]! -= step;
  const end = [...start];
  const candidates = end.map((v, i) => (room(v) > 0 ? i : -1)).filter((i) => i >= 0);
  const main = rng.pick(candidates);
  end[main]! += room(end[main]!) >= 2 && rng.chance(0.3) ? 2 * step : step;
  end.forEach((v, i) => {
    if (i !== main && room(v) > 0 && rng.chance(0.25)) end[i] = v + step;
  });
  return { start, end };
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function writeCsv(plans: readonly PersonPlan[], config: BipConfig, rng: Random): string {
  const bipCols = config.items.map((i) => i.column);
  const header = ['person_id', 'wave', 'date', 'who5_1', 'who5_2', 'who5_3', 'who5_4', 'who5_5', ...bipCols, 'nonresponse_reason'];
  const lines = [header.join(',')];
  const answered = (pl: PersonPlan, wave: 'start' | 'end', date: string, reason = '') => {
    const who5 = wave === 'start' ? pl.who5Start : pl.who5End;
    const bip = wave === 'start' ? pl.bipStart : pl.bipEnd;
    lines.push([pl.p.id, wave, date, ...who5.map(String), ...bipCols.map((c) => String(bip[c])), reason].join(','));
  };
  const blank = (pl: PersonPlan, wave: 'start' | 'end', reason: string) => {
    lines.push([pl.p.id, wave, '', '', '', '', '', '', ...bipCols.map(() => ''), reason].join(','));
  };
  for (const pl of plans) {
    const startDate = addDays(pl.p.startDate, rng.int(0, 10));
    const endDate = addDays(pl.p.endDate, -rng.int(0, 14));
    switch (pl.attrition) {
      case null:
        answered(pl, 'start', startDate);
        answered(pl, 'end', endDate);
        break;
      case 'emigrated':
      case 'not_reached':
        answered(pl, 'start', startDate);
        blank(pl, 'end', pl.attrition);
        break;
      case 'start_only':
        answered(pl, 'start', startDate);
        break;
      case 'end_only':
        answered(pl, 'end', endDate);
        break;
      case 'none':
        break;
    }
  }
  return lines.join('\n') + '\n';
}

/** Runs the real analysis on the generated text; returns the misses (empty = pattern reproduced). */
export function checkPattern(result: ProgressionResult): string[] {
  const misses: string[] = [];
  const g = (name: string) => result.who5.by_subgroup.find((s) => s.subgroup === name);
  const h = g('Herning');
  const v = g('Viborg');
  if (result.n_pairs !== 44 || h?.n !== 24 || v?.n !== 20) misses.push(`pairs ${result.n_pairs} (Herning ${h?.n}, Viborg ${v?.n}), want 44 (24, 20)`);
  const near = (label: string, actual: number | null | undefined, want: number, tol: number) => {
    if (actual === null || actual === undefined || Math.abs(actual - want) > tol) misses.push(`${label} ${actual}, want ${want} ± ${tol}`);
  };
  near('WHO-5 start (all)', result.who5.start_mean, 51, 2);
  near('WHO-5 end (all)', result.who5.end_mean, 56, 1);
  near('WHO-5 start Herning', h?.start_mean, 40, 1.5);
  near('WHO-5 end Herning', h?.end_mean, 45, 1);
  near('WHO-5 start Viborg', v?.start_mean, 58, 1.5);
  near('WHO-5 end Viborg', v?.end_mean, 69, 1);
  const sig = (s: typeof h) => [s?.tests.t_test?.p, s?.tests.wilcoxon?.p, s?.tests.wilcoxon_permutation?.p];
  if (!sig(v).every((p) => p !== undefined && p !== null && p < 0.05)) misses.push(`Viborg not significant at 5 %: p = ${sig(v).join(', ')}`);
  if (!sig(h).every((p) => p !== undefined && p !== null && p >= 0.05)) misses.push(`Herning significant at 5 %: p = ${sig(h).join(', ')}`);
  const ind = (id: string) => result.bip.indicators.find((i) => i.id === id)!.overall.change;
  for (const [id, want] of Object.entries(BIP_CHANGE)) {
    const c = ind(id);
    if (c.positive !== want.positive || c.negative !== want.negative) misses.push(`${id}: +${c.positive}/−${c.negative}, want +${want.positive}/−${want.negative}`);
  }
  return misses;
}

function main(argv: readonly string[]): void {
  let out = join(REPO, 'data/example/questionnaire.csv');
  let seed = SEED;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = resolve(argv[++i] ?? fail('--out needs a file'));
    else if (argv[i] === '--seed') seed = Number(argv[++i] ?? fail('--seed needs a number'));
    else fail(`unknown argument ${argv[i]}; usage: generate-questionnaire.ts [--out <file>] [--seed <n>]`);
  }
  const inputs = readGeneratorInputs();
  const text = generateQuestionnaire(inputs, seed);
  const participants = readParticipants(inputs.participantsCsv).map((p) => ({ id: p.id, municipality: p.municipality }));
  const result = analyseProgression(parseQuestionnaire(text, 'questionnaire.csv', { config: inputs.config }), participants, inputs.config);
  const misses = checkPattern(result);
  if (misses.length > 0) fail(`seed ${seed} misses the catalogue pattern:\n  ${misses.join('\n  ')}`);
  writeFileSync(out, text, 'utf8');
  const f = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(1));
  const lines = [result.who5, ...result.who5.by_subgroup].map(
    (s) => `${'subgroup' in s ? s.subgroup : 'all'}: n ${s.n}, WHO-5 ${f(s.start_mean)} → ${f(s.end_mean)}, t p ${s.tests.t_test?.p.toPrecision(3)}, Wilcoxon p ${s.tests.wilcoxon?.p?.toPrecision(3)}`,
  );
  process.stdout.write(`generate-questionnaire: seed ${seed} → ${out}\n  ${lines.join('\n  ')}\n`);
}

function fail(message: string): never {
  process.stderr.write(`generate-questionnaire: ${message}\n`);
  process.exit(2);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

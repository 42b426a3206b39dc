import type { Command } from '../io.js';
import { flag, parseCommandArgs, stringOption } from '../args.js';
import { inputError } from '../../errors.js';
import { compareProportions, type Alternative, type Comparison, type Interval } from '../../stats/index.js';

const HELP = `Usage: effekt compare <x1>/<n1> <x2>/<n2> [options]

Compares the share of participants with an outcome (x1 of n1) with that of controls
(x2 of n2): Wilson shares, the difference with Newcombe (default), Miettinen–Nurminen,
Agresti–Caffo and Wald intervals, z-tests (plain and Yates), Fisher's exact test
(R's two-sided rule, mid-p, conditional odds ratio), Boschloo's exact test, relative
risk (Katz) and odds ratio (Woolf). Results match R to the last digits (see src/stats).

Options:
  --confidence <c>      interval level, strictly between 0 and 1 (default 0.95)
  --alternative <a>     two-sided (default), greater (participants higher), less
  --json                print the full record as JSON
  -h, --help            this help

Example: effekt compare 15/56 73/560
`;

const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'greater', 'less'];

/** "15/56" → [15, 56], with one-line errors that name the group and the rule broken. */
export function parseCount(raw: string | undefined, group: string): [number, number] {
  if (raw === undefined) throw inputError(`compare: missing <x>/<n> for ${group} (see effekt compare --help)`);
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (!m) throw inputError(`compare: ${group} "${raw}" is not <events>/<n> with whole numbers, e.g. 15/56`);
  const x = Number(m[1]);
  const n = Number(m[2]);
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(n)) throw inputError(`compare: ${group} "${raw}": number too large`);
  if (n < 1) throw inputError(`compare: ${group} "${raw}": the group size must be at least 1`);
  if (x > n) throw inputError(`compare: ${group} "${raw}": ${x} events exceed the group size ${n}`);
  return [x, n];
}

function parseConfidence(raw: string | undefined): number {
  if (raw === undefined) return 0.95;
  const c = Number(raw);
  if (!(c > 0 && c < 1)) throw inputError(`compare: --confidence must be a number strictly between 0 and 1, got "${raw}"`);
  return c;
}

export const compareCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs('compare', args, {
    confidence: { type: 'string' },
    alternative: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (flag(parsed, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  if (parsed.positionals.length > 2) throw inputError(`compare: expected two counts <x1>/<n1> <x2>/<n2>, got ${parsed.positionals.length} arguments`);
  const [x1, n1] = parseCount(parsed.positionals[0], 'participants');
  const [x2, n2] = parseCount(parsed.positionals[1], 'controls');
  const confidence = parseConfidence(stringOption(parsed, 'confidence'));
  const alternative = (stringOption(parsed, 'alternative') ?? 'two-sided') as Alternative;
  if (!ALTERNATIVES.includes(alternative)) throw inputError(`compare: --alternative must be one of ${ALTERNATIVES.join(', ')}, got "${alternative}"`);
  const c = compareProportions(x1, n1, x2, n2, { confidence, alternative });
  io.stdout(flag(parsed, 'json') ? JSON.stringify(c, null, 2) + '\n' : formatComparison(c));
  return 0;
};

const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;
const pp = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(100 * v).toFixed(1)}`;
const ratio = (v: number): string => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toPrecision(3)) : '∞');
const pValue = (p: number): string => (p < 1e-4 ? p.toExponential(2) : p.toPrecision(3));

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('   ').trimEnd()).join('\n') + '\n';
}

/** The readable form of a comparison: aligned tables of estimates and tests, then notes. */
export function formatComparison(c: Comparison): string {
  const level = `${+(100 * c.confidence).toFixed(4)} % interval`;
  const shareCi = (ci: Interval): string => `[${pct(ci[0])}, ${pct(ci[1])}]`;
  const diffCi = (ci: Interval): string => `[${pp(ci[0])}, ${pp(ci[1])}] pp`;
  const ratioCi = (ci: Interval): string => `[${ratio(ci[0])}, ${ratio(ci[1])}]`;
  const d = c.difference;
  const estimates = table([
    ['', 'estimate', level, 'method'],
    [`participants ${c.participants.events}/${c.participants.n}`, pct(c.participants.share), shareCi(c.participants.ci), 'Wilson'],
    [`controls ${c.controls.events}/${c.controls.n}`, pct(c.controls.share), shareCi(c.controls.ci), 'Wilson'],
    ['difference', `${pp(d.estimate)} pp`, diffCi(d.ci.newcombe), 'Newcombe hybrid score'],
    ['', '', diffCi(d.ci.miettinen_nurminen), 'Miettinen–Nurminen'],
    ['', '', diffCi(d.ci.agresti_caffo), 'Agresti–Caffo'],
    ['', '', diffCi(d.ci.wald), 'Wald'],
    ['relative risk', ratio(c.relative_risk.estimate), ratioCi(c.relative_risk.ci), 'Katz log'],
    ['odds ratio', ratio(c.odds_ratio.estimate), ratioCi(c.odds_ratio.ci), 'Woolf logit'],
    ['', ratio(c.tests.fisher.odds_ratio), ratioCi(c.tests.fisher.ci), 'conditional MLE, exact (Fisher)'],
  ]);
  const t = c.tests;
  const tests = table([
    [`test (${c.alternative})`, 'statistic', 'p'],
    ['z, pooled', t.z.statistic.toFixed(3), pValue(t.z.p)],
    ["z, Yates' correction", t.z_corrected.statistic.toFixed(3), pValue(t.z_corrected.p)],
    ["Fisher's exact", '', `${pValue(t.fisher.p)}   (mid-p ${pValue(t.fisher.p_mid)})`],
    ["Boschloo's exact", '', t.boschloo ? pValue(t.boschloo.p) : 'not computed'],
  ]);
  const notes = c.notes.length > 0 ? '\nNotes:\n' + c.notes.map((n) => `  - ${n}\n`).join('') : '';
  return `${estimates}\n${tests}${notes}`;
}

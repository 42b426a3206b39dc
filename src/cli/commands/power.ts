import type { Command } from '../io.js';
import { flag, parseCommandArgs, stringOption } from '../args.js';
import { inputError } from '../../errors.js';
import { minimumDetectableEffect, powerTwoProportions, type Alternative, type MdeResult, type PowerMethod, type PowerResult } from '../../stats/index.js';

const HELP = `Usage: effekt power --n1 <n> --n2 <n> --p2 <share> [options]

Power of comparing two shares with unequal group sizes, or, without --p1, the
minimum detectable effect (MDE): the participants' share detected with the target
power, above and below the controls' share p2. Two methods side by side:
  normal   normal approximation to the pooled z-test, unequal n (Fleiss, Levin & Paik);
           equals R power.prop.test for n1 = n2
  arcsine  Cohen's h (arcsine transform); equals R pwr::pwr.2p2n.test

Options:
  --n1 <n>             participants (e.g. 56)
  --n2 <n>             controls (e.g. 560)
  --p2 <share>         controls' share, 0–1 (e.g. 0.17)
  --p1 <share>         participants' share: report the power instead of the MDE
  --power <p>          target power for the MDE (default 0.8)
  --alpha <a>          significance level (default 0.05)
  --alternative <a>    two-sided (default), greater, less
  --json               print JSON
  -h, --help           this help

Example: effekt power --n1 56 --n2 560 --p2 0.17
`;

const METHODS: readonly PowerMethod[] = ['normal', 'arcsine'];
const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'greater', 'less'];

function numberOption(raw: string | undefined, name: string, fallback?: number): number {
  if (raw === undefined) {
    if (fallback === undefined) throw inputError(`power: --${name} is required (see effekt power --help)`);
    return fallback;
  }
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v)) throw inputError(`power: --${name} must be a number, got "${raw}"`);
  return v;
}

export const powerCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs('power', args, {
    n1: { type: 'string' },
    n2: { type: 'string' },
    p1: { type: 'string' },
    p2: { type: 'string' },
    power: { type: 'string' },
    alpha: { type: 'string' },
    alternative: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (flag(parsed, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  if (parsed.positionals.length > 0) throw inputError(`power: unexpected argument "${parsed.positionals[0]}" (see effekt power --help)`);
  const n1 = numberOption(stringOption(parsed, 'n1'), 'n1');
  const n2 = numberOption(stringOption(parsed, 'n2'), 'n2');
  const p2 = numberOption(stringOption(parsed, 'p2'), 'p2');
  const alpha = numberOption(stringOption(parsed, 'alpha'), 'alpha', 0.05);
  const target = numberOption(stringOption(parsed, 'power'), 'power', 0.8);
  const alternative = (stringOption(parsed, 'alternative') ?? 'two-sided') as Alternative;
  if (!ALTERNATIVES.includes(alternative)) throw inputError(`power: --alternative must be one of ${ALTERNATIVES.join(', ')}, got "${alternative}"`);
  const p1Raw = stringOption(parsed, 'p1');
  const settings = { n1, n2, alpha, alternative };
  if (p1Raw !== undefined) {
    const p1 = numberOption(p1Raw, 'p1');
    const results = Object.fromEntries(METHODS.map((method) => [method, powerTwoProportions(p1, p2, { ...settings, method })])) as Record<PowerMethod, PowerResult>;
    if (flag(parsed, 'json')) io.stdout(JSON.stringify({ n1, n2, p1, p2, alpha, alternative, power: results }, null, 2) + '\n');
    else io.stdout(formatPower(results));
    return 0;
  }
  const mde = Object.fromEntries(
    METHODS.map((method) => [method, { increase: minimumDetectableEffect(p2, { ...settings, method, power: target }), decrease: minimumDetectableEffect(p2, { ...settings, method, power: target, direction: 'decrease' }) }]),
  ) as Record<PowerMethod, { increase: MdeResult; decrease: MdeResult }>;
  if (flag(parsed, 'json')) io.stdout(JSON.stringify({ n1, n2, p2, alpha, alternative, power: target, mde }, null, 2) + '\n');
  else io.stdout(formatMde(n1, n2, p2, alpha, target, alternative, mde));
  return 0;
};

const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;

function formatPower(r: Record<PowerMethod, PowerResult>): string {
  const a = r.normal;
  const head = `Power: participants ${pct(a.p1)} of ${a.n1} vs controls ${pct(a.p2)} of ${a.n2}, alpha ${a.alpha}, ${a.alternative}\n\n`;
  return head + METHODS.map((m) => `  ${m.padEnd(8)} ${pct(r[m].power).padStart(7)}${m === 'arcsine' ? `   (Cohen's h ${r[m].cohens_h.toFixed(3)})` : ''}\n`).join('');
}

function formatMde(n1: number, n2: number, p2: number, alpha: number, power: number, alternative: Alternative, r: Record<PowerMethod, { increase: MdeResult; decrease: MdeResult }>): string {
  const head = `Minimum detectable effect: ${n1} participants vs ${n2} controls at ${pct(p2)}, power ${pct(power)}, alpha ${alpha}, ${alternative}\n\n`;
  const cell = (m: MdeResult): string => (m.p1 === null || m.mde === null ? 'none' : `${pct(m.p1)} (${m.mde >= 0 ? '+' : '−'}${Math.abs(100 * m.mde).toFixed(1)} pp)`);
  const rows = [['method', 'increase to', 'decrease to'], ...METHODS.map((m) => [m, cell(r[m].increase), cell(r[m].decrease)])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return head + rows.map((row) => '  ' + row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('   ').trimEnd() + '\n').join('');
}

import { inputError } from '../../errors.js';
import { planCohort, planText, type PlanInput } from '../../plan/index.js';
import { flag, parseCommandArgs, stringOption } from '../args.js';
import type { Command } from '../io.js';

export const PLAN_HELP = `Usage: effekt plan --participants N --control-share P --target-effect D [options]

Before a deal starts: is the planned cohort large enough to show the effect? Prints the
minimum detectable effect at the planned sizes, the power for the target effect and the
number of participants needed, and warns when the target is below what the cohort can
detect. Shares and effects are fractions (0.17) or percentages (17%).

Options:
  --participants N      planned participants (required)
  --control-ratio K     controls per participant (default 10, i.e. 1:10 matching)
  --control-share P     expected share of the controls in the outcome (required)
  --target-effect D     net effect the deal counts on, e.g. 0.18 or 18% (required)
  --alpha A             significance level (default 0.05)
  --power B             target power (default 0.8)
  --one-sided           test participants > controls only (default two-sided)
  --method M            normal (default: pooled z-test, Fleiss) or arcsine (Cohen's h)
  --strict              exit 1 when the target effect is below the detectable effect
  --json                print the result as JSON
  --lang da|en          language of the text output (default da)
  -h, --help            this help

Exit codes: 0 done (1 with --strict when the cohort is too small), 2 invalid usage.
`;

export const planCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs('plan', args, {
    participants: { type: 'string' },
    'control-ratio': { type: 'string' },
    'control-share': { type: 'string' },
    'target-effect': { type: 'string' },
    alpha: { type: 'string' },
    power: { type: 'string' },
    'one-sided': { type: 'boolean' },
    method: { type: 'string' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (flag(parsed, 'help')) {
    io.stdout(PLAN_HELP);
    return 0;
  }
  if (parsed.positionals.length > 0) throw inputError(`plan: unexpected argument "${parsed.positionals[0]}" (see effekt plan --help)`);
  const lang = stringOption(parsed, 'lang') ?? 'da';
  if (lang !== 'da' && lang !== 'en') throw inputError(`plan: --lang must be da or en, not "${lang}"`);
  const method = stringOption(parsed, 'method') ?? 'normal';
  if (method !== 'normal' && method !== 'arcsine') throw inputError(`plan: --method must be normal or arcsine, not "${method}"`);
  const input: PlanInput = {
    participants: number(parsed, 'participants', undefined, false),
    control_ratio: number(parsed, 'control-ratio', 10, false),
    control_share: number(parsed, 'control-share', undefined, true),
    target_effect: number(parsed, 'target-effect', undefined, true),
    alpha: number(parsed, 'alpha', 0.05, true),
    power: number(parsed, 'power', 0.8, true),
    alternative: flag(parsed, 'one-sided') ? 'greater' : 'two-sided',
    method,
  };
  const result = planCohort(input);
  io.stdout(flag(parsed, 'json') ? `${JSON.stringify(result, null, 2)}\n` : planText(result, lang));
  if (flag(parsed, 'json')) for (const w of result.warnings) io.stderr(`effekt: warning: ${w.message}\n`);
  return flag(parsed, 'strict') && !result.target_detectable ? 1 : 0;
};

/** A number option; shares may be written as percentages ("17%"). */
function number(parsed: Parameters<typeof stringOption>[0], name: string, fallback: number | undefined, share: boolean): number {
  const text = stringOption(parsed, name);
  if (text === undefined) {
    if (fallback === undefined) throw inputError(`plan: missing --${name} (see effekt plan --help)`);
    return fallback;
  }
  const t = text.trim().replace(',', '.');
  const percent = share && t.endsWith('%');
  const x = Number(percent ? t.slice(0, -1) : t);
  if (t === '' || !Number.isFinite(x)) throw inputError(`plan: --${name} must be a number, not "${text}"`);
  return percent ? x / 100 : x;
}

import { readFileSync } from 'node:fs';
import { writeEconomicsNote } from '../../report/economicsNote.js';
import { resolve } from 'node:path';
import type { Command } from '../io.js';
import { flag, parseCommandArgs, stringOption } from '../args.js';
import { inputError } from '../../errors.js';
import { breakEvenFor, isNumericPath, loadEconomicsParameters, readEffectJson, runEconomics, type BreakEvenTarget } from '../../economics/index.js';
import { formatEconomics, parameterLabel, parameterValue } from '../../economics/format.js';

const HELP = `Usage: effekt economics <params.json> [options]

Runs the economic and payment model alone, for planning a deal from an assumed effect
(the parameter file's assumed_effect) or from a measured one (--effect).

Options:
  --effect <effect.json>   use the measured effect of the paying outcome in a pipeline effect.json
  --outcome <id>           the paying outcome when effect.json names none (default ordinary_employment)
  --json                   print economics.json to stdout instead of tables
  --out DIR                also write economics.json, economics-note.md/.html and charts/ to DIR
  --lang da|en             language of the note written with --out (default da)
  --seed <n>               seed of the uncertainty draws (default: the parameter file's)
  --draws <n>              number of uncertainty draws (default: the parameter file's, 100000)
  --break-even <path>[:<target>]
                           also find where <target> reaches zero as the parameter at <path> varies;
                           target: budget_surplus (default), municipal_net, investor_net, socio_economic_surplus
  -h, --help               this help
`;

const TARGETS: readonly BreakEvenTarget[] = ['budget_surplus', 'municipal_net', 'investor_net', 'socio_economic_surplus'];

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw inputError(`economics: --${name} must be a whole number, got "${raw}"`);
  return n;
}

export const economicsCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs('economics', args, {
    effect: { type: 'string' },
    outcome: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    lang: { type: 'string' },
    seed: { type: 'string' },
    draws: { type: 'string' },
    'break-even': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (flag(parsed, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const paramsPath = parsed.positionals[0];
  if (!paramsPath) {
    io.stderr('effekt: economics: missing <params.json> (see effekt economics --help)\n');
    return 2;
  }
  // Read relative to the CLI's cwd but name the file as the user wrote it in messages.
  const params = loadEconomicsParameters(paramsPath, (p) => readFileSync(resolve(io.cwd, p), 'utf8'));
  const effectPath = stringOption(parsed, 'effect');
  const effect = effectPath ? readEffectJson(effectPath, stringOption(parsed, 'outcome'), (p) => readFileSync(resolve(io.cwd, p), 'utf8')) : params.assumed_effect;
  if (!effect) throw inputError('the parameter file has no assumed_effect; give the measured effect with --effect <effect.json>', { file: paramsPath });
  const seed = positiveInt('seed', stringOption(parsed, 'seed'));
  const draws = positiveInt('draws', stringOption(parsed, 'draws'));
  if (draws !== undefined && draws < 1) throw inputError('economics: --draws must be at least 1');
  const result = runEconomics(params, effect, { ...(seed !== undefined ? { seed } : {}), ...(draws !== undefined ? { draws } : {}) });

  const requests = (parsed.values['break-even'] as string[] | undefined) ?? [];
  const extra = requests.map((req) => {
    const [path, target = 'budget_surplus'] = req.split(':');
    if (!path || !isNumericPath(path)) throw inputError(`economics: --break-even: unknown parameter path "${path ?? ''}"`);
    if (!TARGETS.includes(target as BreakEvenTarget)) throw inputError(`economics: --break-even: unknown target "${target}" (one of ${TARGETS.join(', ')})`);
    return breakEvenFor(params, effect, result.payment.contract, path, target as BreakEvenTarget);
  });

  const outDir = stringOption(parsed, 'out');
  if (outDir !== undefined) {
    const lang = stringOption(parsed, 'lang') ?? 'da';
    if (lang !== 'da' && lang !== 'en') throw inputError(`economics: --lang must be da or en, not "${lang}"`);
    const { files } = await writeEconomicsNote(result, resolve(io.cwd, outDir), { lang });
    io.stderr(`effekt: wrote ${files.length} files to ${outDir}\n`);
  }

  if (flag(parsed, 'json')) {
    const out = extra.length > 0 ? { ...result, break_even: { ...result.break_even, requested: extra } } : result;
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  let text = formatEconomics(result);
  for (const b of extra) {
    const shown = b.value === null ? `none in [${b.range.join(', ')}] (${b.sign === 1 ? 'always above' : 'always below'} zero)` : parameterValue(b.parameter, b.value);
    const where = b.status === 'boundary' ? ' at the end of the search range' : '';
    text += `\nBreak-even of ${b.target} in ${parameterLabel(b.parameter)}: ${shown}${where} (base ${parameterValue(b.parameter, b.base_value)})\n`;
  }
  io.stdout(text);
  return 0;
};

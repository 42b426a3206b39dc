import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkVerdict, junitXml, readBaseline, verdictText } from '../../check/index.js';
import { inputError } from '../../errors.js';
import { evaluateCohorts } from '../../pipeline/cohorts.js';
import { resolveTargets } from '../../check/resolve.js';
import { loadSpec } from '../../spec/load.js';
import { ensureWritableDir, writeFileAtomic } from '../../util/atomicWrite.js';
import { flag, parseCommandArgs, stringOption, threadsOption } from '../args.js';
import type { Command } from '../io.js';
import { progressReporter } from '../progress.js';

export const CHECK_HELP = `Usage: effekt check <spec.json> [options]

Evaluate the cohort (and each of the spec's cohorts) and test the spec's targets: shares
in an outcome, net effect, interval bound, significance, group sizes and data quality.
Meant for schedulers and CI: the exit code is the verdict.

Options:
  --json             print the verdict as JSON on stdout (instead of the text table)
  --junit FILE       also write the verdict as JUnit XML (one test case per target)
  --baseline FILE    a previous cohort's effect.json: report the change of each share and
                     net effect, flagged where it exceeds what sampling noise explains
  --fail-on-decline  with --baseline: a flagged fall in a net effect fails the check
  --lang da|en       language of the descriptions (default: the spec's report.language)
  --threads N        threads that read panels of 48 MB or more (default: the machine's
                     cores, at most 4; 1: this one only, e.g. on a shared CI runner)
  -h, --help         this help

Exit codes: 0 every target met, 1 a target not met, 2 invalid spec, input or usage
(one line on stderr naming the file, line and problem). See docs/automation.md.
`;

export const checkCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs('check', args, {
    json: { type: 'boolean' },
    junit: { type: 'string' },
    baseline: { type: 'string' },
    'fail-on-decline': { type: 'boolean' },
    lang: { type: 'string' },
    threads: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (flag(parsed, 'help')) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const specArg = parsed.positionals[0];
  if (!specArg) throw inputError('check: missing <spec.json> (see effekt check --help)');
  if (parsed.positionals.length > 1) throw inputError(`check: unexpected argument "${parsed.positionals[1]}" (see effekt check --help)`);
  const lang = stringOption(parsed, 'lang');
  if (lang !== undefined && lang !== 'da' && lang !== 'en') throw inputError(`check: --lang must be da or en, not "${lang}"`);
  const failOnDecline = flag(parsed, 'fail-on-decline');
  const baselineArg = stringOption(parsed, 'baseline');
  if (failOnDecline && baselineArg === undefined) throw inputError('check: --fail-on-decline needs --baseline FILE');
  const threads = threadsOption(parsed, 'check');

  const specPath = resolve(io.cwd, specArg);
  if (!existsSync(specPath)) throw inputError('cannot read the spec file (no such file)', { file: specArg });
  const loaded = loadSpec(specPath);
  // Validate the targets before the (slow) evaluation, so a mistyped spec fails fast.
  if (resolveTargets(loaded).length === 0) throw inputError('the spec has no targets to check; add a "targets" section (see docs/automation.md)', { file: loaded.path });
  // Read the baseline before the (slow) evaluation so a wrong path fails fast.
  const baseline = baselineArg === undefined ? undefined : readBaseline(resolve(io.cwd, baselineArg), baselineArg);
  const junit = stringOption(parsed, 'junit');
  if (junit !== undefined) ensureWritableDir(dirname(resolve(io.cwd, junit))); // before the run, so a wrong path fails at once
  const onProgress = progressReporter(io);
  const cohortsRun = await evaluateCohorts(loaded, { ...(onProgress ? { onProgress } : {}), ...(threads !== undefined ? { threads } : {}) });
  const result = checkVerdict(loaded, cohortsRun, {
    lang: lang ?? loaded.spec.report.language,
    ...(baseline ? { baseline } : {}),
    failOnDecline,
    specDisplay: specArg,
  });
  if (junit !== undefined) writeFileAtomic(resolve(io.cwd, junit), junitXml(result, failOnDecline));
  io.stdout(flag(parsed, 'json') ? `${JSON.stringify(result, null, 2)}\n` : verdictText(result, lang ?? loaded.spec.report.language, Object.fromEntries(Object.values(cohortsRun.run.evaluation.outcomes).map((o) => [o.id, o.label]))));
  return result.pass ? 0 : 1;
};

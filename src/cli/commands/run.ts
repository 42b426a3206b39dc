import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { Command } from '../io.js';
import { flag, parseCommandArgs, stringOption, threadsOption } from '../args.js';
import { loadSpec } from '../../spec/load.js';
import { inputError } from '../../errors.js';
import { runPipeline } from '../../pipeline/run.js';
import { progressReporter } from '../progress.js';
import { ensureWritableDir } from '../../util/atomicWrite.js';
import { resolveTargets } from '../../check/resolve.js';
import { RUN_OPTIONS } from './runOptions.js';

export const RUN_HELP = `Usage: effekt run <spec.json> [options]

Evaluate the cohort described by <spec.json>: read the register extracts, determine each
person's status in the follow-up month, compare participants with the control group,
feed the net effect into the economic model (when the spec has one) and write the
effect note.

Options:
  --out DIR         output folder (default: reports/<spec name>/)
  --lang da|en      language of the note (default: the spec's report.language, else da)
  --unsuppressed    internal outputs without small-cell suppression (marked NOT FOR PUBLICATION)
  --pdf             also print effect-note.pdf with headless Chromium
  --seed N          seed for the economic model's uncertainty draws (default 20260101)
  --timings         print each stage's time on stderr (where a large extract's time goes)
  --threads N       threads that read panels of 48 MB or more (default: the machine's cores,
                    at most 4; 1: this one only, e.g. on a shared server)
  -h, --help        this help

Writes effect.json, effect-note.md, effect-note.html, charts/*.svg and charts/*.vl.json
(and economics.json when the spec has economics). Exit code 0 on success, 2 on invalid
input (one line on stderr naming the file, line and problem).
`;

export const runCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs('run', args, RUN_OPTIONS);
  if (flag(parsed, 'help')) {
    io.stdout(RUN_HELP);
    return 0;
  }
  const specArg = parsed.positionals[0];
  if (!specArg) throw inputError('run: missing <spec.json> (see effekt run --help)');
  if (parsed.positionals.length > 1) throw inputError(`run: unexpected argument "${parsed.positionals[1]}" (see effekt run --help)`);
  const lang = stringOption(parsed, 'lang');
  if (lang !== undefined && lang !== 'da' && lang !== 'en') throw inputError(`run: --lang must be da or en, not "${lang}"`);
  const seedText = stringOption(parsed, 'seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) throw inputError(`run: --seed must be an integer, not "${seedText}"`);
  const threads = threadsOption(parsed, 'run');
  const specPath = resolve(io.cwd, specArg);
  if (!existsSync(specPath)) throw inputError('cannot read the spec file (no such file)', { file: specArg });
  const loaded = loadSpec(specPath);
  resolveTargets(loaded); // a spec with a broken target or cohort is invalid for every command
  const outDir = resolve(io.cwd, stringOption(parsed, 'out') ?? `reports/${loaded.name}`);
  ensureWritableDir(outDir); // before the run, so a wrong --out fails at once
  const result = await runPipeline(loaded, {
    outDir,
    lang: lang ?? loaded.spec.report.language,
    unsuppressed: flag(parsed, 'unsuppressed'),
    pdf: flag(parsed, 'pdf'),
    ...(seed !== undefined ? { seed } : {}),
    ...(threads !== undefined ? { threads } : {}),
    ...(io.hashAhead ? { hashAhead: io.hashAhead } : {}),
    onProgress: progressReporter(io),
    warn: (line) => io.stderr(`effekt: warning: ${line}\n`),
    ...(flag(parsed, 'timings') ? { onStage: stageTimer(io) } : {}),
  });
  io.stderr(`effekt: wrote ${result.files.length} files to ${relativeOrAbsolute(io.cwd, outDir)}\n`);
  return 0;
};

/**
 * `effekt: timing: <stage> <ms> ms` as each stage ends, timed from the previous one by the
 * injected clock; first `start-up`, the time from the process's start to the run's (Node,
 * loading the CLI, reading the spec).
 */
function stageTimer(io: Parameters<Command>[1]): (stage: string) => void {
  let last = io.now();
  io.stderr(`effekt: timing: start-up ${Math.round(last)} ms\n`);
  return (stage) => {
    const t = io.now();
    io.stderr(`effekt: timing: ${stage} ${Math.round(t - last)} ms\n`);
    last = t;
  };
}

function relativeOrAbsolute(cwd: string, dir: string): string {
  return dir.startsWith(cwd + '/') ? dir.slice(cwd.length + 1) : dir;
}

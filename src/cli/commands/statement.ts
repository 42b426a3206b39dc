import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEconomicsParameters, runEconomics } from '../../economics/index.js';
import { inputError } from '../../errors.js';
import { effectInputFor } from '../../pipeline/economicsInput.js';
import { evaluate } from '../../pipeline/evaluate.js';
import { loadSpec } from '../../spec/load.js';
import {
  buildStatements,
  parsePeriod,
  paymentTermsFrom,
  seriesFor,
  seriesMarkdown,
  statementHtml,
  statementMarkdown,
  statementSeries,
  type PeriodKind,
  type Statement,
} from '../../statement/index.js';
import { ensureWritableDir, writeFileAtomic } from '../../util/atomicWrite.js';
import { flag, parseCommandArgs, stringOption, threadsOption } from '../args.js';
import type { Command } from '../io.js';
import { progressReporter } from '../progress.js';

export const STATEMENT_HELP = `Usage: effekt statement <spec.json> --period PERIOD [options]

The outcome payment statement for a period under the spec's payment model: how many
participants had their follow-up month in the period (counted, never listed), how many
reached each outcome, the amount due per price (and subgroup price), the cap and, in the
internal version, running totals and the reconciliation of every period with the whole
cohort. Amounts accrue on cumulative results, so the periods add up to the whole-cohort
payment to the øre.

Options:
  --period P        2023-Q2, 2023-H1, 2023-04, 2023, or "all" (every quarter; with
                    --by month|quarter|half|year for other period lengths)
  --by KIND         period length for --period all (default quarter)
  --out DIR         output folder (default: reports/<spec name>/statements/)
  --format LIST     comma-separated md,html,json (default: all three)
  --lang da|en      language (default: the spec's report.language)
  --unsuppressed    internal version with exact counts, running totals and the
                    reconciliation, marked NOT FOR PUBLICATION (for the parties and the auditor)
  --json            also print the statement (or the series) as JSON on stdout
  --threads N       threads that read panels of 48 MB or more (default: the machine's cores,
                    at most 4; 1: this one only)
  -h, --help        this help

Needs "economics" in the spec. Exit code 0 on success, 2 on invalid input or usage.
`;

const FORMATS = ['md', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const statementCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs('statement', args, {
    period: { type: 'string' },
    by: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
    unsuppressed: { type: 'boolean' },
    json: { type: 'boolean' },
    threads: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (flag(parsed, 'help')) {
    io.stdout(STATEMENT_HELP);
    return 0;
  }
  const specArg = parsed.positionals[0];
  if (!specArg) throw inputError('statement: missing <spec.json> (see effekt statement --help)');
  if (parsed.positionals.length > 1) throw inputError(`statement: unexpected argument "${parsed.positionals[1]}" (see effekt statement --help)`);
  const periodArg = stringOption(parsed, 'period');
  if (periodArg === undefined) throw inputError('statement: missing --period (e.g. --period 2023-Q2, or --period all)');
  const all = periodArg.toLowerCase() === 'all';
  const period = all ? null : parsePeriod(periodArg);
  const by = stringOption(parsed, 'by') ?? 'quarter';
  if (!['month', 'quarter', 'half', 'year'].includes(by)) throw inputError(`statement: --by must be month, quarter, half or year, not "${by}"`);
  if (!all && stringOption(parsed, 'by') !== undefined) throw inputError('statement: --by goes with --period all');
  const lang = stringOption(parsed, 'lang');
  if (lang !== undefined && lang !== 'da' && lang !== 'en') throw inputError(`statement: --lang must be da or en, not "${lang}"`);
  const formats = parseFormats(stringOption(parsed, 'format'));
  const unsuppressed = flag(parsed, 'unsuppressed');
  const threads = threadsOption(parsed, 'statement');

  const specPath = resolve(io.cwd, specArg);
  if (!existsSync(specPath)) throw inputError('cannot read the spec file (no such file)', { file: specArg });
  const loaded = loadSpec(specPath);
  const econ = loaded.spec.economics;
  if (!econ) throw inputError('invalid spec: a statement needs the payment model ("economics" with parameters and paying_outcome)', { file: specArg });
  const params = loadEconomicsParameters(resolve(loaded.dir, econ.parameters));
  const outDir = resolve(io.cwd, stringOption(parsed, 'out') ?? `reports/${loaded.name}/statements`);
  ensureWritableDir(outDir); // before the run, so a wrong --out fails at once

  const onProgress = progressReporter(io);
  const run = await evaluate(loaded, { boschloo: false, ...(onProgress ? { onProgress } : {}), ...(threads !== undefined ? { threads } : {}) });
  const paying = run.evaluation.outcomes[econ.paying_outcome]!;
  // The payment terms do not depend on the Monte Carlo, so keep it to the minimum.
  const economics = runEconomics(params, effectInputFor(run, econ.paying_outcome), { draws: 100 });
  const terms = paymentTermsFrom(economics, paying);
  const language = lang ?? loaded.spec.report.language;
  const input = {
    name: loaded.name,
    title: run.evaluation.title,
    persons: run.persons,
    outcomes: loaded.spec.outcomes,
    outcomeLabels: Object.fromEntries(Object.values(run.evaluation.outcomes).map((o) => [o.id, o.label])),
    terms,
    threshold: loaded.spec.report.suppression_threshold,
    unsuppressed,
  };
  const series = seriesFor(run.persons, period?.kind ?? (by as PeriodKind), period ?? undefined);
  const statements = buildStatements(input, series);
  const suffix = unsuppressed ? '-internal' : '';
  const written: string[] = [];
  const write = (file: string, text: string) => {
    writeFileAtomic(join(outDir, file), text);
    written.push(file);
  };
  const writeOne = (s: Statement) => {
    const base = `statement-${s.period.id}${suffix}`;
    if (formats.includes('md')) write(`${base}.md`, statementMarkdown(s, language));
    if (formats.includes('html')) write(`${base}.html`, statementHtml(s, language));
    if (formats.includes('json')) write(`${base}.json`, `${JSON.stringify(s, null, 2)}\n`);
  };
  if (period) {
    const s = statements.find((x) => x.period.id === period.id)!;
    writeOne(s);
    if (flag(parsed, 'json')) io.stdout(`${JSON.stringify(s, null, 2)}\n`);
  } else {
    for (const s of statements) writeOne(s);
    const summary = statementSeries(statements);
    if (formats.includes('md')) write(`statements${suffix}.md`, seriesMarkdown(summary, language));
    if (formats.includes('json')) write(`statements${suffix}.json`, `${JSON.stringify(summary, null, 2)}\n`);
    if (flag(parsed, 'json')) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  }
  for (const n of terms.notes) io.stderr(`effekt: note: ${n}\n`);
  io.stderr(`effekt: wrote ${written.length} file${written.length === 1 ? '' : 's'} to ${relativeOrAbsolute(io.cwd, outDir)}${unsuppressed ? ' (internal, NOT FOR PUBLICATION)' : ''}\n`);
  return 0;
};

function parseFormats(text: string | undefined): Format[] {
  if (text === undefined) return [...FORMATS];
  const list = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const f of list) if (!(FORMATS as readonly string[]).includes(f)) throw inputError(`statement: --format takes md, html and json, not "${f}"`);
  if (list.length === 0) throw inputError('statement: --format is empty');
  return list as Format[];
}

function relativeOrAbsolute(cwd: string, dir: string): string {
  return dir.startsWith(cwd + '/') ? dir.slice(cwd.length + 1) : dir;
}

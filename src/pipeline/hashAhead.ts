/**
 * Hashing started by the launcher (bin/effekt.js) before the CLI is loaded. On a large
 * extract the SHA-256 of the inputs is about 0.15–0.2 s of one core, and the first 0.3 s of
 * a run use one core only (loading the CLI, reading the cohort files): hashed then, at the
 * lowest priority, the hashes are done before the panels are read and need every core.
 * Measured on the bench panel (2 cores, nine alternating runs): 0.98 → 0.94 s end to end.
 *
 * Only for `effekt run <spec>`, its spec found as the CLI will find it (RUN_OPTIONS), and only
 * when the files total WORKER_MIN_BYTES or more (smaller ones are hashed in the run, on its
 * own thread). This module only guesses: the run takes the worker when the files it hashes
 * are exactly the run's (startProvenance), else stops it; the worker keeps no process alive
 * until then, so a run that stops at an input error exits without waiting for it.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RUN_OPTIONS } from '../cli/commands/runOptions.js';
import { hashOnWorker, hashWorkersAvailable, WORKER_MIN_BYTES, type HashingWorker } from './hashing.js';
import { hashTargets, specFilesOf } from './hashTargets.js';

/** Hashing of the files `effekt <argv>` will hash, started on a worker thread; undefined when there is nothing to start. Never throws. */
export function hashAhead(argv: readonly string[], cwd: string, start?: (paths: readonly string[]) => HashingWorker): HashingWorker | undefined {
  if (!start && !hashWorkersAvailable) return undefined;
  try {
    const paths = aheadPaths(argv, cwd);
    return paths ? (start ?? ((p) => hashOnWorker(p, true)))(paths) : undefined;
  } catch {
    return undefined; // the run reports whatever is wrong
  }
}

/** The files `effekt <argv>` will hash on a worker thread, or null (not a run, no readable spec, or too little to hash on a worker). */
export function aheadPaths(argv: readonly string[], cwd: string): string[] | null {
  if (argv[0] !== 'run') return null;
  const { values, positionals } = parseArgs({ args: argv.slice(1), options: RUN_OPTIONS, allowPositionals: true, strict: true });
  if (values.help || positionals.length !== 1) return null;
  const specPath = resolve(cwd, positionals[0]!);
  const files = specFilesOf(JSON.parse(readFileSync(specPath, 'utf8').replace(/^\uFEFF/, '')));
  if (!files) return null;
  const paths = hashTargets(files, specPath, dirname(specPath)).map((t) => t.path);
  let bytes = 0;
  for (const p of paths) bytes += statSync(p, { throwIfNoEntry: false })?.size ?? 0;
  return bytes >= WORKER_MIN_BYTES ? paths : null;
}

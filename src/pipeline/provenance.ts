import { existsSync } from 'node:fs';
import { inputError } from '../errors.js';
import { hashFile, hashOnWorker, hashWorkersAvailable, WORKER_MIN_BYTES, type Hashed, type HashingWorker } from './hashing.js';
import type { HashTarget } from './hashTargets.js';
import type { InputProvenance } from './types.js';

export { hashFile, type HashingWorker } from './hashing.js';
export { hashTargets, type HashTarget } from './hashTargets.js';

/**
 * Starts hashing `targets` now and returns a function that awaits the provenance records.
 * Large inputs (a 200 MB weekly panel takes ~0.15 s of SHA-256) are hashed on a worker
 * thread while this thread reads them; the records are the same either way. `ahead`: a
 * worker the launcher started on the files it read off the spec (see hashAhead.ts), taken
 * when its files are these, else stopped. Failures surface only when the records are asked
 * for, after the ingest has reported its own.
 */
export function startProvenance(targets: readonly HashTarget[], totalBytes: number, ahead?: HashingWorker): () => Promise<InputProvenance[]> {
  const settle = (hashed: readonly Hashed[]): InputProvenance[] =>
    targets.map((t, k) => {
      const h = hashed[k]!;
      if ('missing' in h) throw inputError('cannot read file (no such file)', { file: t.display });
      return { role: t.role, path: t.display, sha256: h.sha256, bytes: h.bytes };
    });
  const paths = targets.map((t) => t.path);
  const taken = ahead && ahead.paths.length === paths.length && ahead.paths.every((p, k) => p === paths[k]);
  if (!taken) ahead?.cancel();
  if (!taken && (!hashWorkersAvailable || totalBytes < WORKER_MIN_BYTES)) return async () => settle(paths.map((p) => (existsSync(p) ? hashFile(p) : { missing: true })));
  const hashes = (taken ? ahead : hashOnWorker(paths)).hashes();
  return async () => settle(await hashes);
}

import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startWorker } from '../util/worker.js';
import { inputError } from '../errors.js';
import type { InputProvenance } from './types.js';

export interface HashTarget {
  readonly role: string;
  readonly path: string;
  readonly display: string;
}

/** SHA-256 and size of a file, read in large blocks so a multi-GB register extract costs no memory. */
export function hashFile(path: string): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.allocUnsafe(BLOCK);
    let bytes = 0;
    for (;;) {
      const n = readSync(fd, block, 0, BLOCK, null);
      if (n === 0) break;
      hash.update(n === BLOCK ? block : block.subarray(0, n));
      bytes += n;
    }
    if (bytes !== fstatSync(fd).size) throw new Error(`${path} changed while it was hashed`);
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    closeSync(fd);
  }
}

const BLOCK = 4 << 20;

/** Files together larger than this are hashed on a worker thread, beside the ingest. */
const WORKER_MIN_BYTES = 32 << 20;
const workerUrl = new URL('./hashWorker.js', import.meta.url);
const workersAvailable = !/\.[cm]?ts$/.test(import.meta.url);

type Hashed = { readonly sha256: string; readonly bytes: number } | { readonly missing: true };

/**
 * Starts hashing `targets` now and returns a function that awaits the provenance records.
 * Large inputs (a 200 MB weekly panel takes ~0.1 s of SHA-256) are hashed on a worker
 * thread while this thread reads them; the records are the same either way. Failures
 * surface only when the records are asked for, after the ingest has reported its own.
 */
export function startProvenance(targets: readonly HashTarget[], totalBytes: number): () => Promise<InputProvenance[]> {
  const settle = (hashed: readonly Hashed[]): InputProvenance[] =>
    targets.map((t, k) => {
      const h = hashed[k]!;
      if ('missing' in h) throw inputError('cannot read file (no such file)', { file: t.display });
      return { role: t.role, path: t.display, sha256: h.sha256, bytes: h.bytes };
    });
  if (!workersAvailable || totalBytes < WORKER_MIN_BYTES) return async () => settle(targets.map((t) => (existsSync(t.path) ? hashFile(t.path) : { missing: true })));
  const pending = new Promise<Hashed[]>((resolvePromise, reject) => {
    const worker = startWorker(fileURLToPath(workerUrl), targets.map((t) => t.path));
    worker.once('message', (m: Hashed[] | { failed: string }) => ('failed' in m ? reject(new Error(`hashing failed: ${m.failed}`)) : resolvePromise(m)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`hash worker exited with code ${code}`)));
  });
  pending.catch(() => undefined); // awaited later; never an unhandled rejection meanwhile
  return async () => settle(await pending);
}

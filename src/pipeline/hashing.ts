/**
 * SHA-256 of the input files, on this thread or on a worker thread (hashWorker.ts). Kept
 * apart from provenance.ts so that hashAhead, which the launcher loads before the CLI, and
 * the hash worker load only this.
 */
import { createRequire } from 'node:module';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../util/worker.js';

export type Hashed = { readonly sha256: string; readonly bytes: number } | { readonly missing: true };

// 1 MB: a block read stays in the core's cache for the hash that follows. On the bench's
// 212 MB panel, read and hashed: 160-163 ms of CPU against 167-169 with 4 MB blocks.
const BLOCK = 1 << 20;

/** Inputs together larger than this are hashed on a worker thread, beside the ingest. */
export const WORKER_MIN_BYTES = 32 << 20;

// node:crypto, loaded when a file is first hashed: `effekt run` hashes on a worker thread, and
// loading the module cost the main thread ~4 ms of its start-up.
let crypto: typeof import('node:crypto') | undefined;
const createHash = (algorithm: string): import('node:crypto').Hash => (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash(algorithm);

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

/** Files being hashed on a worker thread. */
export interface HashingWorker {
  /** The files, in the order of the hashes. */
  readonly paths: readonly string[];
  /** The hashes, in the order of `paths` (a missing file as `{ missing: true }`). Keeps the process alive until they come. */
  hashes(): Promise<Hashed[]>;
  /** Stops the hashing; hashes() then never resolves. */
  cancel(): void;
}

const workerUrl = new URL('./hashWorker.js', import.meta.url);
/** Worker threads need the compiled package: a TypeScript loader's source files cannot be their entry. */
export const hashWorkersAvailable = !/\.[cm]?ts$/.test(import.meta.url);

/**
 * Starts hashing `paths` on a worker thread. `detached`: the worker does not keep the process
 * alive until hashes() is called (the launcher starts one before it knows the run will get
 * that far: a run that stops at an input error exits without waiting for it).
 */
export function hashOnWorker(paths: readonly string[], detached = false): HashingWorker {
  const worker: Worker = startWorker(fileURLToPath(workerUrl), paths);
  if (detached) worker.unref();
  const pending = new Promise<Hashed[]>((resolve, reject) => {
    worker.once('message', (m: Hashed[] | { failed: string }) => ('failed' in m ? reject(new Error(`hashing failed: ${m.failed}`)) : resolve(m)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`hash worker exited with code ${code}`)));
  });
  pending.catch(() => undefined); // awaited later; never an unhandled rejection meanwhile
  return {
    paths,
    hashes() {
      worker.ref();
      return pending;
    },
    cancel() {
      worker.removeAllListeners();
      void worker.terminate();
    },
  };
}

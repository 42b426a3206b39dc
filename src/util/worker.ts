import { Worker } from 'node:worker_threads';

/**
 * A worker thread on `file`, inheriting the parent's Node options, except when the parent
 * was started with `--input-type` (a string entry point, as in `node --input-type=module
 * -e ...`), which a worker's file entry point rejects: then it gets the others, or none if
 * Node refuses some.
 */
export function startWorker(file: string, workerData: unknown): Worker {
  if (!process.execArgv.some((a) => a.startsWith('--input-type'))) return new Worker(file, { workerData });
  try {
    return new Worker(file, { workerData, execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) });
  } catch {
    return new Worker(file, { workerData, execArgv: [] });
  }
}

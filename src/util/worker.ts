import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker thread on `file`, inheriting the parent's Node options, except when the parent
 * was started with `--input-type` (a string entry point, as in `node --input-type=module
 * -e ...`), which a worker's file entry point rejects: then it gets the others, or none if
 * Node refuses some. Workers get a young generation of YOUNG_GENERATION_MB: their records
 * are short-lived, and a larger nursery means fewer scavenges.
 */
export function startWorker(file: string, workerData: unknown): Worker {
  const resourceLimits: ResourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  if (!process.execArgv.some((a) => a.startsWith('--input-type'))) return new Worker(file, { workerData, resourceLimits });
  try {
    return new Worker(file, { workerData, resourceLimits, execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) });
  } catch {
    return new Worker(file, { workerData, resourceLimits, execArgv: [] });
  }
}

export const YOUNG_GENERATION_MB = 48;

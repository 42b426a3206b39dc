/**
 * Runs a panel kernel over a file, split into byte ranges at line breaks: the first
 * range in this thread, the others in worker threads (large files only, and only from
 * the compiled package: under a TypeScript loader the ranges run here one after the
 * other). If any range meets a quote character, a quoted field might span a cut, so the
 * file is read again in one range: quoted panels are correct, just not parallel.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EffektError } from '../errors.js';
import type { InputRole } from '../types.js';
import { BenefitKernel, type BenefitParams, type BenefitPartial } from './benefitKernel.js';
import { splitAtLines, type FileHead } from './header.js';
import { scanRange, type RangeScan, type RowLayout } from './rowScan.js';
import type { IngestOptions } from './types.js';
import { WageKernel, type WageParams, type WagePartial } from './wageKernel.js';

export type KernelJob = { readonly kind: 'benefits'; readonly params: BenefitParams } | { readonly kind: 'wages'; readonly params: WageParams };
type PartialOf<J extends KernelJob> = J extends { kind: 'benefits' } ? BenefitPartial : WagePartial;

export interface RangeResult<P> {
  readonly partial: P;
  readonly scan: RangeScan;
  /** Line number of the range's first line: add it to the kernel's 0-based lines. */
  readonly firstLine: number;
}

/** Files smaller than this are read in one range. */
export const PARALLEL_MIN_BYTES = 48 << 20;
const MAX_THREADS = 4;

export interface WorkerInput {
  readonly job: KernelJob;
  readonly path: string;
  readonly display: string;
  readonly start: number;
  readonly end: number;
  readonly layout: RowLayout;
}

export type WorkerMessage =
  | { readonly progress: number }
  | { readonly done: { readonly partial: BenefitPartial | WagePartial; readonly scan: RangeScan } }
  | { readonly failed: { readonly message: string; readonly file?: string; readonly line?: number; readonly column?: number } }
  | { readonly crashed: string };

const workerUrl = new URL('./panelWorker.js', import.meta.url);
const workersAvailable = import.meta.url.endsWith('.js');

export function makeKernel(job: KernelJob): BenefitKernel | WageKernel {
  return job.kind === 'benefits' ? new BenefitKernel(job.params) : new WageKernel(job.params);
}

export async function runPanel<J extends KernelJob>(
  role: InputRole,
  path: string,
  display: string,
  head: FileHead,
  layout: RowLayout,
  job: J,
  opts: IngestOptions,
): Promise<RangeResult<PartialOf<J>>[]> {
  const bytes = head.size - head.dataStart;
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), MAX_THREADS));
  const minBytes = opts.parallelMinBytes ?? PARALLEL_MIN_BYTES;
  const parts = bytes >= minBytes ? threads : 1;
  const cuts = await splitAtLines(path, head.dataStart, head.size, parts);
  const done = new Array<number>(cuts.length - 1).fill(0);
  const report = (k: number, d: number): void => {
    done[k] = d;
    opts.onProgress?.(role, head.dataStart + done.reduce((a, b) => a + b, 0), head.size);
  };
  const workers: Worker[] = [];
  let results: { partial: BenefitPartial | WagePartial; scan: RangeScan }[];
  try {
    results = await Promise.all(
      cuts.slice(0, -1).map((start, k) => {
        const input: WorkerInput = { job, path, display, start, end: cuts[k + 1]!, layout };
        return k > 0 && workersAvailable ? inWorker(input, (d) => report(k, d), workers) : inThread(input, (d) => report(k, d));
      }),
    );
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
  if (results.length > 1 && results.some((r) => r.scan.sawQuote)) {
    results = [await inThread({ job, path, display, start: head.dataStart, end: head.size, layout }, (d) => report(0, d))];
  }
  let firstLine = head.firstDataLine;
  return results.map((r) => {
    const out = { partial: r.partial as PartialOf<J>, scan: r.scan, firstLine };
    firstLine += r.scan.lines;
    return out;
  });
}

async function inThread(input: WorkerInput, onBytes: (done: number) => void): Promise<{ partial: BenefitPartial | WagePartial; scan: RangeScan }> {
  const kernel = makeKernel(input.job);
  const scan = await scanRange(input.path, input.display, input.start, input.end, input.layout, input.job.params.dialect, kernel, onBytes);
  return { partial: kernel.result(), scan };
}

function inWorker(input: WorkerInput, onBytes: (done: number) => void, workers: Worker[]): Promise<{ partial: BenefitPartial | WagePartial; scan: RangeScan }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(workerUrl), { workerData: input });
    workers.push(worker);
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if ('progress' in m) onBytes(m.progress);
      else if ('done' in m) {
        settled = true;
        resolve(m.done);
      } else if ('failed' in m) {
        settled = true;
        const { message, ...location } = m.failed;
        reject(new EffektError(message, { exitCode: 2, ...(location.file ? { location: { ...location, file: location.file } } : {}) }));
      } else {
        settled = true;
        reject(new Error(`ingest worker failed: ${m.crashed}`));
      }
    });
    worker.on('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`ingest worker exited with code ${code}`));
    });
  });
}

/**
 * Runs a panel kernel over a file split into byte ranges at line breaks. Large files (from
 * the compiled package) are cut into several ranges per thread, read by an IngestPool
 * (the run's shared one, or one made for this file): this thread and the worker threads
 * take the next unread range whenever they are free; small files, and runs under a
 * TypeScript loader (tests), read the ranges here one after the other. Each range has its
 * own kernel; the partial results are merged by the caller in file order. Each range is
 * read as if a record began at its start (cuts are made after line breaks), which holds
 * when the range before it ended at a record boundary: each range reports whether it did.
 * If one did not (a quoted field with a line break spans a cut), the file is read again
 * in one range. So quoted panels (Excel exports) are read in parallel too.
 */
import { availableParallelism } from 'node:os';
import type { InputRole } from '../types.js';
import { BenefitKernel, type BenefitParams, type BenefitPartial } from './benefitKernel.js';
import { splitAtLines, type FileHead } from './header.js';
import { scanRange, type RangeScan, type RowLayout } from './rowScan.js';
import type { IngestOptions } from './types.js';
import { IngestPool, workersAvailable } from './pool.js';
import { WageKernel, type WageParams, type WagePartial } from './wageKernel.js';

export type KernelJob = { readonly kind: 'benefits'; readonly params: BenefitParams } | { readonly kind: 'wages'; readonly params: WageParams };
type PartialOf<J extends KernelJob> = J extends { kind: 'benefits' } ? BenefitPartial : WagePartial;
export type Done = { readonly partial: BenefitPartial | WagePartial; readonly scan: RangeScan };

export interface RangeResult<P> {
  readonly partial: P;
  readonly scan: RangeScan;
  /** Line number of the range's first line: add it to the kernel's 0-based lines. */
  readonly firstLine: number;
}

/** Files smaller than this are read in one range. */
export const PARALLEL_MIN_BYTES = 48 << 20;
const MAX_THREADS = 4;
const RANGES_PER_THREAD = 4;

/** What a worker thread is started with. */
export interface WorkerSetup {
  readonly job: KernelJob;
  readonly path: string;
  readonly display: string;
  readonly layout: RowLayout;
}

export type ToWorker =
  | { readonly file: number; readonly setup: WorkerSetup }
  | { readonly file: number; readonly range: number; readonly start: number; readonly end: number };
export type FromWorker =
  | { readonly range: number; readonly progress: number }
  | { readonly range: number; readonly done: Done }
  | { readonly failed: { readonly message: string; readonly file?: string; readonly line?: number; readonly column?: number } }
  | { readonly crashed: string };


/** Threads that read panels: the option, else the machine's parallelism, from 1 to MAX_THREADS. */
export function readingThreads(opts: IngestOptions): number {
  return Math.max(1, Math.min(opts.threads ?? availableParallelism(), MAX_THREADS));
}

export function makeKernel(job: KernelJob): BenefitKernel | WageKernel {
  return job.kind === 'benefits' ? new BenefitKernel(job.params) : new WageKernel(job.params);
}

export async function scanOne(setup: WorkerSetup, start: number, end: number, onBytes: (done: number) => void): Promise<Done> {
  const kernel = makeKernel(setup.job);
  const scan = await scanRange(setup.path, setup.display, start, end, setup.layout, setup.job.params.dialect, kernel, onBytes);
  return { partial: kernel.result(), scan };
}

/**
 * Cuts grouped into ranges that shrink towards the end of the file (guided scheduling:
 * each range takes 1/(2 × threads) of the parts left, at least one), so the threads' last
 * ranges are small and they finish close together: a worker holds the next range before it
 * is done with its current one, and with equal ranges this thread waited up to a whole
 * range (60 ms on the bench panel) for the worker's last. Bench panel, 2 threads, sixteen
 * parts grouped 4, 3, 3, 2, 1, 1, 1, 1: panels stage 430 → 414 and 446 → 427 ms (medians
 * of nine alternating runs, twice).
 */
export function guided(cuts: readonly number[], threads: number): number[] {
  const out = [cuts[0]!];
  let k = 0;
  const parts = cuts.length - 1;
  while (k < parts) {
    k += Math.max(1, Math.ceil((parts - k) / (2 * threads)));
    out.push(cuts[Math.min(k, parts)]!);
  }
  return out;
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
  const setup: WorkerSetup = { job, path, display, layout };
  const bytes = head.size - head.dataStart;
  const threads = readingThreads(opts);
  const large = bytes >= (opts.parallelMinBytes ?? PARALLEL_MIN_BYTES) && threads > 1;
  // A shared pool's workers are running already: a small file is one range that any thread may take.
  const parts = large ? threads * (workersAvailable ? RANGES_PER_THREAD : 1) : 1;
  // Twice as many equal parts as ranges, grouped into ranges that shrink towards the end.
  const cuts = parts > 1 ? guided(await splitAtLines(path, head.dataStart, head.size, parts * 2), threads) : await splitAtLines(path, head.dataStart, head.size, 1);
  const ranges = cuts.length - 1;
  const done = new Array<number>(ranges).fill(0);
  const report = (k: number, d: number): void => {
    done[k] = d;
    opts.onProgress?.(role, head.dataStart + done.reduce((a, b) => a + b, 0), head.size);
  };
  const own = opts.pool === undefined ? new IngestPool(large ? threads - 1 : 0) : undefined;
  let results: Done[];
  try {
    const scanning = (opts.pool ?? own!).scan(setup, cuts, report);
    opts.onQueued?.(role);
    results = await scanning;
  } finally {
    await own?.close();
  }
  if (results.some((r, k) => k < results.length - 1 && !r.scan.cleanEnd)) {
    done.fill(0);
    results = [await scanOne(setup, head.dataStart, head.size, (d) => report(0, d))];
  }
  let firstLine = head.firstDataLine;
  return results.map((r) => {
    const out = { partial: r.partial as PartialOf<J>, scan: r.scan, firstLine };
    firstLine += r.scan.lines;
    return out;
  });
}

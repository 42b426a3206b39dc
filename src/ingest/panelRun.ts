/**
 * Runs a panel kernel over a file split into byte ranges at line breaks. Large files (from
 * the compiled package) are cut into several ranges per thread, and this thread and the
 * worker threads take the next unread range whenever they are free (so a thread slowed by
 * other processes on the machine does less); small files, and runs under a TypeScript
 * loader (tests), read the ranges here one after the other. Each range has its own kernel;
 * the partial results are merged by the caller in file order. If any range meets a quote
 * character, a quoted field might span a cut, so the file is read again in one range:
 * quoted panels are read correctly, just not in parallel.
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
type Done = { readonly partial: BenefitPartial | WagePartial; readonly scan: RangeScan };

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

export type ToWorker = { readonly range: number; readonly start: number; readonly end: number };
export type FromWorker =
  | { readonly range: number; readonly progress: number }
  | { readonly range: number; readonly done: Done }
  | { readonly failed: { readonly message: string; readonly file?: string; readonly line?: number; readonly column?: number } }
  | { readonly crashed: string };

const workerUrl = new URL('./panelWorker.js', import.meta.url);
const workersAvailable = import.meta.url.endsWith('.js');

/**
 * A worker inherits the parent's Node options, except when the parent was started with
 * `--input-type` (a string entry point, as in `node --input-type=module -e ...`), which a
 * worker's file entry point rejects: then it gets the others, or none if Node refuses some.
 */
function startWorker(setup: WorkerSetup): Worker {
  const file = fileURLToPath(workerUrl);
  if (!process.execArgv.some((a) => a.startsWith('--input-type'))) return new Worker(file, { workerData: setup });
  try {
    return new Worker(file, { workerData: setup, execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) });
  } catch {
    return new Worker(file, { workerData: setup, execArgv: [] });
  }
}

export function makeKernel(job: KernelJob): BenefitKernel | WageKernel {
  return job.kind === 'benefits' ? new BenefitKernel(job.params) : new WageKernel(job.params);
}

export async function scanOne(setup: WorkerSetup, start: number, end: number, onBytes: (done: number) => void): Promise<Done> {
  const kernel = makeKernel(setup.job);
  const scan = await scanRange(setup.path, setup.display, start, end, setup.layout, setup.job.params.dialect, kernel, onBytes);
  return { partial: kernel.result(), scan };
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
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), MAX_THREADS));
  const large = bytes >= (opts.parallelMinBytes ?? PARALLEL_MIN_BYTES) && threads > 1;
  const cuts = await splitAtLines(path, head.dataStart, head.size, large ? threads * (workersAvailable ? RANGES_PER_THREAD : 1) : 1);
  const ranges = cuts.length - 1;
  const done = new Array<number>(ranges).fill(0);
  const report = (k: number, d: number): void => {
    done[k] = d;
    opts.onProgress?.(role, head.dataStart + done.reduce((a, b) => a + b, 0), head.size);
  };
  let results = await scanRanges(setup, cuts, large && workersAvailable ? threads - 1 : 0, report);
  if (results.length > 1 && results.some((r) => r.scan.sawQuote)) {
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

/** Ranges cuts[k]..cuts[k+1], taken in order by this thread and `workers` worker threads. */
async function scanRanges(setup: WorkerSetup, cuts: readonly number[], workers: number, report: (k: number, d: number) => void): Promise<Done[]> {
  const ranges = cuts.length - 1;
  const results = new Array<Done>(ranges);
  let next = 0;
  const threads: Worker[] = [];
  let failure: unknown = null;
  const here = async (): Promise<void> => {
    while (next < ranges && failure === null) {
      const k = next++;
      results[k] = await scanOne(setup, cuts[k]!, cuts[k + 1]!, (d) => report(k, d));
    }
  };
  const there = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = startWorker(setup);
      threads.push(worker);
      let busy = false;
      const give = (): void => {
        if (next >= ranges || failure !== null) {
          busy = false;
          void worker.terminate();
          resolve();
          return;
        }
        const k = next++;
        busy = true;
        worker.postMessage({ range: k, start: cuts[k]!, end: cuts[k + 1]! } satisfies ToWorker);
      };
      worker.on('message', (m: FromWorker) => {
        if ('progress' in m) report(m.range, m.progress);
        else if ('done' in m) {
          results[m.range] = m.done;
          give();
        } else if ('failed' in m) {
          const { message, ...location } = m.failed;
          reject(new EffektError(message, { exitCode: 2, ...(location.file ? { location: { ...location, file: location.file } } : {}) }));
        } else reject(new Error(`ingest worker failed: ${m.crashed}`));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (busy) reject(new Error(`ingest worker exited with code ${code}`));
      });
      give();
    });
  try {
    await Promise.all([here(), ...Array.from({ length: workers }, there)]);
  } catch (e) {
    failure = e;
    await Promise.all(threads.map((w) => w.terminate()));
    throw e;
  }
  return results;
}

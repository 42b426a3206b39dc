/**
 * The threads that read panel byte ranges: this thread plus worker threads, started
 * once per run (before the cohort is read, so they have loaded their code by the time
 * the panels are read) and shared by the benefit and wage panels, which are read at the
 * same time. One queue of ranges across files: whichever thread is free takes the next
 * range, so a thread slowed by other processes does less, and a small file fills the
 * gaps of a large one. A worker is sent a file's kernel parameters once, then ranges,
 * two at a time, so it never waits for this thread (busy with a range of its own) to
 * hand it the next one.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { EffektError } from '../errors.js';
import { startWorker } from '../util/worker.js';
import { scanOne, type Done, type FromWorker, type ToWorker, type WorkerSetup } from './panelRun.js';

interface Task {
  readonly file: FileRun;
  readonly k: number;
  readonly start: number;
  readonly end: number;
}

interface FileRun {
  readonly id: number;
  readonly setup: WorkerSetup;
  readonly results: Done[];
  readonly report: (k: number, done: number) => void;
  left: number;
  failed: boolean;
  resolve: (results: Done[]) => void;
  reject: (e: unknown) => void;
}

interface Thread {
  readonly worker: Worker;
  readonly sent: Set<number>;
  /** Ranges sent and not yet answered, in the order the worker reads them. */
  readonly inFlight: Task[];
}

const IN_FLIGHT = 2;
const workerUrl = new URL('./panelWorker.js', import.meta.url);
/** Worker threads need the compiled package (a TypeScript loader's source files cannot be their entry); the bundle in dist/bin is CommonJS, `main.cjs`. */
export const workersAvailable = !/\.[cm]?ts$/.test(import.meta.url);

export class IngestPool {
  private readonly queue: Task[] = [];
  private readonly threads: Thread[] = [];
  private nextId = 0;
  private hereBusy = false;
  private closed = false;
  private readonly idle: (() => void)[] = [];

  /** `workers` worker threads besides this one (0: everything runs here). */
  constructor(readonly workers: number) {
    if (!workersAvailable) this.workers = 0;
    const inline = this.workers > 0 && compileOnOwnThread(this.workers + 1);
    if (inline) setFlagsFromString('--no-concurrent-recompilation');
    let starting = this.workers;
    const started = (): void => {
      if (inline && --starting === 0) setFlagsFromString('--concurrent-recompilation');
    };
    for (let w = 0; w < this.workers; w++) {
      const thread = this.spawn();
      thread.worker.once('online', started);
      thread.worker.once('exit', () => {
        if (starting > 0) started();
      });
      this.threads.push(thread);
    }
  }

  /** Scans cuts[k]..cuts[k+1] of one file; resolves with the ranges' results in file order. */
  scan(setup: WorkerSetup, cuts: readonly number[], report: (k: number, done: number) => void): Promise<Done[]> {
    if (this.closed) throw new Error('ingest pool used after close');
    return new Promise<Done[]>((resolve, reject) => {
      const ranges = cuts.length - 1;
      const file: FileRun = { id: this.nextId++, setup, results: new Array<Done>(ranges), report, left: ranges, failed: false, resolve, reject };
      if (ranges === 0) return resolve([]);
      for (let k = 0; k < ranges; k++) this.queue.push({ file, k, start: cuts[k]!, end: cuts[k + 1]! });
      this.dispatch();
    });
  }

  /**
   * Runs `task` on this thread once it has no range left to take while a worker still reads
   * one: time it would otherwise spend waiting (10-30 ms at the end of the bench panel). Not
   * at all if that does not happen (the caller does that work itself then), and once at most.
   */
  whenIdle(task: () => void): void {
    this.idle.push(task);
  }

  /** Stops the worker threads; pending scans are left unresolved. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    // Idle workers are unref'd, and a worker's end can take a moment (it may be inside a
    // file read): each is ref'd again, so the event loop stays alive until it has ended, or
    // Node would exit first with code 13 ("unsettled top-level await"). Not a timer: the
    // run's first timer costs ~6 ms (Node sets up its timer queue), and the pipeline closes
    // the pool, without waiting, on its way into the outcomes.
    for (const t of this.threads) t.worker.ref();
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private dispatch(): void {
    for (const t of this.threads) this.give(t);
    void this.here();
  }

  private spawn(): Thread {
    const worker = startWorker(fileURLToPath(workerUrl), null);
    const thread: Thread = { worker, sent: new Set(), inFlight: [] };
    worker.on('message', (m: FromWorker) => {
      const task = thread.inFlight[0];
      if (task === undefined) return;
      if ('progress' in m) return task.file.report(task.k, m.progress);
      thread.inFlight.shift();
      if ('done' in m) this.finish(task, m.done);
      else if ('failed' in m) {
        const { message, ...location } = m.failed;
        this.fail(task.file, new EffektError(message, { exitCode: 2, ...(location.file ? { location: { ...location, file: location.file } } : {}) }));
      } else this.fail(task.file, new Error(`ingest worker failed: ${m.crashed}`));
      this.give(thread);
    });
    const dead = (e: Error): void => {
      const i = this.threads.indexOf(thread);
      if (i >= 0) this.threads.splice(i, 1);
      if (!this.closed) for (const task of thread.inFlight) this.fail(task.file, e);
      thread.inFlight.length = 0;
      void this.here(); // the ranges left are read here
    };
    worker.on('error', dead);
    worker.on('exit', (code) => dead(new Error(`ingest worker exited with code ${code}`)));
    worker.unref(); // an idle worker never keeps the process alive; a busy one is ref'd
    return thread;
  }

  private take(): Task | undefined {
    let t = this.queue.shift();
    while (t !== undefined && t.file.failed) t = this.queue.shift();
    return t;
  }

  /** Tops the worker up to IN_FLIGHT ranges. */
  private give(thread: Thread): void {
    while (thread.inFlight.length < IN_FLIGHT) {
      const task = this.take();
      if (task === undefined) break;
      thread.inFlight.push(task);
      const { file } = task;
      if (!thread.sent.has(file.id)) {
        thread.sent.add(file.id);
        thread.worker.postMessage({ file: file.id, setup: file.setup } satisfies ToWorker);
      }
      thread.worker.postMessage({ file: file.id, range: task.k, start: task.start, end: task.end } satisfies ToWorker);
    }
    if (thread.inFlight.length > 0) thread.worker.ref();
    else thread.worker.unref();
  }

  /** This thread takes ranges too, one at a time, until the queue is empty. */
  private async here(): Promise<void> {
    if (this.hereBusy) return;
    this.hereBusy = true;
    try {
      for (let task = this.take(); task !== undefined; task = this.take()) {
        const { file } = task;
        try {
          this.finish(task, await scanOne(file.setup, task.start, task.end, (d) => file.report(task.k, d)));
        } catch (e) {
          this.fail(file, e);
        }
      }
    } finally {
      this.hereBusy = false;
    }
    if (this.threads.some((t) => t.inFlight.length > 0)) {
      for (let task = this.idle.shift(); task !== undefined; task = this.idle.shift()) {
        try {
          task();
        } catch {
          // the caller does the work again when it needs it
        }
      }
    }
  }

  private finish(task: Task, done: Done): void {
    const { file } = task;
    if (file.failed) return;
    file.results[task.k] = done;
    if (--file.left === 0) file.resolve(file.results);
  }

  private fail(file: FileRun, e: unknown): void {
    if (file.failed) return;
    file.failed = true;
    file.reject(e);
  }
}

/** The V8 whose isolates were measured to read the flag below only when they are created (Node 20). */
const MEASURED_V8 = /^11\.3\./;

/**
 * Whether the reading workers should run V8's optimising compiler on their own thread. By
 * default it runs on a background thread, which pays only when a core is idle; when this
 * thread and the workers keep every core busy it competes with them, and the kernels' climb
 * to optimised code (the cold start of each thread's first ranges) takes longer. Measured
 * on 2 cores (bench panel, nine alternating runs each): end to end 1.46 s against 1.50 s and
 * 1.94 against 2.00 CPU-seconds; neutral on a week-ordered panel and on 41.6 million rows.
 * V8 reads the flag when an isolate is created, so it is turned off while the workers start
 * and back on once they run: this thread's own compiler, and later workers', are untouched.
 * Only on the V8 where this was measured, and never when Node was started with the flag.
 */
function compileOnOwnThread(readers: number): boolean {
  if (readers < availableParallelism()) return false;
  if (!MEASURED_V8.test(process.versions.v8)) return false;
  return !process.execArgv.some((a) => a.includes('concurrent-recompilation'));
}

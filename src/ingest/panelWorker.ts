/**
 * Worker-thread entry of IngestPool: a file's kernel parameters once, then byte ranges of
 * it, each through a fresh kernel, one after the other in the order sent (the pool sends
 * the next range before this one is done, and matches answers to ranges by that order).
 */
import { parentPort } from 'node:worker_threads';
import { EffektError } from '../errors.js';
import { scanOne, type Done, type FromWorker, type ToWorker, type WorkerSetup } from './panelRun.js';

const setups = new Map<number, WorkerSetup>();
const post = (m: FromWorker): void => parentPort!.postMessage(m);
/** A range's result arrays are moved to the reading thread, not copied (~1 MB each on large cohorts). */
const transfers = (d: Done): ArrayBuffer[] => {
  const p = d.partial;
  const arrays = 'classes' in p ? [p.classes, p.weeksSeen] : [p.hours, p.income, p.rowsOf];
  return arrays.map((a) => a.buffer as ArrayBuffer);
};
let previous: Promise<void> = Promise.resolve();
parentPort!.on('message', (m: ToWorker) => {
  if ('setup' in m) {
    setups.set(m.file, m.setup);
    return;
  }
  previous = previous.then(() => read(m));
});

function read(m: Extract<ToWorker, { range: number }>): Promise<void> {
  return scanOne(setups.get(m.file)!, m.start, m.end, (progress) => post({ range: m.range, progress })).then(
    (done) => parentPort!.postMessage({ range: m.range, done } satisfies FromWorker, transfers(done)),
    (e: unknown) => {
      if (e instanceof EffektError) post({ failed: { message: e.message, ...(e.location ?? {}) } });
      else post({ crashed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    },
  );
}

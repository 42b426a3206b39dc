/** Worker-thread entry of IngestPool: a file's kernel parameters once, then byte ranges of it, each through a fresh kernel. */
import { parentPort } from 'node:worker_threads';
import { EffektError } from '../errors.js';
import { scanOne, type FromWorker, type ToWorker, type WorkerSetup } from './panelRun.js';

const setups = new Map<number, WorkerSetup>();
const post = (m: FromWorker): void => parentPort!.postMessage(m);
parentPort!.on('message', (m: ToWorker) => {
  if ('setup' in m) {
    setups.set(m.file, m.setup);
    return;
  }
  scanOne(setups.get(m.file)!, m.start, m.end, (progress) => post({ range: m.range, progress })).then(
    (done) => post({ range: m.range, done }),
    (e: unknown) => {
      if (e instanceof EffektError) post({ failed: { message: e.message, ...(e.location ?? {}) } });
      else post({ crashed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    },
  );
});

/** Worker-thread entry of runPanel: byte ranges of one panel file, each through a fresh kernel. */
import { parentPort, workerData } from 'node:worker_threads';
import { EffektError } from '../errors.js';
import { scanOne, type FromWorker, type ToWorker, type WorkerSetup } from './panelRun.js';

const setup = workerData as WorkerSetup;
const post = (m: FromWorker): void => parentPort!.postMessage(m);
parentPort!.on('message', (m: ToWorker) => {
  scanOne(setup, m.start, m.end, (progress) => post({ range: m.range, progress })).then(
    (done) => post({ range: m.range, done }),
    (e: unknown) => {
      if (e instanceof EffektError) post({ failed: { message: e.message, ...(e.location ?? {}) } });
      else post({ crashed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    },
  );
});

/** Worker-thread entry of runPanel: one byte range of a panel file through one kernel. */
import { parentPort, workerData } from 'node:worker_threads';
import { EffektError } from '../errors.js';
import { makeKernel, type WorkerInput, type WorkerMessage } from './panelRun.js';
import { scanRange } from './rowScan.js';

const input = workerData as WorkerInput;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
try {
  const kernel = makeKernel(input.job);
  const scan = await scanRange(input.path, input.display, input.start, input.end, input.layout, input.job.params.dialect, kernel, (progress) => post({ progress }));
  post({ done: { partial: kernel.result(), scan } });
} catch (e) {
  if (e instanceof EffektError) post({ failed: { message: e.message, ...(e.location ?? {}) } });
  else post({ crashed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}

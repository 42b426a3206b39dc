/** Worker-thread entry of startProvenance: hashes the files it is given, in order. */
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { hashFile } from './provenance.js';

try {
  parentPort!.postMessage((workerData as string[]).map((path) => (existsSync(path) ? hashFile(path) : { missing: true })));
} catch (e) {
  parentPort!.postMessage({ failed: e instanceof Error ? e.message : String(e) });
}

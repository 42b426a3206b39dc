/**
 * Worker-thread entry of hashOnWorker (hashing.ts): hashes the files it is given, in order, at
 * the lowest scheduling priority. For `effekt run` on a large extract the launcher starts it
 * before the CLI is loaded (hashAhead.ts), so it hashes while the main thread loads the CLI and
 * reads the cohort, when the second core is mostly idle; at nice 19 it then gives way to the
 * reading threads once the panels are read. Otherwise (a library caller) evaluate starts it once
 * the cohort is known to be valid. Measured on 2 cores (bench panel): started by the launcher,
 * 0.96-0.97 -> 0.94-0.95 s end to end against starting with the panels; earlier, started with
 * the panels at nice 19 against after them, 1.12-1.17 against 1.13-1.20 s; at normal priority
 * from the launcher, no different. Linux only: there `setPriority(0, ...)` lowers the calling
 * thread, while on macOS and Windows it would lower the whole process.
 */
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { hashFile } from './hashing.js';

if (process.platform === 'linux') {
  try {
    setPriority(0, 19);
  } catch {
    // Not permitted in some sandboxes: the hashes are the same, only their timing differs.
  }
}

try {
  parentPort!.postMessage((workerData as string[]).map((path) => (existsSync(path) ? hashFile(path) : { missing: true })));
} catch (e) {
  parentPort!.postMessage({ failed: e instanceof Error ? e.message : String(e) });
}

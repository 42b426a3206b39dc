/**
 * Worker-thread entry of startProvenance: hashes the files it is given, in order, at the
 * lowest scheduling priority. It is started once the cohort is known to be valid, while the
 * reading threads fill every core with the panels: at nice 19 it runs only in the moments they
 * leave a core idle, and at full speed once the panels are read (the main thread then needs
 * one core). Measured on 2 cores when it was started with the panels (bench panel, medians of
 * nine alternating runs, four rounds): started after the panels instead, 1.13–1.20 s end to
 * end, the main thread waiting 1–108 ms for the hashes; at nice 19 with the panels, 1.12–1.17 s
 * with no wait; at normal priority the panels stage was 65 ms slower. Linux only: there
 * `setPriority(0, …)` lowers the calling thread, while on macOS and Windows it would lower the
 * whole process.
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

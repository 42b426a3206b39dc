import type { InputRole } from '../types.js';
import type { CliIO } from './io.js';

/**
 * A progress bar on stderr for the large register files, only when stderr is a
 * terminal (silent in pipes, schedulers and CI). Redraws at most every 100 ms.
 */
export function progressReporter(io: CliIO, now: () => number = Date.now): ((role: InputRole, done: number, total: number) => void) | undefined {
  if (!io.stderrIsTTY) return undefined;
  let last = 0;
  return (role, done, total) => {
    const t = now();
    const finished = done >= total;
    if (!finished && t - last < 100) return;
    last = t;
    const width = 30;
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(frac * width);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    io.stderr(`\r${role.padEnd(12)} [${bar}] ${(frac * 100).toFixed(0).padStart(3)} %${finished ? '\n' : ''}`);
  };
}

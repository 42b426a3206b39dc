import type { InputRole } from '../types.js';
import type { CliIO } from './io.js';

/** Characters of bar shared by the files on one line (two files read together: 15 each). */
const BAR_WIDTH = 30;

/**
 * A progress bar on stderr for the large register files, only when stderr is a
 * terminal (silent in pipes, schedulers and CI). Redraws at most every 100 ms. Files
 * read at the same time (the benefit and wage panels) share one line, which ends when
 * all of them are done.
 */
export function progressReporter(io: CliIO, now: () => number = Date.now): ((role: InputRole, done: number, total: number) => void) | undefined {
  if (!io.stderrIsTTY) return undefined;
  let last = 0;
  const line = new Map<InputRole, { done: number; total: number }>();
  return (role, done, total) => {
    line.set(role, { done, total });
    const finished = [...line.values()].every((f) => f.done >= f.total);
    const t = now();
    if (!finished && t - last < 100) return;
    last = t;
    const width = Math.max(10, Math.floor(BAR_WIDTH / line.size));
    const bars = [...line].map(([r, f]) => {
      const frac = f.total > 0 ? Math.min(1, f.done / f.total) : 1;
      const filled = Math.round(frac * width);
      return `${line.size === 1 ? r.padEnd(12) : r} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)} %`;
    });
    io.stderr(`\r${bars.join('  ')}${finished ? '\n' : ''}`);
    if (finished) line.clear();
  };
}

import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { progressReporter } from '../../src/cli/progress.js';

function terminal(): ReturnType<typeof memoryIO> {
  const io = memoryIO();
  return Object.assign(io, { stderrIsTTY: true });
}

describe('progress bar', () => {
  it('is silent when stderr is not a terminal', () => {
    expect(progressReporter(memoryIO())).toBeUndefined();
  });

  it('draws one file per line, at most every 100 ms, and ends the line when the file is done', () => {
    const io = terminal();
    let t = 0;
    const report = progressReporter(io, () => t)!;
    t = 200;
    report('controls', 50, 100);
    t = 250;
    report('controls', 60, 100); // within 100 ms: not drawn
    t = 260;
    report('controls', 100, 100); // done: always drawn
    expect(io.err).toBe(`\rcontrols     [${'#'.repeat(15)}${'-'.repeat(15)}]  50 %\rcontrols     [${'#'.repeat(30)}] 100 %\n`);
  });

  it('shares a line between files read together and ends it when both are done', () => {
    const io = terminal();
    let t = 1000;
    const report = progressReporter(io, () => t)!;
    report('benefits', 10, 100);
    t += 200;
    report('wages', 100, 100); // wages done, benefits not: the line goes on
    t += 200;
    report('benefits', 100, 100);
    const lines = io.err.split('\r').filter(Boolean);
    expect(lines).toEqual([
      `benefits     [###${'-'.repeat(27)}]  10 %`,
      `benefits [##${'-'.repeat(13)}]  10 %  wages [${'#'.repeat(15)}] 100 %`,
      `benefits [${'#'.repeat(15)}] 100 %  wages [${'#'.repeat(15)}] 100 %\n`,
    ]);
  });
});

/**
 * Side effects the CLI needs, injected so commands can be tested in-process
 * (Observable Framework style): output streams, terminal detection, working directory, clock.
 */
import type { HashingWorker } from '../pipeline/hashing.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress bars only then). */
  readonly stderrIsTTY: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds since the process started, on a monotonic clock (stage timings only; never in outputs). */
  now(): number;
  /** Hashing of the inputs the launcher started before the CLI was loaded (see pipeline/hashAhead.ts). */
  readonly hashAhead?: HashingWorker;
}

export type Command = (args: readonly string[], io: CliIO) => Promise<number>;

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    env: process.env,
    now: () => performance.now(),
  };
}

/** An IO that records everything, for tests. */
export function memoryIO(cwd: string = process.cwd()): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    stderrIsTTY: false,
    cwd,
    env: {},
    now: () => 0,
  };
  return io;
}

import { EffektError } from '../errors.js';
import { COMMANDS } from './commands/index.js';
import { processIO, type CliIO } from './io.js';
import { VERSION } from '../version.js';

// The launcher (bin/effekt.js) makes the CLI's IO itself, to hand it the hashing it started.
export { processIO } from './io.js';

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'effekt: effect evaluation and outcome-payment economics for social impact investments',
    '',
    'Usage: effekt <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `effekt <command> --help` for the options of a command.',
    'Exit codes: 0 success, 1 a check failed (effekt check), 2 invalid input or usage.',
    '',
  ].join('\n');
}

/** Run the CLI; returns the exit code. User errors become one line on stderr, never a stack trace. */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`effekt: unknown command "${name}" (see effekt --help)\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (e) {
    if (e instanceof EffektError) {
      io.stderr(`effekt: ${e.line}\n`);
      for (const d of e.details) io.stderr(`effekt: ${d}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

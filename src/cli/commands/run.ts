import type { Command } from '../io.js';
import { parseCommandArgs } from '../args.js';
import { loadSpec } from '../../spec/load.js';
import { resolve } from 'node:path';

export const runCommand: Command = async (args, io) => {
  const { positionals } = parseCommandArgs('run', args, { out: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  const specPath = positionals[0];
  if (!specPath) {
    io.stderr('effekt: run: missing <spec.json> (see effekt run --help)\n');
    return 2;
  }
  loadSpec(resolve(io.cwd, specPath));
  io.stderr('effekt: run: the pipeline is being assembled\n');
  return 2;
};

#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bin/ (built by `npm ci` via the prepare script)
// and loaded with V8's code cache (see loadCli.js). Before loading it, `effekt run` starts
// hashing the spec's input files on a worker thread, while this thread loads the CLI and
// reads the cohort (src/pipeline/hashAhead.ts).
import { hashAhead, loadCli, BUNDLE } from './loadCli.js';
import { existsSync } from 'node:fs';

if (existsSync(BUNDLE)) {
  const argv = process.argv.slice(2);
  const hashing = hashAhead(argv);
  const { run, processIO } = loadCli();
  process.exitCode = await run(argv, hashing ? { ...processIO(), hashAhead: hashing } : processIO());
} else {
  // A checkout used before `npm ci` (or `npm run build`) has made dist/: say so, in one line.
  process.stderr.write('effekt: the CLI is not built yet (dist/bin/main.cjs is missing); run `npm ci` or `npm run build` first\n');
  process.exitCode = 2;
}

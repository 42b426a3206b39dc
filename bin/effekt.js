#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bin/ (built by `npm ci` via the prepare script)
// and loaded with V8's code cache (see loadCli.js).
import { loadCli, BUNDLE } from './loadCli.js';
import { existsSync } from 'node:fs';

if (existsSync(BUNDLE)) process.exitCode = await loadCli().run(process.argv.slice(2));
else {
  // A checkout used before `npm ci` (or `npm run build`) has made dist/: say so, in one line.
  process.stderr.write('effekt: the CLI is not built yet (dist/bin/main.cjs is missing); run `npm ci` or `npm run build` first\n');
  process.exitCode = 2;
}
